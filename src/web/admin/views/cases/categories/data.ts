import type { CaseCategory } from '../../../../common/api-types';

export interface CategoryRow extends CaseCategory {
  children?: CategoryRow[];
}

/** Parents (no parentCode) with their sub-categories, for a tree table. */
export function categoryRows(items: CaseCategory[]): CategoryRow[] {
  return items
    .filter((c) => !c.parentCode)
    .map((parent) => {
      const children = items.filter((c) => c.parentCode === parent.code);
      return { ...parent, children: children.length ? children : undefined };
    });
}

/** Minutes as minutes below two hours, else hours. */
export const minutesParts = (minutes: number) =>
  minutes < 120 || minutes % 60 !== 0 ? { key: 'minutes', n: minutes } : { key: 'hours', n: minutes / 60 };
/** Hours as hours below three days, else days when whole. */
export const hoursParts = (hours: number) =>
  hours >= 72 && hours % 24 === 0 ? { key: 'days', n: hours / 24 } : { key: 'hours', n: hours };
