// Periods of the dashboard: which whole months a period holds (read from the monthly rollup).

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * The whole months inside a period (first day of the first, first day of the last), or null. Days
 * are calendar dates: plain UTC arithmetic on them, no time zone involved.
 */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const first = Date.UTC(fy, fm - 1 + (fd === 1 ? 0 : 1), 1);
  const endsMonth = new Date(Date.UTC(ty, tm - 1, td) + DAY).getUTCDate() === 1;
  const last = Date.UTC(ty, tm - 1 + (endsMonth ? 0 : -1), 1);
  return first <= last ? { first: ymd(first), last: ymd(last) } : null;
}
