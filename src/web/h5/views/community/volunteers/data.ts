// Shared bits of the phone's volunteer pages: times in words an elder reads at a glance.

const pad = (n: number) => String(n).padStart(2, '0');

/** "11月28日 09:00–11:00" (or across days). */
export function when(startsAt: string, endsAt: string): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const day = (d: Date) => `${d.getMonth() + 1}月${d.getDate()}日`;
  const hm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return day(s) === day(e) ? `${day(s)} ${hm(s)}–${hm(e)}` : `${day(s)} ${hm(s)} – ${day(e)} ${hm(e)}`;
}

/** "11月28日 09:00". */
export function dayTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const clock = (iso: string): string => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const thisMonth = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
};

export const stateTag: Record<string, 'primary' | 'success' | 'warning' | 'default' | 'danger'> = {
  draft: 'default',
  published: 'success',
  finished: 'primary',
  cancelled: 'danger',
  signed_up: 'success',
  waiting: 'warning',
};
