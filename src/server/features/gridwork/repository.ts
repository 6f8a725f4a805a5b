import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { VisitLogsTable } from '../../platform/db/schema.js';
import { inScope, pathUnder, type Scope } from '../../platform/scope.js';

const columns = [
  'v.id',
  'v.content',
  'v.photo_ids',
  'v.lng',
  'v.lat',
  'v.visited_at',
  'v.author_id',
  'v.household_id',
  'u.display_name as author_name',
  'p.code as household_code',
  'p.path as household_path',
  'h.address',
] as const;

function base(db: Executor) {
  return db
    .selectFrom('visit_logs as v')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .innerJoin('places as p', 'p.id', 'v.household_id')
    .innerJoin('households as h', 'h.place_id', 'p.id');
}

export function findVisit(db: Executor, id: string) {
  return base(db).select(columns).where('v.id', '=', id).executeTakeFirst();
}

export async function insertVisit(db: Executor, row: Insertable<VisitLogsTable>) {
  await db.insertInto('visit_logs').values(row).execute();
}

export async function listVisits(
  db: Executor,
  filter: { scope: Scope; underPath: string | null; authorId: string | null },
  page: { offset: number; limit: number },
) {
  let query = base(db).where(inScope('p.path', filter.scope));
  if (filter.underPath) query = query.where(pathUnder('p.path', filter.underPath));
  if (filter.authorId) query = query.where('v.author_id', '=', filter.authorId);
  const [rows, total] = await Promise.all([
    query
      .select(columns)
      .orderBy('v.visited_at', 'desc')
      .orderBy('v.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
