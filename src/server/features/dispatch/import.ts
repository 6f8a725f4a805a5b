import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { ensureCategoryPaths } from '../categories/index.js';
import { readHistorySheet } from './excel.js';
import * as repo from './repository.js';

// 历史工单导入: a county's years of hotline records, for the next training. Category names are
// mapped onto Linli's tree by name (or added, three levels at most); departments are matched by name
// within the county, and names it does not have are reported back, never added: the rows keep their
// category and learn no department. The sheet is checked whole first: a bad file imports nothing.

/** 城管局 and 城管 are one department to a person: names compared without spaces and the usual endings. */
const plain = (name: string) => name.replace(/\s+/g, '').replace(/(局|办公室|办|所|中心|队|站|公司)$/u, '');

/** The county's department of that name: the same name, the same plain name, else the one plain name holding it. */
function departmentMatcher(departments: { id: string; name: string }[]) {
  const named = departments.map((d) => ({ id: d.id, name: d.name, plain: plain(d.name) }));
  return (name: string): string | null => {
    const p = plain(name);
    const exact = named.find((d) => d.name === name) ?? named.find((d) => d.plain === p);
    if (exact) return exact.id;
    const holding = p.length >= 2 ? named.filter((d) => d.plain.includes(p)) : [];
    return holding.length === 1 ? holding[0].id : null;
  };
}

export async function importHistory(
  { db, clock }: { db: Db; clock: Clock },
  actor: Actor,
  tenantId: string,
  bytes: Buffer,
) {
  const rows = await readHistorySheet(bytes);
  const departments = await repo.departmentsOfCounty(db, tenantId);
  const match = departmentMatcher(departments);
  const unknown = new Map<string, number>();
  const departmentOf = (name: string) => {
    if (!name) return null;
    const id = match(name);
    if (!id) unknown.set(name, (unknown.get(name) ?? 0) + 1);
    return id;
  };
  const now = clock.now();
  const batchId = newId();
  return db.transaction().execute(async (trx) => {
    const { codes, created } = await ensureCategoryPaths(
      trx,
      actor,
      rows.map((r) => r.categoryPath),
      now,
    );
    await repo.insertHistory(
      trx,
      rows.map((r) => ({
        id: newId(),
        tenant_id: tenantId,
        batch_id: batchId,
        subject: r.subject,
        body: r.body,
        category_code: codes.get(r.categoryPath.join(' / '))!,
        department_id: departmentOf(r.department),
        occurred_on: r.date,
        imported_at: now,
        imported_by: actor.userId,
      })),
    );
    const result = {
      imported: rows.length,
      categoriesCreated: created,
      unknownDepartments: [...unknown].map(([name, count]) => ({ name, rows: count })),
    };
    await recordAudit(
      trx,
      actor,
      {
        action: 'dispatch.importHistory',
        entityType: 'dispatch_history',
        entityId: batchId,
        tenantId,
        after: { imported: result.imported, categoriesCreated: created.length, unknownDepartments: unknown.size },
      },
      now,
    );
    return result;
  });
}
