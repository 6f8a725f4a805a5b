import type { Selectable } from 'kysely';
import { mergeForms, mergeMaterials, type FormDefinition, type Material } from '../../../../shared/service-forms.js';
import { handlerLevelLabels } from '../../../../shared/services.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type {
  ServiceBundlesTable,
  ServiceCategoriesTable,
  ServiceItemsTable,
} from '../../../platform/db/schema-services.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { findFiles } from '../../files/index.js';
import type { CatalogueDeps } from './deps.js';
import { exportCatalogue, importCatalogue } from './import.js';
import {
  checkHandler,
  checkSamples,
  itemInsertRow,
  patchColumns,
  saveItemChanges,
  versionRow,
  type PatchField,
} from './items.js';
import * as policy from './policy.js';
import * as repo from './repository.js';
import type { BundleInputT, BundlePatchT, ServiceItemInputT, ServiceItemPatchT } from './schemas.js';

// 服务事项目录: categories → items (form, materials, handler, time limit, fee …) and 一件事 bundles.
// Each change is one transaction with its audit row; an item's every saved version is kept
// (service_item_versions) so an application is always read with the form it was filed under.
// Things that were used are deactivated, never deleted.

type Category = Selectable<ServiceCategoriesTable>;
type Item = Selectable<ServiceItemsTable>;
type Bundle = Selectable<ServiceBundlesTable>;
type Department = { id: string; code: string; name: string };

export const sampleUrl = (fileId: string) => `/api/v1/public/services/samples/${fileId}`;

const presentMaterials = (list: Material[]) =>
  list.map((m) => ({ ...m, sampleUrl: m.sampleFileId ? sampleUrl(m.sampleFileId) : null }));

export const handlerName = (item: Pick<Item, 'handler_level' | 'department_id'>, departments: Department[]) =>
  item.handler_level === 'department'
    ? (departments.find((d) => d.id === item.department_id)?.name ?? handlerLevelLabels.department)
    : handlerLevelLabels[item.handler_level];

export const presentCategory = (c: Category) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  sort: c.sort,
  active: c.active,
});

export function presentItem(i: Item, departments: Department[]) {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    categoryId: i.category_id,
    summary: i.summary,
    eligibility: i.eligibility,
    handlerLevel: i.handler_level,
    departmentId: i.department_id,
    handlerName: handlerName(i, departments),
    timeLimitDays: i.time_limit_days,
    feeFen: i.fee_fen,
    feeNote: i.fee_note,
    legalBasis: i.legal_basis,
    channel: i.channel,
    form: i.form,
    materials: presentMaterials(i.materials),
    sort: i.sort,
    active: i.active,
    version: i.version,
    updatedAt: new Date(i.updated_at).toISOString(),
  };
}

export const presentBundle = (b: Bundle, itemIds: string[]) => ({
  id: b.id,
  code: b.code,
  name: b.name,
  classId: b.class_id,
  summary: b.summary,
  itemIds,
  sort: b.sort,
  active: b.active,
  updatedAt: new Date(b.updated_at).toISOString(),
});

const itemIdsByBundle = (rows: { bundle_id: string; item_id: string }[]) => {
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.bundle_id, [...(map.get(r.bundle_id) ?? []), r.item_id]);
  return map;
};

async function audit(
  trx: Executor,
  actor: Actor,
  action: string,
  entityType: string,
  id: string | null,
  before: unknown,
  after: unknown,
  now: Date,
) {
  await recordAudit(trx, actor, { action, entityType, entityId: id, before, after }, now);
}

/** Code taken in the county (categories, items, classes and bundles each have their own codes). */
const taken = (rows: { code: string; id: string }[], code: string, id?: string) =>
  rows.some((r) => r.code === code && r.id !== id);

// ── read ─────────────────────────────────────────────────────────────────────────────────────
async function catalogue({ db }: CatalogueDeps, actor: Actor) {
  const tenantId = policy.readableCounty(actor);
  const [categories, items, classes, bundles, bundleItems, departments] = await Promise.all([
    repo.categoriesOf(db, tenantId),
    repo.itemsOf(db, tenantId),
    repo.bundleClassesOf(db, tenantId),
    repo.bundlesOf(db, tenantId),
    repo.bundleItemsOf(db, tenantId),
    repo.departmentsOf(db, tenantId),
  ]);
  const byBundle = itemIdsByBundle(bundleItems);
  return {
    categories: categories.map(presentCategory),
    items: items.map((i) => presentItem(i, departments)),
    bundleClasses: classes.map((c) => ({ id: c.id, code: c.code, name: c.name, sort: c.sort })),
    bundles: bundles.map((b) => presentBundle(b, byBundle.get(b.id) ?? [])),
    departments,
    mayEdit: policy.mayEditCatalogue(actor),
  };
}

