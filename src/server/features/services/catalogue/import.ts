import type { Selectable } from 'kysely';
import type { Material } from '../../../../shared/service-forms.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { ServiceItemsTable } from '../../../platform/db/schema-services.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { MAX_IMPORT_ROWS, readAllSheets } from '../../../platform/sheet-reader.js';
import { attachableFiles } from '../../files/index.js';
import {
  assembleItems,
  readCatalogueBook,
  sheetNames,
  writeCatalogueBook,
  type CatalogueBook,
  type SheetProblem,
} from './excel.js';
import * as policy from './policy.js';
import * as repo from './repository.js';
import type { CatalogueDeps } from './deps.js';
import { itemInsertRow, saveItemChanges, versionRow } from './items.js';

// 服务事项目录 in and out of Excel. The export is the whole county catalogue; the import takes the
// same workbook back: rows are matched by code (new codes are added, known ones updated — an item
// whose form or anything else changed gets a new version), nothing is deleted, and one bad row
// imports nothing (every bad row told in Chinese with its sheet and row).

type Item = Selectable<ServiceItemsTable>;

export async function exportCatalogue({ db }: CatalogueDeps, actor: Actor) {
  const tenantId = policy.readableCounty(actor);
  const [categories, items, classes, bundles, links, departments] = await Promise.all([
    repo.categoriesOf(db, tenantId),
    repo.itemsOf(db, tenantId),
    repo.bundleClassesOf(db, tenantId),
    repo.bundlesOf(db, tenantId),
    repo.bundleItemsOf(db, tenantId),
    repo.departmentsOf(db, tenantId),
  ]);
  const book: CatalogueBook = {
    categories: categories.map((c) => ({ code: c.code, name: c.name, sort: c.sort, active: c.active })),
    items: items.map((i) => ({
      code: i.code,
      name: i.name,
      categoryCode: categories.find((c) => c.id === i.category_id)?.code ?? '',
      summary: i.summary,
      eligibility: i.eligibility,
      handlerLevel: i.handler_level,
      departmentCode: departments.find((d) => d.id === i.department_id)?.code ?? null,
      timeLimitDays: i.time_limit_days,
      feeFen: i.fee_fen,
      feeNote: i.fee_note,
      legalBasis: i.legal_basis,
      channel: i.channel,
      sort: i.sort,
      active: i.active,
      form: i.form,
      materials: i.materials,
    })),
    bundleClasses: classes.map((c) => ({ code: c.code, name: c.name, sort: c.sort })),
    bundles: bundles.map((b) => ({
      code: b.code,
      name: b.name,
      classCode: classes.find((c) => c.id === b.class_id)?.code ?? '',
      summary: b.summary,
      sort: b.sort,
      active: b.active,
      itemCodes: links
        .filter((l) => l.bundle_id === b.id)
        .map((l) => items.find((i) => i.id === l.item_id)?.code ?? ''),
    })),
  };
  return writeCatalogueBook(book);
}

const repeats = <T extends { row: number }>(rows: T[], keyOf: (r: T) => string, sheet: string, what: string) => {
  const seen = new Map<string, number>();
  const problems: SheetProblem[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    if (seen.has(key)) problems.push({ sheet, row: r.row, message: `${what} ${key} 与第 ${seen.get(key)} 行重复` });
    else seen.set(key, r.row);
  }
  return problems;
};

type Assembled = ReturnType<typeof assembleItems>['items'];
type Book = ReturnType<typeof readCatalogueBook>;
type Existing = Awaited<ReturnType<typeof loadExisting>>;
type Counts = { added: number; changed: number };

const loadExisting = async (trx: Executor, tenantId: string) => {
  const [categories, items, classes, bundles, departments, links] = await Promise.all([
    repo.categoriesOf(trx, tenantId),
    repo.itemsOf(trx, tenantId),
    repo.bundleClassesOf(trx, tenantId),
    repo.bundlesOf(trx, tenantId),
    repo.departmentsOf(trx, tenantId),
    repo.bundleItemsOf(trx, tenantId),
  ]);
  return { categories, items, classes, bundles, departments, links };
};

/** An item's category and handling department, against the workbook and the county. */
function itemProblems(items: Assembled, book: Book, existing: Existing) {
  const problems: SheetProblem[] = [];
  const categoryCodes = new Set([...existing.categories, ...book.categories].map((c) => c.code));
  for (const item of items) {
    const fail = (message: string) => problems.push({ sheet: sheetNames.items, row: item.row, message });
    if (!categoryCodes.has(item.categoryCode)) fail(`类别编码 ${item.categoryCode || '（空）'} 不存在`);
    if (item.handlerLevel !== 'department') {
      if (item.departmentCode) fail('社区或街道办理的事项不填办理部门编码');
    } else if (!item.departmentCode) fail('部门办理的事项须填写办理部门编码');
    else if (!existing.departments.some((d) => d.code === item.departmentCode))
      fail(`办理部门编码 ${item.departmentCode} 不是本县的部门`);
  }
  return problems;
}

