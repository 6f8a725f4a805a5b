import type { Selectable } from 'kysely';
import type { Material } from '../../../../shared/service-forms.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { ServiceItemsTable } from '../../../platform/db/schema-services.js';
import { invalid } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { attachableFiles } from '../../files/index.js';
import * as repo from './repository.js';

// Saving an item, shared by the editor (service.ts) and the Excel import (import.ts): its handler
// and samples checked, a new version with its version row and audit row.

type Item = Selectable<ServiceItemsTable>;

/** The handler: a department of the county when handled by a department, none otherwise. */
export async function checkHandler(trx: Executor, tenantId: string, level: string, departmentId: string | null) {
  if (level !== 'department') {
    if (departmentId !== null) throw invalid('departmentId', 'departmentOnlyForDepartmentLevel');
    return;
  }
  if (departmentId === null) throw invalid('departmentId', 'departmentRequired');
  if (!(await repo.departmentsOf(trx, tenantId)).some((d) => d.id === departmentId))
    throw invalid('departmentId', 'unknownDepartment');
}

/** New sample files must be uploads the editor may read (files/access.ts); kept ones stay. */
export async function checkSamples(trx: Executor, actor: Actor, materials: Material[], kept: Material[] = []) {
  const known = new Set(kept.map((m) => m.sampleFileId).filter(Boolean));
  const fresh = materials.map((m) => m.sampleFileId).filter((id): id is string => !!id && !known.has(id));
  await attachableFiles(trx, actor, fresh, { field: 'materials.sampleFileId' });
}

export const versionRow = (item: Item, actor: Actor, now: Date) => ({
  item_id: item.id,
  version: item.version,
  tenant_id: item.tenant_id,
  form: JSON.stringify(item.form),
  materials: JSON.stringify(item.materials),
  time_limit_days: item.time_limit_days,
  saved_by: actor.userId,
  saved_at: now,
});

export const itemInsertRow = (item: Item) => ({
  ...item,
  form: JSON.stringify(item.form),
  materials: JSON.stringify(item.materials),
});

export const patchColumns = {
  categoryId: 'category_id',
  name: 'name',
  summary: 'summary',
  eligibility: 'eligibility',
  handlerLevel: 'handler_level',
  departmentId: 'department_id',
  timeLimitDays: 'time_limit_days',
  feeFen: 'fee_fen',
  feeNote: 'fee_note',
  legalBasis: 'legal_basis',
  channel: 'channel',
  form: 'form',
  materials: 'materials',
  sort: 'sort',
  active: 'active',
} as const satisfies Record<string, keyof Item>;
export type PatchField = keyof typeof patchColumns;
/** JSON with keys in one order (jsonb stores its own order), so a form read back compares equal. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object' && !(value instanceof Date)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
        )
      : value;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Applies the changes to an item (locked by the caller): a new version, its version row and an audit row. */
export async function saveItemChanges(
  trx: Executor,
  actor: Actor,
  current: Item,
  next: Item,
  now: Date,
  action = 'service_item.edit',
): Promise<Item> {
  const changed = (Object.keys(patchColumns) as PatchField[]).filter(
    (f) => !same(current[patchColumns[f]], next[patchColumns[f]]),
  );
  if (changed.length === 0) return current;
  if (changed.includes('handlerLevel') || changed.includes('departmentId'))
    await checkHandler(trx, current.tenant_id, next.handler_level, next.department_id);
  if (changed.includes('categoryId') && !(await repo.findCategory(trx, current.tenant_id, next.category_id)))
    throw invalid('categoryId', 'unknownCategory');
  if (changed.includes('materials')) await checkSamples(trx, actor, next.materials, current.materials);
  const saved: Item = { ...next, version: current.version + 1, updated_at: now };
  const changes = Object.fromEntries(changed.map((f) => [patchColumns[f], saved[patchColumns[f]]]));
  if ('form' in changes) changes.form = JSON.stringify(saved.form);
  if ('materials' in changes) changes.materials = JSON.stringify(saved.materials);
  await repo.updateItem(trx, current.tenant_id, current.id, { ...changes, version: saved.version, updated_at: now });
  await repo.insertItemVersions(trx, [versionRow(saved, actor, now)]);
  const pick = (row: Item) => Object.fromEntries(changed.map((f) => [f, row[patchColumns[f]]]));
  await recordAudit(
    trx,
    actor,
    {
      action,
      entityType: 'service_item',
      entityId: current.id,
      before: { version: current.version, ...pick(current) },
      after: { version: saved.version, ...pick(saved) },
    },
    now,
  );
  return saved;
}
