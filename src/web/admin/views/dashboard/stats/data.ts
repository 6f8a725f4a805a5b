// The dashboard's pure helpers: periods (Beijing days), the metric cards, changes against the
// previous period, links to the case list, heat-map classes. No Vue, no DOM: easy to test.
import type { LocationQueryRaw } from 'vue-router';
import type { BreakdownRow, Channel, Granularity, Rates, StatsFilters, TrendPoint } from '../../../../common/api/stats';

// ---------------------------------------------------------------- periods

export const periodKeys = ['thisMonth', 'lastMonth', 'last30', 'thisYear', 'custom'] as const;
export type PeriodKey = (typeof periodKeys)[number];
export const isPeriodKey = (value: unknown): value is PeriodKey => periodKeys.includes(value as PeriodKey);

const DAY = 86_400_000;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && isoDate.test(value) && !Number.isNaN(Date.parse(value));

/** Today in Beijing time (the server counts days in Asia/Shanghai), as YYYY-MM-DD. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => fromMs(toMs(date) + days * DAY);
/** Days from `from` to `to`, both included. */
export const dayCount = (from: string, to: string) => Math.round((toMs(to) - toMs(from)) / DAY) + 1;
const lastDayOfMonth = (month: string) => fromMs(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
export const previousMonth = (today: string) =>
  fromMs(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).slice(0, 7);

export interface DateRange {
  from: string;
  to: string;
}

/** The dates of a period the officers pick by name; `custom` keeps the range given. */
export function periodRange(key: PeriodKey, today: string, custom?: Partial<DateRange>): DateRange {
  switch (key) {
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const month = previousMonth(today);
      return { from: `${month}-01`, to: lastDayOfMonth(month) };
    }
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'custom':
      if (isIsoDate(custom?.from) && isIsoDate(custom?.to) && custom.from <= custom.to)
        return { from: custom.from, to: custom.to };
      return { from: addDays(today, -29), to: today };
    default:
      return { from: addDays(today, -29), to: today };
  }
}

/** Days up to a month, weeks up to about four months, months beyond. */
export function defaultGranularity(range: DateRange): Granularity {
  const days = dayCount(range.from, range.to);
  return days <= 31 ? 'day' : days <= 124 ? 'week' : 'month';
}

/** Monday of the week of `date` (PostgreSQL's date_trunc('week') starts on Monday). */
const mondayOf = (date: string) => addDays(date, -((new Date(toMs(date)).getUTCDay() + 6) % 7));

/** Every period key of the range, in order: the server leaves out periods without cases. */
export function periodKeysOf(range: DateRange, granularity: Granularity): string[] {
  const keys: string[] = [];
  if (granularity === 'day') {
    for (let day = range.from; day <= range.to; day = addDays(day, 1)) keys.push(day);
  } else if (granularity === 'week') {
    for (let monday = mondayOf(range.from); monday <= range.to; monday = addDays(monday, 7)) keys.push(monday);
  } else {
    const last = range.to.slice(0, 7);
    for (let month = range.from.slice(0, 7); month <= last; month = addDays(lastDayOfMonth(month), 1).slice(0, 7))
      keys.push(month);
  }
  return keys;
}

export const emptyRates = (): Rates => ({
  received: 0,
  valid: 0,
  responseRate: null,
  resolutionRate: null,
  satisfactionRate: null,
  closureRate: null,
  onTimeRate: null,
  reopenRate: null,
  avgContactMinutes: null,
  avgResolveHours: null,
});

/** The trend with the empty periods filled in (0 cases, no rates). */
export function fillTrend(items: TrendPoint[], range: DateRange, granularity: Granularity): TrendPoint[] {
  const byPeriod = new Map(items.map((item) => [item.period, item]));
  return periodKeysOf(range, granularity).map((period) => byPeriod.get(period) ?? { period, ...emptyRates() });
}

/** The days one trend point stands for, cut to the chosen range (a week or month may stick out). */
export function periodDates(period: string, granularity: Granularity, range: DateRange): DateRange {
  let from = period;
  let to = period;
  if (granularity === 'week') to = addDays(period, 6);
  if (granularity === 'month') {
    from = `${period}-01`;
    to = lastDayOfMonth(period);
  }
  return { from: from < range.from ? range.from : from, to: to > range.to ? range.to : to };
}

// ---------------------------------------------------------------- metric cards

export type CardKey =
  | 'received'
  | 'responseRate'
  | 'resolutionRate'
  | 'satisfactionRate'
  | 'closureRate'
  | 'onTimeRate'
  | 'avgContact'
  | 'overdue';
type RateField = 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'closureRate' | 'onTimeRate';

