import type { AppDeps } from '../../src/server/deps.js';
import { idNumberCheckChar, maskIdNumber, maskPhone } from '../../src/shared/identity.js';
import type { FormDefinition, Material } from '../../src/shared/service-forms.js';
import { newId } from '../../src/server/platform/ids.js';

// Catalogue rows and registry residents for the hall and kiosk tests, written straight to the
// tables (the catalogue's own API is another area's; the lead may swap these for its factories).

/** A valid ID number of a county, born on the given day, with a serial. */
export const idNumberOf = (county: string, birth: string, serial = '123') => {
  const first17 = `${county}${birth.replaceAll('-', '')}${serial}`;
  return first17 + idNumberCheckChar(first17);
};

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

export async function buildCatalogue(deps: AppDeps, tenantId = '610899', prefix = 'T') {
  const now = deps.clock.now();
  const categoryId = newId();
  await deps.db
    .insertInto('service_categories')
    .values({ id: categoryId, tenant_id: tenantId, code: `${prefix}01`, name: '民政救助', created_at: now })
    .execute();
  const item = async (code: string, name: string) => {
    const id = newId();
    await deps.db
      .insertInto('service_items')
      .values({
        id,
        tenant_id: tenantId,
        category_id: categoryId,
        code,
        name,
        summary: `${name}的申请`,
        handler_level: 'community',
        department_id: null,
        time_limit_days: 5,
        channel: 'both',
        form: JSON.stringify(testForm),
        materials: JSON.stringify(testMaterials),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  };
  const itemId = await item(`${prefix}0101`, '高龄津贴申领');
  const item2Id = await item(`${prefix}0102`, '居住证明开具');
  const classId = newId();
  await deps.db
    .insertInto('service_bundle_classes')
    .values({ id: classId, tenant_id: tenantId, code: `${prefix}B1`, name: '居民服务', created_at: now })
    .execute();
  const bundleId = newId();
  await deps.db
    .insertInto('service_bundles')
    .values({
      id: bundleId,
      tenant_id: tenantId,
      class_id: classId,
      code: `${prefix}B101`,
      name: '老年人优待一件事',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await deps.db
    .insertInto('service_bundle_items')
    .values([
      { bundle_id: bundleId, item_id: itemId, tenant_id: tenantId, sort: 1 },
      { bundle_id: bundleId, item_id: item2Id, tenant_id: tenantId, sort: 2 },
    ])
    .execute();
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
