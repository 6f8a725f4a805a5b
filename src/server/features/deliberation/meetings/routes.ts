import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { MeetingsDeps } from './deps.js';
import * as meetings from './meetings.js';
import * as minutes from './minutes.js';
import * as record from './record.js';
import {
  AgendaInput,
  AttendanceInput,
  CandidateSchema,
  CheckinResultSchema,
  CodeParam,
  DecideInput,
  HandUpSchema,
  IdParam,
  MeetingActionParams,
  MeetingInput,
  MeetingQuery,
  MeetingRowSchema,
  MeetingSchema,
  MinutesInput,
  OwnersSchema,
  PartyInput,
  PhoneMeetingSchema,
  PublicMeetingsSchema,
  QrSchema,
  ReasonInput,
  ReportInput,
  TaskSchema,
  TaskInput,
  TokenParam,
  TrailSchema,
} from './schemas.js';
import { trail } from './trail.js';

// 议事会议 over HTTP, under /deliberation/: the console's meetings (deliberation:manage to change,
// community:read to read, scoped by the hall's place), the phone's meeting page and sign-in, the
// street's hand-ups, a topic's trail, and the public list of a community's meetings (no login).

const tags = ['deliberation-meetings'];
const base = '/deliberation/meetings';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const meeting = { 200: jsonContent(MeetingSchema), ...errorResponses };
const pdf = {
  200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'PDF' },
  ...errorResponses,
};
const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
});

