import { sql, type Insertable, type Updateable } from 'kysely';
import type { TopicSource, TopicState } from '../../../../shared/decide.js';
import type { Executor } from '../../../platform/audit.js';
import type { DeliberationTopicsTable } from '../../../platform/db/schema-decide.js';
import type { DeliberationTopicEventsTable } from '../../../platform/db/schema-topics.js';
import { inScope, pathAbove, pathUnder, pathUnderAny, type Scope } from '../../../platform/scope.js';

// Queries only, for 议题: topics, their seconds and history, the community's threshold, and the
// places a topic may be raised for.

export async function insertTopic(db: Executor, row: Insertable<DeliberationTopicsTable>) {
  await db.insertInto('deliberation_topics').values(row).execute();
}

export async function updateTopic(db: Executor, id: string, set: Updateable<DeliberationTopicsTable>) {
  await db.updateTable('deliberation_topics').set(set).where('id', '=', id).execute();
}

/** Seconds of one topic queue behind this lock, so the threshold is crossed exactly once. */
export function lockTopic(db: Executor, id: string) {
  return db.selectFrom('deliberation_topics').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

const topicColumns = (db: Executor) =>
  db
    .selectFrom('deliberation_topics as t')
    .innerJoin('places as c', 'c.id', 't.community_id')
    .innerJoin('places as p', 'p.id', 't.place_id')
    .innerJoin('users as u', 'u.id', 't.raised_by')
    .leftJoin('cases as k', 'k.id', 't.case_id')
    .selectAll('t')
    .select([
      'c.name as community_name',
      'c.code as community_code',
      'p.name as place_name',
      'p.kind as place_kind',
      'u.display_name as raiser_name',
      'k.tracking_code as case_tracking_code',
    ]);

export function findTopic(db: Executor, id: string) {
  return topicColumns(db).where('t.id', '=', id).executeTakeFirst();
}

export function topicOfCase(db: Executor, caseId: string) {
  return topicColumns(db).where('t.case_id', '=', caseId).executeTakeFirst();
}

export interface TopicFilter {
  scope: Scope;
  /** path of the `?communityCode=` place, already checked against the scope */
  under: string | null;
  state: TopicState | null;
  source: TopicSource | null;
}

/** The console's list: topics under the scope, newest first. */
export function listTopics(db: Executor, f: TopicFilter, limit: number) {
  let query = topicColumns(db).where(inScope('t.place_path', f.scope));
  if (f.under) query = query.where(pathUnder('t.place_path', f.under));
  if (f.state) query = query.where('t.state', '=', f.state);
  if (f.source) query = query.where('t.raised_via', '=', f.source);
  return query.orderBy('t.created_at', 'desc').limit(limit).execute();
}

/** How many topics per state under the same filter (the state aside). */
export function countTopicsByState(db: Executor, f: Omit<TopicFilter, 'state'>) {
  let query = db
    .selectFrom('deliberation_topics as t')
    .select(['t.state', (eb) => eb.fn.countAll<string>().as('n')])
    .where(inScope('t.place_path', f.scope));
  if (f.under) query = query.where(pathUnder('t.place_path', f.under));
  if (f.source) query = query.where('t.raised_via', '=', f.source);
  return query.groupBy('t.state').execute();
}

/** 议事 hub: a community's topics the residents see (public ones, and the user's own), gathering seconds first. */
export function communityTopics(db: Executor, communityId: string, userId: string, limit: number) {
  return topicColumns(db)
    .where('t.community_id', '=', communityId)
    .where('t.state', '!=', 'withdrawn')
    .where((eb) => eb.or([eb('t.is_public', '=', true), eb('t.raised_by', '=', userId)]))
    .orderBy(sql`case when t.state = 'seconding' then 0 else 1 end`)
    .orderBy('t.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** 我提的议题 */
export function topicsRaisedBy(db: Executor, userId: string) {
  return topicColumns(db).where('t.raised_by', '=', userId).orderBy('t.created_at', 'desc').limit(200).execute();
}

/** The public list of a community: public topics, never withdrawn ones; no names. */
export function publicTopics(db: Executor, communityId: string, limit: number) {
  return db
    .selectFrom('deliberation_topics')
    .select(['code', 'title', 'state', 'seconds_count', 'seconds_needed', 'created_at'])
    .where('community_id', '=', communityId)
    .where('is_public', '=', true)
    .where('state', '!=', 'withdrawn')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

// ---- seconds

/** One second per user and topic: undefined when this user already seconded. */
export function insertSecond(
  db: Executor,
  row: { topic_id: string; user_id: string; tenant_id: string; created_at: Date },
) {
  return db
    .insertInto('deliberation_seconds')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
}

/** Which of these topics the user seconded. */
export async function secondedAmong(db: Executor, userId: string, topicIds: readonly string[]) {
  if (topicIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('deliberation_seconds')
    .select('topic_id')
    .where('user_id', '=', userId)
    .where('topic_id', 'in', topicIds)
    .execute();
  return new Set(rows.map((r) => r.topic_id));
}

// ---- history

export async function insertEvent(db: Executor, row: Insertable<DeliberationTopicEventsTable>) {
  await db.insertInto('deliberation_topic_events').values(row).execute();
}

export function eventsOf(db: Executor, topicId: string) {
  return db
    .selectFrom('deliberation_topic_events as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .select(['e.action', 'e.from_state', 'e.to_state', 'e.by_party', 'e.note', 'e.at', 'u.display_name as by_name'])
    .where('e.topic_id', '=', topicId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

// ---- the community's threshold

export function secondsToAgenda(db: Executor, communityId: string) {
  return db
    .selectFrom('deliberation_settings')
    .select('seconds_to_agenda')
    .where('community_id', '=', communityId)
    .executeTakeFirst();
}

/** The communities under the paths, with their threshold (null: the default). */
export function communitiesWithSettings(db: Executor, paths: readonly string[], all: boolean, limit: number) {
  return db
    .selectFrom('places as c')
    .leftJoin('deliberation_settings as s', 's.community_id', 'c.id')
    .select(['c.id', 'c.code', 'c.name', 'c.path', 'c.tenant_id', 's.seconds_to_agenda'])
    .where('c.kind', '=', 'community')
    .where('c.status', '=', 'active')
    .where(all ? sql<boolean>`true` : pathUnderAny('c.path', paths))
    .orderBy('c.path')
    .limit(limit)
    .execute();
}

export async function upsertSettings(
  db: Executor,
  row: {
    community_id: string;
    tenant_id: string;
    seconds_to_agenda: number;
    updated_by: string | null;
    updated_at: Date;
  },
) {
  await db
    .insertInto('deliberation_settings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'tenant_id']).doUpdateSet({
        seconds_to_agenda: row.seconds_to_agenda,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

// ---- places and codes

const placeColumns = ['id', 'code', 'name', 'kind', 'path', 'tenant_id'] as const;

export function placeById(db: Executor, id: string) {
  return db
    .selectFrom('places')
    .select(placeColumns)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export function communityByCode(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(placeColumns)
    .where('code', '=', code)
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The places at or above `path` that a hall takes a topic for (community, grid, building), nearest first. */
export function hallPlacesAbove(db: Executor, path: string) {
  return db
    .selectFrom('places')
    .select(placeColumns)
    .where('kind', 'in', ['community', 'grid', 'building'])
    .where('status', '=', 'active')
    .where(pathAbove('places.path', path))
    .orderBy(sql`length(path)`, 'desc')
    .execute();
}

/** Communities and grids under the paths (the staff's choice of hall), by path. */
export function hallPlacesUnder(db: Executor, paths: readonly string[], limit: number) {
  return db
    .selectFrom('places')
    .select(placeColumns)
    .where('kind', 'in', ['community', 'grid'])
    .where('status', '=', 'active')
    .where(pathUnderAny('path', paths))
    .orderBy('path')
    .limit(limit)
    .execute();
}

/** Buildings at the paths (a steward's buildings). */
export function buildingsAt(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('places')
    .select(placeColumns)
    .where('kind', '=', 'building')
    .where('status', '=', 'active')
    .where('path', 'in', paths)
    .orderBy('path')
    .execute();
}

/** Next number of the day for topic codes, counted in the same transaction as the insert. */
export async function nextDailySerial(db: Executor, key: string): Promise<number> {
  const row = await db
    .insertInto('system_counters')
    .values({ name: key, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('system_counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

// ---- cases

export function caseForTopic(db: Executor, caseId: string) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'tenant_id',
      'tracking_code',
      'state',
      'description',
      'place_path',
      'assignee_user_id',
      'assignee_department_id',
      'assignee_team_id',
      'topic_id',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

/** Links a case to its topic, only while it has none (two at once: the second links nothing). */
export function linkCase(db: Executor, caseId: string, topicId: string) {
  return db
    .updateTable('cases')
    .set({ topic_id: topicId })
    .where('id', '=', caseId)
    .where('topic_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

// ---- 居民议事数据: topics raised in the year per community, by where they stand now

export function topicNumbers(db: Executor, scope: Scope, under: string | null, from: Date, to: Date) {
  const where = (states: TopicState[]) => sql<string>`count(*) filter (where t.state in (${sql.join(states)}))`;
  let query = db
    .selectFrom('deliberation_topics as t')
    .innerJoin('places as c', 'c.id', 't.community_id')
    .select([
      'c.code as community_code',
      'c.name as community_name',
      sql<string>`count(*)`.as('raised'),
      where(['accepted', 'scheduled', 'decided', 'handed_up', 'closed']).as('accepted'),
      where(['rejected']).as('rejected'),
      where(['decided', 'closed']).as('decided'),
      where(['handed_up']).as('handed_up'),
      where(['closed']).as('closed'),
      sql<string>`count(*) filter (where t.state = 'screening')`.as('screening'),
    ])
    .where(inScope('t.place_path', scope))
    .where('t.created_at', '>=', from)
    .where('t.created_at', '<', to);
  if (under) query = query.where(pathUnder('t.place_path', under));
  return query.groupBy(['c.code', 'c.name']).execute();
}
