import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/audit.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { findByCodes } from '../places/index.js';
import { metricColumns, rates, type Totals } from './metrics.js';
import { assertMayReadStats, statsPermission } from './policy.js';
import * as repo from './repository.js';

// The dashboard's numbers: a place subtree and a period, read from the daily rollup.

export interface StatsQuery {
  under?: string;
  from?: string;
  to?: string;
  category?: string;
  channel?: string;
  department?: string;
}

export interface DashboardDeps {
  db: Executor;
  clock: Clock;
}

const DAY = 86_400_000;
const channelNames: Record<string, string> = {
  qr: '码上反映',
  snap: '随手拍',
  hotline: '热线',
  walkIn: '窗口',
  kiosk: '自助终端',
  patrol: '网格巡查',
  open311: 'Open311',
  import: '导入',
};
const toTotals = (row: Record<string, number | string> | undefined): Totals =>
  Object.fromEntries(metricColumns.map((m) => [m, Number(row?.[m] ?? 0)])) as Totals;

/**
 * The place subtree and the period asked for, checked against the actor's scope; default: the last
 * 30 days of the whole scope, every membership (a worker of two communities is shown both).
 */
async function resolve({ db, clock }: DashboardDeps, actor: Actor, q: StatsQuery) {
  assertMayReadStats(actor);
  const under = await resolveUnder(db, actor, statsPermission, q.under);
  const paths = under ? [under.path] : scopeOf(actor, statsPermission).paths;
  const places = under
    ? [under]
    : await findByCodes(
        db,
        paths.map((p) => p.split('/').filter(Boolean).at(-1)!),
      );
  const place = { code: places.map((p) => p.code).join(','), name: places.map((p) => p.name).join('、') };
  const today = shanghaiDate(clock.now().getTime());
  const to = q.to ?? today;
  const from = q.from ?? shanghaiDate(new Date(`${to}T00:00:00+08:00`).getTime() - 29 * DAY);
  if (from > to) throw invalid('from', 'fromAfterTo');
  let departmentId: string | undefined;
  if (q.department) {
    const dept = await repo.departmentIdByCode(db, q.department);
    if (!dept) throw new AppError('NOT_FOUND', { department: q.department });
    departmentId = dept.id;
  }
  return {
    filter: { paths, from, to, category: q.category, channel: q.channel, departmentId } satisfies repo.StatsFilter,
    place,
  };
}

/** The same length of time just before the period, for "change against the previous period". */
function previous(f: repo.StatsFilter): repo.StatsFilter {
  const fromMs = new Date(`${f.from}T00:00:00+08:00`).getTime();
  const days = Math.round((new Date(`${f.to}T00:00:00+08:00`).getTime() - fromMs) / DAY) + 1;
  return { ...f, from: shanghaiDate(fromMs - days * DAY), to: shanghaiDate(fromMs - DAY) };
}

export async function summary(deps: DashboardDeps, actor: Actor, q: StatsQuery) {
  const { filter, place } = await resolve(deps, actor, q);
  const prev = previous(filter);
  const [current, before, overdue] = await Promise.all([
    repo.rollupTotals(deps.db, filter, 'total'),
    repo.rollupTotals(deps.db, prev, 'total'),
    repo.overdueOpen(deps.db, filter.paths),
  ]);
  return {
    place,
    from: filter.from,
    to: filter.to,
    previousFrom: prev.from,
    previousTo: prev.to,
    current: rates(toTotals(current[0])),
    previous: rates(toTotals(before[0])),
    overdueOpen: overdue,
  };
}

export async function trend(
  deps: DashboardDeps,
  actor: Actor,
  q: StatsQuery & { granularity: 'day' | 'week' | 'month' },
) {
  const { filter } = await resolve(deps, actor, q);
  const rows = await repo.rollupTotals(deps.db, filter, q.granularity);
  return rows.map((r) => ({ period: String(r.key), ...rates(toTotals(r)) }));
}

export type BreakdownBy = 'category' | 'parentCategory' | 'channel' | 'department' | 'grid' | 'community';
const labelKind = (by: BreakdownBy) =>
  by === 'category' || by === 'parentCategory'
    ? 'category'
    : by === 'department'
      ? 'department'
      : by === 'channel'
        ? null
        : 'place';

/** Numbers per category, channel, department, grid or community; sorted for rankings. */
export async function breakdown(deps: DashboardDeps, actor: Actor, q: StatsQuery & { by: BreakdownBy }) {
  const { filter } = await resolve(deps, actor, q);
  const rows = await repo.rollupTotals(deps.db, filter, q.by);
  const keys = rows.map((r) => String(r.key ?? ''));
  const kind = labelKind(q.by);
  const labels = new Map(kind ? (await repo.names(deps.db, kind, keys)).map((n) => [n.key, n.name]) : []);
  return rows
    .map((r) => {
      const key = String(r.key ?? '');
      return { key, name: labels.get(key) ?? channelNames[key] ?? (key || '—'), ...rates(toTotals(r)) };
    })
    .sort((a, b) => b.received - a.received);
}

/** The from-scratch numbers (no rollup): the check behind every dashboard figure. */
export async function rawSummary(deps: DashboardDeps, actor: Actor, q: StatsQuery) {
  const { filter } = await resolve(deps, actor, q);
  return rates(toTotals(await repo.rawTotals(deps.db, filter)));
}

/**
 * One place's numbers over a period with the counts behind each rate, without an actor: the public
 * community page (社区公开页) shows them. The same rollup and the same definitions as summary().
 */
export async function placeTotals(db: Executor, path: string, from: string, to: string) {
  const rows = await repo.rollupTotals(db, { paths: [path], from, to }, 'total');
  const totals = toTotals(rows[0]);
  return { totals, rates: rates(totals) };
}