const r = {
  list: authRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'Meetings in my scope',
    request: { query: MeetingQuery },
    responses: { 200: items(MeetingRowSchema), ...errorResponses },
  }),
  create: authRoute({
    method: 'post',
    path: base,
    tags,
    summary: 'Plan a meeting in the community or a grid hall',
    request: json(MeetingInput),
    responses: { 201: jsonContent(MeetingSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: 'Upcoming and recent meetings of my community (phone)',
    responses: { 200: items(PhoneMeetingSchema), ...errorResponses },
  }),
  handUps: authRoute({
    method: 'get',
    path: '/deliberation/hand-ups',
    tags,
    summary: '上报街道的议题: topics handed up to my street',
    responses: { 200: items(HandUpSchema), ...errorResponses },
  }),
  handUpRecord: authRoute({
    method: 'get',
    path: '/deliberation/hand-ups/{id}/record.pdf',
    tags,
    summary: 'The meeting record of a hand-up (PDF)',
    request: { params: IdParam },
    responses: pdf,
  }),
  get: authRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'A meeting: parties, attendance, agenda with minutes, decisions and tasks',
    request: { params: IdParam },
    responses: meeting,
  }),
  phone: authRoute({
    method: 'get',
    path: `${base}/{id}/phone`,
    tags,
    summary: 'The meeting as a resident of its community sees it',
    request: { params: IdParam },
    responses: { 200: jsonContent(PhoneMeetingSchema), ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/{id}/{action}`,
    tags,
    summary: 'Start, finish (undecided topics leave the agenda) or cancel',
    request: { params: MeetingActionParams },
    responses: meeting,
  }),
  party: authRoute({
    method: 'post',
    path: `${base}/{id}/parties`,
    tags,
    summary: 'Invite a party',
    request: { params: IdParam, ...json(PartyInput) },
    responses: meeting,
  }),
  candidates: authRoute({
    method: 'get',
    path: `${base}/{id}/candidates`,
    tags,
    summary: 'Accepted topics that may go on the agenda',
    request: { params: IdParam },
    responses: { 200: items(CandidateSchema), ...errorResponses },
  }),
  owners: authRoute({
    method: 'get',
    path: `${base}/{id}/owners`,
    tags,
    summary: 'Who may own a task: staff in scope, departments',
    request: { params: IdParam },
    responses: { 200: jsonContent(OwnersSchema), ...errorResponses },
  }),
  schedule: authRoute({
    method: 'post',
    path: `${base}/{id}/agenda`,
    tags,
    summary: '列入议程 (accepted → scheduled)',
    request: { params: IdParam, ...json(AgendaInput) },
    responses: meeting,
  }),
  attendance: authRoute({
    method: 'post',
    path: `${base}/{id}/attendance`,
    tags,
    summary: 'Staff mark a party or a named attendee present (once)',
    request: { params: IdParam, ...json(AttendanceInput) },
    responses: meeting,
  }),
  checkin: authRoute({
    method: 'post',
    path: `${base}/{id}/checkin`,
    tags,
    summary: '签到 on the phone (once)',
    request: { params: IdParam },
    responses: { 200: jsonContent(CheckinResultSchema), ...errorResponses },
  }),
  qr: authRoute({
    method: 'post',
    path: `${base}/{id}/qr`,
    tags,
    summary: 'A new sign-in QR code (the old one stops working)',
    request: { params: IdParam },
    responses: { 200: jsonContent(QrSchema), ...errorResponses },
  }),
  record: authRoute({
    method: 'get',
    path: `${base}/{id}/record.pdf`,
    tags,
    summary: 'The meeting record (PDF)',
    request: { params: IdParam },
    responses: pdf,
  }),
  qrMeeting: authRoute({
    method: 'get',
    path: '/deliberation/meeting-checkin/{token}',
    tags,
    summary: 'The meeting of a sign-in QR code',
    request: { params: TokenParam },
    responses: { 200: jsonContent(PhoneMeetingSchema), ...errorResponses },
  }),
  qrCheckin: authRoute({
    method: 'post',
    path: '/deliberation/meeting-checkin/{token}',
    tags,
    summary: '扫码签到 (once)',
    request: { params: TokenParam },
    responses: { 200: jsonContent(CheckinResultSchema), ...errorResponses },
  }),
  unschedule: authRoute({
    method: 'post',
    path: '/deliberation/agenda-items/{id}/unschedule',
    tags,
    summary: '移出议程 (scheduled → accepted)',
    request: { params: IdParam },
    responses: meeting,
  }),
  minutes: authRoute({
    method: 'put',
    path: '/deliberation/agenda-items/{id}/minutes',
    tags,
    summary: 'Summary and each party’s position',
    request: { params: IdParam, ...json(MinutesInput) },
    responses: meeting,
  }),
  decide: authRoute({
    method: 'post',
    path: '/deliberation/agenda-items/{id}/decide',
    tags,
    summary: '形成决议, maybe put to a vote',
    request: { params: IdParam, ...json(DecideInput) },
    responses: meeting,
  }),
  handUp: authRoute({
    method: 'post',
    path: '/deliberation/agenda-items/{id}/hand-up',
    tags,
    summary: '提交街道 with the reason',
    request: { params: IdParam, ...json(ReasonInput) },
    responses: meeting,
  }),
  task: authRoute({
    method: 'post',
    path: '/deliberation/agenda-items/{id}/tasks',
    tags,
    summary: 'A task of the decision: plain, a case to a department, or a whistle',
    request: { params: IdParam, ...json(TaskInput) },
    responses: { 201: jsonContent(MeetingSchema), ...errorResponses },
  }),
  followUp: authRoute({
    method: 'post',
    path: '/deliberation/agenda-items/{id}/follow-up',
    tags,
    summary: '反馈办结: all tasks done; the topic closes',
    request: { params: IdParam, ...json(ReportInput) },
    responses: meeting,
  }),
  done: authRoute({
    method: 'post',
    path: '/deliberation/tasks/{id}/done',
    tags,
    summary: 'A task done, with its report',
    request: { params: IdParam, ...json(ReportInput) },
    responses: { 200: jsonContent(TaskSchema), ...errorResponses },
  }),
  trail: authRoute({
    method: 'get',
    path: '/deliberation/topics/{id}/trail',
    tags,
    summary: 'A topic’s trail from the agenda on',
    request: { params: IdParam },
    responses: { 200: jsonContent(TrailSchema), ...errorResponses },
  }),
  public: createRoute({
    method: 'get',
    path: '/public/communities/{code}/meetings',
    tags,
    summary: 'A community’s upcoming and recent meetings (no login, no personal data)',
    request: { params: CodeParam },
    responses: { 200: jsonContent(PublicMeetingsSchema), ...errorResponses },
  }),
};

export function meetingsRoutes(deps: MeetingsDeps) {
  const id = (c: { req: { valid(k: 'param'): { id: string } } }) => c.req.valid('param').id;
  return createRouter()
    .openapi(r.list, async (c) =>
      c.json({ items: await meetings.list(deps, actorOf(c), c.req.valid('query').state) }, 200),
    )
    .openapi(r.create, async (c) => c.json(await meetings.create(deps, actorOf(c), c.req.valid('json')), 201))
    .openapi(r.mine, async (c) => c.json({ items: await meetings.myMeetings(deps, actorOf(c)) }, 200))
    .openapi(r.handUps, async (c) => c.json({ items: await record.handUps(deps, actorOf(c)) }, 200))
    .openapi(r.handUpRecord, async (c) =>
      c.body(new Uint8Array(await record.handUpRecord(deps, actorOf(c), id(c))), 200, pdfHeaders('议事会议记录.pdf')),
    )
    .openapi(r.get, async (c) => c.json(await meetings.get(deps, actorOf(c), id(c)), 200))
    .openapi(r.phone, async (c) => c.json(await meetings.phoneMeeting(deps, actorOf(c), id(c)), 200))
    .openapi(r.candidates, async (c) => c.json({ items: await meetings.candidates(deps, actorOf(c), id(c)) }, 200))
    .openapi(r.owners, async (c) => c.json(await meetings.owners(deps, actorOf(c), id(c)), 200))
    .openapi(r.record, async (c) =>
      c.body(new Uint8Array(await record.recordPdf(deps, actorOf(c), id(c))), 200, pdfHeaders('议事会议记录.pdf')),
    )
    .openapi(r.party, async (c) => c.json(await meetings.addParty(deps, actorOf(c), id(c), c.req.valid('json')), 200))
    .openapi(r.schedule, async (c) =>
      c.json(await meetings.schedule(deps, actorOf(c), id(c), c.req.valid('json').topicId), 200),
    )
    .openapi(r.attendance, async (c) =>
      c.json(await meetings.markPresent(deps, actorOf(c), id(c), c.req.valid('json')), 200),
    )
    .openapi(r.checkin, async (c) => c.json(await meetings.checkinByPhone(deps, actorOf(c), id(c)), 200))
    .openapi(r.qr, async (c) => c.json(await meetings.renewQr(deps, actorOf(c), id(c)), 200))
    .openapi(r.act, async (c) => {
      const p = c.req.valid('param');
      return c.json(await meetings.act(deps, actorOf(c), p.id, p.action), 200);
    })
    .openapi(r.qrMeeting, async (c) =>
      c.json(await meetings.qrMeeting(deps, actorOf(c), c.req.valid('param').token), 200),
    )
    .openapi(r.qrCheckin, async (c) =>
      c.json(await meetings.checkinByQr(deps, actorOf(c), c.req.valid('param').token), 200),
    )
    .openapi(r.unschedule, async (c) => c.json(await meetings.unschedule(deps, actorOf(c), id(c)), 200))
    .openapi(r.minutes, async (c) =>
      c.json(await minutes.saveMinutes(deps, actorOf(c), id(c), c.req.valid('json')), 200),
    )
    .openapi(r.decide, async (c) => c.json(await minutes.decide(deps, actorOf(c), id(c), c.req.valid('json')), 200))
    .openapi(r.handUp, async (c) =>
      c.json(await minutes.handUp(deps, actorOf(c), id(c), c.req.valid('json').reason), 200),
    )
    .openapi(r.task, async (c) => c.json(await minutes.addTask(deps, actorOf(c), id(c), c.req.valid('json')), 201))
    .openapi(r.followUp, async (c) =>
      c.json(await minutes.followUp(deps, actorOf(c), id(c), c.req.valid('json').report), 200),
    )
    .openapi(r.done, async (c) =>
      c.json(await minutes.taskDone(deps, actorOf(c), id(c), c.req.valid('json').report), 200),
    )
    .openapi(r.trail, async (c) => c.json(await trail(deps, actorOf(c), id(c)), 200))
    .openapi(r.public, async (c) => c.json(await record.publicMeetings(deps, c.req.valid('param').code), 200));
}