async function getItem({ db }: CatalogueDeps, actor: Actor, id: string) {
  const tenantId = policy.readableCounty(actor);
  const item = await repo.findItem(db, tenantId, id);
  if (!item) throw new AppError('NOT_FOUND');
  return presentItem(item, await repo.departmentsOf(db, tenantId));
}

/** A bundle with its items, its one merged form and material list (一张表单、一套材料). */
export async function bundleDetail(db: Executor, tenantId: string, bundle: Bundle) {
  const links = await repo.bundleItemsOf(db, tenantId, bundle.id);
  const rows = await repo.findItems(
    db,
    tenantId,
    links.map((l) => l.item_id),
  );
  const items = links.map((l) => rows.find((r) => r.id === l.item_id)!).filter(Boolean);
  const departments = await repo.departmentsOf(db, tenantId);
  const merged = mergeForms(items.map((i) => ({ itemId: i.id, form: i.form })));
  return {
    ...presentBundle(
      bundle,
      links.map((l) => l.item_id),
    ),
    items: items.map((i) => presentItem(i, departments)),
    form: merged.form,
    sources: merged.sources,
    materials: presentMaterials(mergeMaterials(items.map((i) => i.materials))),
  };
}

async function getBundle({ db }: CatalogueDeps, actor: Actor, id: string) {
  const tenantId = policy.readableCounty(actor);
  const bundle = await repo.findBundle(db, tenantId, id);
  if (!bundle) throw new AppError('NOT_FOUND');
  return bundleDetail(db, tenantId, bundle);
}

// ── categories ───────────────────────────────────────────────────────────────────────────────
async function createCategory(
  { db, clock }: CatalogueDeps,
  actor: Actor,
  input: { code: string; name: string; sort: number; active: boolean },
) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx, tenantId);
    if (taken(await repo.categoriesOf(trx, tenantId), input.code))
      throw new AppError('SERVICE_CODE_TAKEN', { code: input.code });
    const now = clock.now();
    const row = { id: newId(), tenant_id: tenantId, ...input, created_at: now };
    await repo.insertCategories(trx, [row]);
    await audit(trx, actor, 'service_category.create', 'service_category', row.id, undefined, input, now);
    return presentCategory(row);
  });
}

async function updateCategory(
  { db, clock }: CatalogueDeps,
  actor: Actor,
  id: string,
  input: { name?: string; sort?: number; active?: boolean },
) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    const current = await repo.findCategory(trx, tenantId, id);
    if (!current) throw new AppError('NOT_FOUND');
    const next = { ...current, ...input };
    await repo.updateCategory(trx, tenantId, id, input);
    await audit(
      trx,
      actor,
      'service_category.edit',
      'service_category',
      id,
      presentCategory(current),
      presentCategory(next),
      clock.now(),
    );
    return presentCategory(next);
  });
}

// ── items ────────────────────────────────────────────────────────────────────────────────────
async function createItem({ db, clock }: CatalogueDeps, actor: Actor, input: ServiceItemInputT) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx, tenantId);
    if (!(await repo.findCategory(trx, tenantId, input.categoryId))) throw invalid('categoryId', 'unknownCategory');
    await checkHandler(trx, tenantId, input.handlerLevel, input.departmentId);
    await checkSamples(trx, actor, input.materials);
    if (taken(await repo.itemsOf(trx, tenantId), input.code))
      throw new AppError('SERVICE_CODE_TAKEN', { code: input.code });
    const now = clock.now();
    const item: Item = {
      id: newId(),
      tenant_id: tenantId,
      category_id: input.categoryId,
      code: input.code,
      name: input.name,
      summary: input.summary,
      eligibility: input.eligibility,
      handler_level: input.handlerLevel,
      department_id: input.departmentId,
      time_limit_days: input.timeLimitDays,
      fee_fen: input.feeFen,
      fee_note: input.feeNote,
      legal_basis: input.legalBasis,
      channel: input.channel,
      form: input.form,
      materials: input.materials,
      sort: input.sort,
      active: input.active,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertItems(trx, [itemInsertRow(item)]);
    await repo.insertItemVersions(trx, [versionRow(item, actor, now)]);
    const departments = await repo.departmentsOf(trx, tenantId);
    await audit(
      trx,
      actor,
      'service_item.create',
      'service_item',
      item.id,
      undefined,
      { code: item.code, name: item.name, version: 1 },
      now,
    );
    return presentItem(item, departments);
  });
}

