import { sql } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import { inScope, pathUnder, type Scope } from '../../platform/scope.js';

export interface DutyTaskFilter {
  /** tasks these departments handed out */
  departmentIds: string[];
  /** tasks handed to communities in these places */
  places: Scope;
  underPath: string | null;
  status: 'accepted' | 'refused' | null;
}

/** Tasks visible through either door (my department's, or my places'), under a place if asked. */
function visibleTasks(db: Executor, filter: Omit<DutyTaskFilter, 'status'>) {
  let query = db
    .selectFrom('duty_tasks as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .innerJoin('places as c', 'c.id', 't.community_id')
    .where((eb) =>
      eb.or([
        ...(filter.departmentIds.length ? [eb('t.department_id', 'in', filter.departmentIds)] : []),
        inScope('c.path', filter.places),
      ]),
    );
  if (filter.underPath) query = query.where(pathUnder('c.path', filter.underPath));
  return query;
}

/** Tasks visible through either door, newest first. */
export async function listTasks(db: Executor, filter: DutyTaskFilter, page: { offset: number; limit: number }) {
  let query = visibleTasks(db, filter).leftJoin('users as u', 'u.id', 't.created_by');
  if (filter.status) query = query.where('t.status', '=', filter.status);
  const [rows, total] = await Promise.all([
    query
      .select([
        't.id',
        't.title',
        't.description',
        't.status',
        't.reason',
        't.item_ref',
        't.created_at',
        'c.code as community_code',
        'c.name as community_name',
        'd.code as department_code',
        'd.name as department_name',
        'u.display_name as created_by_name',
      ])
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** Tasks handed down and how many were refused, per department, through the same doors. */
export function taskStats(db: Executor, filter: Omit<DutyTaskFilter, 'status'>) {
  return visibleTasks(db, filter)
    .select((eb) => [
      'd.code',
      'd.name',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('t.status', '=', 'refused').then(1).else(0).end()).as('refused'),
    ])
    .groupBy(['d.code', 'd.name'])
    .orderBy('d.code')
    .execute();
}
