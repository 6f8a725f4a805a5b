import type { z } from '@hono/zod-openapi';
import type {
  ActivityDetailSchema,
  ActivityInput,
  ActivitySchema,
  ClaimSchema,
  HoursRowSchema,
  MyHoursSchema,
  NumbersSchema,
  OpenPostsSchema,
  PostInput,
  PostSchema,
  SignupSchema,
  StaffClaimSchema,
  StaffRecordSchema,
  TeamSchema,
  UnitMembersSchema,
} from '../../../server/features/community/volunteers/schemas';
import { download, http, type Items } from '../http';

// 志愿服务 · 双报到认岗 (issue 16): the console's and the phone's calls, typed from the server's schemas.

const base = '/community/volunteers';

export type Activity = z.infer<typeof ActivitySchema>;
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;
export type ActivityBody = z.input<typeof ActivityInput>;
export type Signup = z.infer<typeof SignupSchema>;
export type HoursRow = z.infer<typeof HoursRowSchema>;
export type MyHours = z.infer<typeof MyHoursSchema>;
export type VolunteerNumbers = z.infer<typeof NumbersSchema>;
export type Post = z.infer<typeof PostSchema>;
export type PostBody = z.input<typeof PostInput>;
export type OpenPosts = z.infer<typeof OpenPostsSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type StaffClaim = z.infer<typeof StaffClaimSchema>;
export type StaffRecord = z.infer<typeof StaffRecordSchema>;
export type UnitMembers = z.infer<typeof UnitMembersSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type MyActivity = Activity & {
  signupState: 'signed_up' | 'waiting' | 'cancelled';
  checkedInAt: string | null;
  checkedOutAt: string | null;
  minutes: number;
};

// ---- console (staff)
export const listActivities = (query: { placeCode?: string; state?: string; year?: number }, signal?: AbortSignal) =>
  http.get<Items<Activity>>(`${base}/activities`, { query, signal });
export const createActivity = (body: ActivityBody) => http.post<Activity>(`${base}/activities`, body);
export const updateActivity = (id: string, body: Partial<ActivityBody>) =>
  http.patch<Activity>(`${base}/activities/${id}`, body);
export const activityAction = (id: string, action: string, reason?: string) =>
  http.post<Activity>(`${base}/activities/${id}/${action}`, reason ? { reason } : {});
export const listSignups = (id: string, signal?: AbortSignal) =>
  http.get<Items<Signup>>(`${base}/activities/${id}/signups`, { signal });
export const recordAttendance = (id: string, body: { signupId?: string; guestName?: string; minutes: number }) =>
  http.post<{ id: string; minutes: number }>(`${base}/activities/${id}/attendance`, body);
export const getCheckinQr = (id: string, signal?: AbortSignal) =>
  http.get<{ url: string; svg: string }>(`${base}/activities/${id}/checkin-qr`, { signal });
export const listTeams = (signal?: AbortSignal) => http.get<Items<Team>>(`${base}/teams`, { signal });
export const listHours = (query: { year?: number; placeCode?: string }, signal?: AbortSignal) =>
  http.get<Items<HoursRow>>(`${base}/hours`, { query, signal });
export const downloadHours = (query: { year?: number; placeCode?: string }) =>
  download(`${base}/hours.xlsx`, { query, fallbackName: '志愿服务时长.xlsx' });
export const getVolunteerNumbers = (query: { year?: number; placeCode?: string }, signal?: AbortSignal) =>
  http.get<VolunteerNumbers>(`${base}/numbers`, { query, signal });
export const downloadPersonCertificate = (userId: string, year: number) =>
  download(`${base}/people/${userId}/certificate.pdf`, { query: { year }, fallbackName: '志愿服务证明.pdf' });
export const listPosts = (query: { placeCode?: string }, signal?: AbortSignal) =>
  http.get<Items<Post>>(`${base}/posts`, { query, signal });
export const createPost = (body: PostBody) => http.post<Post>(`${base}/posts`, body);
export const updatePost = (id: string, body: Partial<Omit<PostBody, 'communityCode'>> & { active?: boolean }) =>
  http.patch<Post>(`${base}/posts/${id}`, body);
export const listClaims = (signal?: AbortSignal) => http.get<Items<StaffClaim>>(`${base}/claims`, { signal });
export const listRecords = (signal?: AbortSignal) => http.get<Items<StaffRecord>>(`${base}/records`, { signal });
export const confirmRecord = (id: string) => http.post<StaffRecord>(`${base}/records/${id}/confirm`);

// ---- phone (anyone logged in)
export const listOpenActivities = (signal?: AbortSignal) =>
  http.get<{ communityName: string | null; items: Activity[] }>(`${base}/activities/open`, { signal });
export const listMyActivities = (signal?: AbortSignal) =>
  http.get<Items<MyActivity>>(`${base}/activities/mine`, { signal });
export const getActivity = (id: string, signal?: AbortSignal) =>
  http.get<ActivityDetail>(`${base}/activities/${id}`, { signal });
export const signUp = (id: string) => http.post<ActivityDetail>(`${base}/activities/${id}/signup`);
export const cancelSignup = (id: string) => http.post<ActivityDetail>(`${base}/activities/${id}/signup/cancel`);
export const checkInByToken = (token: string) =>
  http.post<ActivityDetail>(`${base}/checkin/${encodeURIComponent(token)}`);
export const checkInByLocation = (id: string, at: { lng: number; lat: number }) =>
  http.post<ActivityDetail>(`${base}/activities/${id}/checkin-location`, at);
export const checkOut = (id: string) => http.post<ActivityDetail>(`${base}/activities/${id}/checkout`);
export const getMyHours = (year: number, signal?: AbortSignal) =>
  http.get<MyHours>(`${base}/hours/mine`, { query: { year }, signal });
export const downloadMyCertificate = (year: number) =>
  download(`${base}/certificate.pdf`, { query: { year }, fallbackName: '志愿服务证明.pdf' });
export const listOpenPosts = (signal?: AbortSignal) => http.get<OpenPosts>(`${base}/posts/open`, { signal });
export const claimPost = (id: string) => http.post<Claim>(`${base}/posts/${id}/claim`);
export const listMyClaims = (signal?: AbortSignal) => http.get<Items<Claim>>(`${base}/claims/mine`, { signal });
export const endClaim = (id: string) => http.post<Claim>(`${base}/claims/${id}/end`);
export const recordMonth = (id: string, body: { month: string; minutes: number; note?: string }) =>
  http.post<Claim>(`${base}/claims/${id}/records`, body);
export const getUnitMembers = (year: number, signal?: AbortSignal) =>
  http.get<UnitMembers>(`${base}/unit-members`, { query: { year }, signal });
