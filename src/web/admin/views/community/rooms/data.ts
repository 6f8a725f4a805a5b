import type { OpeningHours } from '../../../../../shared/community-rooms';

// 功能室 console: the form's defaults and how figures read.

export interface HoursRow {
  open: boolean;
  from: string;
  to: string;
}

export const defaultHours = (): HoursRow[] =>
  Array.from({ length: 7 }, (_, i) => ({ open: i < 5, from: '08:30', to: '17:30' }));

export const hoursRows = (hours: OpeningHours): HoursRow[] =>
  hours.map((p) => (p ? { open: true, from: p.open, to: p.close } : { open: false, from: '08:30', to: '17:30' }));

export const hoursOf = (rows: HoursRow[]): OpeningHours =>
  rows.map((r) => (r.open ? { open: r.from, close: r.to } : null));

/** '周一至周五 08:30–17:30' style summary, one line per distinct period. */
export function hoursSummary(hours: OpeningHours, names: string[], closed: string): string {
  const groups = new Map<string, string[]>();
  hours.forEach((p, i) => {
    const key = p ? `${p.open}–${p.close}` : closed;
    groups.set(key, [...(groups.get(key) ?? []), names[i]]);
  });
  return [...groups]
    .filter(([k]) => k !== closed)
    .map(([k, days]) => `${days.join('、')} ${k}`)
    .join('；');
}

export const percentText = (v: number | null) => (v === null ? '—' : `${v}%`);

export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
