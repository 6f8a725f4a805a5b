import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { GoodsService } from './goods/service.js';
import { yearRange } from './places.js';
import { YearQuery } from './points/schemas.js';
import type { PointsService } from './points/service.js';

// GET /community/shop/numbers: the year's points and redemptions per community in scope, from the
// records (for the 社区生活数据 page and the dashboard).

const NumbersSchema = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      communityCode: z.string(),
      communityName: z.string(),
      pointsEarned: z.number().int(),
      pointsSpent: z.number().int(),
      earners: z.number().int(),
      redemptions: z.number().int(),
      handedOver: z.number().int(),
      cancelled: z.number().int(),
      redeemers: z.number().int(),
    }),
  ),
});

const route = authRoute({
  method: 'get',
  path: '/community/shop/numbers',
  tags: ['community-shop'],
  summary: 'The year’s points earned and spent and redemptions, per community in scope (community:read)',
  request: { query: YearQuery },
  responses: { 200: jsonContent(NumbersSchema), ...errorResponses },
});

export function numbersRoutes(points: PointsService, goods: GoodsService) {
  return createRouter().openapi(route, async (c) => {
    const actor = actorOf(c);
    const q = c.req.valid('query');
    const { from, to } = yearRange(q.year);
    const [pointRows, shopRows] = await Promise.all([
      points.numbers(actor, q),
      goods.numbers(actor, q.placeCode, from, to),
    ]);
    const shop = new Map(shopRows.map((s) => [s.code, s]));
    const items = pointRows.map((p) => {
      const s = shop.get(p.communityCode);
      return {
        ...p,
        redemptions: Number(s?.placed ?? 0),
        handedOver: Number(s?.handed_over ?? 0),
        cancelled: Number(s?.cancelled ?? 0),
        redeemers: Number(s?.persons ?? 0),
      };
    });
    return c.json({ year: q.year, items }, 200);
  });
}
