import type { z } from '@hono/zod-openapi';
import type { LifeNumbersSchema } from '../../../server/features/community/numbers/schemas';
import { download, http } from '../http';

// 社区生活数据 (issue 16): the areas' yearly counts per community, typed from the server's schema.

export type LifeNumbers = z.infer<typeof LifeNumbersSchema>;
export type LifeNumbersRow = LifeNumbers['items'][number];
export interface LifeNumbersFilters {
  year: number;
  placeCode?: string;
}

export const lifeNumbers = (filters: LifeNumbersFilters, signal?: AbortSignal) =>
  http.get<LifeNumbers>('/community/numbers', { query: { ...filters }, signal });
export const downloadLifeNumbers = (filters: LifeNumbersFilters, fallbackName: string) =>
  download('/community/numbers.xlsx', { query: { ...filters }, fallbackName });
