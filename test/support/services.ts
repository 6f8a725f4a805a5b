import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import type { FormField, Material } from '../../src/shared/service-forms.js';
import type { ApplyChannel, HandlerLevel } from '../../src/shared/services.js';

// Catalogue rows written straight to the 0027 tables, so applications can be tested before (and
// apart from) the catalogue's own API. Defaults are sensible; tests state only what matters.

const TENANT = '610899';

export async function buildServiceCategory(deps: AppDeps, code = 'MZ', name = '民政救助') {
  const id = newId();
  await deps.db
    .insertInto('service_categories')
    .values({ id, tenant_id: TENANT, code, name, created_at: deps.clock.now() })
    .execute();
  return { id, code };
}

export async function departmentId(deps: AppDeps, code: string) {
  const row = await deps.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export interface ItemSpec {
  categoryId: string;
  code: string;
  name: string;
  handlerLevel?: HandlerLevel;
  departmentCode?: string;
  timeLimitDays?: number;
  channel?: ApplyChannel;
  fields?: Partial<FormField>[];
  materials?: Partial<Material>[];
}

export async function buildServiceItem(deps: AppDeps, spec: ItemSpec) {
  const id = newId();
  const now = deps.clock.now();
  const form = { fields: (spec.fields ?? []).map((f) => ({ required: false, ...f })) };
  const materials = (spec.materials ?? []).map((m) => ({ required: true, original: false, copies: 1, ...m }));
  await deps.db
    .insertInto('service_items')
    .values({
      id,
      tenant_id: TENANT,
      category_id: spec.categoryId,
      code: spec.code,
      name: spec.name,
      handler_level: spec.handlerLevel ?? 'community',
      department_id: spec.departmentCode ? await departmentId(deps, spec.departmentCode) : null,
      time_limit_days: spec.timeLimitDays ?? 5,
      channel: spec.channel ?? 'both',
      form: JSON.stringify(form),
      materials: JSON.stringify(materials),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, code: spec.code, name: spec.name };
}

export async function buildServiceBundle(deps: AppDeps, code: string, name: string, itemIds: string[]) {
  const now = deps.clock.now();
  const classId = newId();
  await deps.db
    .insertInto('service_bundle_classes')
    .values({ id: classId, tenant_id: TENANT, code: `K${code}`, name: '居民服务', created_at: now })
    .execute();
  const id = newId();
  await deps.db
    .insertInto('service_bundles')
    .values({ id, tenant_id: TENANT, class_id: classId, code, name, created_at: now, updated_at: now })
    .execute();
  await deps.db
    .insertInto('service_bundle_items')
    .values(itemIds.map((item_id, sort) => ({ bundle_id: id, item_id, tenant_id: TENANT, sort })))
    .execute();
  return { id, code, name };
}
