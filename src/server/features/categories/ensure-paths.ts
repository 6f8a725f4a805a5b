import type { Executor } from '../../platform/audit.js';
import { recordAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/policy.js';
import { maxCategoryDepth, nextCategoryCode, type CategoryKind } from './codes.js';
import { assertMayEditCategories } from './policy.js';
import * as repo from './repository.js';
import { versionRow } from './service.js';

// Another taxonomy's categories (a hotline's 一级 / 二级 / 三级分类, as imported history names them)
// found in Linli's tree by name, level by level, and the missing ones added under them: the caller's
// transaction, one version row and one audit row each, and only by who may edit the tree.

export interface EnsuredPaths {
  /** Each path (names joined by ' / ') → the code of its deepest category. */
  codes: Map<string, string>;
  /** The paths of the categories added, in the order they were added. */
  created: string[];
}

type Row = Awaited<ReturnType<typeof repo.allCategories>>[number];

/** The first level: a top-level class of that name, else the one category of that name anywhere. */
function findFirst(all: Row[], name: string): Row | undefined {
  const top = all.find((c) => c.parent_code === null && c.name_zh === name);
  if (top) return top;
  const anywhere = all.filter((c) => c.name_zh === name);
  return anywhere.length === 1 ? anywhere[0] : undefined;
}

function depthOf(all: Row[], code: string): number {
  let depth = 0;
  for (let at = all.find((c) => c.code === code); at && depth < 10; depth++)
    at = at.parent_code ? all.find((c) => c.code === at!.parent_code) : undefined;
  return depth;
}

/** A new category under `parent` (or at the top), with the parent's limits or the defaults. */
function newCategoryRow(name: string, parent: Row | undefined, all: Row[], now: Date) {
  const kind: CategoryKind = parent?.kind ?? 'event';
  const limits = parent ?? {
    first_contact_minutes: 30,
    dispatch_minutes: 120,
    take_minutes: 60,
    resolve_hours: 72,
    business_days: false,
    default_department_kind: null,
  };
  return {
    code: nextCategoryCode(
      kind,
      parent?.code ?? null,
      all.map((c) => c.code),
    ),
    parent_code: parent?.code ?? null,
    name_zh: name,
    name_en: name,
    kind,
    first_contact_minutes: limits.first_contact_minutes,
    dispatch_minutes: limits.dispatch_minutes,
    take_minutes: limits.take_minutes,
    resolve_hours: limits.resolve_hours,
    business_days: limits.business_days,
    urgent: false,
    default_department_kind: limits.default_department_kind,
    keywords: [],
    sort: 500,
    active: true,
    version: 1,
    updated_at: now,
  };
}

export async function ensureCategoryPaths(
  trx: Executor,
  actor: Actor,
  paths: readonly string[][],
  now: Date,
): Promise<EnsuredPaths> {
  await repo.lockCategoryCodes(trx);
  const all = await repo.allCategories(trx);
  const codes = new Map<string, string>();
  const created: string[] = [];
  const add = async (name: string, parent: Row | undefined, path: string) => {
    assertMayEditCategories(actor);
    const row = newCategoryRow(name, parent, all, now);
    await repo.insertCategory(trx, row);
    await repo.insertVersions(trx, [versionRow(row, 'import', actor, now)]);
    await recordAudit(
      trx,
      actor,
      { action: 'category.create', entityType: 'case_category', entityId: row.code, after: { ...row, from: path } },
      now,
    );
    const added = { ...row, updated_at: now } as unknown as Row;
    all.push(added);
    created.push(path);
    return added;
  };
  for (const names of paths) {
    const key = names.join(' / ');
    if (codes.has(key)) continue;
    let at: Row | undefined;
    for (const [i, name] of names.entries()) {
      const found = i === 0 ? findFirst(all, name) : all.find((c) => c.parent_code === at!.code && c.name_zh === name);
      // A tree is three levels deep at most: a deeper name is filed under the deepest level there is.
      if (!found && at && depthOf(all, at.code) >= maxCategoryDepth) break;
      at = found ?? (await add(name, at, names.slice(0, i + 1).join(' / ')));
    }
    codes.set(key, at!.code);
  }
  return { codes, created };
}
