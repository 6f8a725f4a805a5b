// Statistics for the dashboard (数据看板): summary, trend, breakdowns, Excel export, monthly reports.
import type { z } from '@hono/zod-openapi';
import type {
  BreakdownRowSchema,
  breakdownKeys,
  granularities,
  MonthlyReportSchema,
  RatesSchema,
  StatsFilters as StatsFiltersSchema,
  StatsSummarySchema,
  TrendPointSchema,
} from '../../../server/features/stats/schemas';
import type { CaseCategory, CaseChannel, ListResponse } from '../api-types';
import { download, http } from '../http';

export type { CaseCategory };
export type Rates = z.infer<typeof RatesSchema>;
export type Granularity = (typeof granularities)[number];
export type BreakdownBy = (typeof breakdownKeys)[number];
export type Channel = CaseChannel;

/** The filters every statistics call takes (the case list takes the same names); an empty channel means all. */
export type StatsFilters = Omit<z.input<typeof StatsFiltersSchema>, 'channel'> & { channel?: Channel | '' };

export type StatsSummary = z.infer<typeof StatsSummarySchema>;
export type TrendPoint = z.infer<typeof TrendPointSchema>;
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;

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
