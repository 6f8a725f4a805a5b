// 部门派单: pure helpers of the page (which list is in force, the admitted items to offer, the
// refusal counts in the order that matters).
import type { DutyItem, DutyList, DutyTaskStat } from '../../../../common/api/duties';

export const taskStatuses = ['accepted', 'refused'] as const;

/** The street a community belongs to: its code's first 9 digits (6 county + 3 street). */
export const streetOf = (communityCode: string) => (/^\d{12}$/.test(communityCode) ? communityCode.slice(0, 9) : '');

/** The version in force on `day` (YYYY-MM-DD), as the server decides: the newest that covers it. */
export function listInForce(lists: DutyList[], day: string): DutyList | null {
  return (
    [...lists]
      .sort((a, b) => b.version - a.version)
      .find((l) => l.effectiveFrom <= day && (l.effectiveTo === null || l.effectiveTo >= day)) ?? null
  );
}

/** The admitted items (准入事项) a department may name for its task. */
export const admittedItems = (items: DutyItem[]) => items.filter((i) => i.kind === 'admitted');

export const itemLabel = (i: Pick<DutyItem, 'ref' | 'itemName' | 'subItemName'>) =>
  `${i.ref} ${i.itemName}${i.subItemName ? ` · ${i.subItemName}` : ''}`;

export const refusedShare = (s: Pick<DutyTaskStat, 'total' | 'refused'>) => (s.total ? s.refused / s.total : null);

/** The departments whose tasks were refused most come first: those are the ones to talk to. */
export const statsByRefusals = (rows: DutyTaskStat[]) =>
  [...rows].sort(
    (a, b) => b.refused - a.refused || (refusedShare(b) ?? 0) - (refusedShare(a) ?? 0) || b.total - a.total,
  );

/** Today in Beijing time (the server decides which list is in force by Asia/Shanghai days). */
export const shanghaiDay = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
