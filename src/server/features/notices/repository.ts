import { sql, type Insertable, type Updateable } from 'kysely';
import type { NoticeKind, NoticeState } from '../../../shared/decide-notices.js';
import type { Executor } from '../../platform/audit.js';
import type {
  PublicNoticeEventsTable,
  PublicNoticeReadsTable,
  PublicNoticesTable,
} from '../../platform/db/schema-notices.js';
import { inScope, pathAbove, pathUnder, pathUnderAny, pathUnderColumn, type Scope } from '../../platform/scope.js';

// Queries only, for 五公开: notices, their history, reads, the places they target and their files.

export async function insertNotice(db: Executor, row: Insertable<PublicNoticesTable>) {
  await db.insertInto('public_notices').values(row).execute();
}

export async function updateNotice(db: Executor, id: string, set: Updateable<PublicNoticesTable>) {
  await db.updateTable('public_notices').set(set).where('id', '=', id).execute();
}

export function lockNotice(db: Executor, id: string) {
  return db.selectFrom('public_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

const noticeColumns = (db: Executor) =>
  db
    .selectFrom('public_notices as n')
    .innerJoin('places as p', 'p.id', 'n.place_id')
    .innerJoin('places as c', 'c.id', 'n.community_id')
    .innerJoin('users as author', 'author.id', 'n.author_id')
    .leftJoin('users as approver', 'approver.id', 'n.approved_by')
    .selectAll('n')
    .select([
      'p.name as place_name',
      'p.kind as place_kind',
      'c.name as community_name',
      'c.code as community_code',
      'author.display_name as author_name',
      'approver.display_name as approver_name',
      (eb) =>
        eb
          .selectFrom('public_notice_reads as r')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('r.notice_id', '=', 'n.id')
          .as('readers'),
    ]);

export function findNotice(db: Executor, id: string) {
  return noticeColumns(db).where('n.id', '=', id).executeTakeFirst();
}

/** Staff lists: notices under the paths, by state, kind, year of publication and place. */
export function listNotices(
  db: Executor,
  filter: {
    paths: string[];
    states: NoticeState[] | null;
    kind: NoticeKind | null;
    year: number | null;
    under: string | null;
    limit: number;
  },
) {
  let query = noticeColumns(db).where(pathUnderAny('n.place_path', filter.paths));
  if (filter.states) query = query.where('n.state', 'in', filter.states);
  if (filter.kind) query = query.where('n.kind', '=', filter.kind);
  if (filter.year) query = query.where('n.published_year', '=', filter.year);
  if (filter.under) query = query.where(pathUnder('n.place_path', filter.under));
  return query.orderBy('n.updated_at', 'desc').orderBy('n.id', 'desc').limit(filter.limit).execute();
}

/** 归档: published (and withdrawn) notices under the paths, counted by year and kind. */
export function archiveCounts(db: Executor, paths: string[]) {
  return db
    .selectFrom('public_notices as n')
    .select(['n.published_year', 'n.kind', (eb) => eb.fn.countAll<string>().as('n')])
    .where(pathUnderAny('n.place_path', paths))
    .where('n.state', 'in', ['published', 'withdrawn'])
    .where('n.published_year', 'is not', null)
    .groupBy(['n.published_year', 'n.kind'])
    .orderBy('n.published_year', 'desc')
    .execute();
}

/**
 * A resident's notices: published in their community, targeting a place that holds one of
 * `homes` (the community itself, their grid, their building), with whether they read each.
 */
export function feedNotices(db: Executor, communityId: string, homes: string[], userId: string, limit: number) {
  return noticeColumns(db)
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('public_notice_reads as mine')
            .select('mine.notice_id')
            .whereRef('mine.notice_id', '=', 'n.id')
            .where('mine.user_id', '=', userId),
        )
        .as('read_by_me'),
    )
    .where('n.community_id', '=', communityId)
    .where('n.state', '=', 'published')
    .where((eb) => eb.or(homes.map((h) => pathAbove('n.place_path', h))))
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

/** The public notice board of a community: published only, by kind and year. */
export function publicNotices(
  db: Executor,
  filter: { communityId: string; kind: NoticeKind | null; year: number | null; limit: number },
) {
  let query = noticeColumns(db).where('n.community_id', '=', filter.communityId).where('n.state', '=', 'published');
  if (filter.kind) query = query.where('n.kind', '=', filter.kind);
  if (filter.year) query = query.where('n.published_year', '=', filter.year);
  return query.orderBy('n.published_at', 'desc').orderBy('n.id', 'desc').limit(filter.limit).execute();
}

export function activeCommunityByCode(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'code', 'path', 'tenant_id'])
    .where('code', '=', code)
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The places a notice may target (community, grid, building) under the paths, by name. */
export function targetPlaces(db: Executor, paths: string[], limit: number) {
  return db
    .selectFrom('places as p')
    .leftJoin('places as parent', 'parent.id', 'p.parent_id')
    .select(['p.id', 'p.name', 'p.kind', 'p.path', 'parent.name as parent_name'])
    .where(pathUnderAny('p.path', paths))
    .where('p.kind', 'in', ['community', 'grid', 'building'])
    .where('p.status', '=', 'active')
    .orderBy('p.path')
    .limit(limit)
    .execute();
}

