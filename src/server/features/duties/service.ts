import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertInScope, assertPermission, type Actor } from '../../platform/policy.js';
import { reaches, resolveUnder, scopeOf } from '../../platform/scope.js';
import { departmentIdsOf, canReadCase } from '../../platform/case-access.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { dateText } from '../people/service.js';
import { findByCode } from '../places/repository.js';
import type { DutyItemRow } from './excel.js';
import * as repo from './repository.js';
import { taskVerdict } from './verdict.js';
import type { DutyTaskInputT, DutyTaskQueryT } from './schemas.js';

// 权责清单 in use: what a community must do itself, who else is responsible, and which work a
// department may hand down (准入) or must not (取消).

const streetCodeOf = (path: string) => path.split('/').find((c) => /^\d{9}$/.test(c)) ?? null;

export function createDutiesService({ db, clock }: { db: Db; clock: Clock }) {
  /** The list in force for a street on a day. */
  async function effectiveList(streetCode: string, day: string) {
    return db
      .selectFrom('duty_lists as l')
      .innerJoin('places as s', 's.id', 'l.street_id')
      .selectAll('l')
      .where('s.code', '=', streetCode)
      .where('l.effective_from', '<=', day)
      .where((eb) => eb.or([eb('l.effective_to', 'is', null), eb('l.effective_to', '>=', day)]))
      .orderBy('l.version', 'desc')
      .executeTakeFirst();
  }

  const items = (listId: string) =>
    db.selectFrom('duty_items').selectAll().where('list_id', '=', listId).orderBy('sort').execute();
  const present = (i: Awaited<ReturnType<typeof items>>[number]) => ({
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

  /**
   * The two doors to tasks: those my department handed out, and those handed to the communities of
   * my places (a department's county-wide reach is not one: it sees its own tasks only).
   */
  const taskDoors = async (actor: Actor, under: string | undefined) => ({
    departmentIds: scopeOf(actor, 'duties:assign').departmentIds,
    places: scopeOf(actor, 'duties:read', { placesOnly: true }),
    underPath: (await resolveUnder(db, actor, 'duties:read', under))?.path ?? null,
  });

  return {
    async lists(actor: Actor, streetCode: string) {
      const street = await findByCode(db, streetCode);
      if (!street || street.kind !== 'street') throw new AppError('NOT_FOUND');
      assertPermission(actor, 'duties:read');
      // Communities inherit their street's list: readable from above and from below.
      if (!reaches(scopeOf(actor, 'duties:read'), street.path)) throw new AppError('NOT_FOUND');
      const rows = await db
        .selectFrom('duty_lists')
        .selectAll()
        .where('street_id', '=', street.id)
        .orderBy('version', 'desc')
        .execute();
      const counts = await db
        .selectFrom('duty_items')
        .select((eb) => ['list_id', 'kind', eb.fn.countAll<number>().as('n')])
        .where('list_id', 'in', rows.length ? rows.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'])
        .groupBy(['list_id', 'kind'])
        .execute();
      return rows.map((l) => ({
        id: l.id,
        version: l.version,
        title: l.title,
        effectiveFrom: dateText(l.effective_from)!,
        effectiveTo: dateText(l.effective_to),
        counts: Object.fromEntries(counts.filter((c) => c.list_id === l.id).map((c) => [c.kind, Number(c.n)])),
      }));
    },

    async items(actor: Actor, listId: string) {
      assertPermission(actor, 'duties:read');
      const list = await db
        .selectFrom('duty_lists as l')
        .innerJoin('places as s', 's.id', 'l.street_id')
        .select(['l.id', 's.path'])
        .where('l.id', '=', listId)
        .executeTakeFirst();
      // The same street's list the lists above name: from above and from below.
      if (!list || !reaches(scopeOf(actor, 'duties:read'), list.path)) throw new AppError('NOT_FOUND');
      return (await items(listId)).map(present);
    },

    /** A new version of a street's list, in force from a date; the previous one ends the day before. */
    async importList(
      actor: Actor,
      input: { streetCode: string; title: string; effectiveFrom: string; rows: DutyItemRow[] },
    ) {
      const street = await findByCode(db, input.streetCode);
      if (!street || street.kind !== 'street') throw new AppError('NOT_FOUND');
      assertInScope(actor, 'duties:write', street.path);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('duty_lists')
          .select(['id', 'version'])
          .where('street_id', '=', street.id)
          .orderBy('version', 'desc')
          .executeTakeFirst();
        const dayBefore = shanghaiDate(new Date(`${input.effectiveFrom}T00:00:00+08:00`).getTime() - 86_400_000);
        if (last)
          await trx
            .updateTable('duty_lists')
            .set({ effective_to: dayBefore })
            .where('street_id', '=', street.id)
            .where('effective_to', 'is', null)
            .execute();
        const id = newId();
        await trx
          .insertInto('duty_lists')
          .values({
            id,
            tenant_id: street.tenant_id!,
            street_id: street.id,
            version: (last?.version ?? 0) + 1,
            title: input.title,
            effective_from: input.effectiveFrom,
            effective_to: null,
            created_at: now,
          })
          .execute();
        for (let i = 0; i < input.rows.length; i += 500) {
          await trx
            .insertInto('duty_items')
            .values(
              input.rows.slice(i, i + 500).map((r, k) => ({
                id: newId(),
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
                sort: i + k,
              })),
            )
            .execute();
        }
        await recordAudit(
          trx,
          actor,
          {
            action: 'dutyList.import',
            entityType: 'duty_list',
            entityId: id,
            tenantId: street.tenant_id,
            after: { street: street.code, items: input.rows.length, effectiveFrom: input.effectiveFrom },
          },
          now,
        );
        return { id, version: (last?.version ?? 0) + 1 };
      });
    },

    /** For a case: does the community handle it itself, or which department; propose a whistle when it is beyond the community. */
    async adviceForCase(actor: Actor, caseId: string) {
      const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
      if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
      const street = streetCodeOf(c.place_path);
      const list = street ? await effectiveList(street, shanghaiDate(clock.now().getTime())) : undefined;
      if (!list) return { item: null, handledBy: null, department: null, proposeWhistle: false };
      const all = await items(list.id);
      // The case's category decides first; words of the description only when no category fits.
      type Item = (typeof all)[number];
      const byCategory = (i: Item) => c.category_code !== null && i.category_codes.includes(c.category_code);
      // Words never pull a case into another category's item (a pothole that mentions 老人 is no 为老服务).
      const byWords = (i: Item) =>
        (c.category_code === null || i.category_codes.length === 0) && matches(i, c.description);
      const pick = (fits: (i: Item) => boolean) => {
        const own = all.find((i) => i.kind === 'self_governance' && fits(i));
        return own
          ? { own, item: own }
          : { own: undefined, item: all.find((i) => (i.kind === 'assisting' || i.kind === 'admitted') && fits(i)) };
      };
      const chosen = pick(byCategory).item ? pick(byCategory) : pick(byWords);
      const { own, item } = chosen;
      const departmentOf = async (kind: string) => {
        const depts = await db
          .selectFrom('departments')
          .select(['code', 'name', 'street_code'])
          .where('tenant_id', '=', c.tenant_id)
          .where('kind', '=', kind)
          .execute();
        const d = depts.find((x) => x.street_code === street) ?? depts[0];
        return d ? { code: d.code, name: d.name } : null;
      };
      if (!item) {
        // Not on the list: the category's own department is responsible, if it has one.
        const kind = c.category_code
          ? (
              await db
                .selectFrom('case_categories')
                .select('default_department_kind')
                .where('code', '=', c.category_code)
                .executeTakeFirst()
            )?.default_department_kind
          : null;
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
    },

    /** A department hands work to a community: accepted only when the admitted list has it (准入). */
    async assignTask(actor: Actor, input: DutyTaskInputT) {
      assertPermission(actor, 'duties:assign');
      const departmentId = departmentIdsOf(actor)[0];
      if (!departmentId) throw new AppError('FORBIDDEN');
      const community = await findByCode(db, input.communityCode);
      if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND');
      // A department reaches the communities of its own county, never another tenant's.
      assertInScope(actor, 'duties:assign', community.path);
      const street = streetCodeOf(community.path)!;
      const list = await effectiveList(street, shanghaiDate(clock.now().getTime()));
      const all = list ? await items(list.id) : [];
      const { status, reason, ref } = taskVerdict(list, all, input);
      const now = clock.now();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('duty_tasks')
          .values({
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
          })
          .execute();
        await recordAudit(
          trx,
          actor,
          {
            action: `dutyTask.${status}`,
            entityType: 'duty_task',
            entityId: id,
            tenantId: community.tenant_id,
            after: { community: community.code, title: input.title, ref, reason },
          },
          now,
        );
      });
      return { id, status, reason, itemRef: ref };
    },

    /**
     * Tasks handed to communities, newest first: those my department handed out, and those handed to
     * the communities of my place scope. A department does not see other departments' tasks.
     */
    async listTasks(actor: Actor, query: DutyTaskQueryT) {
      assertPermission(actor, 'duties:read');
      const { rows, total } = await repo.listTasks(
        db,
        { ...(await taskDoors(actor, query.under)), status: query.status ?? null },
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
    },

    /** Tasks handed down and how many were refused, per department. */
    async taskStats(actor: Actor, underCode?: string) {
      assertPermission(actor, 'duties:read');
      const rows = await repo.taskStats(db, await taskDoors(actor, underCode));
      return rows.map((r) => ({
        department: { code: r.code, name: r.name },
        total: Number(r.total),
        refused: Number(r.refused),
      }));
    },
  };
}

export type DutiesService = ReturnType<typeof createDutiesService>;
