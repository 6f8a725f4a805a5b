import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder } from '../../platform/scope.js';
import { canReadCase } from '../../platform/case-access.js';
import { dateText } from '../people/index.js';
import { findByCode } from '../places/index.js';
import type { DutyItemRow } from './excel.js';
import * as policy from './policy.js';
import * as repo from './repository.js';
import { taskVerdict } from './verdict.js';
import type { DutyTaskInputT, DutyTaskQueryT } from './schemas.js';

// 权责清单 in use: what a community must do itself, who else is responsible, and which work a
// department may hand down (准入) or must not (取消).

export interface DutiesDeps {
  db: Db;
  clock: Clock;
}

type Item = Awaited<ReturnType<typeof repo.listItems>>[number];

const streetCodeOf = (path: string) => path.split('/').find((c) => /^\d{9}$/.test(c)) ?? null;
const today = (clock: Clock) => shanghaiDate(clock.now().getTime());
const present = (i: Item) => ({
  ref: i.ref,
  kind: i.kind,
  className: i.class_name,
  itemName: i.item_name,
  subItemName: i.sub_item_name,
  legalBasis: i.legal_basis,
  departmentKind: i.department_kind,
  categoryCodes: i.category_codes,
  keywords: i.keywords,
});
const matches = (i: { keywords: string[] }, text: string) => i.keywords.some((k) => k && text.includes(k));

async function streetOf(db: Db, code: string) {
  const street = await findByCode(db, code);
  if (!street || street.kind !== 'street') throw new AppError('NOT_FOUND');
  return street;
}

async function lists({ db }: DutiesDeps, actor: Actor, streetCode: string) {
  const street = await streetOf(db, streetCode);
  policy.assertMayReadStreetList(actor, street.path);
  const rows = await repo.listsOfStreet(db, street.id);
  const counts = await repo.itemCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((l) => ({
    id: l.id,
    version: l.version,
    title: l.title,
    effectiveFrom: dateText(l.effective_from)!,
    effectiveTo: dateText(l.effective_to),
    counts: Object.fromEntries(counts.filter((c) => c.list_id === l.id).map((c) => [c.kind, Number(c.n)])),
  }));
}

async function items({ db }: DutiesDeps, actor: Actor, listId: string) {
  policy.assertMayReadDuties(actor);
  const list = await repo.findListWithStreet(db, listId);
  // The same street's list the lists above name: from above and from below.
  if (!list) throw new AppError('NOT_FOUND');
  policy.assertMayReadStreetList(actor, list.path);
  return (await repo.listItems(db, listId)).map(present);
}

/** A new version of a street's list, in force from a date; the previous one ends the day before. */
async function importList(
  { db, clock }: DutiesDeps,
  actor: Actor,
  input: { streetCode: string; title: string; effectiveFrom: string; rows: DutyItemRow[] },
) {
  const street = await streetOf(db, input.streetCode);
  policy.assertMayImportListOf(actor, street.path);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const last = await repo.latestListVersion(trx, street.id);
    const dayBefore = shanghaiDate(new Date(`${input.effectiveFrom}T00:00:00+08:00`).getTime() - 86_400_000);
    if (last) await repo.endOpenLists(trx, street.id, dayBefore);
    const id = newId();
    const version = (last?.version ?? 0) + 1;
    await repo.insertList(trx, {
      id,
      tenant_id: street.tenant_id!,
      street_id: street.id,
      version,
      title: input.title,
      effective_from: input.effectiveFrom,
      effective_to: null,
      created_at: now,
    });
    await repo.insertItems(
      trx,
      input.rows.map((r, sort) => ({
        id: newId(),
        tenant_id: street.tenant_id!,
        list_id: id,
        kind: r.kind,
        ref: r.ref,
        class_name: r.className,
        item_name: r.itemName,
        sub_item_name: r.subItemName,
        legal_basis: r.legalBasis,
        department_kind: r.departmentKind,
        category_codes: r.categoryCodes,
        keywords: r.keywords,
        sort,
      })),
    );
    const after = { street: street.code, items: input.rows.length, effectiveFrom: input.effectiveFrom };
    await recordAudit(
      trx,
      actor,
      { action: 'dutyList.import', entityType: 'duty_list', entityId: id, tenantId: street.tenant_id, after },
      now,
    );
    return { id, version };
  });
}

/** The item a case falls under: the community's own first; the case's category decides before its words. */
function itemForCase(all: Item[], c: { category_code: string | null; description: string }) {
  const byCategory = (i: Item) => c.category_code !== null && i.category_codes.includes(c.category_code);
  // Words never pull a case into another category's item (a pothole that mentions 老人 is no 为老服务).
  const byWords = (i: Item) => (c.category_code === null || i.category_codes.length === 0) && matches(i, c.description);
  const pick = (fits: (i: Item) => boolean) => {
    const own = all.find((i) => i.kind === 'self_governance' && fits(i));
    return own
      ? { own, item: own }
      : { own: undefined, item: all.find((i) => (i.kind === 'assisting' || i.kind === 'admitted') && fits(i)) };
  };
  return pick(byCategory).item ? pick(byCategory) : pick(byWords);
}

