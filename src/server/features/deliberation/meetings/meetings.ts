import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { topicTransition, type TopicAction, type TopicState } from '../../../../shared/decide.js';
import { meetingTransitions, type MeetingAction, type MeetingState } from '../../../../shared/deliberation-meetings.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { homeCommunityOf, registryResidentsOf } from '../../../platform/community/person.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId, randomToken } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { isUnder, resolveUnder } from '../../../platform/scope.js';
import type { MeetingsDeps } from './deps.js';
import { assertManages, assertReads, mayRead, meetingsShownTo } from './policy.js';
import { presentMeeting, presentRow, type MeetingRow } from './present.js';
import * as repo from './repository.js';
import type { AttendanceInputT, MeetingInputT, PartyInputT } from './schemas.js';

// 议事会议 · the meeting: create, start, finish, cancel; invited parties; the agenda (accepted topics
// of the hall's place); sign-in by phone, by the meeting's QR code, or by staff. One transaction and
// one audit row per operation.

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function meetingOf(db: Executor, actor: Actor, id: string): Promise<MeetingRow> {
  const m = await repo.findMeeting(db, id);
  if (!m) throw new AppError('NOT_FOUND');
  assertReads(actor, m.place_path);
  return m;
}

/** Moves a topic by the shared transition table, or refuses; the topic's own row only (its area records its events). */
export async function moveTopic(trx: Executor, topicId: string, action: TopicAction, now: Date): Promise<TopicState> {
  const topic = await repo.lockTopic(trx, topicId);
  if (!topic) throw new AppError('NOT_FOUND');
  const t = topicTransition(topic.state, action);
  if (!t) throw new AppError('MEETING_TOPIC_STATE', { state: topic.state, action });
  await repo.setTopicState(trx, topicId, t.to, now);
  return t.to;
}

async function audit(
  trx: Executor,
  actor: Actor,
  action: string,
  m: { id: string; tenant_id: string },
  after: object,
  now: Date,
) {
  await recordAudit(
    trx,
    actor,
    { action: `meeting.${action}`, entityType: 'deliberation_meeting', entityId: m.id, tenantId: m.tenant_id, after },
    now,
  );
}

export async function create(deps: MeetingsDeps, actor: Actor, input: MeetingInputT) {
  const { db, clock } = deps;
  // The place is the hall: the community itself, or one of its grids.
  const place = await resolveUnder(db, actor, 'deliberation:manage', input.placeCode);
  if (!place || (place.kind !== 'community' && place.kind !== 'grid') || !place.tenant_id)
    throw new AppError('MEETING_GRID_REQUIRED');
  const grid = place.kind === 'grid' ? place : null;
  const community = grid ? await repo.communityOf(db, grid.path) : place;
  if (!community) throw new AppError('MEETING_GRID_REQUIRED');
  const hall = grid ? 'grid' : 'community';
  const tenantId = place.tenant_id;
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertMeeting(trx, {
      id,
      tenant_id: tenantId,
      community_id: community.id,
      hall,
      grid_id: grid?.id ?? null,
      place_path: grid?.path ?? community.path,
      kind: input.kind,
      title: input.title,
      starts_at: new Date(input.startsAt),
      location: input.location,
      state: 'planned',
      checkin_token_hash: null,
      created_by: actor.userId!,
      created_at: now,
      updated_at: now,
    });
    // 社区 is always a party: the community convenes the meeting.
    await repo.insertParty(trx, {
      id: newId(),
      tenant_id: tenantId,
      meeting_id: id,
      kind: 'community',
      name: community.name,
      organisation_id: null,
      user_id: null,
      created_at: now,
    });
    await audit(trx, actor, 'create', { id, tenant_id: tenantId }, { title: input.title, hall }, now);
  });
  return get(deps, actor, id);
}

export async function list(deps: Pick<MeetingsDeps, 'db'>, actor: Actor, state: MeetingState | undefined) {
  const rows = await repo.listMeetings(deps.db, { scope: meetingsShownTo(actor), state: state ?? null });
  const ids = rows.map((r) => r.id);
  const [items, counts] = await Promise.all([repo.itemsOfMeetings(deps.db, ids), repo.attendanceCounts(deps.db, ids)]);
  return rows.map((m) =>
    presentRow(
      m,
      items.filter((i) => i.meeting_id === m.id).length,
      counts.filter((c) => c.meeting_id === m.id).reduce((n, c) => n + Number(c.n), 0),
    ),
  );
}

