import type { Notice } from '../../../../common/api/decide-notices';

// Shared bits of the console's 五公开 pages: times, read stats in words, the state tag's colour.

export const shownAt = (iso: string | null, locale: string): string =>
  iso
    ? new Intl.DateTimeFormat(locale, {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    : '';

export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export const stateTagType = (state: Notice['state']) =>
  ({ draft: 'info', pending: 'warning', published: 'success', returned: 'danger', withdrawn: 'info' })[state] as
    'info' | 'warning' | 'success' | 'danger';
