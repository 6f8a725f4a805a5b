import { sql, type Insertable, type Updateable } from 'kysely';
import type { TopicState } from '../../../../shared/decide.js';
import type { MeetingState } from '../../../../shared/deliberation-meetings.js';
import type { Executor } from '../../../platform/audit.js';
import type {
  DeliberationAgendaItemsTable,
  DeliberationAttendanceTable,
  DeliberationMeetingPartiesTable,
  DeliberationMeetingsTable,
  DeliberationPositionsTable,
  DeliberationTasksTable,
} from '../../../platform/db/schema-meetings.js';
import { inScope, pathAbove, pathUnder, type Scope } from '../../../platform/scope.js';

// Queries only, for 议事会议: meetings, parties, agenda items (and the topics they carry), positions,
// sign-ins, tasks, and the reads of the trail, the street's hand-ups and the public page.

// ---- places, people, departments

export function findPlace(db: Executor, id: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'kind', 'path', 'tenant_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function placeByCode(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'kind', 'path', 'tenant_id'])
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The community a place (a grid) lies in. */
export function communityOf(db: Executor, path: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path'])
    .where('kind', '=', 'community')
    .where(pathAbove('places.path', path))
    .executeTakeFirst();
}

/** The place memberships of a user with their paths: is the user staff in a place's scope? */
export function placeMembershipsOf(db: Executor, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.role', 'p.path', 'u.display_name', 'u.status'])
    .where('m.user_id', '=', userId)
    .execute();
}

/** Staff with a place membership at the path or above it (community, street, county) or below it (grids). */
export function staffAround(db: Executor, communityPath: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.role', 'p.name as place_name'])
    .where('u.status', '=', 'active')
    .where('m.role', 'in', ['community_worker', 'grid_worker', 'street_officer'])
    .where((eb) => eb.or([pathUnder('p.path', communityPath), pathAbove('p.path', communityPath)]))
    .orderBy('u.display_name')
    .limit(200)
    .execute();
}

export function departmentsOf(db: Executor, tenantId: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}

export function findDepartment(db: Executor, id: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'tenant_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findOrganisation(db: Executor, id: string) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select(['o.id', 'o.name', 'o.tenant_id', 'p.path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

// ---- meetings

export async function insertMeeting(db: Executor, row: Insertable<DeliberationMeetingsTable>) {
  await db.insertInto('deliberation_meetings').values(row).execute();
}

export async function updateMeeting(db: Executor, id: string, set: Updateable<DeliberationMeetingsTable>) {
  await db.updateTable('deliberation_meetings').set(set).where('id', '=', id).execute();
}

const meetingColumns = (db: Executor) =>
  db
    .selectFrom('deliberation_meetings as m')
    .innerJoin('places as c', 'c.id', 'm.community_id')
    .leftJoin('places as g', 'g.id', 'm.grid_id')
    .select([
      'm.id',
      'm.tenant_id',
      'm.community_id',
      'm.hall',
      'm.grid_id',
      'm.place_path',
      'm.kind',
      'm.title',
      'm.starts_at',
      'm.location',
      'm.state',
      'm.created_at',
      'm.held_at',
      'c.name as community_name',
      'c.code as community_code',
      'c.path as community_path',
      'g.name as grid_name',
      'g.code as grid_code',
    ]);

export function findMeeting(db: Executor, id: string) {
  return meetingColumns(db).where('m.id', '=', id).executeTakeFirst();
}

export function lockMeeting(db: Executor, id: string) {
  return db.selectFrom('deliberation_meetings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function meetingByTokenHash(db: Executor, hash: string) {
  return meetingColumns(db).where('m.checkin_token_hash', '=', hash).executeTakeFirst();
}

/** Staff lists: meetings whose hall lies in the scope, newest first. */
export function listMeetings(db: Executor, filter: { scope: Scope; state: MeetingState | null }) {
  let query = meetingColumns(db).where(inScope('m.place_path', filter.scope));
  if (filter.state) query = query.where('m.state', '=', filter.state);
  return query.orderBy('m.starts_at', 'desc').limit(200).execute();
}

/** A community's meetings for residents: not cancelled, from `from` on (upcoming) or held since `from`. */
export function communityMeetings(db: Executor, communityId: string, which: 'upcoming' | 'held', from: Date) {
  const query = meetingColumns(db).where('m.community_id', '=', communityId);
  return which === 'upcoming'
    ? query
        .where('m.state', 'in', ['planned', 'in_progress'])
        .where('m.starts_at', '>=', from)
        .orderBy('m.starts_at')
        .limit(20)
        .execute()
    : query
        .where('m.state', '=', 'held')
        .where('m.starts_at', '>=', from)
        .orderBy('m.starts_at', 'desc')
        .limit(20)
        .execute();
}

export function attendanceCounts(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deliberation_attendance')
    .select(['meeting_id', 'party_kind', (eb) => eb.fn.countAll<string>().as('n')])
    .where('meeting_id', 'in', meetingIds)
    .groupBy(['meeting_id', 'party_kind'])
    .execute();
}

// ---- parties

export async function insertParty(db: Executor, row: Insertable<DeliberationMeetingPartiesTable>) {
  await db.insertInto('deliberation_meeting_parties').values(row).execute();
}

export function partiesOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('deliberation_meeting_parties')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findParty(db: Executor, meetingId: string, id: string) {
  return db
    .selectFrom('deliberation_meeting_parties')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- topics (the topics area owns them; this area moves them from accepted on)

export function findTopic(db: Executor, id: string) {
  return db.selectFrom('deliberation_topics').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockTopic(db: Executor, id: string) {
  return db.selectFrom('deliberation_topics').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setTopicState(db: Executor, id: string, state: TopicState, now: Date) {
  await db.updateTable('deliberation_topics').set({ state, updated_at: now }).where('id', '=', id).execute();
}

/** Accepted topics of the community lying under the hall's place: what may go on the agenda. */
export function acceptedTopics(db: Executor, communityId: string, hallPath: string) {
  return db
    .selectFrom('deliberation_topics')
    .select(['id', 'code', 'title', 'body', 'place_path', 'created_at'])
    .where('community_id', '=', communityId)
    .where('state', '=', 'accepted')
    .where(pathUnder('place_path', hallPath))
    .orderBy('created_at')
    .limit(100)
    .execute();
}

// ---- agenda items

export async function insertItem(db: Executor, row: Insertable<DeliberationAgendaItemsTable>) {
  await db.insertInto('deliberation_agenda_items').values(row).execute();
}

export async function updateItem(db: Executor, id: string, set: Updateable<DeliberationAgendaItemsTable>) {
  await db.updateTable('deliberation_agenda_items').set(set).where('id', '=', id).execute();
}

export async function deleteItem(db: Executor, id: string) {
  await db.deleteFrom('deliberation_agenda_items').where('id', '=', id).execute();
}

export async function nextPosition(db: Executor, meetingId: string) {
  const row = await db
    .selectFrom('deliberation_agenda_items')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.p ?? 0) + 1;
}

const itemColumns = (db: Executor) =>
  db
    .selectFrom('deliberation_agenda_items as i')
    .innerJoin('deliberation_topics as t', 't.id', 'i.topic_id')
    .selectAll('i')
    .select([
      't.code as topic_code',
      't.title as topic_title',
      't.body as topic_body',
      't.state as topic_state',
      't.place_path as topic_path',
      't.is_public as topic_public',
    ]);

export function itemsOf(db: Executor, meetingId: string) {
  return itemColumns(db).where('i.meeting_id', '=', meetingId).orderBy('i.position').execute();
}

export function itemsOfMeetings(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return itemColumns(db).where('i.meeting_id', 'in', meetingIds).orderBy('i.position').execute();
}

export function findItem(db: Executor, id: string) {
  return itemColumns(db).where('i.id', '=', id).executeTakeFirst();
}

export function itemOfTopic(db: Executor, topicId: string) {
  return itemColumns(db).where('i.topic_id', '=', topicId).executeTakeFirst();
}

export function lockItem(db: Executor, id: string) {
  return db.selectFrom('deliberation_agenda_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Hand-ups to the street: agenda items handed up whose topic lies in the scope, newest first. */
export function handedUp(db: Executor, scope: Scope) {
  return db
    .selectFrom('deliberation_agenda_items as i')
    .innerJoin('deliberation_topics as t', 't.id', 'i.topic_id')
    .innerJoin('deliberation_meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('places as c', 'c.id', 'm.community_id')
    .select([
      'i.id',
      'i.hand_up_reason',
      'i.handed_up_at',
      'i.summary',
      't.id as topic_id',
      't.code as topic_code',
      't.title as topic_title',
      't.body as topic_body',
      'm.id as meeting_id',
      'm.title as meeting_title',
      'm.starts_at',
      'c.name as community_name',
    ])
    .where('i.outcome', '=', 'handed_up')
    .where(inScope('t.place_path', scope))
    .orderBy('i.handed_up_at', 'desc')
    .limit(200)
    .execute();
}

// ---- positions

export async function deletePositions(db: Executor, itemId: string) {
  await db.deleteFrom('deliberation_positions').where('item_id', '=', itemId).execute();
}

export async function insertPositions(db: Executor, rows: Insertable<DeliberationPositionsTable>[]) {
  if (rows.length > 0) await db.insertInto('deliberation_positions').values(rows).execute();
}

export function positionsOf(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deliberation_positions')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .orderBy('item_id')
    .orderBy('position')
    .execute();
}

// ---- attendance

/** One sign-in per person: a second one (same user, party or name) inserts nothing and returns undefined. */
export function insertAttendance(db: Executor, row: Insertable<DeliberationAttendanceTable>) {
  return db
    .insertInto('deliberation_attendance')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function attendanceOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('deliberation_attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
}

export function attendanceOfUser(db: Executor, meetingId: string, userId: string) {
  return db
    .selectFrom('deliberation_attendance')
    .select(['id', 'signed_at', 'via'])
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

// ---- tasks

export async function insertTask(db: Executor, row: Insertable<DeliberationTasksTable>) {
  await db.insertInto('deliberation_tasks').values(row).execute();
}

export async function updateTask(db: Executor, id: string, set: Updateable<DeliberationTasksTable>) {
  await db.updateTable('deliberation_tasks').set(set).where('id', '=', id).execute();
}

export function lockTask(db: Executor, id: string) {
  return db.selectFrom('deliberation_tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function tasksOf(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deliberation_tasks as k')
    .leftJoin('cases as c', 'c.id', 'k.case_id')
    .selectAll('k')
    .select(['c.tracking_code', 'c.state as case_state'])
    .where('k.item_id', 'in', itemIds)
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
}

export function findTaskWithMeeting(db: Executor, id: string) {
  return db
    .selectFrom('deliberation_tasks as k')
    .innerJoin('deliberation_agenda_items as i', 'i.id', 'k.item_id')
    .innerJoin('deliberation_meetings as m', 'm.id', 'i.meeting_id')
    .selectAll('k')
    .select(['m.id as meeting_id', 'm.place_path', 'i.topic_id'])
    .where('k.id', '=', id)
    .executeTakeFirst();
}

export async function setTaskSla(db: Executor, id: string, level: 'yellow' | 'red') {
  await db.updateTable('deliberation_tasks').set({ sla_level: level }).where('id', '=', id).execute();
}

// ---- votes (read only: the kernel owns them)

export function voteOf(db: Executor, id: string) {
  return db
    .selectFrom('votes')
    .select(['id', 'title', 'state', 'created_at', 'opened_at', 'closed_at', 'result'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- 居民议事数据: meetings held in the year, their decisions and tasks, per community

export function meetingNumbers(db: Executor, scope: Scope, under: string | null, from: Date, to: Date, now: Date) {
  let query = db
    .selectFrom('deliberation_meetings as m')
    .innerJoin('places as c', 'c.id', 'm.community_id')
    .select([
      'c.code as community_code',
      'c.name as community_name',
      sql<string>`count(*)`.as('held'),
      sql<string>`(select count(*) from deliberation_agenda_items i join deliberation_meetings m2 on m2.id = i.meeting_id
        where m2.community_id = c.id and m2.state = 'held' and m2.held_at >= ${from} and m2.held_at < ${to}
        and i.outcome = 'decided' and ${inScope('m2.place_path', scope)})`.as('decisions'),
      sql<string>`(select count(*) from deliberation_tasks k join deliberation_agenda_items i on i.id = k.item_id
        join deliberation_meetings m2 on m2.id = i.meeting_id
        where m2.community_id = c.id and m2.state = 'held' and m2.held_at >= ${from} and m2.held_at < ${to}
        and ${inScope('m2.place_path', scope)})`.as('tasks'),
      sql<string>`(select count(*) from deliberation_tasks k join deliberation_agenda_items i on i.id = k.item_id
        join deliberation_meetings m2 on m2.id = i.meeting_id
        where m2.community_id = c.id and m2.state = 'held' and m2.held_at >= ${from} and m2.held_at < ${to}
        and ${inScope('m2.place_path', scope)} and k.state = 'done')`.as('tasks_done'),
      sql<string>`(select count(*) from deliberation_tasks k join deliberation_agenda_items i on i.id = k.item_id
        join deliberation_meetings m2 on m2.id = i.meeting_id
        where m2.community_id = c.id and m2.state = 'held' and m2.held_at >= ${from} and m2.held_at < ${to}
        and ${inScope('m2.place_path', scope)} and k.state = 'open' and k.due_at < ${now})`.as('tasks_overdue'),
    ])
    .where(inScope('m.place_path', scope))
    .where('m.state', '=', 'held')
    .where('m.held_at', '>=', from)
    .where('m.held_at', '<', to);
  if (under) query = query.where(pathUnder('m.place_path', under));
  return query.groupBy(['c.id', 'c.code', 'c.name']).execute();
}