export async function get(deps: Pick<MeetingsDeps, 'db' | 'clock'>, actor: Actor, id: string) {
  const m = await meetingOf(deps.db, actor, id);
  return presentMeeting(deps.db, m, actor, deps.clock.now());
}

/** A locked meeting the actor manages, in one of the given states. */
async function managed(trx: Executor, actor: Actor, id: string, states: readonly MeetingState[]) {
  const m = await repo.lockMeeting(trx, id);
  if (!m) throw new AppError('NOT_FOUND');
  if (!mayRead(actor, m.place_path)) throw new AppError('NOT_FOUND');
  assertManages(actor, m.place_path);
  if (!states.includes(m.state)) throw new AppError('MEETING_ACTION_NOT_ALLOWED', { state: m.state });
  return m;
}

/** start, finish, cancel. Finishing or cancelling takes undecided topics off the agenda (back to accepted). */
export async function act(deps: MeetingsDeps, actor: Actor, id: string, action: MeetingAction) {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const m = await managed(trx, actor, id, ['planned', 'in_progress']);
    const to = meetingTransitions[m.state][action];
    if (!to) throw new AppError('MEETING_ACTION_NOT_ALLOWED', { state: m.state, action });
    if (action !== 'start')
      for (const item of await repo.itemsOf(trx, id))
        if (item.outcome === null) {
          await moveTopic(trx, item.topic_id, 'unschedule', now);
          await repo.deleteItem(trx, item.id);
        }
    await repo.updateMeeting(trx, id, {
      state: to,
      updated_at: now,
      ...(to === 'held' ? { held_at: now } : {}),
      ...(to !== 'in_progress' ? { checkin_token_hash: null } : {}),
    });
    await audit(trx, actor, action, m, { from: m.state, to }, now);
  });
  return get(deps, actor, id);
}

export async function addParty(deps: MeetingsDeps, actor: Actor, id: string, input: PartyInputT) {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const m = await managed(trx, actor, id, ['planned', 'in_progress']);
    const community = await repo.findPlace(trx, m.community_id);
    if (!community) throw new AppError('NOT_FOUND');
    if (input.organisationId) {
      const o = await repo.findOrganisation(trx, input.organisationId);
      if (!o || o.tenant_id !== m.tenant_id || !around(o.path, community.path))
        throw invalid('organisationId', 'notFound');
    }
    if (input.userId && !(await ofTheCommunity(trx, input.userId, community.path))) throw invalid('userId', 'notFound');
    await repo.insertParty(trx, {
      id: newId(),
      tenant_id: m.tenant_id,
      meeting_id: id,
      kind: input.kind,
      name: input.name,
      organisation_id: input.organisationId ?? null,
      user_id: input.userId ?? null,
      created_at: now,
    });
    await audit(trx, actor, 'party.add', m, { kind: input.kind, name: input.name }, now);
  });
  return get(deps, actor, id);
}

/** A place at, above or below the community: its grids and buildings, its street and county. */
const around = (path: string, communityPath: string) => isUnder(path, communityPath) || isUnder(communityPath, path);

/** A person a meeting may name as a party: staff around the community, or a resident registered in it. */
async function ofTheCommunity(db: Executor, userId: string, communityPath: string): Promise<boolean> {
  const staff = await repo.placeMembershipsOf(db, userId);
  if (staff.some((x) => x.status === 'active' && around(x.path, communityPath))) return true;
  return (await registryResidentsOf(db, userId)).some((r) => isUnder(r.household_path, communityPath));
}

/** Accepted topics of the community under the hall's place: what may go on this meeting's agenda. */
export async function candidates(deps: MeetingsDeps, actor: Actor, id: string) {
  const m = await meetingOf(deps.db, actor, id);
  assertManages(actor, m.place_path);
  return (await repo.acceptedTopics(deps.db, m.community_id, m.place_path)).map((t) => ({
    id: t.id,
    code: t.code,
    title: t.title,
    body: t.body,
  }));
}

