import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { CaseCategoriesTable, CaseCategoryVersionsTable } from '../../platform/db/schema.js';

// Queries only, for case categories (事项分类) and their versions. Categories are reference data
// shared by every county (no tenant_id): see policy.ts for who may change them.

export function allCategories(db: Executor) {
  return db.selectFrom('case_categories').selectAll().orderBy('sort').orderBy('code').execute();
}

/** The row to edit, locked so two edits of one category write versions one after the other. */
export function lockCategory(db: Executor, code: string) {
  return db.selectFrom('case_categories').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

/** Serialises the creation of codes: two new categories at once must not pick the same code. */
export async function lockCategoryCodes(db: Executor) {
  await sql`SELECT pg_advisory_xact_lock(hashtext('case_categories:codes'))`.execute(db);
}

export async function insertCategory(db: Executor, row: Insertable<CaseCategoriesTable>) {
  await db.insertInto('case_categories').values(row).execute();
}

/** Adds the rows whose codes are missing and leaves the others as they are (an import run twice adds nothing). */
export async function insertMissingCategories(db: Executor, rows: Insertable<CaseCategoriesTable>[]) {
  if (rows.length === 0) return [];
  const added = await db
    .insertInto('case_categories')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute();
  return added.map((r) => r.code);
}

export async function updateCategory(db: Executor, code: string, changes: Updateable<CaseCategoriesTable>) {
  await db.updateTable('case_categories').set(changes).where('code', '=', code).execute();
}

export async function insertVersions(db: Executor, rows: Insertable<CaseCategoryVersionsTable>[]) {
  if (rows.length > 0) await db.insertInto('case_category_versions').values(rows).execute();
}

export function versionsOf(db: Executor, code: string) {
  return db
    .selectFrom('case_category_versions')
    .selectAll()
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .execute();
}

/** Whether any case was ever filed under the category (then it is deactivated, never deleted). */
export async function isUsed(db: Executor, code: string) {
  const row = await db.selectFrom('cases').select('id').where('category_code', '=', code).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Deletes an unused category with its versions (its history goes with it: nothing was filed under it). */
export async function deleteCategory(db: Executor, code: string) {
  await db.deleteFrom('case_category_versions').where('code', '=', code).execute();
  await db.deleteFrom('case_categories').where('code', '=', code).execute();
}