async function updateItem({ db, clock }: CatalogueDeps, actor: Actor, id: string, input: ServiceItemPatchT) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    const current = await repo.lockItem(trx, tenantId, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (input.version !== current.version) throw new AppError('SERVICE_ITEM_CHANGED', { version: current.version });
    const next: Item = { ...current };
    for (const f of Object.keys(patchColumns) as PatchField[])
      if (input[f] !== undefined) (next as Record<string, unknown>)[patchColumns[f]] = input[f];
    // Moving off department level clears the department unless the caller named one.
    if (input.handlerLevel && input.handlerLevel !== 'department' && input.departmentId === undefined)
      next.department_id = null;
    const saved = await saveItemChanges(trx, actor, current, next, clock.now());
    return presentItem(saved, await repo.departmentsOf(trx, tenantId));
  });
}

// ── bundle classes and bundles ───────────────────────────────────────────────────────────────
async function createBundleClass(
  { db, clock }: CatalogueDeps,
  actor: Actor,
  input: { code: string; name: string; sort: number },
) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx, tenantId);
    if (taken(await repo.bundleClassesOf(trx, tenantId), input.code))
      throw new AppError('SERVICE_CODE_TAKEN', { code: input.code });
    const now = clock.now();
    const row = { id: newId(), tenant_id: tenantId, ...input, created_at: now };
    await repo.insertBundleClasses(trx, [row]);
    await audit(trx, actor, 'service_bundle_class.create', 'service_bundle_class', row.id, undefined, input, now);
    return { id: row.id, code: row.code, name: row.name, sort: row.sort };
  });
}

async function updateBundleClass(
  { db, clock }: CatalogueDeps,
  actor: Actor,
  id: string,
  input: { name?: string; sort?: number },
) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    const current = (await repo.bundleClassesOf(trx, tenantId)).find((c) => c.id === id);
    if (!current) throw new AppError('NOT_FOUND');
    await repo.updateBundleClass(trx, tenantId, id, input);
    const next = { ...current, ...input };
    await audit(
      trx,
      actor,
      'service_bundle_class.edit',
      'service_bundle_class',
      id,
      { name: current.name, sort: current.sort },
      input,
      clock.now(),
    );
    return { id, code: next.code, name: next.name, sort: next.sort };
  });
}

async function checkBundleRefs(
  trx: Executor,
  tenantId: string,
  classId: string | undefined,
  itemIds: string[] | undefined,
) {
  if (classId !== undefined && !(await repo.bundleClassesOf(trx, tenantId)).some((c) => c.id === classId))
    throw invalid('classId', 'unknownBundleClass');
  if (itemIds !== undefined && (await repo.findItems(trx, tenantId, itemIds)).length !== itemIds.length)
    throw invalid('itemIds', 'unknownServiceItem');
}

const linkRows = (tenantId: string, bundleId: string, itemIds: string[]) =>
  itemIds.map((itemId, i) => ({ bundle_id: bundleId, item_id: itemId, tenant_id: tenantId, sort: i + 1 }));

async function createBundle({ db, clock }: CatalogueDeps, actor: Actor, input: BundleInputT) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx, tenantId);
    await checkBundleRefs(trx, tenantId, input.classId, input.itemIds);
    if (taken(await repo.bundlesOf(trx, tenantId), input.code))
      throw new AppError('SERVICE_CODE_TAKEN', { code: input.code });
    const now = clock.now();
    const row: Bundle = {
      id: newId(),
      tenant_id: tenantId,
      class_id: input.classId,
      code: input.code,
      name: input.name,
      summary: input.summary,
      sort: input.sort,
      active: input.active,
      created_at: now,
      updated_at: now,
    };
    await repo.insertBundles(trx, [row]);
    await repo.insertBundleItems(trx, linkRows(tenantId, row.id, input.itemIds));
    await audit(trx, actor, 'service_bundle.create', 'service_bundle', row.id, undefined, input, now);
    return bundleDetail(trx, tenantId, row);
  });
}