/** 列入议程: accepted → scheduled. */
export async function schedule(deps: MeetingsDeps, actor: Actor, id: string, topicId: string) {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const m = await managed(trx, actor, id, ['planned', 'in_progress']);
    const topic = await repo.lockTopic(trx, topicId);
    if (!topic || topic.community_id !== m.community_id || !isUnder(topic.place_path, m.place_path))
      throw new AppError('MEETING_TOPIC_NOT_ACCEPTED');
    if (topic.state !== 'accepted') throw new AppError('MEETING_TOPIC_NOT_ACCEPTED');
    await moveTopic(trx, topicId, 'schedule', now);
    await repo.insertItem(trx, {
      id: newId(),
      tenant_id: m.tenant_id,
      meeting_id: id,
      topic_id: topicId,
      position: await repo.nextPosition(trx, id),
      outcome: null,
      decided_at: null,
      handed_up_at: null,
      vote_id: null,
      vote_result: null,
      followed_up_at: null,
      followed_up_by: null,
      created_by: actor.userId!,
      created_at: now,
    });
    await audit(trx, actor, 'schedule', m, { topicId, code: topic.code }, now);
  });
  return get(deps, actor, id);
}

/** 移出议程: scheduled → accepted, while the item has no outcome. */
export async function unschedule(deps: MeetingsDeps, actor: Actor, itemId: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const meetingId = await db.transaction().execute(async (trx) => {
    const item = await repo.lockItem(trx, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    const m = await managed(trx, actor, item.meeting_id, ['planned', 'in_progress']);
    if (item.outcome !== null) throw new AppError('MEETING_ITEM_SETTLED');
    await moveTopic(trx, item.topic_id, 'unschedule', now);
    await repo.deleteItem(trx, itemId);
    await audit(trx, actor, 'unschedule', m, { topicId: item.topic_id }, now);
    return m.id;
  });
  return get(deps, actor, meetingId);
}

/** 现场签到 by staff: an invited party, or a named attendee of a kind; once each. */
export async function markPresent(deps: MeetingsDeps, actor: Actor, id: string, input: AttendanceInputT) {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const m = await managed(trx, actor, id, ['planned', 'in_progress']);
    const party = input.partyId ? await repo.findParty(trx, id, input.partyId) : undefined;
    if (input.partyId && !party) throw invalid('partyId', 'notFound');
    const inserted = await repo.insertAttendance(trx, {
      id: newId(),
      tenant_id: m.tenant_id,
      meeting_id: id,
      user_id: party?.user_id ?? null,
      party_id: party?.id ?? null,
      party_kind: party?.kind ?? input.partyKind!,
      name: party?.name ?? input.name!,
      via: 'staff',
      recorded_by: actor.userId,
      signed_at: now,
    });
    if (!inserted) throw new AppError('MEETING_ALREADY_SIGNED_IN');
    await audit(trx, actor, 'attendance', m, { partyKind: party?.kind ?? input.partyKind }, now);
  });
  return get(deps, actor, id);
}

/** May the user see the meeting on the phone: staff in scope, or a resident of its community. */
async function residentMay(db: Executor, actor: Actor, m: MeetingRow) {
  if (mayRead(actor, m.place_path)) return true;
  if (!actor.userId) return false;
  const home = await homeCommunityOf(db, actor);
  if (home?.id === m.community_id) return true;
  return (await registryResidentsOf(db, actor.userId)).some((r) => isUnder(r.household_path, m.community_path));
}

async function signIn(deps: MeetingsDeps, actor: Actor, m: MeetingRow, via: 'phone' | 'qr') {
  const { db, clock } = deps;
  if (m.state !== 'planned' && m.state !== 'in_progress') throw new AppError('MEETING_CHECKIN_CLOSED');
  const now = clock.now();
  const existing = await repo.attendanceOfUser(db, m.id, actor.userId!);
  if (existing)
    return { meetingId: m.id, title: m.title, signedInAt: new Date(existing.signed_at).toISOString(), already: true };
  await db.transaction().execute(async (trx) => {
    const inserted = await repo.insertAttendance(trx, {
      id: newId(),
      tenant_id: m.tenant_id,
      meeting_id: m.id,
      user_id: actor.userId,
      party_id: null,
      party_kind: 'residents',
      name: actor.displayName,
      via,
      recorded_by: null,
      signed_at: now,
    });
    if (!inserted) throw new AppError('MEETING_ALREADY_SIGNED_IN');
    await audit(trx, actor, `checkin.${via}`, m, {}, now);
  });
  return { meetingId: m.id, title: m.title, signedInAt: now.toISOString(), already: false };
}