/** A sample must already be on that item, or be an upload the importer may read. */
async function sampleProblems(trx: Executor, actor: Actor, items: Assembled, existing: Existing) {
  const problems: SheetProblem[] = [];
  for (const item of items) {
    const before = existing.items.find((e) => e.code === item.code);
    const kept = new Set((before?.materials ?? []).map((m) => m.sampleFileId));
    for (const id of item.materials.map((m) => m.sampleFileId).filter((f) => f && !kept.has(f)) as string[])
      await attachableFiles(trx, actor, [id], { field: 'sampleFileId' }).catch(() =>
        problems.push({ sheet: sheetNames.materials, row: item.row, message: `样表文件 ${id} 不存在或无权使用` }),
      );
  }
  return problems;
}

/** Each bundle's items exist and number 2 to 10; a new class has its name. */
function bundleProblems(book: Book, items: Assembled, existing: Existing) {
  const problems: SheetProblem[] = [];
  const itemCodes = new Set([...existing.items, ...items].map((i) => i.code));
  const bundleCodes = new Set(book.bundles.map((b) => b.code));
  const count = new Map<string, number>();
  for (const link of book.bundleItems) {
    const fail = (message: string) => problems.push({ sheet: sheetNames.bundleItems, row: link.row, message });
    if (!bundleCodes.has(link.bundleCode)) fail(`一件事编码 ${link.bundleCode} 不在“一件事”表中`);
    if (!itemCodes.has(link.itemCode)) fail(`事项编码 ${link.itemCode} 不存在`);
    count.set(link.bundleCode, (count.get(link.bundleCode) ?? 0) + 1);
  }
  for (const b of book.bundles) {
    const fail = (message: string) => problems.push({ sheet: sheetNames.bundles, row: b.row, message });
    const n = count.get(b.code) ?? 0;
    if (n < 2 || n > 10) fail(`一件事须包含 2 到 10 个事项（“一件事事项”表中有 ${n} 个）`);
    if (!existing.classes.some((c) => c.code === b.classCode) && !b.className)
      fail(`分类编码 ${b.classCode} 不存在，请填写分类名称以新建`);
  }
  return problems;
}

const sheetOrder = Object.values(sheetNames) as string[];
const byPlace = (a: SheetProblem, b: SheetProblem) =>
  sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row;

async function applyCategories(trx: Executor, tenantId: string, book: Book, existing: Existing, now: Date) {
  const counts: Counts = { added: 0, changed: 0 };
  const ids = new Map(existing.categories.map((c) => [c.code, c.id]));
  for (const c of book.categories) {
    const before = existing.categories.find((o) => o.code === c.code);
    const values = { name: c.name, sort: c.sort, active: c.active };
    if (!before) {
      const id = newId();
      await repo.insertCategories(trx, [{ id, tenant_id: tenantId, code: c.code, ...values, created_at: now }]);
      ids.set(c.code, id);
      counts.added++;
    } else if (before.name !== c.name || before.sort !== c.sort || before.active !== c.active) {
      await repo.updateCategory(trx, tenantId, before.id, values);
      counts.changed++;
    }
  }
  return { counts, ids };
}

