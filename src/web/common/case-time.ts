// Deadlines as people read them: time left ("剩 2小时15分") or time over ("超时 40分钟"), and the
// colour to show — the server's SLA level (yellow at 80 %, red at the deadline), or red as soon
// as the deadline has passed on this screen.
import type { SlaLevel } from './api-types';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export type SlaTone = 'ok' | 'yellow' | 'red';

export function formatSpan(ms: number, t: Translate) {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('caseTime.dh', { d, h });
  if (h > 0) return t('caseTime.hm', { h, m });
  return t('caseTime.m', { m });
}

/** "剩 …" or "超时 …" until the deadline; '' when there is none. */
export function remainingText(dueAt: string | null, now: number, t: Translate) {
  if (!dueAt) return '';
  const ms = new Date(dueAt).getTime() - now;
  return ms >= 0 ? t('caseTime.left', { time: formatSpan(ms, t) }) : t('caseTime.over', { time: formatSpan(ms, t) });
}

export function slaTone(dueAt: string | null, level: SlaLevel, now: number): SlaTone {
  if (dueAt && new Date(dueAt).getTime() < now) return 'red';
  return level;
}

/** "11/30 14:05", with the year when it is not this year. */
export function shortDateTime(iso: string, locale: string) {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(locale, {
    year: sameYear ? undefined : 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}