async function updateBundle({ db, clock }: CatalogueDeps, actor: Actor, id: string, input: BundlePatchT) {
  const tenantId = policy.editableCounty(actor);
  return db.transaction().execute(async (trx) => {
    const current = await repo.findBundle(trx, tenantId, id);
    if (!current) throw new AppError('NOT_FOUND');
    await checkBundleRefs(trx, tenantId, input.classId, input.itemIds);
    const now = clock.now();
    const { itemIds, classId, ...rest } = input;
    const changes = { ...rest, ...(classId ? { class_id: classId } : {}), updated_at: now };
    await repo.updateBundle(trx, tenantId, id, changes);
    const before = (await repo.bundleItemsOf(trx, tenantId, id)).map((l) => l.item_id);
    if (itemIds) await repo.replaceBundleItems(trx, tenantId, id, linkRows(tenantId, id, itemIds));
    await audit(
      trx,
      actor,
      'service_bundle.edit',
      'service_bundle',
      id,
      { name: current.name, active: current.active, itemIds: before },
      input,
      now,
    );
    return bundleDetail(trx, tenantId, { ...current, ...rest, class_id: classId ?? current.class_id, updated_at: now });
  });
}

// ── public (no login) ────────────────────────────────────────────────────────────────────────
async function countyOf(db: Executor, code: string | null) {
  const county = await repo.publicCounty(db, code);
  if (!county?.tenant_id) throw new AppError('NOT_FOUND');
  return { code: county.code, name: county.name, tenantId: county.tenant_id };
}

async function publicCatalogue({ db }: CatalogueDeps, countyCode: string | null) {
  const county = await countyOf(db, countyCode);
  return { county: { code: county.code, name: county.name }, ...(await offeredCatalogue(db, county.tenantId)) };
}

/**
 * What a county offers: active categories with their active items, bundle classes with the active
 * bundles whose items are all offered (the public catalogue, the hall and the kiosk read this).
 */
export async function offeredCatalogue(db: Executor, tenantId: string) {
  const [categories, items, classes, bundles, links] = await Promise.all([
    repo.categoriesOf(db, tenantId),
    repo.itemsOf(db, tenantId),
    repo.bundleClassesOf(db, tenantId),
    repo.bundlesOf(db, tenantId),
    repo.bundleItemsOf(db, tenantId),
  ]);
  const liveCategories = categories.filter((c) => c.active);
  const live = items.filter((i) => i.active && liveCategories.some((c) => c.id === i.category_id));
  const liveIds = new Set(live.map((i) => i.id));
  const byBundle = itemIdsByBundle(links);
  return {
    categories: liveCategories.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      items: live
        .filter((i) => i.category_id === c.id)
        .map((i) => ({
          id: i.id,
          code: i.code,
          name: i.name,
          summary: i.summary,
          handlerLevel: i.handler_level,
          timeLimitDays: i.time_limit_days,
          channel: i.channel,
          feeFen: i.fee_fen,
        })),
    })),
    bundleClasses: classes.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      bundles: bundles
        .filter((b) => b.class_id === c.id && b.active)
        // a bundle is offered only while every one of its items is
        .filter((b) => (byBundle.get(b.id) ?? []).every((itemId) => liveIds.has(itemId)))
        .map((b) => ({ id: b.id, code: b.code, name: b.name, summary: b.summary, itemIds: byBundle.get(b.id) ?? [] })),
    })),
  };
}

function publicItem(item: Item, category: Category | undefined, departments: Department[]) {
  return {
    id: item.id,
    code: item.code,
    name: item.name,
    categoryName: category?.name ?? '',
    summary: item.summary,
    eligibility: item.eligibility,
    handlerLevel: item.handler_level,
    handlerName: handlerName(item, departments),
    timeLimitDays: item.time_limit_days,
    feeFen: item.fee_fen,
    feeNote: item.fee_note,
    legalBasis: item.legal_basis,
    channel: item.channel,
    form: item.form,
    materials: presentMaterials(item.materials),
    version: item.version,
  };
}

/** An active item of an active category, by id alone (the id says the county); otherwise 404. */
async function liveItem(db: Executor, id: string) {
  const item = await repo.itemCounty(db, id);
  if (!item) return null;
  const row = await repo.findItem(db, item.tenant_id, id);
  const category = row && (await repo.findCategory(db, row.tenant_id, row.category_id));
  return row?.active && category?.active ? { item: row, category } : null;
}

