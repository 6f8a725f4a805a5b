import type { z } from '@hono/zod-openapi';
import type { ServiceNumbersReportSchema } from '../../../server/features/services/numbers/schemas';
import { download, http } from '../http';

// 服务数据: per item and bundle, and the Excel sheet of the same.

export type ServiceNumbersReport = z.infer<typeof ServiceNumbersReportSchema>;
export type ServiceNumbersRow = ServiceNumbersReport['items'][number];
export interface NumbersFilters {
  from?: string;
  to?: string;
  place?: string;
}

export const getServiceNumbers = (filters: NumbersFilters, signal?: AbortSignal) =>
  http.get<ServiceNumbersReport>('/services/numbers', { query: { ...filters }, signal });

export const downloadServiceNumbers = (filters: NumbersFilters, fallbackName: string) =>
  download('/services/numbers.xlsx', { query: { ...filters }, fallbackName });
