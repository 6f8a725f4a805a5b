import type { Insertable, Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { CaseCategoriesTable, CaseCategoryVersionsTable } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { Actor } from '../../platform/policy.js';
import type { Executor } from '../../platform/audit.js';
import { invalidateReferenceData } from '../../platform/reference-cache.js';
import { depthOf, heightOf, isWithin, maxCategoryDepth, nextCategoryCode, type CategoryKind } from './codes.js';
import * as policy from './policy.js';
import * as repo from './repository.js';
import type { CategoryCreateInputT, CategoryPatchInputT } from './schemas.js';
import { standardClasses } from './standard-set.js';

// 事项分类: edit the tree and its limits. Every change writes a new version (who, when, what) in
// the same transaction as the change and its audit row; cases point at the version they were
// filed under (cases/intake.ts), so a new limit reaches new cases only.

export interface CategoriesDeps {
  db: Db;
  clock: Clock;
}

type Category = Selectable<CaseCategoriesTable>;
type Version = Selectable<CaseCategoryVersionsTable>;

/** The fields a version holds, by their API names: what history compares. */
const tracked = {
  parentCode: 'parent_code',
  nameZh: 'name_zh',
  nameEn: 'name_en',
  kind: 'kind',
  firstContactMinutes: 'first_contact_minutes',
  dispatchMinutes: 'dispatch_minutes',
  takeMinutes: 'take_minutes',
  resolveHours: 'resolve_hours',
  businessDays: 'business_days',
  urgent: 'urgent',
  defaultDepartmentKind: 'default_department_kind',
  keywords: 'keywords',
  sort: 'sort',
  active: 'active',
} as const satisfies Record<string, keyof Category & keyof Version>;
type Field = keyof typeof tracked;
type Value = string | number | boolean | string[] | null;

const valueOf = (row: Category | Version, field: Field): Value => row[tracked[field]] as Value;
const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

export function presentCategory(c: Category, locale: Locale) {
  return {
    code: c.code,
    parentCode: c.parent_code,
    kind: c.kind,
    name: locale === 'en' && c.name_en ? c.name_en : c.name_zh,
    nameZh: c.name_zh,
    nameEn: c.name_en,
    firstContactMinutes: c.first_contact_minutes,
    dispatchMinutes: c.dispatch_minutes,
    takeMinutes: c.take_minutes,
    resolveHours: c.resolve_hours,
    businessDays: c.business_days,
    urgent: c.urgent,
    defaultDepartmentKind: c.default_department_kind,
    keywords: c.keywords,
    sort: c.sort,
    active: c.active,
    version: c.version,
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}

export function versionRow(
  c: Insertable<CaseCategoriesTable> & { version: number; kind: CategoryKind },
  change: Version['change'],
  actor: Actor,
  now: Date,
): Insertable<CaseCategoryVersionsTable> {
  return {
    code: c.code,
    version: c.version,
    parent_code: c.parent_code ?? null,
    name_zh: c.name_zh,
    name_en: c.name_en,
    kind: c.kind,
    first_contact_minutes: c.first_contact_minutes ?? 30,
    dispatch_minutes: c.dispatch_minutes ?? 120,
    take_minutes: c.take_minutes ?? 60,
    resolve_hours: c.resolve_hours ?? 72,
    business_days: c.business_days ?? false,
    urgent: c.urgent ?? false,
    default_department_kind: c.default_department_kind ?? null,
    keywords: c.keywords ?? [],
    sort: c.sort ?? 0,
    active: c.active ?? true,
    change,
    changed_by: actor.userId,
    changed_by_name: actor.displayName,
    changed_at: now,
  };
}

/** The parent must exist, be of the same kind, not lie under the category, and keep the tree ≤ 3 levels. */
function checkParent(all: Category[], code: string | null, parentCode: string | null, kind: CategoryKind) {
  if (parentCode === null) return;
  const parent = all.find((c) => c.code === parentCode);
  if (!parent) throw invalid('parentCode', 'unknownCategoryParent');
  if (parent.kind !== kind) throw invalid('parentCode', 'categoryOtherKind');
  if (code && isWithin(all, parentCode, code)) throw invalid('parentCode', 'categoryParentLoop');
  const height = code ? heightOf(all, code) : 1;
  if (depthOf(all, parentCode) + height > maxCategoryDepth) throw invalid('parentCode', 'categoryTooDeep');
}

async function list({ db }: CategoriesDeps, actor: Actor, locale: Locale) {
  policy.assertMayReadCategories(actor);
  const rows = await repo.allCategories(db);
  return { items: rows.map((c) => presentCategory(c, locale)), mayEdit: policy.mayEditCategories(actor) };
}

async function create({ db, clock }: CategoriesDeps, actor: Actor, input: CategoryCreateInputT, locale: Locale) {
  policy.assertMayEditCategories(actor);
  const result = await db.transaction().execute(async (trx) => {
    await repo.lockCategoryCodes(trx);
    const all = await repo.allCategories(trx);
    const kind = all.find((c) => c.code === input.parentCode)?.kind ?? input.kind;
    checkParent(all, null, input.parentCode, kind);
    const now = clock.now();
    const row = {
      code: nextCategoryCode(
        kind,
        input.parentCode,
        all.map((c) => c.code),
      ),
      parent_code: input.parentCode,
      name_zh: input.nameZh,
      name_en: input.nameEn || input.nameZh,
      kind,
      first_contact_minutes: input.firstContactMinutes,
      dispatch_minutes: input.dispatchMinutes,
      take_minutes: input.takeMinutes,
      resolve_hours: input.resolveHours,
      business_days: input.businessDays,
      urgent: input.urgent,
      default_department_kind: input.defaultDepartmentKind,
      keywords: input.keywords,
      sort: input.sort,
      active: input.active,
      version: 1,
      updated_at: now,
    };
    await repo.insertCategory(trx, row);
    await repo.insertVersions(trx, [versionRow(row, 'create', actor, now)]);
    await audit(trx, actor, 'category.create', row.code, undefined, row, now);
    return presentCategory((await repo.lockCategory(trx, row.code))!, locale);
  });
  invalidateReferenceData(db); // intake's copy in this process
  return result;
}

async function update(
  { db, clock }: CategoriesDeps,
  actor: Actor,
  code: string,
  input: CategoryPatchInputT,
  locale: Locale,
) {
  policy.assertMayEditCategories(actor);
  const result = await db.transaction().execute(async (trx) => {
    const current = await repo.lockCategory(trx, code);
    if (!current) throw new AppError('NOT_FOUND');
    if (input.version !== current.version) throw new AppError('CATEGORY_CHANGED', { version: current.version });
    const all = await repo.allCategories(trx);
    const next: Category = { ...current };
    for (const field of Object.keys(tracked) as Field[])
      if (field !== 'kind' && field in input && input[field as keyof CategoryPatchInputT] !== undefined)
        (next as Record<string, unknown>)[tracked[field]] = input[field as keyof CategoryPatchInputT];
    if (input.nameEn === '') next.name_en = next.name_zh;
    const changed = (Object.keys(tracked) as Field[]).filter((f) => !same(valueOf(current, f), valueOf(next, f)));
    if (changed.length === 0) return presentCategory(current, locale);
    if (changed.includes('parentCode')) checkParent(all, code, next.parent_code, next.kind);
    if (current.active && !next.active && all.some((c) => c.parent_code === code && c.active))
      throw invalid('active', 'categoryHasActiveChildren');
    const now = clock.now();
    const version = current.version + 1;
    const changes = Object.fromEntries(changed.map((f) => [tracked[f], valueOf(next, f)]));
    await repo.updateCategory(trx, code, { ...changes, version, updated_at: now });
    await repo.insertVersions(trx, [versionRow({ ...next, version }, 'edit', actor, now)]);
    const before = Object.fromEntries(changed.map((f) => [f, valueOf(current, f)]));
    const after = Object.fromEntries(changed.map((f) => [f, valueOf(next, f)]));
    await audit(trx, actor, 'category.edit', code, { version: current.version, ...before }, { version, ...after }, now);
    return presentCategory((await repo.lockCategory(trx, code))!, locale);
  });
  invalidateReferenceData(db); // intake's copy in this process
  return result;
}

/** Only a category nothing was ever filed under and with no sub-classes goes; a used one is deactivated. */
async function remove({ db, clock }: CategoriesDeps, actor: Actor, code: string) {
  policy.assertMayEditCategories(actor);
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockCategory(trx, code);
    if (!current) throw new AppError('NOT_FOUND');
    const all = await repo.allCategories(trx);
    if (all.some((c) => c.parent_code === code) || (await repo.isUsed(trx, code)))
      throw new AppError('CATEGORY_IN_USE', { code });
    await repo.deleteCategory(trx, code);
    await audit(
      trx,
      actor,
      'category.delete',
      code,
      { nameZh: current.name_zh, version: current.version },
      undefined,
      clock.now(),
    );
  });
  invalidateReferenceData(db); // intake's copy in this process
}

