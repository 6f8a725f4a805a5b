// 议事会议 (issue 17): the area's API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  CandidateSchema,
  CheckinResultSchema,
  HandUpSchema,
  MeetingRowSchema,
  MeetingSchema,
  OwnersSchema,
  PhoneMeetingSchema,
  QrSchema,
  TaskSchema,
  TrailSchema,
} from '../../../server/features/deliberation/meetings/schemas';
import type {
  MeetingAction,
  MeetingKind,
  MeetingState,
  PartyKind,
  TaskKind,
} from '../../../shared/deliberation-meetings';
import { http, type Items } from '../http';

export type MeetingRow = z.infer<typeof MeetingRowSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type AgendaItem = Meeting['items'][number];
export type MeetingTask = z.infer<typeof TaskSchema>;
export type CandidateTopic = z.infer<typeof CandidateSchema>;
export type MeetingOwners = z.infer<typeof OwnersSchema>;
export type PhoneMeeting = z.infer<typeof PhoneMeetingSchema>;
export type CheckinResult = z.infer<typeof CheckinResultSchema>;
export type MeetingQr = z.infer<typeof QrSchema>;
export type HandUp = z.infer<typeof HandUpSchema>;
export type TopicTrail = z.infer<typeof TrailSchema>;

const base = '/deliberation/meetings';
const items = '/deliberation/agenda-items';

export const meetingsApi = {
  list: (state: MeetingState | undefined, signal?: AbortSignal) =>
    http.get<Items<MeetingRow>>(base, { query: { state }, signal }),
  create: (body: { placeCode: string; kind: MeetingKind; title: string; startsAt: string; location: string }) =>
    http.post<Meeting>(base, body),
  get: (id: string, signal?: AbortSignal) => http.get<Meeting>(`${base}/${id}`, { signal }),
  act: (id: string, action: MeetingAction) => http.post<Meeting>(`${base}/${id}/${action}`, {}),
  addParty: (id: string, body: { kind: PartyKind; name: string }) => http.post<Meeting>(`${base}/${id}/parties`, body),
  candidates: (id: string) => http.get<Items<CandidateTopic>>(`${base}/${id}/candidates`),
  owners: (id: string) => http.get<MeetingOwners>(`${base}/${id}/owners`),
  schedule: (id: string, topicId: string) => http.post<Meeting>(`${base}/${id}/agenda`, { topicId }),
  markPresent: (id: string, body: { partyId?: string; partyKind?: PartyKind; name?: string }) =>
    http.post<Meeting>(`${base}/${id}/attendance`, body),
  qr: (id: string) => http.post<MeetingQr>(`${base}/${id}/qr`, {}),
  recordUrl: (id: string) => `/api/v1${base}/${id}/record.pdf`,
  unschedule: (itemId: string) => http.post<Meeting>(`${items}/${itemId}/unschedule`, {}),
  minutes: (itemId: string, body: { summary: string; positions: { partyKind: PartyKind; text: string }[] }) =>
    http.put<Meeting>(`${items}/${itemId}/minutes`, body),
  decide: (itemId: string, body: { decision: string; vote?: { quorumPercent: number; secret: boolean } }) =>
    http.post<Meeting>(`${items}/${itemId}/decide`, body),
  handUp: (itemId: string, reason: string) => http.post<Meeting>(`${items}/${itemId}/hand-up`, { reason }),
  addTask: (
    itemId: string,
    body: { title: string; kind: TaskKind; ownerUserId?: string; departmentId?: string; dueAt: string },
  ) => http.post<Meeting>(`${items}/${itemId}/tasks`, body),
  followUp: (itemId: string, report: string) => http.post<Meeting>(`${items}/${itemId}/follow-up`, { report }),
  taskDone: (taskId: string, report: string) =>
    http.post<MeetingTask>(`/deliberation/tasks/${taskId}/done`, { report }),
  handUps: (signal?: AbortSignal) => http.get<Items<HandUp>>('/deliberation/hand-ups', { signal }),
  handUpRecordUrl: (itemId: string) => `/api/v1/deliberation/hand-ups/${itemId}/record.pdf`,
  trail: (topicId: string) => http.get<TopicTrail>(`/deliberation/topics/${topicId}/trail`),

  // phone
  mine: () => http.get<Items<PhoneMeeting>>(`${base}/mine`),
  phone: (id: string) => http.get<PhoneMeeting>(`${base}/${id}/phone`),
  checkin: (id: string) => http.post<CheckinResult>(`${base}/${id}/checkin`, {}),
  qrMeeting: (token: string) => http.get<PhoneMeeting>(`/deliberation/meeting-checkin/${token}`),
  qrCheckin: (token: string) => http.post<CheckinResult>(`/deliberation/meeting-checkin/${token}`, {}),
};
