import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  AdviserList,
  AdvisersQuery,
  BlownSchema,
  RankingList,
  RankingQuery,
  SummonsActionInput,
  SummonsParam,
  SummonsStepSchema,
  WhistleInput,
  WhistleList,
  WhistleListQuery,
  WhistleParam,
  WhistleSchema,
} from './schemas.js';
import type { WhistleService } from './service.js';

const tags = ['whistle'];
const blow = authRoute({
  method: 'post',
  path: '/whistles',
  tags,
  summary: 'Blow the whistle (吹哨): summon departments to a case or a place',
  request: { body: { content: { 'application/json': { schema: WhistleInput } }, required: true } },
  responses: { 201: jsonContent(BlownSchema, 'Summoned'), ...errorResponses },
});
const list = authRoute({
  method: 'get',
  path: '/whistles',
  tags,
  summary: 'Whistles in your scope, or summoning your department',
  request: { query: WhistleListQuery },
  responses: { 200: jsonContent(WhistleList), ...errorResponses },
});
const get = authRoute({
  method: 'get',
  path: '/whistles/{id}',
  tags,
  summary: 'One whistle with each department’s summons and the timeline',
  request: { params: WhistleParam },
  responses: { 200: jsonContent(WhistleSchema), ...errorResponses },
});
const act = authRoute({
  method: 'post',
  path: '/summonses/{id}/actions/{action}',
  tags,
  summary: 'acknowledge (接哨, first responder), checkIn (报到, with location), report, score (1–5)',
  request: {
    params: SummonsParam,
    body: { content: { 'application/json': { schema: SummonsActionInput } }, required: true },
  },
  responses: { 200: jsonContent(SummonsStepSchema), ...errorResponses },
});
const ranking = authRoute({
  method: 'get',
  path: '/whistle-ranking',
  tags,
  summary: 'Department ranking: summonses, on-time acknowledgement and arrival, average score',
  request: { query: RankingQuery },
  responses: { 200: jsonContent(RankingList), ...errorResponses },
});
const advisers = authRoute({
  method: 'get',
  path: '/whistle-advisers',
  tags,
  summary: 'Legal advisers (法律顾问) who serve a case’s or a place’s community and can be summoned',
  request: { query: AdvisersQuery },
  responses: { 200: jsonContent(AdviserList), ...errorResponses },
});

export function whistleRoutes(service: WhistleService) {
  return createRouter()
    .openapi(blow, async (c) => c.json(await service.blow(actorOf(c), c.req.valid('json')), 201))
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await service.list(actorOf(c), { state: q.state, mine: q.mine === 'true' }) }, 200);
    })
    .openapi(advisers, async (c) => c.json({ items: await service.advisers(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(ranking, async (c) =>
      c.json({ items: await service.ranking(actorOf(c), c.req.valid('query').under) }, 200),
    )
    .openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id, c.get('locale')), 200))
    .openapi(act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await service.act(actorOf(c), id, action, c.req.valid('json')), 200);
    });
}