/** For a case: does the community handle it itself, or which department; propose a whistle when it is beyond the community. */
async function adviceForCase({ db, clock }: DutiesDeps, actor: Actor, caseId: string) {
  const c = await repo.findCase(db, caseId);
  if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
  const street = streetCodeOf(c.place_path);
  const list = street ? await repo.effectiveList(db, street, today(clock)) : undefined;
  if (!list) return { item: null, handledBy: null, department: null, proposeWhistle: false };
  const { own, item } = itemForCase(await repo.listItems(db, list.id), c);
  const departmentOf = async (kind: string) => {
    const depts = await repo.departmentsOfKind(db, c.tenant_id, kind);
    const d = depts.find((x) => x.street_code === street) ?? depts[0];
    return d ? { code: d.code, name: d.name } : null;
  };
  if (!item) {
    // Not on the list: the category's own department is responsible, if it has one.
    const kind = c.category_code ? await repo.categoryDepartmentKind(db, c.category_code) : null;
    const department = kind ? await departmentOf(kind) : null;
    return {
      item: null,
      handledBy: department ? ('department' as const) : null,
      department,
      proposeWhistle: department !== null,
    };
  }
  const department = !own && item.department_kind ? await departmentOf(item.department_kind) : null;
  return {
    item: present(item),
    handledBy: own ? ('community' as const) : ('department' as const),
    department,
    proposeWhistle: !own,
  };
}

/** A department hands work to a community: accepted only when the admitted list has it (准入). */
async function assignTask({ db, clock }: DutiesDeps, actor: Actor, input: DutyTaskInputT) {
  const departmentId = policy.assigningDepartment(actor);
  const community = await findByCode(db, input.communityCode);
  if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND');
  policy.assertMayAssignTo(actor, community.path);
  const list = await repo.effectiveList(db, streetCodeOf(community.path)!, today(clock));
  const all = list ? await repo.listItems(db, list.id) : [];
  const { status, reason, ref } = taskVerdict(list, all, input);
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertTask(trx, {
      id,
      tenant_id: community.tenant_id!,
      department_id: departmentId,
      community_id: community.id,
      title: input.title,
      description: input.description,
      item_ref: ref,
      status,
      reason,
      created_by: actor.userId,
      created_at: now,
    });
    const after = { community: community.code, title: input.title, ref, reason };
    await recordAudit(
      trx,
      actor,
      { action: `dutyTask.${status}`, entityType: 'duty_task', entityId: id, tenantId: community.tenant_id, after },
      now,
    );
  });
  return { id, status, reason, itemRef: ref };
}

/** The doors of `policy.taskDoors`, under a place if asked. */
async function visibleTasks({ db }: DutiesDeps, actor: Actor, under: string | undefined) {
  return { ...policy.taskDoors(actor), underPath: (await resolveUnder(db, actor, 'duties:read', under))?.path ?? null };
}

/**
 * Tasks handed to communities, newest first: those my department handed out, and those handed to
 * the communities of my place scope. A department does not see other departments' tasks.
 */
async function listTasks(deps: DutiesDeps, actor: Actor, query: DutyTaskQueryT) {
  policy.assertMayReadDuties(actor);
  const { rows, total } = await repo.listTasks(
    deps.db,
    { ...(await visibleTasks(deps, actor, query.under)), status: query.status ?? null },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const items = rows.map((r) => ({
    id: r.id,
    community: { code: r.community_code, name: r.community_name },
    department: { code: r.department_code, name: r.department_name },
    title: r.title,
    description: r.description,
    status: r.status,
    reason: r.reason,
    itemRef: r.item_ref,
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Tasks handed down and how many were refused, per department. */
async function taskStats(deps: DutiesDeps, actor: Actor, underCode?: string) {
  policy.assertMayReadDuties(actor);
  const rows = await repo.taskStats(deps.db, await visibleTasks(deps, actor, underCode));
  return rows.map((r) => ({
    department: { code: r.code, name: r.name },
    total: Number(r.total),
    refused: Number(r.refused),
  }));
}

export function createDutiesService(deps: DutiesDeps) {
  return {
    lists: (actor: Actor, streetCode: string) => lists(deps, actor, streetCode),
    items: (actor: Actor, listId: string) => items(deps, actor, listId),
    importList: (actor: Actor, input: Parameters<typeof importList>[2]) => importList(deps, actor, input),
    adviceForCase: (actor: Actor, caseId: string) => adviceForCase(deps, actor, caseId),
    assignTask: (actor: Actor, input: DutyTaskInputT) => assignTask(deps, actor, input),
    listTasks: (actor: Actor, query: DutyTaskQueryT) => listTasks(deps, actor, query),
    taskStats: (actor: Actor, underCode?: string) => taskStats(deps, actor, underCode),
  };
}

export type DutiesService = ReturnType<typeof createDutiesService>;