async function publicItemDetail({ db }: CatalogueDeps, id: string) {
  const found = await liveItem(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  return publicItem(found.item, found.category, await repo.departmentsOf(db, found.item.tenant_id));
}

async function publicBundleDetail({ db }: CatalogueDeps, id: string) {
  const loaded = await loadBundle(db, null, id);
  if (!loaded) throw new AppError('NOT_FOUND');
  const departments = await repo.departmentsOf(db, loaded.bundle.tenant_id);
  const categories = await repo.categoriesOf(db, loaded.bundle.tenant_id);
  const className =
    (await repo.bundleClassesOf(db, loaded.bundle.tenant_id)).find((c) => c.id === loaded.bundle.class_id)?.name ?? '';
  return {
    id: loaded.bundle.id,
    code: loaded.bundle.code,
    name: loaded.bundle.name,
    className,
    summary: loaded.bundle.summary,
    items: loaded.items.map((i) =>
      publicItem(
        i,
        categories.find((c) => c.id === i.category_id),
        departments,
      ),
    ),
    form: loaded.form,
    sources: loaded.sources,
    materials: presentMaterials(loaded.materials),
  };
}

/** A sample (样表) of an active item: anyone may download it, as anyone may read the item. */
async function sample({ db, storage }: CatalogueDeps, fileId: string) {
  const tenantId = await repo.isActiveSample(db, fileId);
  const [file] = tenantId ? await findFiles(db, [fileId]) : [];
  const bytes = file ? await storage.get(file.storage_key) : null;
  if (!file || !bytes) throw new AppError('NOT_FOUND');
  return { bytes, mime: file.mime };
}

// ── for applications (index.ts) ──────────────────────────────────────────────────────────────
/**
 * An item as an application needs it: the row at its current version, its form and materials,
 * where it is handled and its time limit; null when it is not in the county or not offered.
 */
export async function loadItem(db: Executor, tenantId: string | null, itemId: string) {
  const found = await liveItem(db, itemId);
  if (!found || (tenantId !== null && found.item.tenant_id !== tenantId)) return null;
  const item = found.item;
  return {
    item,
    version: item.version,
    form: item.form as FormDefinition,
    materials: item.materials,
    handlerLevel: item.handler_level,
    departmentId: item.department_id,
    timeLimitDays: item.time_limit_days,
  };
}

/** A bundle as an application needs it: its live items, the merged form with its sources, the merged materials. */
export async function loadBundle(db: Executor, tenantId: string | null, bundleId: string) {
  const head = await repo.bundleCounty(db, bundleId);
  if (!head || (tenantId !== null && head.tenant_id !== tenantId)) return null;
  const bundle = await repo.findBundle(db, head.tenant_id, bundleId);
  if (!bundle?.active) return null;
  const links = await repo.bundleItemsOf(db, bundle.tenant_id, bundle.id);
  const loaded = [];
  for (const link of links) {
    const one = await loadItem(db, bundle.tenant_id, link.item_id);
    if (!one) return null; // a bundle with an item withdrawn is not offered
    loaded.push(one);
  }
  const merged = mergeForms(loaded.map((l) => ({ itemId: l.item.id, form: l.form })));
  return {
    bundle,
    items: loaded.map((l) => l.item),
    parts: loaded,
    form: merged.form,
    sources: merged.sources,
    materials: mergeMaterials(loaded.map((l) => l.materials)),
  };
}

export function createCatalogueService(deps: CatalogueDeps) {
  return {
    catalogue: (actor: Actor) => catalogue(deps, actor),
    getItem: (actor: Actor, id: string) => getItem(deps, actor, id),
    getBundle: (actor: Actor, id: string) => getBundle(deps, actor, id),
    createCategory: (actor: Actor, input: Parameters<typeof createCategory>[2]) => createCategory(deps, actor, input),
    updateCategory: (actor: Actor, id: string, input: Parameters<typeof updateCategory>[3]) =>
      updateCategory(deps, actor, id, input),
    createItem: (actor: Actor, input: ServiceItemInputT) => createItem(deps, actor, input),
    updateItem: (actor: Actor, id: string, input: ServiceItemPatchT) => updateItem(deps, actor, id, input),
    createBundleClass: (actor: Actor, input: Parameters<typeof createBundleClass>[2]) =>
      createBundleClass(deps, actor, input),
    updateBundleClass: (actor: Actor, id: string, input: Parameters<typeof updateBundleClass>[3]) =>
      updateBundleClass(deps, actor, id, input),
    createBundle: (actor: Actor, input: BundleInputT) => createBundle(deps, actor, input),
    updateBundle: (actor: Actor, id: string, input: BundlePatchT) => updateBundle(deps, actor, id, input),
    publicCatalogue: (county: string | null) => publicCatalogue(deps, county),
    publicItem: (id: string) => publicItemDetail(deps, id),
    publicBundle: (id: string) => publicBundleDetail(deps, id),
    sample: (fileId: string) => sample(deps, fileId),
    exportXlsx: (actor: Actor) => exportCatalogue(deps, actor),
    importXlsx: (actor: Actor, bytes: Buffer) => importCatalogue(deps, actor, bytes),
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
