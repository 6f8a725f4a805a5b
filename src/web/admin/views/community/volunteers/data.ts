// Shared bits of the volunteers console pages: tag colours by state, time ranges, years.

export const activityStateTag: Record<string, 'info' | 'success' | 'warning' | 'danger' | 'primary'> = {
  draft: 'info',
  published: 'success',
  finished: 'primary',
  cancelled: 'danger',
};

export const signupStateTag: Record<string, 'success' | 'warning' | 'info'> = {
  signed_up: 'success',
  waiting: 'warning',
  cancelled: 'info',
};

/** "2026-11-28 09:00–11:00" in the browser's zone (Beijing for the county's staff). */
export function timeRange(startsAt: string, endsAt: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const hm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return day(s) === day(e) ? `${day(s)} ${hm(s)}–${hm(e)}` : `${day(s)} ${hm(s)} – ${day(e)} ${hm(e)}`;
}

export const thisYear = (): number => new Date().getFullYear();
export const recentYears = (): number[] => [0, 1, 2, 3].map((n) => thisYear() - n);

/** An SVG as an image source: shown as a picture, never as markup. */
export const svgSource = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
