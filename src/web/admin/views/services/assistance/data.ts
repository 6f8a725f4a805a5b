import type { AssistPerson } from '../../../../common/api/assistance';

// 救助顾问: pure helpers of the page.

/** The last contact as the table says it: never, today, n days ago. */
export const contactText = (p: Pick<AssistPerson, 'daysSinceContact'>, t: (key: string, v?: object) => string) =>
  p.daysSinceContact === null ? t('assist.never') : t('assist.daysAgo', { n: p.daysSinceContact });

/** Today in Beijing time, as the visit form's default date. */
export const beijingToday = (now = Date.now()) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
