// The definitions of the numbers leaders are judged by, written once (see docs/metrics.md).

/** The counters of the daily rollup (case_daily), each the sum of every case's contribution. */
export const metricColumns = [
  'received',
  'valid',
  'contacted',
  'contacted_on_time',
  'contact_minutes',
  'resolved',
  'resolved_on_time',
  'resolve_minutes',
  'closed',
  'rated',
  'solved',
  'satisfied',
  'reopened',
] as const;
export type Metric = (typeof metricColumns)[number];

export type Totals = Record<Metric, number>;

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

export function rates(t: Totals) {
  return {
    received: t.received,
    valid: t.valid,
    /** 响应率: first contact within the deadline / valid cases */
    responseRate: ratio(t.contacted_on_time, t.valid),
    /** 解决率: rated as solved / rated */
    resolutionRate: ratio(t.solved, t.rated),
    /** 满意率: (satisfied + basically satisfied) / rated */
    satisfactionRate: ratio(t.satisfied, t.rated),
    /** 办结率: closed / valid cases */
    closureRate: ratio(t.closed, t.valid),
    /** 按期办结率: resolved within the deadline / resolved */
    onTimeRate: ratio(t.resolved_on_time, t.resolved),
    /** 重办率: reopened after a bad rating / resolved */
    reopenRate: ratio(t.reopened, t.resolved),
    avgContactMinutes: t.contacted > 0 ? Math.round(t.contact_minutes / t.contacted) : null,
    avgResolveHours: t.resolved > 0 ? Math.round((t.resolve_minutes / t.resolved / 60) * 10) / 10 : null,
  };
}

export type Rates = ReturnType<typeof rates>;