async function applyItems(
  trx: Executor,
  actor: Actor,
  tenantId: string,
  items: Assembled,
  existing: Existing,
  categoryIds: Map<string, string>,
  now: Date,
) {
  const counts: Counts = { added: 0, changed: 0 };
  const ids = new Map(existing.items.map((i) => [i.code, i.id]));
  const fresh: Item[] = [];
  for (const i of items) {
    const values = {
      category_id: categoryIds.get(i.categoryCode)!,
      name: i.name,
      summary: i.summary,
      eligibility: i.eligibility,
      handler_level: i.handlerLevel,
      department_id: existing.departments.find((d) => d.code === i.departmentCode)?.id ?? null,
      time_limit_days: i.timeLimitDays,
      fee_fen: i.feeFen,
      fee_note: i.feeNote,
      legal_basis: i.legalBasis,
      channel: i.channel,
      form: i.form,
      materials: i.materials as Material[],
      sort: i.sort,
      active: i.active,
    };
    const before = existing.items.find((e) => e.code === i.code);
    if (before) {
      const saved = await saveItemChanges(trx, actor, before, { ...before, ...values }, now, 'service_item.import');
      if (saved !== before) counts.changed++;
      continue;
    }
    const row: Item = {
      id: newId(),
      tenant_id: tenantId,
      code: i.code,
      ...values,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    fresh.push(row);
    ids.set(i.code, row.id);
  }
  await repo.insertItems(trx, fresh.map(itemInsertRow));
  await repo.insertItemVersions(
    trx,
    fresh.map((i) => versionRow(i, actor, now)),
  );
  counts.added = fresh.length;
  return { counts, ids };
}

/** Bundle classes come from the 一件事 sheet (分类编码, 分类名称): new codes are added, names updated. */
async function applyClasses(trx: Executor, tenantId: string, book: Book, existing: Existing, now: Date) {
  const counts: Counts = { added: 0, changed: 0 };
  const ids = new Map(existing.classes.map((c) => [c.code, c.id]));
  for (const b of book.bundles) {
    const before = existing.classes.find((c) => c.code === b.classCode);
    if (!before && !ids.has(b.classCode)) {
      const id = newId();
      const row = {
        id,
        tenant_id: tenantId,
        code: b.classCode,
        name: b.className,
        sort: ids.size + 1,
        created_at: now,
      };
      await repo.insertBundleClasses(trx, [row]);
      ids.set(b.classCode, id);
      counts.added++;
    } else if (before && b.className && before.name !== b.className) {
      await repo.updateBundleClass(trx, tenantId, before.id, { name: b.className });
      before.name = b.className;
      counts.changed++;
    }
  }
  return { counts, ids };
}

async function applyBundles(
  trx: Executor,
  tenantId: string,
  book: Book,
  existing: Existing,
  ids: { classes: Map<string, string>; items: Map<string, string> },
  now: Date,
) {
  const counts: Counts = { added: 0, changed: 0 };
  const links = (bundleId: string, itemIds: string[]) =>
    itemIds.map((itemId, n) => ({ bundle_id: bundleId, item_id: itemId, tenant_id: tenantId, sort: n + 1 }));
  for (const b of book.bundles) {
    const wanted = book.bundleItems
      .filter((l) => l.bundleCode === b.code)
      .sort((x, y) => x.sort - y.sort || x.row - y.row)
      .map((l) => ids.items.get(l.itemCode)!);
    const values = {
      class_id: ids.classes.get(b.classCode)!,
      name: b.name,
      summary: b.summary,
      sort: b.sort,
      active: b.active,
    };
    const before = existing.bundles.find((o) => o.code === b.code);
    if (!before) {
      const id = newId();
      await repo.insertBundles(trx, [
        { id, tenant_id: tenantId, code: b.code, ...values, created_at: now, updated_at: now },
      ]);
      await repo.insertBundleItems(trx, links(id, wanted));
      counts.added++;
      continue;
    }
    const had = existing.links.filter((l) => l.bundle_id === before.id).map((l) => l.item_id);
    const keys = Object.keys(values) as (keyof typeof values)[];
    if (same(had, wanted) && keys.every((k) => before[k] === values[k])) continue;
    await repo.updateBundle(trx, tenantId, before.id, { ...values, updated_at: now });
    await repo.replaceBundleItems(trx, tenantId, before.id, links(before.id, wanted));
    counts.changed++;
  }
  return counts;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function importCatalogue({ db, clock }: CatalogueDeps, actor: Actor, bytes: Buffer) {
  const tenantId = policy.editableCounty(actor);
  const book = readCatalogueBook(await readAllSheets(bytes, { maxRows: MAX_IMPORT_ROWS }));
  const { items, problems: itemRowProblems } = assembleItems(book);
  const problems = [
    ...book.problems,
    ...itemRowProblems,
    ...repeats(book.categories, (r) => r.code, sheetNames.categories, '编码'),
    ...repeats(book.items, (r) => r.code, sheetNames.items, '编码'),
    ...repeats(book.bundles, (r) => r.code, sheetNames.bundles, '编码'),
    ...repeats(book.bundleItems, (r) => `${r.bundleCode}/${r.itemCode}`, sheetNames.bundleItems, '一件事事项'),
  ];
  return db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx, tenantId);
    const existing = await loadExisting(trx, tenantId);
    problems.push(
      ...itemProblems(items, book, existing),
      ...(await sampleProblems(trx, actor, items, existing)),
      ...bundleProblems(book, items, existing),
    );
    if (problems.length) throw new AppError('IMPORT_HAS_ERRORS', { errors: problems.sort(byPlace) });
    const now = clock.now();
    const categories = await applyCategories(trx, tenantId, book, existing, now);
    const saved = await applyItems(trx, actor, tenantId, items, existing, categories.ids, now);
    const classes = await applyClasses(trx, tenantId, book, existing, now);
    const bundles = await applyBundles(trx, tenantId, book, existing, { classes: classes.ids, items: saved.ids }, now);
    const result = { categories: categories.counts, items: saved.counts, bundleClasses: classes.counts, bundles };
    const entry = {
      action: 'service_catalogue.import',
      entityType: 'service_catalogue',
      entityId: null,
      after: result,
    };
    await recordAudit(trx, actor, entry, now);
    return result;
  });
}