export interface CardDef {
  key: CardKey;
  /** count: a number of cases; rate: 0–1; minutes: a duration; live: now, no previous period */
  kind: 'count' | 'rate' | 'minutes' | 'live';
  field?: 'received' | RateField | 'avgContactMinutes';
  /** a smaller number is better (time to call back) */
  lowerIsBetter?: boolean;
  color: string;
}

export const cardDefs: CardDef[] = [
  { key: 'received', kind: 'count', field: 'received', color: '#1f6feb' },
  { key: 'responseRate', kind: 'rate', field: 'responseRate', color: '#0891b2' },
  { key: 'resolutionRate', kind: 'rate', field: 'resolutionRate', color: '#7c3aed' },
  { key: 'satisfactionRate', kind: 'rate', field: 'satisfactionRate', color: '#16a34a' },
  { key: 'closureRate', kind: 'rate', field: 'closureRate', color: '#0d9488' },
  { key: 'onTimeRate', kind: 'rate', field: 'onTimeRate', color: '#d97706' },
  { key: 'avgContact', kind: 'minutes', field: 'avgContactMinutes', lowerIsBetter: true, color: '#db2777' },
  { key: 'overdue', kind: 'live', color: '#dc2626' },
];

export interface Change {
  direction: 'up' | 'down' | 'flat';
  /** count: relative change (0.12 = 12 %); rate: percentage points; minutes: minutes */
  amount: number;
  tone: 'good' | 'bad' | 'neutral';
}

/** The change against the previous period; null when either side has no number (shown as "—"). */
export function changeOf(def: CardDef, current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null || def.kind === 'live') return null;
  let amount: number;
  if (def.kind === 'count') {
    if (previous === 0) return null;
    amount = (current - previous) / previous;
  } else if (def.kind === 'rate') {
    amount = (current - previous) * 100;
  } else {
    amount = current - previous;
  }
  const rounded = Math.round(amount * (def.kind === 'minutes' ? 1 : 1000)) / (def.kind === 'minutes' ? 1 : 1000);
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  let tone: Change['tone'] = 'neutral';
  if (def.kind !== 'count' && direction !== 'flat')
    tone = (direction === 'up') !== Boolean(def.lowerIsBetter) ? 'good' : 'bad';
  return { direction, amount: Math.abs(rounded), tone };
}

export const cardValue = (
  def: CardDef,
  rates: Rates | null | undefined,
  overdue: number | null | undefined,
): number | null => {
  if (def.key === 'overdue') return overdue ?? null;
  return rates && def.field ? rates[def.field] : null;
};

// ---------------------------------------------------------------- links to the case list

/** The case list route (views/cases, built beside this page) and its filters — the API's names. */
export const caseListPath = '/cases';

export interface CaseListFilters {
  under?: string;
  from?: string;
  to?: string;
  category?: string;
  channel?: string;
  state?: string;
  overdue?: 'true';
}

export function caseListLink(filters: CaseListFilters): { path: string; query: LocationQueryRaw } {
  const query: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
  return { path: caseListPath, query };
}

/**
 * The cases received in the period under the filters, in every state (the case list shows only
 * open cases unless told otherwise); `patch` narrows them (a grid, a category, a channel, days).
 */
export function periodCasesLink(filters: StatsFilters, patch: CaseListFilters = {}) {
  return caseListLink({
    under: filters.under,
    from: filters.from,
    to: filters.to,
    category: filters.category,
    channel: filters.channel || undefined,
    state: 'all',
    ...patch,
  });
}

/** The cases a card counts: the period's cases under the filters; 当前超时: open and overdue now. */
export function cardLink(key: CardKey, filters: StatsFilters): { path: string; query: LocationQueryRaw } {
  // The overdue count is live and the server counts it over the place only (no period, category, channel).
  if (key === 'overdue') return caseListLink({ under: filters.under, overdue: 'true', state: 'open' });
  return periodCasesLink(filters, key === 'closureRate' ? { state: 'closed' } : {});
}

// ---------------------------------------------------------------- breakdowns and rankings

export const channelKeys: Channel[] = ['qr', 'snap', 'hotline', 'walkIn', 'kiosk', 'patrol', 'open311', 'import'];
export const channelColors: Record<Channel, string> = {
  qr: '#1f6feb',
  hotline: '#16a34a',
  patrol: '#f59e0b',
  snap: '#7c3aed',
  walkIn: '#0891b2',
  kiosk: '#db2777',
  open311: '#64748b',
  import: '#a3a3a3',
};

/** A breakdown row with its label in the UI language and its chart colour. */
export type LabelledRow = BreakdownRow & { label: string; color: string };

