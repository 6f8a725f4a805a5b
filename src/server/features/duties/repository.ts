import { sql } from 'kysely';
import type { Executor } from '../../platform/audit.js';

export interface DutyTaskFilter {
  /** tasks these departments handed out */
  departmentIds: string[];
  /** tasks handed to communities under these paths */
  placePaths: string[];
  underPath: string | null;
  status: 'accepted' | 'refused' | null;
}

/** Tasks visible through either door (my department's, or my places'), newest first. */
export async function listTasks(db: Executor, filter: DutyTaskFilter, page: { offset: number; limit: number }) {
  let query = db
    .selectFrom('duty_tasks as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .innerJoin('places as c', 'c.id', 't.community_id')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .where((eb) => {
      const doors = [
        ...(filter.departmentIds.length ? [eb('t.department_id', 'in', filter.departmentIds)] : []),
        ...filter.placePaths.map((p) => eb('c.path', 'like', `${p}%`)),
      ];
      return doors.length ? eb.or(doors) : sql<boolean>`false`;
    });
  if (filter.underPath) query = query.where('c.path', 'like', `${filter.underPath}%`);
  if (filter.status) query = query.where('t.status', '=', filter.status);
  const [rows, total] = await Promise.all([
    query
      .select([
        't.id', 't.title', 't.description', 't.status', 't.reason', 't.item_ref', 't.created_at',
        'c.code as community_code', 'c.name as community_name', 'd.code as department_code', 'd.name as department_name',
        'u.display_name as created_by_name',
      ])
      .orderBy('t.created_at', 'desc').orderBy('t.id', 'desc')
      .offset(page.offset).limit(page.limit)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
