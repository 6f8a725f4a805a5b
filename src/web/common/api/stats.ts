// Statistics for the dashboard (数据看板): summary, trend, breakdowns, Excel export, monthly reports.
import type { Rates as ServerRates } from '../../../server/features/stats/metrics';
import type { ListResponse } from '../api-types';
import { download, http } from '../http';

export type Rates = ServerRates;
export type Granularity = 'day' | 'week' | 'month';
export type BreakdownBy = 'category' | 'parentCategory' | 'channel' | 'department' | 'grid' | 'community';
export type Channel = 'qr' | 'snap' | 'hotline' | 'walkIn' | 'kiosk' | 'patrol' | 'open311' | 'import';

/** The filters every statistics call takes (the case list takes the same names). */
export interface StatsFilters {
  under?: string;
  /** YYYY-MM-DD, inclusive, Beijing time */
  from?: string;
  to?: string;
  category?: string;
  channel?: Channel | '';
  department?: string;
}

export interface StatsSummary {
  place: { code: string; name: string };
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  current: Rates;
  previous: Rates;
  /** open cases past a deadline now (live: not by period, not by category or channel) */
  overdueOpen: number;
}

export type TrendPoint = Rates & { period: string };
export type BreakdownRow = Rates & { key: string; name: string };

export interface MonthlyReport {
  id: string;
  month: string;
  place: { code: string; name: string };
  createdAt: string;
}

export interface CaseCategory {
  code: string;
  parentCode: string | null;
  name: string;
}

export const getSummary = (filters: StatsFilters, signal?: AbortSignal) =>
  http.get<StatsSummary>('/stats/summary', { query: { ...filters }, signal });

export const getTrend = (filters: StatsFilters, granularity: Granularity, signal?: AbortSignal) =>
  http.get<ListResponse<TrendPoint>>('/stats/trend', { query: { ...filters, granularity }, signal });

export const getBreakdown = (filters: StatsFilters, by: BreakdownBy, signal?: AbortSignal) =>
  http.get<ListResponse<BreakdownRow>>('/stats/breakdown', { query: { ...filters, by }, signal });

export const downloadBreakdown = (filters: StatsFilters, by: BreakdownBy, fallbackName: string) =>
  download('/stats/breakdown.xlsx', { query: { ...filters, by }, fallbackName });

/** The monthly report of a place, made now. */
export const downloadMonthlyReport = (under: string, month: string, fallbackName: string) =>
  download('/stats/monthly-report.pdf', { query: { under, month }, fallbackName });

/** Reports the monthly job made for the place and the places under it. */
export const listMonthlyReports = (under: string, signal?: AbortSignal) =>
  http.get<ListResponse<MonthlyReport>>('/stats/monthly-reports', { query: { under }, signal });

export const downloadStoredReport = (id: string, fallbackName: string) =>
  download(`/stats/monthly-reports/${encodeURIComponent(id)}`, { fallbackName });

/** Case categories in the UI language (parentCode null: top level). */
export const listCaseCategories = (signal?: AbortSignal) =>
  http.get<ListResponse<CaseCategory>>('/case-categories', { signal });