/** 签到 on the meeting's phone page: a resident of its community (or staff in scope). */
export async function checkinByPhone(deps: MeetingsDeps, actor: Actor, id: string) {
  const m = await repo.findMeeting(deps.db, id);
  if (!m || !(await residentMay(deps.db, actor, m))) throw new AppError('NOT_FOUND');
  return signIn(deps, actor, m, 'phone');
}

async function meetingOfToken(deps: MeetingsDeps, token: string) {
  const m = await repo.meetingByTokenHash(deps.db, hashToken(token));
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/** 扫码签到: whoever holds the meeting's current QR code and is logged in signs in, once. */
export async function checkinByQr(deps: MeetingsDeps, actor: Actor, token: string) {
  return signIn(deps, actor, await meetingOfToken(deps, token), 'qr');
}

/** What the QR page shows before signing in. */
export async function qrMeeting(deps: MeetingsDeps, actor: Actor, token: string) {
  const m = await meetingOfToken(deps, token);
  return phoneView(deps, actor, m);
}

/** A new sign-in QR code (the old one stops working); the token is shown here once, its hash kept. */
export async function renewQr(deps: MeetingsDeps, actor: Actor, id: string) {
  const { db, clock } = deps;
  const token = randomToken(24);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const m = await managed(trx, actor, id, ['planned', 'in_progress']);
    await repo.updateMeeting(trx, id, { checkin_token_hash: hashToken(token), updated_at: now });
    await audit(trx, actor, 'qr.renew', m, {}, now);
  });
  const url = `${deps.publicUrl.replace(/\/$/, '')}/m/meeting-checkin/${token}`;
  return { url, svg: await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) };
}

async function phoneView(deps: MeetingsDeps, actor: Actor, m: MeetingRow) {
  const items = await repo.itemsOf(deps.db, m.id);
  const mine = actor.userId ? await repo.attendanceOfUser(deps.db, m.id, actor.userId) : undefined;
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    hall: m.hall,
    communityName: m.community_name,
    gridName: m.grid_name,
    startsAt: new Date(m.starts_at).toISOString(),
    location: m.location,
    state: m.state,
    agenda: items.map((i) => ({ title: i.topic_title, decision: i.outcome === 'decided' ? i.decision : null })),
    signedInAt: mine ? new Date(mine.signed_at).toISOString() : null,
    canSignIn: !mine && (m.state === 'planned' || m.state === 'in_progress'),
  };
}

/** The meeting's phone page: a resident of its community, or staff in scope. */
export async function phoneMeeting(deps: MeetingsDeps, actor: Actor, id: string) {
  const m = await repo.findMeeting(deps.db, id);
  if (!m || !(await residentMay(deps.db, actor, m))) throw new AppError('NOT_FOUND');
  return phoneView(deps, actor, m);
}

/** The phone's list: upcoming and recent meetings of my community. */
export async function myMeetings(deps: MeetingsDeps, actor: Actor) {
  const home = await homeCommunityOf(deps.db, actor);
  if (!home) return [];
  const now = deps.clock.now();
  const rows = [
    ...(await repo.communityMeetings(deps.db, home.id, 'upcoming', new Date(now.getTime() - 86_400_000))),
    ...(await repo.communityMeetings(deps.db, home.id, 'held', new Date(now.getTime() - 90 * 86_400_000))),
  ];
  return Promise.all(rows.map((m) => phoneView(deps, actor, m)));
}

export async function owners(deps: MeetingsDeps, actor: Actor, id: string) {
  const m = await meetingOf(deps.db, actor, id);
  assertManages(actor, m.place_path);
  const [users, departments] = await Promise.all([
    repo.staffAround(deps.db, m.community_path),
    repo.departmentsOf(deps.db, m.tenant_id),
  ]);
  const seen = new Set<string>();
  return {
    users: users
      .filter((u) => !seen.has(u.id) && seen.add(u.id))
      .map((u) => ({ id: u.id, name: u.display_name, placeName: u.place_name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
  };
}
