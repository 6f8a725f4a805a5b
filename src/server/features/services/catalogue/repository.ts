import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  ServiceBundleClassesTable,
  ServiceBundleItemsTable,
  ServiceBundlesTable,
  ServiceCategoriesTable,
  ServiceItemVersionsTable,
  ServiceItemsTable,
} from '../../../platform/db/schema-services.js';

// Queries only, for the service catalogue (服务事项目录): categories, items and their versions,
// bundle classes and bundles. Every query names the county (tenant_id): a county's catalogue is
// its own.

// ── categories ───────────────────────────────────────────────────────────────────────────────
export function categoriesOf(db: Executor, tenantId: string) {
  return db
    .selectFrom('service_categories')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export function findCategory(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('service_categories')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertCategories(db: Executor, rows: Insertable<ServiceCategoriesTable>[]) {
  if (rows.length > 0) await db.insertInto('service_categories').values(rows).execute();
}

export async function updateCategory(
  db: Executor,
  tenantId: string,
  id: string,
  changes: Updateable<ServiceCategoriesTable>,
) {
  await db
    .updateTable('service_categories')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

// ── items ────────────────────────────────────────────────────────────────────────────────────
export function itemsOf(db: Executor, tenantId: string) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export function findItem(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The item to edit, locked so two edits write their versions one after the other. */
export function lockItem(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findItems(db: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('service_items').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export async function insertItems(db: Executor, rows: Insertable<ServiceItemsTable>[]) {
  if (rows.length > 0) await db.insertInto('service_items').values(rows).execute();
}

export async function updateItem(db: Executor, tenantId: string, id: string, changes: Updateable<ServiceItemsTable>) {
  await db.updateTable('service_items').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertItemVersions(db: Executor, rows: Insertable<ServiceItemVersionsTable>[]) {
  if (rows.length > 0) await db.insertInto('service_item_versions').values(rows).execute();
}

export function itemVersion(db: Executor, tenantId: string, itemId: string, version: number) {
  return db
    .selectFrom('service_item_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Names of the county's items and bundles by id (a hall's tickets and appointments name what they are for). */
export async function namesOf(db: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const items = await db
    .selectFrom('service_items')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  const bundles = await db
    .selectFrom('service_bundles')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return [...items, ...bundles];
}

/** Departments of the county, by id (an item's handler must be one of them). */
export function departmentsOf(db: Executor, tenantId: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}

// ── bundle classes and bundles ───────────────────────────────────────────────────────────────
export function bundleClassesOf(db: Executor, tenantId: string) {
  return db
    .selectFrom('service_bundle_classes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export async function insertBundleClasses(db: Executor, rows: Insertable<ServiceBundleClassesTable>[]) {
  if (rows.length > 0) await db.insertInto('service_bundle_classes').values(rows).execute();
}

export async function updateBundleClass(
  db: Executor,
  tenantId: string,
  id: string,
  changes: Updateable<ServiceBundleClassesTable>,
) {
  await db
    .updateTable('service_bundle_classes')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function bundlesOf(db: Executor, tenantId: string) {
  return db
    .selectFrom('service_bundles')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export function findBundle(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('service_bundles')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertBundles(db: Executor, rows: Insertable<ServiceBundlesTable>[]) {
  if (rows.length > 0) await db.insertInto('service_bundles').values(rows).execute();
}

export async function updateBundle(
  db: Executor,
  tenantId: string,
  id: string,
  changes: Updateable<ServiceBundlesTable>,
) {
  await db.updateTable('service_bundles').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** The items of the county's bundles (or of one bundle), in their order. */
export function bundleItemsOf(db: Executor, tenantId: string, bundleId?: string) {
  let query = db.selectFrom('service_bundle_items').selectAll().where('tenant_id', '=', tenantId);
  if (bundleId) query = query.where('bundle_id', '=', bundleId);
  return query.orderBy('bundle_id').orderBy('sort').execute();
}

/** Sets a bundle's items: the rows not named go, the named ones are written with their order. */
export async function replaceBundleItems(
  db: Executor,
  tenantId: string,
  bundleId: string,
  rows: Insertable<ServiceBundleItemsTable>[],
) {
  await db
    .deleteFrom('service_bundle_items')
    .where('tenant_id', '=', tenantId)
    .where('bundle_id', '=', bundleId)
    .execute();
  if (rows.length > 0) await db.insertInto('service_bundle_items').values(rows).execute();
}

export async function insertBundleItems(db: Executor, rows: Insertable<ServiceBundleItemsTable>[]) {
  if (rows.length > 0) await db.insertInto('service_bundle_items').values(rows).execute();
}

/** Serialises the catalogue's writes in one county (codes, imports). */
export async function lockCatalogue(db: Executor, tenantId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'service_catalogue:' + tenantId}))`.execute(db);
}

/** The county of the public catalogue: the one named, or the first county that has one. */
export function publicCounty(db: Executor, code: string | null) {
  let query = db.selectFrom('places').select(['code', 'name', 'tenant_id']).where('kind', '=', 'county');
  if (code) query = query.where('code', '=', code);
  else
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_categories')
          .select('service_categories.id')
          .whereRef('service_categories.tenant_id', '=', 'places.tenant_id'),
      ),
    );
  return query.orderBy('code').limit(1).executeTakeFirst();
}

/** Whether an active item of the county lists this file as a material's sample (样表). */
export async function isActiveSample(db: Executor, fileId: string) {
  const row = await sql<{ tenant_id: string }>`
    SELECT i.tenant_id FROM service_items i, jsonb_array_elements(i.materials) m
    WHERE i.active AND m->>'sampleFileId' = ${fileId}
    LIMIT 1`.execute(db);
  return row.rows[0]?.tenant_id ?? null;
}

/** The county of an item, by its id alone (the public reads and applications name no county). */
export function itemCounty(db: Executor, id: string) {
  return db.selectFrom('service_items').select('tenant_id').where('id', '=', id).executeTakeFirst();
}

/** The county of a bundle, by its id alone. */
export function bundleCounty(db: Executor, id: string) {
  return db.selectFrom('service_bundles').select('tenant_id').where('id', '=', id).executeTakeFirst();
}
