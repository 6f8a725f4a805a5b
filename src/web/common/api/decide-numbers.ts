import type { z } from '@hono/zod-openapi';
import type { DecideNumbersSchema } from '../../../server/features/deliberation/numbers/schemas';
import type { DecideTodoSchema } from '../../../server/features/deliberation/todo/schemas';
import { download, http } from '../http';

// 居民议事数据 and 居民议事待办 (issue 17): the areas' yearly counts per community and the work waiting
// for the user, typed from the server's schemas.

export type DecideNumbers = z.infer<typeof DecideNumbersSchema>;
export type DecideNumbersRow = DecideNumbers['items'][number];
export interface DecideNumbersFilters {
  year: number;
  placeCode?: string;
}

export const decideNumbers = (filters: DecideNumbersFilters, signal?: AbortSignal) =>
  http.get<DecideNumbers>('/deliberation/numbers', { query: { ...filters }, signal });
export const downloadDecideNumbers = (filters: DecideNumbersFilters, fallbackName: string) =>
  download('/deliberation/numbers.xlsx', { query: { ...filters }, fallbackName });

export type DecideTodo = z.infer<typeof DecideTodoSchema>;
export type DecideTodoKind = DecideTodo['items'][number]['kind'];
export const decideTodo = (signal?: AbortSignal) => http.get<DecideTodo>('/deliberation/todo', { signal });
