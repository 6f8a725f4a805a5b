import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import { idNumberCheckChar, maskIdNumber, maskPhone } from '../../src/shared/identity.js';
import type { FormDefinition, FormField, Material } from '../../src/shared/service-forms.js';
import type {
  ApplicationState,
  ApplyChannel,
  HandlerLevel,
  PartState,
  ServiceRating,
} from '../../src/shared/services.js';
import type { BuiltPlace } from './factories.js';

// Factories of the services tables (0027) and registry residents, one per entity, written straight
// to the tables so each area is tested apart from the catalogue's API. Defaults are sensible; tests
// state only what matters.

const TENANT = '610899';

/** A valid ID number of a county, born on the given day, with a serial. */
export const idNumberOf = (county: string, birth: string, serial = '123') => {
  const first17 = `${county}${birth.replaceAll('-', '')}${serial}`;
  return first17 + idNumberCheckChar(first17);
};

export async function buildServiceCategory(deps: AppDeps, code = 'MZ', name = '民政救助', tenantId = TENANT) {
  const id = newId();
  await deps.db
    .insertInto('service_categories')
    .values({ id, tenant_id: tenantId, code, name, created_at: deps.clock.now() })
    .execute();
  return { id, code };
}

export async function departmentId(deps: AppDeps, code: string) {
  const row = await deps.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export interface ItemSpec {
  /** The item's category; without one, the county's category 'T' (made once). */
  categoryId?: string;
  tenantId?: string;
  code: string;
  name: string;
  summary?: string;
  handlerLevel?: HandlerLevel;
  departmentCode?: string;
  timeLimitDays?: number;
  channel?: ApplyChannel;
  fields?: Partial<FormField>[];
  materials?: Partial<Material>[];
}

async function defaultCategory(deps: AppDeps, tenantId: string) {
  const found = await deps.db
    .selectFrom('service_categories')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('code', '=', 'T')
    .executeTakeFirst();
  return found?.id ?? (await buildServiceCategory(deps, 'T', '民政救助', tenantId)).id;
}

export async function buildServiceItem(deps: AppDeps, spec: ItemSpec) {
  const id = newId();
  const now = deps.clock.now();
  const tenantId = spec.tenantId ?? TENANT;
  const form = { fields: (spec.fields ?? []).map((f) => ({ required: false, ...f })) };
  const materials = (spec.materials ?? []).map((m) => ({ required: true, original: false, copies: 1, ...m }));
  await deps.db
    .insertInto('service_items')
    .values({
      id,
      tenant_id: tenantId,
      category_id: spec.categoryId ?? (await defaultCategory(deps, tenantId)),
      code: spec.code,
      name: spec.name,
      ...(spec.summary ? { summary: spec.summary } : {}),
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

export async function buildServiceBundle(
  deps: AppDeps,
  code: string,
  name: string,
  itemIds: string[],
  tenantId = TENANT,
) {
  const now = deps.clock.now();
  const classId = newId();
  await deps.db
    .insertInto('service_bundle_classes')
    .values({ id: classId, tenant_id: tenantId, code: `K${code}`, name: '居民服务', created_at: now })
    .execute();
  const id = newId();
  await deps.db
    .insertInto('service_bundles')
    .values({ id, tenant_id: tenantId, class_id: classId, code, name, created_at: now, updated_at: now })
    .execute();
  await deps.db
    .insertInto('service_bundle_items')
    .values(itemIds.map((item_id, sort) => ({ bundle_id: id, item_id, tenant_id: tenantId, sort })))
    .execute();
  return { id, code, name };
}

export const testForm: FormDefinition = {
  fields: [
    { key: 'name', label: '申请人姓名', kind: 'text', required: true, prefill: 'name' },
    { key: 'id_number', label: '身份证号', kind: 'id_number', required: true, prefill: 'id_number' },
    { key: 'phone', label: '联系电话', kind: 'phone', required: true, prefill: 'phone' },
    { key: 'address', label: '住址', kind: 'address', required: false, prefill: 'address' },
    { key: 'reason', label: '申请理由', kind: 'textarea', required: true },
    { key: 'kind', label: '补贴类型', kind: 'choice', required: false, options: ['高龄津贴', '护理补贴'] },
  ],
};
export const testMaterials: Material[] = [
  { key: 'id_card', name: '居民身份证', required: true, original: true, copies: 1 },
  { key: 'household_register', name: '居民户口簿', required: true, original: false, copies: 1 },
];

/** A small catalogue for the hall and the kiosk: two items with testForm/testMaterials and a bundle of both. */
export async function buildServiceCatalogue(deps: AppDeps, tenantId = TENANT, prefix = 'T') {
  const { id: categoryId } = await buildServiceCategory(deps, `${prefix}01`, '民政救助', tenantId);
  const item = async (code: string, name: string) =>
    (
      await buildServiceItem(deps, {
        categoryId,
        tenantId,
        code,
        name,
        summary: `${name}的申请`,
        fields: testForm.fields,
        materials: testMaterials,
      })
    ).id;
  const itemId = await item(`${prefix}0101`, '高龄津贴申领');
  const item2Id = await item(`${prefix}0102`, '居住证明开具');
  const { id: bundleId } = await buildServiceBundle(
    deps,
    `${prefix}B101`,
    '老年人优待一件事',
    [itemId, item2Id],
    tenantId,
  );
  return { categoryId, itemId, item2Id, bundleId };
}

/** A registry resident of a household, with an ID number and a phone (encrypted as the registry keeps them). */
export async function buildResident(
  deps: AppDeps,
  household: { id: string; tenantId: string | null },
  input: { name: string; idNumber: string; phone?: string; relation?: string },
) {
  const now = deps.clock.now();
  const id = newId();
  await deps.db
    .insertInto('residents')
    .values({
      id,
      tenant_id: household.tenantId!,
      household_id: household.id,
      name: input.name,
      name_pinyin: '',
      name_initials: '',
      gender: Number(input.idNumber[16]) % 2 === 1 ? 'male' : 'female',
      birth_date: `${input.idNumber.slice(6, 10)}-${input.idNumber.slice(10, 12)}-${input.idNumber.slice(12, 14)}`,
      id_number_enc: deps.pii.encrypt(input.idNumber),
      id_number_hash: deps.pii.lookupHash(input.idNumber),
      id_number_masked: maskIdNumber(input.idNumber),
      phone_enc: input.phone ? deps.pii.encrypt(input.phone) : null,
      phone_hash: input.phone ? deps.pii.lookupHash(input.phone) : null,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
      relation: input.relation ?? 'head',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

let serial = 0;

export interface PartRow {
  itemId: string;
  state: PartState;
  due?: string;
  decided?: string;
  paused?: string;
}

/** One application with its parts, for counting (numbers, assistance); times are ISO strings (+08:00 for Beijing). */
export async function buildServiceApplication(
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
