import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { ActivityService } from './activities.js';
import type { ParticipationService } from './participation.js';
import type { PostService } from './posts.js';
import type { ReportService } from './reports.js';
import {
  ActionInput,
  ActivityActionParams,
  ActivityDetailSchema,
  ActivityInput,
  ActivityListQuery,
  ActivityPatch,
  ActivitySchema,
  AttendanceInput,
  CheckinLinkSchema,
  ClaimSchema,
  HoursRowSchema,
  IdParam,
  LocationInput,
  MyHoursSchema,
  NumbersSchema,
  OpenPostsSchema,
  PlaceQuery,
  PostInput,
  PostPatch,
  PostSchema,
  RecordInput,
  SignupSchema,
  StaffClaimSchema,
  StaffRecordSchema,
  TeamSchema,
  TokenParam,
  UnitMembersSchema,
  UserParams,
  YearPlaceQuery,
  YearQuery,
} from './schemas.js';

// 志愿服务 · 双报到认岗 over HTTP, under /community/volunteers: the staff's activities, posts, hours and
// numbers (community:read / community:manage, scoped), a participant's own sign-ups, check-ins,
// posts and certificate (anyone logged in), and the unit liaison's members (units:liaise).

const tags = ['community-volunteers'];
const base = '/community/volunteers';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const optionalJson = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: false },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const binary = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses,
});
const pdfType = 'application/pdf';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileHeaders = (type: string, name: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
});
const MineSchema = ActivitySchema.extend({
  signupState: z.enum(['signed_up', 'waiting', 'cancelled']),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  minutes: z.number(),
});