async function history({ db }: CategoriesDeps, actor: Actor, code: string) {
  policy.assertMayReadCategories(actor);
  const versions = await repo.versionsOf(db, code);
  if (versions.length === 0) throw new AppError('NOT_FOUND');
  return versions.map((v, i) => {
    const before = versions[i + 1];
    const fields = (Object.keys(tracked) as Field[]).filter((f) => !before || !same(valueOf(before, f), valueOf(v, f)));
    return {
      version: v.version,
      change: v.change,
      changedBy: v.changed_by_name,
      changedAt: new Date(v.changed_at).toISOString(),
      changes: fields.map((f) => ({ field: f, before: before ? valueOf(before, f) : null, after: valueOf(v, f) })),
    };
  });
}

/** Adds the standard's classes that are missing; a class already there (maybe edited) is left alone. */
export async function importStandard({ db, clock }: CategoriesDeps, actor: Actor) {
  policy.assertMayEditCategories(actor);
  const result = await db.transaction().execute(async (trx) => {
    await repo.lockCategoryCodes(trx);
    const now = clock.now();
    const rows = standardClasses.map((s, i) => ({
      code: s.code,
      parent_code: s.code.length > 3 ? s.code.slice(0, -2) : null,
      name_zh: s.nameZh,
      name_en: s.nameEn,
      kind: s.kind,
      first_contact_minutes: s.firstContact,
      dispatch_minutes: s.dispatch,
      take_minutes: s.take,
      resolve_hours: s.resolveHours,
      business_days: s.businessDays,
      urgent: s.urgent,
      default_department_kind: s.department,
      keywords: s.keywords,
      sort: 100 + i,
      active: true,
      version: 1,
      updated_at: now,
    }));
    const added = new Set(await repo.insertMissingCategories(trx, rows));
    const fresh = rows.filter((r) => added.has(r.code));
    await repo.insertVersions(
      trx,
      fresh.map((r) => versionRow(r, 'import', actor, now)),
    );
    const result = { added: fresh.length, kept: rows.length - fresh.length };
    if (fresh.length > 0)
      await audit(trx, actor, 'category.import', null, undefined, { set: 'GB/T 30428', ...result }, now);
    return result;
  });
  invalidateReferenceData(db); // intake's copy in this process
  return result;
}

async function audit(
  trx: Executor,
  actor: Actor,
  action: string,
  code: string | null,
  before: unknown,
  after: unknown,
  now: Date,
) {
  await recordAudit(trx, actor, { action, entityType: 'case_category', entityId: code, before, after }, now);
}

export function createCategoriesService(deps: CategoriesDeps) {
  return {
    list: (actor: Actor, locale: Locale) => list(deps, actor, locale),
    create: (actor: Actor, input: CategoryCreateInputT, locale: Locale) => create(deps, actor, input, locale),
    update: (actor: Actor, code: string, input: CategoryPatchInputT, locale: Locale) =>
      update(deps, actor, code, input, locale),
    remove: (actor: Actor, code: string) => remove(deps, actor, code),
    history: (actor: Actor, code: string) => history(deps, actor, code),
    importStandard: (actor: Actor) => importStandard(deps, actor),
  };
}
export type CategoriesService = ReturnType<typeof createCategoriesService>;
