import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../../platform/http.js';
import {
  CancelInput,
  GoodsId,
  GoodsInput,
  GoodsListQuery,
  GoodsPatch,
  GoodsSchema,
  HandOverInput,
  RedeemInput,
  RedemptionSchema,
  RedemptionsQuery,
  ShelfSchema,
  StockInput,
} from './schemas.js';
import type { GoodsService } from './service.js';

// 积分超市 over HTTP: goods and redemptions for staff (community:manage in the goods' community),
// the shelf, redeeming and my redemptions for anyone logged in.

const tags = ['community-shop'];
const base = '/community/shop';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));

const r = {
  goods: authRoute({
    method: 'get',
    path: `${base}/goods`,
    tags,
    summary: 'Goods of the communities in scope (community:read)',
    request: { query: GoodsListQuery },
    responses: { 200: items(GoodsSchema), ...errorResponses },
  }),
  createGoods: authRoute({
    method: 'post',
    path: `${base}/goods`,
    tags,
    summary: 'Add goods to a community’s shop (community:manage)',
    request: json(GoodsInput),
    responses: { 201: jsonContent(GoodsSchema), ...errorResponses },
  }),
  updateGoods: authRoute({
    method: 'patch',
    path: `${base}/goods/{id}`,
    tags,
    summary: 'Edit goods: name, description, photo, price, monthly limit, on offer (not the stock)',
    request: { params: GoodsId, ...json(GoodsPatch) },
    responses: { 200: jsonContent(GoodsSchema), ...errorResponses },
  }),
  stock: authRoute({
    method: 'post',
    path: `${base}/goods/{id}/stock`,
    tags,
    summary: '入库/出库: change the stock by a delta (never below zero)',
    request: { params: GoodsId, ...json(StockInput) },
    responses: { 200: jsonContent(GoodsSchema), ...errorResponses },
  }),
  photo: authRoute({
    method: 'get',
    path: `${base}/goods/{id}/photo`,
    tags,
    summary: 'The goods’ photo',
    request: { params: GoodsId },
    responses: {
      200: { description: 'Image', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
  shelf: authRoute({
    method: 'get',
    path: `${base}/shelf`,
    tags,
    summary: '积分超市 on the phone: my community’s goods on offer and my balance',
    responses: { 200: jsonContent(ShelfSchema), ...errorResponses },
  }),
  redeem: authRoute({
    method: 'post',
    path: `${base}/goods/{id}/redeem`,
    tags,
    summary: '兑换: spend points for goods (409 POINTS_INSUFFICIENT, SHOP_OUT_OF_STOCK, SHOP_MONTHLY_LIMIT)',
    request: { params: GoodsId, ...json(RedeemInput) },
    responses: { 201: jsonContent(RedemptionSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/redemptions/mine`,
    tags,
    summary: 'My redemptions, with the pickup code of those to collect',
    responses: { 200: items(RedemptionSchema), ...errorResponses },
  }),
  redemptions: authRoute({
    method: 'get',
    path: `${base}/redemptions`,
    tags,
    summary: 'Redemptions of the communities in scope, by state',
    request: { query: RedemptionsQuery },
    responses: { 200: items(RedemptionSchema), ...errorResponses },
  }),
  handOver: authRoute({
    method: 'post',
    path: `${base}/redemptions/{id}/hand-over`,
    tags,
    summary: '交付: staff hand the goods over against the pickup code the resident shows',
    request: { params: GoodsId, ...json(HandOverInput) },
    responses: { 200: jsonContent(RedemptionSchema), ...errorResponses },
  }),
  cancel: authRoute({
    method: 'post',
    path: `${base}/redemptions/{id}/cancel`,
    tags,
    summary: '取消: points refunded (a shop_refund entry) and stock put back',
    request: { params: GoodsId, ...json(CancelInput) },
    responses: { 200: jsonContent(RedemptionSchema), ...errorResponses },
  }),
};

export function goodsRoutes(service: GoodsService) {
  return createRouter()
    .openapi(r.goods, async (c) => c.json({ items: await service.list(actorOf(c), c.req.valid('query').under) }, 200))
    .openapi(r.createGoods, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.updateGoods, async (c) =>
      c.json(await service.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.stock, async (c) =>
      c.json(await service.adjustStock(actorOf(c), c.req.valid('param').id, c.req.valid('json').delta), 200),
    )
    .openapi(r.photo, async (c) => {
      const { bytes, mime } = await service.photo(actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(bytes), 200, { 'content-type': mime, 'cache-control': 'private, max-age=300' });
    })
    .openapi(r.shelf, async (c) => c.json(await service.shelf(actorOf(c)), 200))
    .openapi(r.redeem, async (c) =>
      c.json(await service.redeem(actorOf(c), c.req.valid('param').id, c.req.valid('json').quantity), 201),
    )
    .openapi(r.mine, async (c) => c.json({ items: await service.mine(actorOf(c)) }, 200))
    .openapi(r.redemptions, async (c) =>
      c.json({ items: await service.listRedemptions(actorOf(c), c.req.valid('query')) }, 200),
    )
    .openapi(r.handOver, async (c) =>
      c.json(await service.act(actorOf(c), c.req.valid('param').id, 'hand_over', c.req.valid('json')), 200),
    )
    .openapi(r.cancel, async (c) =>
      c.json(await service.act(actorOf(c), c.req.valid('param').id, 'cancel', c.req.valid('json')), 200),
    );
}
