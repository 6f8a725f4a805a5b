import type { CategoryDetail, CategoryVersion } from '../../../../common/api-types';

// 事项分类: the tree, the limits in human units, and the words of the history.

export interface CategoryRow extends CategoryDetail {
  depth: number;
  children?: CategoryRow[];
}

/** A forest of at most three levels, in the server's order (sort, then code). */
export function categoryRows(items: CategoryDetail[], parent: string | null = null, depth = 1): CategoryRow[] {
  return items
    .filter((c) => c.parentCode === parent)
    .map((c) => {
      const children = depth < 3 ? categoryRows(items, c.code, depth + 1) : [];
      return { ...c, depth, children: children.length ? children : undefined };
    });
}

/** Event classes first, then component (部件) classes: the standard keeps them apart. */
export const kindOrder = ['event', 'component'] as const;

/** Minutes as minutes below two hours, else hours. */
export const minutesParts = (minutes: number) =>
  minutes < 120 || minutes % 60 !== 0 ? { key: 'minutes', n: minutes } : { key: 'hours', n: minutes / 60 };
/** Hours as hours below three days, else days when whole. */
export const hoursParts = (hours: number) =>
  hours >= 72 && hours % 24 === 0 ? { key: 'days', n: hours / 24 } : { key: 'hours', n: hours };

export type Unit = 'minutes' | 'hours' | 'days';
export interface Amount {
  n: number;
  unit: Unit;
}
const perUnit: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };

/** A limit in minutes as the largest whole unit (90 → 90 minutes, 120 → 2 hours, 2880 → 2 days). */
export function amountOfMinutes(minutes: number): Amount {
  if (minutes >= 1440 && minutes % 1440 === 0) return { n: minutes / 1440, unit: 'days' };
  if (minutes >= 60 && minutes % 60 === 0) return { n: minutes / 60, unit: 'hours' };
  return { n: minutes, unit: 'minutes' };
}
export const minutesOf = (a: Amount) => Math.round(a.n * perUnit[a.unit]);
/** The resolve limit is kept in hours: days or hours. */
export const amountOfHours = (hours: number): Amount =>
  hours >= 24 && hours % 24 === 0 ? { n: hours / 24, unit: 'days' } : { n: hours, unit: 'hours' };
export const hoursOf = (a: Amount) => Math.round((a.n * perUnit[a.unit]) / 60);

/** Parents a category may go under: same kind, not itself or below it, leaving the tree ≤ 3 levels. */
export function parentChoices(items: CategoryDetail[], kind: CategoryDetail['kind'], self: string | null) {
  const rows = categoryRows(items);
  const height = (r: CategoryRow): number => 1 + Math.max(0, ...(r.children ?? []).map(height));
  const find = (rs: CategoryRow[]): CategoryRow | undefined => {
    for (const r of rs) {
      if (r.code === self) return r;
      const inner = find(r.children ?? []);
      if (inner) return inner;
    }
    return undefined;
  };
  const selfRow = self ? find(rows) : undefined;
  const own = selfRow ? height(selfRow) : 1;
  const out: { code: string; label: string }[] = [];
  const walk = (rs: CategoryRow[], trail: string[]) => {
    for (const r of rs) {
      if (r.code === self) continue;
      const label = [...trail, r.name].join(' / ');
      if (r.kind === kind && r.depth + own <= 3) out.push({ code: r.code, label });
      walk(r.children ?? [], [...trail, r.name]);
    }
  };
  walk(rows, []);
  return out;
}

/** The fields of a version whose values are limits, shown in human units in the history. */
export const minuteFields = new Set(['firstContactMinutes', 'dispatchMinutes', 'takeMinutes']);
export type VersionChange = CategoryVersion['changes'][number];