export function placeById(db: Executor, id: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'kind', 'path', 'tenant_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function communityHolding(db: Executor, path: string) {
  return db
    .selectFrom('places')
    .select(['id', 'path'])
    .where('kind', '=', 'community')
    .where(pathAbove('places.path', path))
    .executeTakeFirst();
}

export async function insertEvent(db: Executor, row: Insertable<PublicNoticeEventsTable>) {
  await db.insertInto('public_notice_events').values(row).execute();
}

export function eventsOf(db: Executor, noticeId: string) {
  return db
    .selectFrom('public_notice_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.action', 'e.from_state', 'e.to_state', 'e.reason', 'e.at', 'u.display_name as actor_name'])
    .where('e.notice_id', '=', noticeId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** 已读: the first read of a user counts; a second does nothing. */
export function insertRead(db: Executor, row: Insertable<PublicNoticeReadsTable>) {
  return db
    .insertInto('public_notice_reads')
    .values(row)
    .onConflict((oc) => oc.columns(['notice_id', 'user_id', 'tenant_id']).doNothing())
    .returning('notice_id')
    .executeTakeFirst();
}

/** A view of the public page without login: a bare counter. */
export async function addAnonymousView(db: Executor, id: string) {
  await db
    .updateTable('public_notices')
    .set({ anonymous_views: sql`anonymous_views + 1` as never })
    .where('id', '=', id)
    .execute();
}

/** 应读人数: registry residents with a phone living under the target place (they can log in and read). */
export async function audienceOf(db: Executor, placePath: string) {
  const row = await db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select((eb) => eb.fn.count<string>('r.phone_hash').distinct().as('n'))
    .where('r.status', '=', 'active')
    .where('r.phone_hash', 'is not', null)
    .where(pathUnder('h.path', placePath))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The audience of each place path at once, for a list. */
export function audiencesOf(db: Executor, placePaths: string[]) {
  if (placePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('places as t')
    .innerJoin('places as h', (j) => j.on(pathUnderColumn('h.path', 't.path')))
    .innerJoin('residents as r', 'r.household_id', 'h.id')
    .select(['t.path', (eb) => eb.fn.count<string>('r.phone_hash').distinct().as('n')])
    .where('t.path', 'in', placePaths)
    .where('r.status', '=', 'active')
    .where('r.phone_hash', 'is not', null)
    .groupBy('t.path')
    .execute();
}

export function filesByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select(['id', 'mime', 'size_bytes', 'storage_key']).where('id', 'in', ids).execute();
}

// ---- 居民议事数据: notices published in the year, with their place and readers (the read rate's parts)

export function noticeNumbers(db: Executor, scope: Scope, under: string | null, from: Date, to: Date) {
  let query = db
    .selectFrom('public_notices as n')
    .innerJoin('places as c', 'c.id', 'n.community_id')
    .innerJoin('places as p', 'p.id', 'n.place_id')
    .select([
      'c.code as community_code',
      'c.name as community_name',
      'n.kind',
      'p.path as place_path',
      sql<string>`(select count(*) from public_notice_reads r where r.notice_id = n.id)`.as('readers'),
    ])
    .where('n.published_at', '>=', from)
    .where('n.published_at', '<', to)
    .where('n.state', 'in', ['published', 'withdrawn'])
    .where(inScope('n.place_path', scope));
  if (under) query = query.where(pathUnder('n.place_path', under));
  return query.execute();
}
