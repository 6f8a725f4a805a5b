import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import type { ApplicationState, PartState, ServiceRating } from '../../src/shared/services.js';
import type { BuiltPlace } from './factories.js';

// Rows of the services tables (0027) written straight into the database, for the numbers and the
// assistance tests: the applications helper writes the real flows; these only need rows to count.

let serial = 0;

export async function buildServiceItem(deps: AppDeps, code: string, name: string, tenantId = '610899') {
  const now = deps.clock.now();
  let category = await deps.db.selectFrom('service_categories').select('id').where('code', '=', 'T').executeTakeFirst();
  if (!category) {
    category = { id: newId() };
    await deps.db
      .insertInto('service_categories')
      .values({ id: category.id, tenant_id: tenantId, code: 'T', name: '民政救助', created_at: now })
      .execute();
  }
  const id = newId();
  await deps.db
    .insertInto('service_items')
    .values({
      id,
      tenant_id: tenantId,
      category_id: category.id,
      code,
      name,
      handler_level: 'community',
      department_id: null,
      time_limit_days: 5,
      channel: 'both',
      form: JSON.stringify({ fields: [] }),
      materials: '[]',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, code };
}

export async function buildServiceBundle(deps: AppDeps, code: string, name: string, itemIds: string[]) {
  const now = deps.clock.now();
  const classId = newId();
  await deps.db
    .insertInto('service_bundle_classes')
    .values({ id: classId, tenant_id: '610899', code: `K${code}`, name: '居民服务', created_at: now })
    .execute();
  const id = newId();
  await deps.db
    .insertInto('service_bundles')
    .values({ id, tenant_id: '610899', class_id: classId, code, name, created_at: now, updated_at: now })
    .execute();
  await deps.db
    .insertInto('service_bundle_items')
    .values(itemIds.map((item_id, sort) => ({ bundle_id: id, item_id, tenant_id: '610899', sort })))
    .execute();
  return { id, code };
}

export interface PartRow {
  itemId: string;
  state: PartState;
  due?: string;
  decided?: string;
  paused?: string;
}

/** One application with its parts; times are ISO strings (write them with +08:00 for Beijing time). */
export async function buildApplication(
  deps: AppDeps,
  input: {
    community: BuiltPlace;
    itemId?: string;
    bundleId?: string;
    state: ApplicationState;
    created: string;
    accepted?: string;
    decided?: string;
    visits?: number;
    rating?: ServiceRating;
    residentId?: string;
    parts?: PartRow[];
  },
) {
  const id = newId();
  const created = new Date(input.created);
  await deps.db
    .insertInto('service_applications')
    .values({
      id,
      tenant_id: input.community.tenantId!,
      code: `FW-TEST-${String(++serial).padStart(4, '0')}`,
      item_id: input.itemId ?? null,
      bundle_id: input.bundleId ?? null,
      community_id: input.community.id,
      place_path: input.community.path,
      source: 'window',
      on_behalf: true,
      entered_by: null,
      applicant_user_id: null,
      resident_id: input.residentId ?? null,
      applicant_name: '测试申请人',
      id_number_enc: null,
      id_number_hash: null,
      id_number_masked: null,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      answers_enc: deps.pii.encrypt('{}'),
      materials: '[]',
      state: input.state,
      supplement_note: null,
      paused_at: null,
      accepted_at: input.accepted ? new Date(input.accepted) : null,
      due_at: null,
      decided_at: input.decided ? new Date(input.decided) : null,
      ready_at: null,
      collected_at: null,
      withdrawn_at: null,
      visits: input.visits ?? 1,
      rating: input.rating ?? null,
      rating_comment: null,
      rated_at: input.rating ? created : null,
      created_at: created,
      updated_at: created,
    })
    .execute();
  for (const [sort, part] of (input.parts ?? []).entries()) {
    await deps.db
      .insertInto('service_application_parts')
      .values({
        id: newId(),
        application_id: id,
        tenant_id: input.community.tenantId!,
        item_id: part.itemId,
        item_version: 1,
        handler_level: 'community',
        department_id: null,
        handler_place_id: input.community.id,
        handler_path: input.community.path,
        state: part.state,
        clock_started_at: input.accepted ? new Date(input.accepted) : null,
        due_at: part.due ? new Date(part.due) : null,
        paused_at: part.paused ? new Date(part.paused) : null,
        reviewer_id: null,
        decided_at: part.decided ? new Date(part.decided) : null,
        decision_note: null,
        sort,
        created_at: created,
        updated_at: created,
      })
      .execute();
  }
  return { id };
}
