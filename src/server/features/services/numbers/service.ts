import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDate, type WorkdayCalendar } from '../../../platform/deadlines.js';
import { invalid } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import { serviceRatings, type ServiceRating } from '../../../../shared/services.js';
import { workdayCalendar } from '../../calendar/index.js';
import { findByCodes } from '../../places/index.js';
import { addCounts, emptyCounts, numbersOf, type Counts } from './metrics.js';
import { assertMayReadNumbers, numbersPermission } from './policy.js';
import * as repo from './repository.js';
import type { NumbersQueryT, ServiceNumbersReport } from './schemas.js';
import { workingDaysBetween } from './working-days.js';

// 服务数据: per item and per bundle, where time is lost — volume, on-time rate, handling time in working
// days, "run at most once", ratings, 补正 waiting and overdue now — for a place subtree and a period.

export interface NumbersDeps {
  db: Db;
  clock: Clock;
}

const DAY = 86_400_000;
const keyOf = (r: { item_id: string | null; bundle_id: string | null }) =>
  r.item_id ? `item:${r.item_id}` : `bundle:${r.bundle_id}`;

/** The place subtree and the period, checked against the scope; default the last 30 days of the whole scope. */
async function resolve(deps: NumbersDeps, actor: Actor, q: NumbersQueryT) {
  assertMayReadNumbers(actor);
  const under = await resolveUnder(deps.db, actor, numbersPermission, q.place);
  const paths = under ? [under.path] : scopeOf(actor, numbersPermission, { placesOnly: true }).paths;
  const places = under
    ? [under]
    : await findByCodes(
        deps.db,
        paths.map((p) => p.split('/').filter(Boolean).at(-1)!),
      );
  const today = shanghaiDate(deps.clock.now().getTime());
  const to = q.to ?? today;
  const from = q.from ?? shanghaiDate(new Date(`${to}T00:00:00+08:00`).getTime() - 29 * DAY);
  if (from > to) throw invalid('from', 'fromAfterTo');
  return {
    place: { code: places.map((p) => p.code).join(','), name: places.map((p) => p.name).join('、') },
    from,
    to,
    filter: {
      paths,
      from: new Date(`${from}T00:00:00+08:00`),
      to: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY),
    },
  };
}

async function countsByKey(deps: NumbersDeps, filter: repo.NumbersFilter) {
  const now = deps.clock.now();
  const [apps, parts, spans] = await Promise.all([
    repo.applicationTotals(deps.db, filter, now),
    repo.partTotals(deps.db, filter),
    repo.handlingSpans(deps.db, filter),
  ]);
  const counts = new Map<string, Counts & { itemId: string | null; bundleId: string | null }>();
  const row = (r: { item_id: string | null; bundle_id: string | null }) => {
    const key = keyOf(r);
    if (!counts.has(key)) counts.set(key, { ...emptyCounts(), itemId: r.item_id, bundleId: r.bundle_id });
    return counts.get(key)!;
  };
  for (const a of apps) {
    const c = row(a);
    c.applications = a.applications;
    c.completed = a.completed;
    c.oneVisit = a.one_visit;
    c.pendingSupplement = a.pending_supplement;
    c.overdueNow = a.overdue_now;
    for (const r of serviceRatings) c.ratings[r] = (a as unknown as Record<ServiceRating, number>)[r];
  }
  for (const p of parts) Object.assign(row(p), { decidedParts: p.decided_parts, onTimeParts: p.on_time_parts });
  const calendars = new Map<string, WorkdayCalendar>();
  for (const s of spans) {
    if (!calendars.has(s.tenant_id)) calendars.set(s.tenant_id, await workdayCalendar(deps.db, s.tenant_id));
    const c = row(s);
    c.handlingDays += workingDaysBetween(
      new Date(s.accepted_at!),
      new Date(s.decided_at!),
      calendars.get(s.tenant_id)!,
    );
    c.handled += 1;
  }
  return [...counts.values()];
}

export async function report(deps: NumbersDeps, actor: Actor, q: NumbersQueryT): Promise<ServiceNumbersReport> {
  const { place, from, to, filter } = await resolve(deps, actor, q);
  const rows = await countsByKey(deps, filter);
  const [items, bundles] = await Promise.all([
    repo.itemNames(
      deps.db,
      rows.flatMap((r) => (r.itemId ? [r.itemId] : [])),
    ),
    repo.bundleNames(
      deps.db,
      rows.flatMap((r) => (r.bundleId ? [r.bundleId] : [])),
    ),
  ]);
  const names = new Map([...items, ...bundles].map((n) => [n.id, n]));
  const present = (r: (typeof rows)[number]) => {
    const id = (r.itemId ?? r.bundleId)!;
    const n = names.get(id);
    return {
      kind: r.itemId ? ('item' as const) : ('bundle' as const),
      id,
      code: n?.code ?? '',
      name: n?.name ?? '—',
      ...numbersOf(r),
    };
  };
  const byVolume = (a: { applications: number; code: string }, b: { applications: number; code: string }) =>
    b.applications - a.applications || a.code.localeCompare(b.code);
  return {
    place,
    from,
    to,
    total: numbersOf(rows.reduce((sum, r) => addCounts(sum, r), emptyCounts())),
    items: rows
      .filter((r) => r.itemId)
      .map(present)
      .sort(byVolume),
    bundles: rows
      .filter((r) => r.bundleId)
      .map(present)
      .sort(byVolume),
  };
}

export function createNumbersService(deps: NumbersDeps) {
  return { report: (actor: Actor, q: NumbersQueryT) => report(deps, actor, q) };
}

export type NumbersService = ReturnType<typeof createNumbersService>;
