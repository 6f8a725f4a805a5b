/* eslint-disable no-restricted-syntax -- catalogue reads of the hall and the kiosk, straight from the
   0027 tables, until the catalogue area's index.ts is merged (issue 15: the lead unifies them). */
import type { FormDefinition, Material } from '../../../../shared/service-forms.js';
import type { Executor } from '../../../platform/audit.js';

// What the hall and the kiosk read of the county's service catalogue: active items and bundles with
// their forms and materials. Read only; the catalogue area owns these tables.

export interface FormItem {
  id: string;
  name: string;
  form: FormDefinition;
  materials: Material[];
}

/** The county's active categories with their active items, and bundle classes with their active bundles. */
export async function catalogueOf(db: Executor, tenantId: string) {
  const categories = await db
    .selectFrom('service_categories')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  const items = await db
    .selectFrom('service_items')
    .select(['id', 'category_id', 'code', 'name', 'summary', 'handler_level', 'time_limit_days', 'channel', 'fee_fen'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  const classes = await db
    .selectFrom('service_bundle_classes')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  const bundles = await db
    .selectFrom('service_bundles')
    .select(['id', 'class_id', 'code', 'name', 'summary'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  const links = await db
    .selectFrom('service_bundle_items')
    .select(['bundle_id', 'item_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('sort')
    .execute();
  return { categories, items, classes, bundles, links };
}

/** One active item of the county with its form and materials. */
export async function itemForForm(db: Executor, tenantId: string, itemId: string): Promise<FormItem | undefined> {
  return db
    .selectFrom('service_items')
    .select(['id', 'name', 'form', 'materials'])
    .where('id', '=', itemId)
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** One active bundle of the county and its items (in order), each with its form and materials. */
export async function bundleForForm(db: Executor, tenantId: string, bundleId: string) {
  const bundle = await db
    .selectFrom('service_bundles')
    .select(['id', 'name'])
    .where('id', '=', bundleId)
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!bundle) return undefined;
  const items: FormItem[] = await db
    .selectFrom('service_bundle_items as b')
    .innerJoin('service_items as i', 'i.id', 'b.item_id')
    .select(['i.id', 'i.name', 'i.form', 'i.materials'])
    .where('b.bundle_id', '=', bundleId)
    .orderBy('b.sort')
    .execute();
  return { ...bundle, items };
}

/** Names of items and bundles by id (any county's ids are only read in the caller's county). */
export async function catalogueNames(db: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
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
  return new Map([...items, ...bundles].map((r) => [r.id, r.name]));
}