const r = {
  activities: authRoute({
    method: 'get',
    path: `${base}/activities`,
    tags,
    summary: 'Activities in my scope (staff)',
    request: { query: ActivityListQuery },
    responses: { 200: items(ActivitySchema), ...errorResponses },
  }),
  createActivity: authRoute({
    method: 'post',
    path: `${base}/activities`,
    tags,
    summary: 'Create an activity (draft) of a community',
    request: json(ActivityInput),
    responses: { 201: jsonContent(ActivitySchema), ...errorResponses },
  }),
  openActivities: authRoute({
    method: 'get',
    path: `${base}/activities/open`,
    tags,
    summary: 'Published activities of my county, my community first',
    responses: {
      200: jsonContent(z.object({ communityName: z.string().nullable(), items: z.array(ActivitySchema) })),
      ...errorResponses,
    },
  }),
  myActivities: authRoute({
    method: 'get',
    path: `${base}/activities/mine`,
    tags,
    summary: 'My sign-ups (我的活动)',
    responses: { 200: items(MineSchema), ...errorResponses },
  }),
  activity: authRoute({
    method: 'get',
    path: `${base}/activities/{id}`,
    tags,
    summary: 'One activity, with my sign-up and what I may do',
    request: { params: IdParam },
    responses: { 200: jsonContent(ActivityDetailSchema), ...errorResponses },
  }),
  updateActivity: authRoute({
    method: 'patch',
    path: `${base}/activities/{id}`,
    tags,
    summary: 'Edit a draft or published activity',
    request: { params: IdParam, ...json(ActivityPatch) },
    responses: { 200: jsonContent(ActivitySchema), ...errorResponses },
  }),
  signUp: authRoute({
    method: 'post',
    path: `${base}/activities/{id}/signup`,
    tags,
    summary: '报名: a place, or the waiting list when full',
    request: { params: IdParam },
    responses: { 200: jsonContent(ActivityDetailSchema), ...errorResponses },
  }),
  cancelSignup: authRoute({
    method: 'post',
    path: `${base}/activities/{id}/signup/cancel`,
    tags,
    summary: 'Cancel my sign-up (the first waiting person moves up)',
    request: { params: IdParam },
    responses: { 200: jsonContent(ActivityDetailSchema), ...errorResponses },
  }),
  checkinLocation: authRoute({
    method: 'post',
    path: `${base}/activities/{id}/checkin-location`,
    tags,
    summary: '定位签到: within the radius, from 30 min before the start to 30 min after the end',
    request: { params: IdParam, ...json(LocationInput) },
    responses: { 200: jsonContent(ActivityDetailSchema), ...errorResponses },
  }),
  checkout: authRoute({
    method: 'post',
    path: `${base}/activities/{id}/checkout`,
    tags,
    summary: '签退: minutes served credited as hours and points',
    request: { params: IdParam },
    responses: { 200: jsonContent(ActivityDetailSchema), ...errorResponses },
  }),
  checkinToken: authRoute({
    method: 'post',
    path: `${base}/checkin/{token}`,
    tags,
    summary: '扫码签到: the token of the activity’s QR',
    request: { params: TokenParam },
    responses: { 200: jsonContent(ActivityDetailSchema), ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/activities/{id}/{action}`,
    tags,
    summary: 'Publish, finish or cancel (with a reason) an activity',
    request: { params: ActivityActionParams, ...optionalJson(ActionInput) },
    responses: { 200: jsonContent(ActivitySchema), ...errorResponses },
  }),
  signups: authRoute({
    method: 'get',
    path: `${base}/activities/{id}/signups`,
    tags,
    summary: 'The sign-up list with attendance (staff)',
    request: { params: IdParam },
    responses: { 200: items(SignupSchema), ...errorResponses },
  }),
  attendance: authRoute({
    method: 'post',
    path: `${base}/activities/{id}/attendance`,
    tags,
    summary: '代录考勤: record attendance for a signed-up person or a person without a phone',
    request: { params: IdParam, ...json(AttendanceInput) },
    responses: {
      200: jsonContent(z.object({ id: z.string(), minutes: z.number() })),
      ...errorResponses,
    },
  }),
  checkinLink: authRoute({
    method: 'get',
    path: `${base}/activities/{id}/checkin-qr`,
    tags,
    summary: 'The check-in QR (SVG) and its phone URL (staff of the community)',
    request: { params: IdParam },
    responses: { 200: jsonContent(CheckinLinkSchema), ...errorResponses },
  }),
  teams: authRoute({
    method: 'get',
    path: `${base}/teams`,
    tags,
    summary: 'Volunteer teams in my scope (to organise an activity)',
    responses: { 200: items(TeamSchema), ...errorResponses },
  }),
  hours: authRoute({
    method: 'get',
    path: `${base}/hours`,
    tags,
    summary: 'Hours per person of a year (staff)',
    request: { query: YearPlaceQuery },
    responses: { 200: items(HoursRowSchema), ...errorResponses },
  }),
  hoursSheet: authRoute({
    method: 'get',
    path: `${base}/hours.xlsx`,
    tags,
    summary: 'Hours per person of a year (Excel)',
    request: { query: YearPlaceQuery },
    responses: binary(xlsxType, 'Sheet'),
  }),
  numbers: authRoute({
    method: 'get',
    path: `${base}/numbers`,
    tags,
    summary: 'A year’s activities held, participants and hours per community in scope',
    request: { query: YearPlaceQuery },
    responses: { 200: jsonContent(NumbersSchema), ...errorResponses },
  }),
  myHours: authRoute({
    method: 'get',
    path: `${base}/hours/mine`,
    tags,
    summary: 'My hours of a year',
    request: { query: YearQuery },
    responses: { 200: jsonContent(MyHoursSchema), ...errorResponses },
  }),
  myCertificate: authRoute({
    method: 'get',
    path: `${base}/certificate.pdf`,
    tags,
    summary: 'My certificate of a year (志愿服务证明)',
    request: { query: YearQuery },
    responses: binary(pdfType, 'Certificate'),
  }),
  personCertificate: authRoute({
    method: 'get',
    path: `${base}/people/{userId}/certificate.pdf`,
    tags,
    summary: 'A person’s certificate of a year, counting the activities in my scope (staff)',
    request: { params: UserParams, query: YearQuery },
    responses: binary(pdfType, 'Certificate'),
  }),
  posts: authRoute({
    method: 'get',
    path: `${base}/posts`,
    tags,
    summary: 'Posts in my scope (staff)',
    request: { query: PlaceQuery },
    responses: { 200: items(PostSchema), ...errorResponses },
  }),
  createPost: authRoute({
    method: 'post',
    path: `${base}/posts`,
    tags,
    summary: 'Create a post (岗位) of a community',
    request: json(PostInput),
    responses: { 201: jsonContent(PostSchema), ...errorResponses },
  }),
  openPosts: authRoute({
    method: 'get',
    path: `${base}/posts/open`,
    tags,
    summary: 'Posts I may claim (in-service party members), mine marked',
    responses: { 200: jsonContent(OpenPostsSchema), ...errorResponses },
  }),
  updatePost: authRoute({
    method: 'patch',
    path: `${base}/posts/{id}`,
    tags,
    summary: 'Edit a post (title, duty, slots, active)',
    request: { params: IdParam, ...json(PostPatch) },
    responses: { 200: jsonContent(PostSchema), ...errorResponses },
  }),
  claim: authRoute({
    method: 'post',
    path: `${base}/posts/{id}/claim`,
    tags,
    summary: '认岗: claim a post',
    request: { params: IdParam },
    responses: { 200: jsonContent(ClaimSchema), ...errorResponses },
  }),
  myClaims: authRoute({
    method: 'get',
    path: `${base}/claims/mine`,
    tags,
    summary: 'My posts and their monthly records',
    responses: { 200: items(ClaimSchema), ...errorResponses },
  }),
  endClaim: authRoute({
    method: 'post',
    path: `${base}/claims/{id}/end`,
    tags,
    summary: 'Give up a post',
    request: { params: IdParam },
    responses: { 200: jsonContent(ClaimSchema), ...errorResponses },
  }),
  record: authRoute({
    method: 'post',
    path: `${base}/claims/{id}/records`,
    tags,
    summary: '履岗记录: a month served on my post',
    request: { params: IdParam, ...json(RecordInput) },
    responses: { 200: jsonContent(ClaimSchema), ...errorResponses },
  }),
  claims: authRoute({
    method: 'get',
    path: `${base}/claims`,
    tags,
    summary: 'Claims of the posts in my scope (staff)',
    request: { query: PlaceQuery },
    responses: { 200: items(StaffClaimSchema), ...errorResponses },
  }),
  records: authRoute({
    method: 'get',
    path: `${base}/records`,
    tags,
    summary: 'Monthly service records of the posts in my scope, unconfirmed first (staff)',
    request: { query: PlaceQuery },
    responses: { 200: items(StaffRecordSchema), ...errorResponses },
  }),
  confirm: authRoute({
    method: 'post',
    path: `${base}/records/{id}/confirm`,
    tags,
    summary: 'Confirm a month served: 认岗服务 points to the member',
    request: { params: IdParam },
    responses: { 200: jsonContent(StaffRecordSchema), ...errorResponses },
  }),
  unitMembers: authRoute({
    method: 'get',
    path: `${base}/unit-members`,
    tags,
    summary: '本单位党员: my units’ in-service members’ records (units:liaise)',
    request: { query: YearQuery },
    responses: { 200: jsonContent(UnitMembersSchema), ...errorResponses },
  }),
};

export function volunteersRoutes(
  activities: ActivityService,
  people: ParticipationService,
  posts: PostService,
  reports: ReportService,
) {
  return createRouter()
    .openapi(r.openActivities, async (c) => c.json(await people.open(actorOf(c)), 200))
    .openapi(r.myActivities, async (c) => c.json({ items: await people.mine(actorOf(c)) }, 200))
    .openapi(r.activities, async (c) => c.json({ items: await activities.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.createActivity, async (c) => c.json(await activities.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.activity, async (c) => c.json(await people.detail(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.updateActivity, async (c) =>
      c.json(await activities.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.signUp, async (c) => c.json(await people.signUp(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.cancelSignup, async (c) => c.json(await people.cancelSignup(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.checkinLocation, async (c) =>
      c.json(await people.checkInByLocation(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.checkout, async (c) => c.json(await people.checkOut(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.checkinToken, async (c) =>
      c.json(await people.checkInByToken(actorOf(c), c.req.valid('param').token), 200),
    )
    .openapi(r.signups, async (c) =>
      c.json({ items: await activities.signups(actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(r.attendance, async (c) =>
      c.json(await activities.recordAttendance(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.checkinLink, async (c) => c.json(await activities.checkinLink(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      const body = (c.req.valid('json') as { reason?: string } | undefined) ?? {};
      return c.json(await activities.act(actorOf(c), id, action, body.reason), 200);
    })
    .openapi(r.teams, async (c) => c.json({ items: await activities.teams(actorOf(c)) }, 200))
    .openapi(r.myHours, async (c) => c.json(await reports.myHours(actorOf(c), c.req.valid('query').year), 200))
    .openapi(r.hours, async (c) => c.json({ items: await reports.hours(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.hoursSheet, async (c) => {
      const q = c.req.valid('query');
      const bytes = await reports.hoursSheet(actorOf(c), q);
      return c.body(new Uint8Array(bytes), 200, fileHeaders(xlsxType, `志愿服务时长${q.year ?? ''}.xlsx`));
    })
    .openapi(r.numbers, async (c) => c.json(await reports.numbers(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.myCertificate, async (c) => {
      const bytes = await reports.myCertificate(actorOf(c), c.req.valid('query').year);
      return c.body(new Uint8Array(bytes), 200, fileHeaders(pdfType, '志愿服务证明.pdf'));
    })
    .openapi(r.personCertificate, async (c) => {
      const bytes = await reports.personCertificate(actorOf(c), c.req.valid('param').userId, c.req.valid('query').year);
      return c.body(new Uint8Array(bytes), 200, fileHeaders(pdfType, '志愿服务证明.pdf'));
    })
    .openapi(r.openPosts, async (c) => c.json(await posts.open(actorOf(c)), 200))
    .openapi(r.posts, async (c) => c.json({ items: await posts.list(actorOf(c), c.req.valid('query').placeCode) }, 200))
    .openapi(r.createPost, async (c) => c.json(await posts.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.updatePost, async (c) =>
      c.json(await posts.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.claim, async (c) => c.json(await posts.claim(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.myClaims, async (c) => c.json({ items: await posts.mineClaims(actorOf(c)) }, 200))
    .openapi(r.endClaim, async (c) => c.json(await posts.endClaim(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.record, async (c) =>
      c.json(await posts.record(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.claims, async (c) =>
      c.json({ items: await posts.claims(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.records, async (c) =>
      c.json({ items: await posts.records(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.confirm, async (c) => c.json(await posts.confirm(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.unitMembers, async (c) => c.json(await reports.unitMembers(actorOf(c), c.req.valid('query').year), 200));
}
