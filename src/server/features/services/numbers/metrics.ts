import { serviceRatings, type ServiceRating } from '../../../../shared/services.js';

// 服务数据: the counts of one item, bundle or total, and the rates made from them. A rate with nothing
// to count is null (shown as —), never 0.

export interface Counts {
  applications: number;
  completed: number;
  oneVisit: number;
  ratings: Record<ServiceRating, number>;
  pendingSupplement: number;
  overdueNow: number;
  decidedParts: number;
  onTimeParts: number;
  handlingDays: number;
  handled: number;
}

export const emptyCounts = (): Counts => ({
  applications: 0,
  completed: 0,
  oneVisit: 0,
  ratings: Object.fromEntries(serviceRatings.map((r) => [r, 0])) as Record<ServiceRating, number>,
  pendingSupplement: 0,
  overdueNow: 0,
  decidedParts: 0,
  onTimeParts: 0,
  handlingDays: 0,
  handled: 0,
});

export function addCounts(into: Counts, more: Counts): Counts {
  for (const key of ['applications', 'completed', 'oneVisit', 'pendingSupplement', 'overdueNow'] as const)
    into[key] += more[key];
  for (const key of ['decidedParts', 'onTimeParts', 'handlingDays', 'handled'] as const) into[key] += more[key];
  for (const r of serviceRatings) into.ratings[r] += more.ratings[r];
  return into;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** 满意 = 非常满意 + 满意 + 基本满意, over every rating given. */
const satisfiedLevels: readonly ServiceRating[] = ['very_satisfied', 'satisfied', 'fair'];

export function numbersOf(c: Counts) {
  const rated = serviceRatings.reduce((sum, r) => sum + c.ratings[r], 0);
  return {
    applications: c.applications,
    completed: c.completed,
    decidedParts: c.decidedParts,
    onTimeParts: c.onTimeParts,
    /** 按期办结率: parts decided by their deadline, over parts decided. */
    onTimeRate: ratio(c.onTimeParts, c.decidedParts),
    /** 平均办理时长: accepted → decided, in working days of the county's calendar. */
    avgHandlingDays: c.handled === 0 ? null : Math.round((c.handlingDays / c.handled) * 100) / 100,
    /** 最多跑一次: decided applications the resident came for at most once. */
    oneVisitRate: ratio(c.oneVisit, c.completed),
    ratings: { ...c.ratings },
    rated,
    satisfactionRate: ratio(
      satisfiedLevels.reduce((sum, r) => sum + c.ratings[r], 0),
      rated,
    ),
    pendingSupplement: c.pendingSupplement,
    overdueNow: c.overdueNow,
  };
}
