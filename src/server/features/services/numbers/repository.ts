import { sql } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import { pathUnderAny } from '../../../platform/scope.js';

// 服务数据: queries only, straight from the applications tables (0027). One row per item (applications
// for that item alone) and per bundle; every query filtered by the place paths the service resolved.

export interface NumbersFilter {
  paths: string[];
  /** The period's start and end (exclusive), by the application's filing time. */
  from: Date;
  to: Date;
}

function applications(db: Executor, f: NumbersFilter) {
  return db
    .selectFrom('service_applications as a')
    .where(pathUnderAny('a.place_path', f.paths))
    .where('a.created_at', '>=', f.from)
    .where('a.created_at', '<', f.to);
}

const decided = sql`a.decided_at IS NOT NULL`;
const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;
const rated = (level: string) => count(sql`a.rating = ${level}`);

/** Per item or bundle: applications, completed, one visit, ratings, 补正 pending, overdue now. */
export function applicationTotals(db: Executor, f: NumbersFilter, now: Date) {
  return applications(db, f)
    .select(['a.item_id', 'a.bundle_id'])
    .select([
      sql<number>`count(*)::int`.as('applications'),
      count(decided).as('completed'),
      count(sql`${decided} AND a.visits <= 1`).as('one_visit'),
      rated('very_satisfied').as('very_satisfied'),
      rated('satisfied').as('satisfied'),
      rated('fair').as('fair'),
      rated('dissatisfied').as('dissatisfied'),
      rated('very_dissatisfied').as('very_dissatisfied'),
      count(sql`a.state = 'supplement'`).as('pending_supplement'),
      count(
        sql`a.state IN ('accepted', 'in_review') AND EXISTS (SELECT 1 FROM service_application_parts p
          WHERE p.application_id = a.id AND p.state IN ('pending', 'in_review') AND p.paused_at IS NULL
          AND p.due_at < ${now})`,
      ).as('overdue_now'),
    ])
    .groupBy(['a.item_id', 'a.bundle_id'])
    .execute();
}

/** Per item or bundle: parts decided (approved or refused) against a deadline, and those decided by it. */
export function partTotals(db: Executor, f: NumbersFilter) {
  return applications(db, f)
    .innerJoin('service_application_parts as p', 'p.application_id', 'a.id')
    .select(['a.item_id', 'a.bundle_id'])
    .select([
      sql<number>`count(*)::int`.as('decided_parts'),
      sql<number>`(count(*) FILTER (WHERE p.decided_at <= p.due_at))::int`.as('on_time_parts'),
    ])
    .where('p.state', 'in', ['approved', 'refused'])
    .where('p.decided_at', 'is not', null)
    .where('p.due_at', 'is not', null)
    .groupBy(['a.item_id', 'a.bundle_id'])
    .execute();
}

/** Accepted and decided moments of the period's decided applications: handling time in working days. */
export function handlingSpans(db: Executor, f: NumbersFilter) {
  return applications(db, f)
    .select(['a.item_id', 'a.bundle_id', 'a.tenant_id', 'a.accepted_at', 'a.decided_at'])
    .where('a.accepted_at', 'is not', null)
    .where('a.decided_at', 'is not', null)
    .execute();
}

export function itemNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('service_items').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}

export function bundleNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('service_bundles').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}
