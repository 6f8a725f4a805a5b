import type { Selectable } from 'kysely';
import type { Material } from '../../../../shared/service-forms.js';
import { recordAudit } from '../../../platform/audit.js';
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
import { itemInsertRow, saveItemChanges } from './items.js';

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

export async function importCatalogue(deps: CatalogueDeps, actor: Actor, bytes: Buffer) {
  const tenantId = policy.editableCounty(actor);
  const sheets = await readAllSheets(bytes, { maxRows: MAX_IMPORT_ROWS });
  const book = readCatalogueBook(sheets);
  const { items, problems: itemProblems } = assembleItems(book);
  const problems = [...book.problems, ...itemProblems];
  problems.push(
    ...repeats(book.categories, (r) => r.code, sheetNames.categories, '编码'),
    ...repeats(book.items, (r) => r.code, sheetNames.items, '编码'),
    ...repeats(book.bundles, (r) => r.code, sheetNames.bundles, '编码'),
    ...repeats(book.bundleItems, (r) => `${r.bundleCode}/${r.itemCode}`, sheetNames.bundleItems, '一件事事项'),
  );

  const { db, clock } = deps;
  return db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx, tenantId);
    const [categories, existing, classes, bundles, departments] = await Promise.all([
      repo.categoriesOf(trx, tenantId),
      repo.itemsOf(trx, tenantId),
      repo.bundleClassesOf(trx, tenantId),
      repo.bundlesOf(trx, tenantId),
      repo.departmentsOf(trx, tenantId),
    ]);
    const categoryCodes = new Set([...categories.map((c) => c.code), ...book.categories.map((c) => c.code)]);
    const itemCodes = new Set([...existing.map((i) => i.code), ...items.map((i) => i.code)]);
    const bundleCodes = new Set(book.bundles.map((b) => b.code));

    for (const item of items) {
      const fail = (message: string) => problems.push({ sheet: sheetNames.items, row: item.row, message });
      if (!categoryCodes.has(item.categoryCode)) fail(`类别编码 ${item.categoryCode || '（空）'} 不存在`);
      if (item.handlerLevel === 'department') {
        if (!item.departmentCode) fail('部门办理的事项须填写办理部门编码');
        else if (!departments.some((d) => d.code === item.departmentCode))
          fail(`办理部门编码 ${item.departmentCode} 不是本县的部门`);
      } else if (item.departmentCode) fail('社区或街道办理的事项不填办理部门编码');
    }
    // A sample must already be on that item, or an upload the importer may read.
    for (const item of items) {
      const before = existing.find((e) => e.code === item.code);
      const kept = new Set((before?.materials ?? []).map((m) => m.sampleFileId).filter(Boolean));
      for (const m of item.materials)
        if (m.sampleFileId && !kept.has(m.sampleFileId)) {
          try {
            await attachableFiles(trx, actor, [m.sampleFileId], { field: 'sampleFileId' });
          } catch {
            problems.push({
              sheet: sheetNames.materials,
              row: item.row,
              message: `样表文件 ${m.sampleFileId} 不存在或无权使用`,
            });
          }
        }
    }
    const bundleItemCount = new Map<string, number>();
    for (const link of book.bundleItems) {
      const fail = (message: string) => problems.push({ sheet: sheetNames.bundleItems, row: link.row, message });
      if (!bundleCodes.has(link.bundleCode)) fail(`一件事编码 ${link.bundleCode} 不在“一件事”表中`);
      if (!itemCodes.has(link.itemCode)) fail(`事项编码 ${link.itemCode} 不存在`);
      bundleItemCount.set(link.bundleCode, (bundleItemCount.get(link.bundleCode) ?? 0) + 1);
    }
    for (const b of book.bundles) {
      const n = bundleItemCount.get(b.code) ?? 0;
      if (n < 2 || n > 10)
        problems.push({
          sheet: sheetNames.bundles,
          row: b.row,
          message: `一件事须包含 2 到 10 个事项（“一件事事项”表中有 ${n} 个）`,
        });
      const cls = classes.find((c) => c.code === b.classCode);
      if (!cls && !b.className)
        problems.push({
          sheet: sheetNames.bundles,
          row: b.row,
          message: `分类编码 ${b.classCode} 不存在，请填写分类名称以新建`,
        });
    }
    if (problems.length) {
      problems.sort(
        (a, b) =>
          Object.values(sheetNames).indexOf(a.sheet as never) - Object.values(sheetNames).indexOf(b.sheet as never) ||
          a.row - b.row,
      );
      throw new AppError('IMPORT_HAS_ERRORS', { errors: problems });
    }

    const now = clock.now();
    const result = {
      categories: { added: 0, changed: 0 },
      items: { added: 0, changed: 0 },
      bundleClasses: { added: 0, changed: 0 },
      bundles: { added: 0, changed: 0 },
    };
    // categories
    const categoryIds = new Map(categories.map((c) => [c.code, c.id]));
    for (const c of book.categories) {
      const before = categories.find((o) => o.code === c.code);
      if (!before) {
        const id = newId();
        await repo.insertCategories(trx, [
          { id, tenant_id: tenantId, code: c.code, name: c.name, sort: c.sort, active: c.active, created_at: now },
        ]);
        categoryIds.set(c.code, id);
        result.categories.added++;
      } else if (before.name !== c.name || before.sort !== c.sort || before.active !== c.active) {
        await repo.updateCategory(trx, tenantId, before.id, { name: c.name, sort: c.sort, active: c.active });
        result.categories.changed++;
      }
    }
    // items
    const itemIds = new Map(existing.map((i) => [i.code, i.id]));
    const fresh: Item[] = [];
    for (const i of items) {
      const departmentId = departments.find((d) => d.code === i.departmentCode)?.id ?? null;
      const values = {
        category_id: categoryIds.get(i.categoryCode)!,
        name: i.name,
        summary: i.summary,
        eligibility: i.eligibility,
        handler_level: i.handlerLevel,
        department_id: i.handlerLevel === 'department' ? departmentId : null,
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
      const before = existing.find((e) => e.code === i.code);
      if (!before) {
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
        itemIds.set(i.code, row.id);
        continue;
      }
      const saved = await saveItemChanges(trx, actor, before, { ...before, ...values }, now, 'service_item.import');
      if (saved !== before) result.items.changed++;
    }
    await repo.insertItems(trx, fresh.map(itemInsertRow));
    await repo.insertItemVersions(
      trx,
      fresh.map((i) => ({
        item_id: i.id,
        version: 1,
        tenant_id: tenantId,
        form: JSON.stringify(i.form),
        materials: JSON.stringify(i.materials),
        time_limit_days: i.time_limit_days,
        saved_by: actor.userId,
        saved_at: now,
      })),
    );
    result.items.added = fresh.length;
    // bundle classes (from the 一件事 sheet), bundles and their items
    const classIds = new Map(classes.map((c) => [c.code, c.id]));
    for (const b of book.bundles) {
      const before = classes.find((c) => c.code === b.classCode);
      if (!before && !classIds.has(b.classCode)) {
        const id = newId();
        await repo.insertBundleClasses(trx, [
          { id, tenant_id: tenantId, code: b.classCode, name: b.className, sort: classIds.size + 1, created_at: now },
        ]);
        classIds.set(b.classCode, id);
        result.bundleClasses.added++;
      } else if (before && b.className && before.name !== b.className) {
        await repo.updateBundleClass(trx, tenantId, before.id, { name: b.className });
        before.name = b.className;
        result.bundleClasses.changed++;
      }
    }
    const allLinks = await repo.bundleItemsOf(trx, tenantId);
    for (const b of book.bundles) {
      const wanted = book.bundleItems
        .filter((l) => l.bundleCode === b.code)
        .sort((x, y) => x.sort - y.sort || x.row - y.row)
        .map((l) => itemIds.get(l.itemCode)!);
      const before = bundles.find((o) => o.code === b.code);
      const values = {
        class_id: classIds.get(b.classCode)!,
        name: b.name,
        summary: b.summary,
        sort: b.sort,
        active: b.active,
      };
      if (!before) {
        const id = newId();
        await repo.insertBundles(trx, [
          { id, tenant_id: tenantId, code: b.code, ...values, created_at: now, updated_at: now },
        ]);
        await repo.insertBundleItems(
          trx,
          wanted.map((itemId, n) => ({ bundle_id: id, item_id: itemId, tenant_id: tenantId, sort: n + 1 })),
        );
        result.bundles.added++;
        continue;
      }
      const had = allLinks.filter((l) => l.bundle_id === before.id).map((l) => l.item_id);
      const same =
        JSON.stringify(had) === JSON.stringify(wanted) &&
        (Object.keys(values) as (keyof typeof values)[]).every((k) => before[k] === values[k]);
      if (same) continue;
      await repo.updateBundle(trx, tenantId, before.id, { ...values, updated_at: now });
      await repo.replaceBundleItems(
        trx,
        tenantId,
        before.id,
        wanted.map((itemId, n) => ({ bundle_id: before.id, item_id: itemId, tenant_id: tenantId, sort: n + 1 })),
      );
      result.bundles.changed++;
    }
    await recordAudit(
      trx,
      actor,
      { action: 'service_catalogue.import', entityType: 'service_catalogue', entityId: null, after: result },
      now,
    );
    return result;
  });
}