export interface RankingRow extends BreakdownRow {
  /** the community of a grid */
  parentName?: string;
  /** the row stands for a place the case list can filter by */
  linkable: boolean;
}

/** Grids of the scope with their numbers; grids without cases in the period are listed with 0. */
export function gridRanking(
  rows: BreakdownRow[],
  grids: { code: string; name: string; community: { name: string } }[],
): RankingRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const known = new Set(grids.map((grid) => grid.code));
  const listed: RankingRow[] = grids.map((grid) => ({
    ...(byKey.get(grid.code) ?? { ...emptyRates(), key: grid.code, name: grid.name }),
    name: grid.name,
    parentName: grid.community.name,
    linkable: true,
  }));
  // Cases in grids no longer listed (merged, split) still count: keep them, after the others.
  const extra = rows.filter((row) => row.key && !known.has(row.key)).map((row) => ({ ...row, linkable: true }));
  return [...listed, ...extra].sort((a, b) => b.received - a.received);
}

/** Sort helper for the ranking tables: by value in the given order, "no data" always last. */
export function compareNullable(a: number | null, b: number | null, order: 'ascending' | 'descending') {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return order === 'descending' ? b - a : a - b;
}

// ---------------------------------------------------------------- heat map

export type HeatMode = 'volume' | 'satisfaction';

export interface HeatClass {
  color: string;
  /** lower bound included, upper bound excluded (the last class includes its upper bound) */
  min: number;
  max: number;
}

export const volumePalette = ['#e8f1fd', '#b7d2f8', '#79a9f0', '#3d7fe6', '#1b4fb0'];
export const satisfactionPalette = ['#d9480f', '#f59f00', '#ffd43b', '#8ce99a', '#2f9e44'];
export const noDataColor = '#e5e7eb';

/** Five classes of case volume with round bounds, spanning the grids' smallest to largest volume. */
export function volumeClasses(values: number[]): HeatClass[] {
  const high = Math.max(1, ...values);
  // Grids that hardly differ (or a single grid) are measured from 0, not against each other.
  const smallest = values.length ? Math.min(...values) : 0;
  const low = high - smallest < high * 0.2 ? 0 : smallest;
  const raw = Math.max(1, (high - low) / volumePalette.length);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  // start ≤ low and 5 steps ≥ high − low: the classes cover every grid.
  const start = Math.floor(low / step) * step;
  return volumePalette.map((color, i) => ({
    color,
    min: Math.round(start + i * step),
    max: Math.round(start + (i + 1) * step),
  }));
}

/** Dark or light text on a fill colour (#rrggbb), by its luminance. */
export function labelColorOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.55 ? '#ffffff' : '#1f2937';
}

/** Fixed classes of satisfaction, so colours mean the same on every scope and period. */
export const satisfactionClasses: HeatClass[] = [
  { color: satisfactionPalette[0], min: 0, max: 0.8 },
  { color: satisfactionPalette[1], min: 0.8, max: 0.85 },
  { color: satisfactionPalette[2], min: 0.85, max: 0.9 },
  { color: satisfactionPalette[3], min: 0.9, max: 0.95 },
  { color: satisfactionPalette[4], min: 0.95, max: 1 },
];

export function classColor(classes: HeatClass[], value: number | null): string {
  if (value === null) return noDataColor;
  const found = classes.find((c, i) => value >= c.min && (value < c.max || i === classes.length - 1));
  return found?.color ?? classes[classes.length - 1].color;
}

// ---------------------------------------------------------------- address bar

export interface DashboardQuery {
  under: string;
  period: PeriodKey;
  range: DateRange;
  category: string;
  channel: Channel | '';
}

/** The dashboard's filters from the address bar (so the back button from the case list restores them). */
export function readQuery(query: Record<string, unknown>, today: string): DashboardQuery {
  const period = isPeriodKey(query.period) ? query.period : 'thisMonth';
  const range = periodRange(period, today, { from: query.from as string, to: query.to as string });
  return {
    under: typeof query.under === 'string' ? query.under : '',
    period,
    range,
    category: typeof query.category === 'string' && /^[A-Za-z0-9_]{2,40}$/.test(query.category) ? query.category : '',
    channel: channelKeys.includes(query.channel as Channel) ? (query.channel as Channel) : '',
  };
}

export function writeQuery(state: DashboardQuery): LocationQueryRaw {
  const query: LocationQueryRaw = {
    under: state.under || undefined,
    period: state.period === 'thisMonth' ? undefined : state.period,
  };
  if (state.period === 'custom') Object.assign(query, state.range);
  if (state.category) query.category = state.category;
  if (state.channel) query.channel = state.channel;
  return query;
}
