import type { z } from '@hono/zod-openapi';
import type { GoodsSchema, RedemptionSchema, ShelfSchema } from '../../../server/features/community/shop/goods/schemas';
import type { HomeSchema, ReportedSchema } from '../../../server/features/community/shop/home/schemas';
import type {
  LedgerSchema,
  MyPointsSchema,
  RankingSchema,
  RulesSchema,
} from '../../../server/features/community/shop/points/schemas';
import { download, http, type Items } from '../http';

// 积分 · 积分超市 · 我的社区 (issue 16): the shop area's API for the console and the phone.

export type Goods = z.infer<typeof GoodsSchema>;
export type Redemption = z.infer<typeof RedemptionSchema>;
export type Shelf = z.infer<typeof ShelfSchema>;
export type MyPoints = z.infer<typeof MyPointsSchema>;
export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerEntry = Ledger['items'][number];
export type Ranking = z.infer<typeof RankingSchema>;
export type PointsRules = z.infer<typeof RulesSchema>;
export type Home = z.infer<typeof HomeSchema>;
export type Reported = z.infer<typeof ReportedSchema>;

export interface GoodsInput {
  communityCode: string;
  name: string;
  description: string;
  pointsPrice: number;
  stock: number;
  monthlyLimit: number;
  active: boolean;
  photoFileId?: string | null;
}

// ---- phone
export const getHome = (signal?: AbortSignal) => http.get<Home>('/community/me/home', { signal });
export const setHome = (communityId: string) => http.put<Home>('/community/me/home', { communityId });
export const myPoints = (signal?: AbortSignal) => http.get<MyPoints>('/community/points/me', { signal });
export const shelf = (signal?: AbortSignal) => http.get<Shelf>('/community/shop/shelf', { signal });
export const redeem = (goodsId: string, quantity = 1) =>
  http.post<Redemption>(`/community/shop/goods/${goodsId}/redeem`, { quantity });
export const myRedemptions = (signal?: AbortSignal) =>
  http.get<Items<Redemption>>('/community/shop/redemptions/mine', { signal });
export const cancelRedemption = (id: string, reason = '') =>
  http.post<Redemption>(`/community/shop/redemptions/${id}/cancel`, { reason });
export function reportFromApp(
  report: { description: string; address: string; isPublic: boolean; photos: File[] },
  idempotencyKey: string,
) {
  const form = new FormData();
  form.set('description', report.description);
  form.set('address', report.address);
  form.set('isPublic', report.isPublic ? 'true' : 'false');
  for (const photo of report.photos) form.append('photos', photo);
  return http.upload<Reported>('/community/me/report', form, { headers: { 'Idempotency-Key': idempotencyKey } });
}
export const goodsPhotoUrl = (id: string) => `/api/v1/community/shop/goods/${id}/photo`;

// ---- console
export const pointsRules = (communityCode: string, signal?: AbortSignal) =>
  http.get<PointsRules>('/community/points/rules', { query: { communityCode }, signal });
export const setPointsRules = (communityCode: string, rates: { rule: string; points: number }[]) =>
  http.put<PointsRules>('/community/points/rules', { communityCode, rates });
export const ledger = (
  query: { under?: string; rule?: string; from?: string; to?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => http.get<Ledger>('/community/points/entries', { query, signal });
export const correctEntry = (id: string, points: number, note: string) =>
  http.post<{ id: string; points: number; balance: number }>(`/community/points/entries/${id}/corrections`, {
    points,
    note,
  });
export const ranking = (year: number, placeCode?: string, signal?: AbortSignal) =>
  http.get<Ranking>('/community/points/ranking', { query: { year, placeCode }, signal });
export const rankingSheet = (year: number, placeCode?: string) =>
  download('/community/points/ranking.xlsx', { query: { year, placeCode }, fallbackName: `积分排行${year}.xlsx` });
export const listGoods = (under?: string, signal?: AbortSignal) =>
  http.get<Items<Goods>>('/community/shop/goods', { query: { under }, signal });
export const createGoods = (input: GoodsInput) => http.post<Goods>('/community/shop/goods', input);
export const updateGoods = (id: string, patch: Partial<Omit<GoodsInput, 'communityCode' | 'stock'>>) =>
  http.patch<Goods>(`/community/shop/goods/${id}`, patch);
export const adjustStock = (id: string, delta: number) =>
  http.post<Goods>(`/community/shop/goods/${id}/stock`, { delta });
export const listRedemptions = (
  query: { under?: string; state?: Redemption['state']; page: number; pageSize: number },
  signal?: AbortSignal,
) => http.get<Items<Redemption>>('/community/shop/redemptions', { query, signal });
export const handOver = (id: string, pickupCode: string) =>
  http.post<Redemption>(`/community/shop/redemptions/${id}/hand-over`, { pickupCode });
