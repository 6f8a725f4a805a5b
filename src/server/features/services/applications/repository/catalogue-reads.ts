import type { Executor } from '../../../../platform/audit.js';
import { mergeForms, mergeMaterials, type FormDefinition, type Material } from '../../../../../shared/service-forms.js';
import type { ApplyChannel, HandlerLevel } from '../../../../../shared/services.js';

// What an application needs of the catalogue: the item (its current version, form, materials, where
// it is handled, its time limit) or the bundle (its items, one merged form, one material list).
// Written here until the catalogue's own index.ts offers `loadItemForApplication` and
// `loadBundleForApplication` under these names; the lead swaps the import at merge.

export interface ItemForApplication {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  handlerLevel: HandlerLevel;
  departmentId: string | null;
  timeLimitDays: number;
  channel: ApplyChannel;
  version: number;
  form: FormDefinition;
  materials: Material[];
}

export interface BundleForApplication {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  items: ItemForApplication[];
  form: FormDefinition;
  sources: Record<string, Array<{ itemId: string; key: string }>>;
  materials: Material[];
}

const itemColumns = [
  'id',
  'tenant_id',
  'code',
  'name',
  'handler_level',
  'department_id',
  'time_limit_days',
  'channel',
  'version',
  'form',
  'materials',
] as const;

type ItemRow = {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  handler_level: HandlerLevel;
  department_id: string | null;
  time_limit_days: number;
  channel: ApplyChannel;
  version: number;
  form: FormDefinition;
  materials: Material[];
};

const present = (r: ItemRow): ItemForApplication => ({
  id: r.id,
  tenantId: r.tenant_id,
  code: r.code,
  name: r.name,
  handlerLevel: r.handler_level,
  departmentId: r.department_id,
  timeLimitDays: r.time_limit_days,
  channel: r.channel,
  version: r.version,
  form: r.form,
  materials: r.materials,
});

/** An active item of the county, or undefined. */
export async function loadItemForApplication(
  db: Executor,
  tenantId: string,
  itemId: string,
): Promise<ItemForApplication | undefined> {
  const row = await db
    .selectFrom('service_items')
    .select(itemColumns)
    .where('id', '=', itemId)
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? present(row as ItemRow) : undefined;
}

/** An active bundle of the county with its active items in order, its merged form and materials; or undefined. */
export async function loadBundleForApplication(
  db: Executor,
  tenantId: string,
  bundleId: string,
): Promise<BundleForApplication | undefined> {
  const bundle = await db
    .selectFrom('service_bundles')
    .select(['id', 'tenant_id', 'code', 'name'])
    .where('id', '=', bundleId)
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!bundle) return undefined;
  const rows = await db
    .selectFrom('service_bundle_items as bi')
    .innerJoin('service_items as i', 'i.id', 'bi.item_id')
    .select(itemColumns.map((c) => `i.${c}` as const))
    .where('bi.bundle_id', '=', bundleId)
    .where('i.active', '=', true)
    .orderBy('bi.sort')
    .orderBy('i.code')
    .execute();
  const items = rows.map((r) => present(r as ItemRow));
  const { form, sources } = mergeForms(items.map((i) => ({ itemId: i.id, form: i.form })));
  return {
    id: bundle.id,
    tenantId: bundle.tenant_id,
    code: bundle.code,
    name: bundle.name,
    items,
    form,
    sources,
    materials: mergeMaterials(items.map((i) => i.materials)),
  };
}

/** The form and materials of one item as they were at `version` (an application keeps its own). */
export function itemVersion(db: Executor, itemId: string, version: number) {
  return db
    .selectFrom('service_item_versions')
    .select(['form', 'materials', 'time_limit_days'])
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
}
