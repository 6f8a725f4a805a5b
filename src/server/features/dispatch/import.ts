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

/** 城管局 and 城管 are the same department to a person: compare names without the usual endings. */
const plain = (name: string) => name.replace(/\s+/g, '').replace(/(局|办公室|办|所|中心|队|站)$/u, '');

export async function importHistory(
  { db, clock }: { db: Db; clock: Clock },
  actor: Actor,
  tenantId: string,
  bytes: Buffer,
) {
  const rows = await readHistorySheet(bytes);
  const departments = await repo.departmentsOfCounty(db, tenantId);
  const byName = new Map<string, string>();
  for (const d of departments) byName.set(d.name, d.id);
  for (const d of departments) if (!byName.has(plain(d.name))) byName.set(plain(d.name), d.id);
  const unknown = new Map<string, number>();
  const departmentOf = (name: string) => {
    if (!name) return null;
    const id = byName.get(name) ?? byName.get(plain(name)) ?? null;
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
