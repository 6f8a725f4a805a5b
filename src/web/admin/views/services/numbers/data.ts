// 服务数据: how the numbers read in the table and the cards.

/** A rate as a percentage with one decimal; — when there is nothing to count. */
export const percent = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The last 30 days up to today, Beijing time (the server's default period). */
export function last30(now = Date.now()): [string, string] {
  const day = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
  return [day(now - 29 * 86_400_000), day(now)];
}
