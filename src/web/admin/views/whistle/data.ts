import type { Summons, SummonsAction } from '../../../common/api-types';
import type { SlaLevel } from '../../../common/api-types';

// 吹哨报到: pure helpers shared by the console pages.

export const summonsStates = ['summoned', 'acknowledged', 'arrived', 'reported', 'scored'] as const;
export const actionOrder: SummonsAction[] = ['acknowledge', 'checkIn', 'report', 'score'];

/** The deadline that runs now for a summons: acknowledge first, then arrive; none after arrival. */
export function runningDeadline(s: Summons): 'ack' | 'arrive' | null {
  if (s.state === 'summoned') return 'ack';
  if (s.state === 'acknowledged') return 'arrive';
  return null;
}

export const slaLevelOf = (s: Summons): SlaLevel =>
  ['ok', 'yellow', 'red'].includes(s.slaLevel) ? (s.slaLevel as SlaLevel) : 'ok';

export const stateTagType = (state: string) =>
  (
    ({
      summoned: 'warning',
      acknowledged: 'primary',
      arrived: 'primary',
      reported: 'success',
      scored: 'info',
      open: 'warning',
      closed: 'info',
    }) as Record<string, string>
  )[state] ?? 'info';

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
