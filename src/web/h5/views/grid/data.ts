import type { HouseholdSummary } from '../../../common/api-types';

export interface Counts {
  households: number;
  members: number;
  needsVisit: number;
}

const emptyCounts = (): Counts => ({ households: 0, members: 0, needsVisit: 0 });

/** Household codes extend their unit's and building's codes ("…-3" → "…-3-2" → "…-3-2-501"). */
export const isUnder = (householdCode: string, placeCode: string) => householdCode.startsWith(`${placeCode}-`);

/** Households, residents and households needing a visit under each of `codes`. */
export function countsBy(codes: string[], summaries: HouseholdSummary[]): Record<string, Counts> {
  const result: Record<string, Counts> = Object.fromEntries(codes.map((code) => [code, emptyCounts()]));
  for (const summary of summaries) {
    const owner = codes.find((code) => isUnder(summary.code, code));
    if (!owner) continue;
    const counts = result[owner];
    counts.households += 1;
    counts.members += summary.members;
    if (summary.needsVisit) counts.needsVisit += 1;
  }
  return result;
}

export function totals(summaries: HouseholdSummary[]): Counts {
  return summaries.reduce(
    (sum, s) => ({
      households: sum.households + 1,
      members: sum.members + s.members,
      needsVisit: sum.needsVisit + (s.needsVisit ? 1 : 0),
    }),
    emptyCounts(),
  );
}

/** The room number of a household: the last part of its code ("…-3-2-501" → "501"). */
export const roomOf = (code: string) => code.split('-').at(-1) ?? code;

/** The unit part of a household code ("…-3-2-501" → "2"). */
export const unitOf = (code: string) => code.split('-').at(-2) ?? '';

export type SortMode = 'room' | 'visit';

/** Needing a visit first — never visited, then the longest ago — then the rest by room. */
export function byVisitNeed(a: HouseholdSummary, b: HouseholdSummary) {
  if (a.needsVisit !== b.needsVisit) return a.needsVisit ? -1 : 1;
  if (a.needsVisit) {
    const at = a.lastVisitAt ?? '';
    const bt = b.lastVisitAt ?? '';
    if (at !== bt) return at < bt ? -1 : 1;
  }
  return a.code.localeCompare(b.code, undefined, { numeric: true });
}

const sortKey = 'linli.h5.householdSort';

export function loadSortMode(): SortMode {
  try {
    return localStorage.getItem(sortKey) === 'room' ? 'room' : 'visit';
  } catch {
    return 'visit';
  }
}

export function saveSortMode(mode: SortMode) {
  try {
    localStorage.setItem(sortKey, mode);
  } catch {
    // private mode
  }
}

/** "3 天前" / "3 days ago"; dates older than a month as a date. */
export function sinceText(iso: string, locale: string, now = Date.now()) {
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (days < 1) {
    const hours = Math.floor((now - new Date(iso).getTime()) / 3_600_000);
    return hours < 1 ? format.format(0, 'minute') : format.format(-hours, 'hour');
  }
  if (days < 31) return format.format(-days, 'day');
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}
