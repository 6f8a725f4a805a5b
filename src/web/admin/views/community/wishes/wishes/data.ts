import type { Wish } from '../../../../../common/api/community-wishes';

// The console's buttons for a wish: those of the actions the server allows that the console offers.
const consoleActions = ['approve', 'reject', 'cancel'] as const;
export type ReviewAction = (typeof consoleActions)[number];

export const reviewActions = (wish: Pick<Wish, 'actions'>): ReviewAction[] =>
  consoleActions.filter((a) => wish.actions.includes(a));

export const shownAt = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
