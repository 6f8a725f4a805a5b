import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { assertPermission, type Actor } from '../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { findByCodes } from '../places/repository.js';
import { rates, type Totals } from './metrics.js';
import * as repo from './repository.js';
import { monthlyReportPdf } from './report.js';
import { metricColumns } from './rollup.js';

export interface StatsQuery {
  under?: string;
  from?: string;
  to?: string;
  category?: string;
  channel?: string;
  department?: string;
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

export function createStatsService({ db, clock }: { db: Db; clock: Clock }) {
  /**
   * The place subtree and the period asked for, checked against the actor's scope; default: the last
   * 30 days of the whole scope, every membership (a worker of two communities is shown both).
   */
  async function resolve(actor: Actor, q: StatsQuery) {
    assertPermission(actor, 'cases:read');
    const under = await resolveUnder(db, actor, 'cases:read', q.under);
    const paths = under ? [under.path] : scopeOf(actor, 'cases:read').paths;
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
    if (from > to)
      throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'from', message: 'from must not be after to' }] });
    let departmentId: string | undefined;
    if (q.department) {
      const dept = await db.selectFrom('departments').select('id').where('code', '=', q.department).executeTakeFirst();
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

  return {
    async summary(actor: Actor, q: StatsQuery) {
      const { filter, place } = await resolve(actor, q);
      const prev = previous(filter);
      const [current, before, overdue] = await Promise.all([
        repo.rollupTotals(db, filter, 'total'),
        repo.rollupTotals(db, prev, 'total'),
        repo.overdueOpen(db, filter.paths),
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
    },

    async trend(actor: Actor, q: StatsQuery & { granularity: 'day' | 'week' | 'month' }) {
      const { filter } = await resolve(actor, q);
      const rows = await repo.rollupTotals(db, filter, q.granularity);
      return rows.map((r) => ({ period: String(r.key), ...rates(toTotals(r)) }));
    },

    /** Numbers per category, channel, department, grid or community; sorted for rankings. */
    async breakdown(
      actor: Actor,
      q: StatsQuery & { by: 'category' | 'parentCategory' | 'channel' | 'department' | 'grid' | 'community' },
    ) {
      const { filter } = await resolve(actor, q);
      const rows = await repo.rollupTotals(db, filter, q.by);
      const keys = rows.map((r) => String(r.key ?? ''));
      const kind =
        q.by === 'category' || q.by === 'parentCategory'
          ? 'category'
          : q.by === 'department'
            ? 'department'
            : q.by === 'channel'
              ? null
              : 'place';
      const labels = new Map(kind ? (await repo.names(db, kind, keys)).map((n) => [n.key, n.name]) : []);
      return rows
        .map((r) => {
          const key = String(r.key ?? '');
          return { key, name: labels.get(key) ?? channelNames[key] ?? (key || '—'), ...rates(toTotals(r)) };
        })
        .sort((a, b) => b.received - a.received);
    },

    /** The monthly report of a street or community as a PDF (on demand, and by the monthly job). */
    async monthlyReport(actor: Actor, under: string, month: string) {
      const from = `${month}-01`;
      const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
      const to = `${month}-${String(last).padStart(2, '0')}`;
      const q = { under, from, to };
      const [summary, daily, categories, ranking] = await Promise.all([
        this.summary(actor, q),
        this.trend(actor, { ...q, granularity: 'day' }),
        this.breakdown(actor, { ...q, by: 'parentCategory' }),
        this.breakdown(actor, { ...q, by: 'grid' }),
      ]);
      // The previous period of a month is the month before, whatever its length.
      const prevMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))
        .toISOString()
        .slice(0, 7);
      const prevLast = new Date(Date.UTC(Number(prevMonth.slice(0, 4)), Number(prevMonth.slice(5, 7)), 0)).getUTCDate();
      const previous = await this.summary(actor, {
        under,
        from: `${prevMonth}-01`,
        to: `${prevMonth}-${String(prevLast).padStart(2, '0')}`,
      });
      return monthlyReportPdf({
        place: summary.place,
        month,
        current: summary.current,
        previous: previous.current,
        overdueOpen: summary.overdueOpen,
        daily: daily.map((d) => ({ period: d.period, received: d.received })),
        categories: categories.map((k) => ({
          name: k.name,
          received: k.received,
          satisfactionRate: k.satisfactionRate,
        })),
        ranking: ranking.map((r) => ({
          name: r.name,
          received: r.received,
          closureRate: r.closureRate,
          satisfactionRate: r.satisfactionRate,
          onTimeRate: r.onTimeRate,
        })),
      });
    },

    /** The from-scratch numbers (no rollup): the check behind every dashboard figure. */
    async rawSummary(actor: Actor, q: StatsQuery) {
      const { filter } = await resolve(actor, q);
      return rates(toTotals(await repo.rawTotals(db, filter)));
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
