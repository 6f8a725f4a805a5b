import type { DailyCount } from '../../../../../common/api/community-canteen';

// 助餐统计: the days of a month and the total row (elders are summed per day: a person served on two
// days counts on each).

export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`];
}

export const totalOf = (days: DailyCount[]): DailyCount => ({
  day: '',
  meals: days.reduce((a, d) => a + d.meals, 0),
  elders: days.reduce((a, d) => a + d.elders, 0),
  subsidised: days.reduce((a, d) => a + d.subsidised, 0),
  subsidyFen: days.reduce((a, d) => a + d.subsidyFen, 0),
  payFen: days.reduce((a, d) => a + d.payFen, 0),
});
