// 社区食堂 · 助餐点: the canteen area's API for the console, the desk and residents, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  CandidateSchema,
  CanteenInput,
  CanteenPatch,
  CanteenSchema,
  DailySchema,
  DinerSchema,
  DishInput,
  DishSchema,
  MealSchema,
  MenuCanteenSchema,
  MyCanteensSchema,
  NumbersSchema,
  OrderInput,
  OrderSchema,
  RuleInput,
  RulePatch,
  RuleSchema,
  TagSchema,
} from '../../../server/features/community/canteen/schemas';
import { download, http, type Items } from '../http';

export type Canteen = z.infer<typeof CanteenSchema>;
export type CanteenCandidate = z.infer<typeof CandidateSchema>;
export type Dish = z.infer<typeof DishSchema>;
export type SubsidyRule = z.infer<typeof RuleSchema>;
export type ResidentTag = z.infer<typeof TagSchema>;
export type Diner = z.infer<typeof DinerSchema>;
export type Meal = z.infer<typeof MealSchema>;
export type DailyCount = z.infer<typeof DailySchema>;
export type CanteenOrder = z.infer<typeof OrderSchema>;
export type MenuCanteen = z.infer<typeof MenuCanteenSchema>;
export type MyCanteens = z.infer<typeof MyCanteensSchema>;
export type CanteenNumbers = z.infer<typeof NumbersSchema>;
export type MealTime = Dish['meal'];

const base = '/community/canteen';

export const canteenApi = {
  list: (signal?: AbortSignal) => http.get<Items<Canteen>>(`${base}/canteens`, { signal }),
  create: (body: z.input<typeof CanteenInput>) => http.post<Canteen>(`${base}/canteens`, body),
  update: (id: string, body: z.input<typeof CanteenPatch>) => http.patch<Canteen>(`${base}/canteens/${id}`, body),
  candidates: (id: string) => http.get<Items<CanteenCandidate>>(`${base}/canteens/${id}/operator-candidates`),
  setOperators: (id: string, userIds: string[]) => http.put<Canteen>(`${base}/canteens/${id}/operators`, { userIds }),
  menu: (id: string, from: string, to: string) =>
    http.get<Items<Dish>>(`${base}/canteens/${id}/menu`, { query: { from, to } }),
  addDish: (id: string, body: z.input<typeof DishInput>) => http.post<Dish>(`${base}/canteens/${id}/dishes`, body),
  removeDish: (id: string) => http.post<{ id: string; removed: boolean }>(`${base}/dishes/${id}/remove`),
  tags: () => http.get<Items<ResidentTag>>(`${base}/tags`),
  rules: (signal?: AbortSignal) => http.get<Items<SubsidyRule>>(`${base}/rules`, { signal }),
  createRule: (body: z.input<typeof RuleInput>) => http.post<SubsidyRule>(`${base}/rules`, body),
  updateRule: (id: string, body: z.input<typeof RulePatch>) => http.patch<SubsidyRule>(`${base}/rules/${id}`, body),
  daily: (id: string, from: string, to: string, signal?: AbortSignal) =>
    http.get<Items<DailyCount>>(`${base}/canteens/${id}/daily`, { query: { from, to }, signal }),
  meals: (id: string, day?: string) => http.get<Items<Meal>>(`${base}/canteens/${id}/meals`, { query: { day } }),
  statement: (id: string, month: string, fallbackName: string) =>
    download(`${base}/canteens/${id}/statement.xlsx`, { query: { month }, fallbackName }),
  numbers: (year: number) => http.get<CanteenNumbers>(`${base}/numbers`, { query: { year } }),
  // the desk
  desk: () => http.get<Items<MenuCanteen>>(`${base}/desk`),
  diners: (id: string, q: string) => http.get<Items<Diner>>(`${base}/canteens/${id}/diners`, { query: { q } }),
  record: (id: string, body: { clientId: string; meal: MealTime; dishIds: string[]; residentId: string | null }) =>
    http.post<{ created: boolean; meal: Meal }>(`${base}/canteens/${id}/meals`, body),
  dayOrders: (id: string) => http.get<Items<CanteenOrder>>(`${base}/canteens/${id}/orders`),
  // residents
  mine: () => http.get<MyCanteens>(`${base}/mine`),
  order: (body: z.input<typeof OrderInput>) => http.post<CanteenOrder>(`${base}/orders`, body),
  myOrders: () => http.get<Items<CanteenOrder>>(`${base}/orders/mine`),
  act: (id: string, action: 'serve' | 'cancel') =>
    http.post<{ id: string; state: CanteenOrder['state']; meal: Meal | null }>(`${base}/orders/${id}/${action}`),
};

/** 12.5 from 1250 fen: money as people read it. */
export const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');

/** A day of China time as YYYY-MM-DD. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
