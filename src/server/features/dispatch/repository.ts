import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type {
  CaseSuggestionsTable,
  DispatchHistoryTable,
  DispatchKind,
  DispatchModelsTable,
  DispatchOutcomesTable,
} from '../../platform/db/schema-dispatch.js';

// 智能派单: every query of the feature. Rows are a county's (tenant_id); nothing here joins across counties.

/** The county's kept models, newest first, without their bytes: one small query per intake (≤ 10 rows). */
export function modelIds(db: Executor, tenantId: string) {
  return db
    .selectFrom('dispatch_models')
    .select(['id', 'kind', 'version'])
    .where('tenant_id', '=', tenantId)
    .orderBy('version', 'desc')
    .execute();
}

export function modelById(db: Executor, id: string) {
  return db.selectFrom('dispatch_models').select(['model']).where('id', '=', id).executeTakeFirst();
}

/** The newest model version of each kind in a county. */
export function currentVersions(db: Executor, tenantId: string) {
  return db
    .selectFrom('dispatch_models')
    .select(['kind', (eb) => eb.fn.max('version').as('version')])
    .where('tenant_id', '=', tenantId)
    .groupBy('kind')
    .execute();
}

/** The newest model of each kind, without its bytes: the console's status. */
export function latestModels(db: Executor, tenantId: string) {
  return db
    .selectFrom('dispatch_models as m')
    .select(['m.kind', 'm.version', 'm.training_size', 'm.labels', 'm.top1', 'm.top3', 'm.trained_at'])
    .where('m.tenant_id', '=', tenantId)
    .where((eb) =>
      eb(
        'm.version',
        '=',
        eb
          .selectFrom('dispatch_models as n')
          .select((e) => e.fn.max('n.version').as('v'))
          .where('n.tenant_id', '=', tenantId)
          .whereRef('n.kind', '=', 'm.kind'),
      ),
    )
    .execute();
}

/** Serialises trainings of one county and kind, so two never take the same version number. */
export async function lockTraining(trx: Executor, tenantId: string, kind: DispatchKind) {
  await sql`select pg_advisory_xact_lock(hashtext(${`dispatch:${tenantId}:${kind}`}))`.execute(trx);
}

export async function insertModel(trx: Executor, row: Insertable<DispatchModelsTable>) {
  await trx.insertInto('dispatch_models').values(row).execute();
}

/** Keeps the newest `keep` versions of a county's kind; older models are never read again. */
export async function pruneModels(trx: Executor, tenantId: string, kind: DispatchKind, belowVersion: number) {
  await trx
    .deleteFrom('dispatch_models')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('version', '<', belowVersion)
    .execute();
}

/**
 * The county's decided cases to learn from: closed ones, and those a dispatcher already decided on
 * (a correction teaches the next training before the case closes). Newest first, at most `limit`.
 */
export function learnableCases(db: Executor, tenantId: string, limit: number) {
  return db
    .selectFrom('cases as c')
    .leftJoin('dispatch_outcomes as o', (j) => j.onRef('o.case_id', '=', 'c.id').on('o.kind', '=', 'department'))
    .select([
      'c.id',
      'c.description',
      'c.category_code',
      'c.assignee_kind',
      'c.assignee_department_id',
      'o.chosen as chosen_department',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb('c.state', '=', 'closed'),
        eb.exists(eb.selectFrom('dispatch_outcomes as x').select('x.id').whereRef('x.case_id', '=', 'c.id')),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Every description of the county, labelled or not: what the learner may read for word use. */
export async function recentDescriptions(db: Executor, tenantId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('description')
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.description);
}

export function historyRows(db: Executor, tenantId: string, limit: number) {
  return db
    .selectFrom('dispatch_history')
    .select(['subject', 'body', 'category_code', 'department_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('imported_at', 'desc')
    .limit(limit)
    .execute();
}

export async function historyCount(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('dispatch_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertHistory(trx: Executor, rows: Insertable<DispatchHistoryTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('dispatch_history')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The counties that have something to learn from: closed cases or imported history. */
export async function countiesWithData(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('tenant_id')
    .where('state', '=', 'closed')
    .union(db.selectFrom('dispatch_history').select('tenant_id'))
    .execute();
  return [...new Set(rows.map((r) => r.tenant_id))].sort();
}

export function settings(db: Executor, tenantId: string) {
  return db.selectFrom('dispatch_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function upsertSettings(
  trx: Executor,
  row: { tenant_id: string; auto_route: boolean; threshold: number; updated_at: Date; updated_by: string | null },
) {
  await trx
    .insertInto('dispatch_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        auto_route: row.auto_route,
        threshold: row.threshold,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export async function insertSuggestion(trx: Executor, row: Insertable<CaseSuggestionsTable>) {
  await trx.insertInto('case_suggestions').values(row).execute();
}

/** The suggestions of several cases with what reading them needs (case-access fields). */
export function suggestionsOf(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_suggestions as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select([
      's.case_id',
      's.categories',
      's.departments',
      'c.id',
      'c.tenant_id',
      'c.place_path',
      'c.assignee_user_id',
      'c.assignee_department_id',
      'c.assignee_team_id',
    ])
    .where('s.case_id', 'in', caseIds)
    .execute();
}

export function suggestionOf(db: Executor, caseId: string) {
  return db.selectFrom('case_suggestions').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function markAutoRouted(trx: Executor, caseId: string) {
  await trx.updateTable('case_suggestions').set({ auto_routed: true }).where('case_id', '=', caseId).execute();
}

/** The first decision on a case's suggestion counts; a later one is left out. */
export async function insertOutcome(trx: Executor, row: Insertable<DispatchOutcomesTable>) {
  await trx
    .insertInto('dispatch_outcomes')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'kind', 'tenant_id']).doNothing())
    .execute();
}

export function outcomesOf(db: Executor, caseId: string) {
  return db.selectFrom('dispatch_outcomes').selectAll().where('case_id', '=', caseId).execute();
}

/** Accepted and corrected suggestions per Monday-started week (China time) and kind, since `from`. */
export async function weeklyOutcomes(db: Executor, tenantId: string, from: Date) {
  const week = sql<string>`to_char(date_trunc('week', decided_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`;
  const rows = await db
    .selectFrom('dispatch_outcomes')
    .select([week.as('week'), 'kind', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('decided_at', '>=', from)
    .groupBy([week, 'kind', 'outcome'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The case fields reading a suggestion needs: who may read it (case-access) and its county. */
export function findCase(db: Executor, caseId: string) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'tenant_id',
      'place_path',
      'assignee_user_id',
      'assignee_department_id',
      'assignee_team_id',
      'state',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export function departmentsOfCounty(db: Executor, tenantId: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('tenant_id', '=', tenantId).execute();
}

export function categoryNames(db: Executor) {
  return db.selectFrom('case_categories').select(['code', 'name_zh', 'name_en', 'active', 'parent_code']).execute();
}
