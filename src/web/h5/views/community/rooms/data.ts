import { hhmmOf, minuteOf } from '../../../../../shared/community-rooms';

// 功能室 on the phone: the days one may choose and the start times still free.

const HOUR = 3_600_000;
export const chinaToday = () => new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
export const nextDays = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.now() + 8 * HOUR + i * 24 * HOUR).toISOString().slice(0, 10));
export const dayLabel = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${['周日', '周一', '周二', '周三', '周四', '周五', '周六'][d.getUTCDay()]}`;
};

export interface Span {
  start: string;
  end: string;
}

/** Half-hour starts within the opening where `hours` fit before the close and clash with nothing taken. */
export function freeStarts(open: Span | null, taken: Span[], hours: number, day: string): string[] {
  if (!open) return [];
  const from = minuteOf(open.start);
  const to = minuteOf(open.end);
  const length = hours * 60;
  const now = new Date(Date.now() + 8 * HOUR);
  const nowMinute = day === chinaToday() ? now.getUTCHours() * 60 + now.getUTCMinutes() : -1;
  const out: string[] = [];
  for (let m = from; m + length <= to; m += 30) {
    if (m <= nowMinute) continue;
    const clash = taken.some((t) => minuteOf(t.start) < m + length && minuteOf(t.end) > m);
    if (!clash) out.push(hhmmOf(m));
  }
  return out;
}

export const endOf = (start: string, hours: number) => hhmmOf(minuteOf(start) + hours * 60);
