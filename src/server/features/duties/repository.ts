import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { DutyItemsTable, DutyListsTable, DutyTasksTable } from '../../platform/db/schema.js';
import { inScope, pathUnder, type Scope } from '../../platform/scope.js';

// 权责清单: the lists of a street and their items, the cases they advise on, and the tasks handed down.

/** The list in force for a street on a day (YYYY-MM-DD). */
export function effectiveList(db: Executor, streetCode: string, day: string) {
  return db
    .selectFrom('duty_lists as l')
    .innerJoin('places as s', 's.id', 'l.street_id')
    .selectAll('l')
    .where('s.code', '=', streetCode)
    .where('l.effective_from', '<=', day)
    .where((eb) => eb.or([eb('l.effective_to', 'is', null), eb('l.effective_to', '>=', day)]))
    .orderBy('l.version', 'desc')
    .executeTakeFirst();
}

/** The items of one list, in the list's order. */
export function listItems(db: Executor, listId: string) {
  return db.selectFrom('duty_items').selectAll().where('list_id', '=', listId).orderBy('sort').execute();
}

/** Every version of a street's list, newest first. */
export function listsOfStreet(db: Executor, streetId: string) {
  return db.selectFrom('duty_lists').selectAll().where('street_id', '=', streetId).orderBy('version', 'desc').execute();
}

/** How many items of each kind the lists have. */
export function itemCounts(db: Executor, listIds: string[]) {
  return db
    .selectFrom('duty_items')
    .select((eb) => ['list_id', 'kind', eb.fn.countAll<number>().as('n')])
    .where('list_id', 'in', listIds.length ? listIds : ['00000000-0000-0000-0000-000000000000'])
    .groupBy(['list_id', 'kind'])
    .execute();
}

/** A list with the path of its street (whose scope decides who reads it). */
export function findListWithStreet(db: Executor, listId: string) {
  return db
    .selectFrom('duty_lists as l')
    .innerJoin('places as s', 's.id', 'l.street_id')
    .select(['l.id', 's.path'])
    .where('l.id', '=', listId)
    .executeTakeFirst();
}

export function latestListVersion(db: Executor, streetId: string) {
  return db
    .selectFrom('duty_lists')
    .select(['id', 'version'])
    .where('street_id', '=', streetId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/** Ends the street's list still in force on the given day. */
export async function endOpenLists(db: Executor, streetId: string, lastDay: string) {
  await db
    .updateTable('duty_lists')
    .set({ effective_to: lastDay })
    .where('street_id', '=', streetId)
    .where('effective_to', 'is', null)
    .execute();
}

export async function insertList(db: Executor, row: Insertable<DutyListsTable>) {
  await db.insertInto('duty_lists').values(row).execute();
}

/** Items go in batches of 500 rows, below the parameter limit of one statement. */
export async function insertItems(db: Executor, rows: Insertable<DutyItemsTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('duty_items')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function findCase(db: Executor, caseId: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

/** The departments of a kind in a county (a street's own first is the caller's choice). */
export function departmentsOfKind(db: Executor, tenantId: string, kind: string) {
  return db
    .selectFrom('departments')
    .select(['code', 'name', 'street_code'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .execute();
}

/** The kind of department a category of cases belongs to by default. */
export async function categoryDepartmentKind(db: Executor, categoryCode: string) {
  const row = await db
    .selectFrom('case_categories')
    .select('default_department_kind')
    .where('code', '=', categoryCode)
    .executeTakeFirst();
  return row?.default_department_kind;
}

export async function insertTask(db: Executor, row: Insertable<DutyTasksTable>) {
  await db.insertInto('duty_tasks').values(row).execute();
}

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
