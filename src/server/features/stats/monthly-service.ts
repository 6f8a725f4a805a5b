import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { systemActor, type Actor } from '../../platform/policy.js';
import { resolveUnder } from '../../platform/scope.js';
import type { FileStorage } from '../../platform/storage.js';
import { breakdown, summary, trend, type DashboardDeps } from './dashboard.js';
import { assertMayReadReport, statsPermission } from './policy.js';
import { monthlyReportPdf } from './report.js';
import * as repo from './repository.js';

// Monthly reports (月度报告): printed on demand, and made by a job on the 1st of each month for
// every street and community, kept for download.

export interface MonthlyDeps extends DashboardDeps {
  storage: FileStorage;
}

const SHANGHAI = 8 * 3_600_000;
/** The month before the one `at` falls in (Beijing time), as YYYY-MM. */
const previousMonth = (at: Date) =>
  new Date(
    Date.UTC(
      new Date(at.getTime() + SHANGHAI).getUTCFullYear(),
      new Date(at.getTime() + SHANGHAI).getUTCMonth() - 1,
      1,
    ),
  )
    .toISOString()
    .slice(0, 7);

/** The first and last day of a month (YYYY-MM). */
function monthDays(month: string) {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The monthly report of a street or community as a PDF (on demand, and by the monthly job). */
export async function monthlyReport(deps: DashboardDeps, actor: Actor, under: string, month: string) {
  const q = { under, ...monthDays(month) };
  const [current, daily, categories, ranking] = await Promise.all([
    summary(deps, actor, q),
    trend(deps, actor, { ...q, granularity: 'day' }),
    breakdown(deps, actor, { ...q, by: 'parentCategory' }),
    breakdown(deps, actor, { ...q, by: 'grid' }),
  ]);
  // The previous period of a month is the month before, whatever its length.
  const prevMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))
    .toISOString()
    .slice(0, 7);
  const previous = await summary(deps, actor, { under, ...monthDays(prevMonth) });
  return monthlyReportPdf({
    place: current.place,
    month,
    current: current.current,
    previous: previous.current,
    overdueOpen: current.overdueOpen,
    daily: daily.map((d) => ({ period: d.period, received: d.received })),
    categories: categories.map((k) => ({ name: k.name, received: k.received, satisfactionRate: k.satisfactionRate })),
    ranking: ranking.map((r) => ({
      name: r.name,
      received: r.received,
      closureRate: r.closureRate,
      satisfactionRate: r.satisfactionRate,
      onTimeRate: r.onTimeRate,
    })),
  });
}

/** Reports the monthly job made for the places under a code in the actor's scope. */
export async function storedReports(deps: DashboardDeps, actor: Actor, under: string) {
  const place = (await resolveUnder(deps.db, actor, statsPermission, under))!;
  const rows = await repo.monthlyReportsUnder(deps.db, place.path);
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    place: { code: r.code, name: r.name },
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** One stored report's bytes, for whoever reads the cases of its place. */
export async function storedReport(deps: MonthlyDeps, actor: Actor, id: string) {
  const row = await repo.findMonthlyReport(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertMayReadReport(actor, row.path);
  const bytes = await deps.storage.get(row.storage_key);
  if (!bytes) throw new AppError('NOT_FOUND');
  return { bytes, name: `${row.name}${row.month}月度报告.pdf` };
}

/**
 * The monthly job: last month's report of every street and community, stored and listed. It reads
 * through the job's own transaction: on the embedded database a second connection would wait for
 * it forever.
 */
export async function storeMonthlyReports(deps: MonthlyDeps, now: Date) {
  const month = previousMonth(now);
  for (const place of await repo.reportPlaces(deps.db)) {
    const bytes = await monthlyReport(deps, systemActor(), place.code, month);
    const fileId = newId();
    const key = `reports/${month}/${fileId}`;
    await deps.storage.put(key, bytes);
    await repo.saveMonthlyReport(
      deps.db,
      {
        id: fileId,
        tenant_id: place.tenant_id!,
        mime: 'application/pdf',
        size_bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storage_key: key,
        uploaded_by: null,
        created_at: now,
      },
      { id: newId(), tenant_id: place.tenant_id!, place_id: place.id, month, file_id: fileId, created_at: now },
    );
  }
}
