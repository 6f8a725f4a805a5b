import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../../platform/http.js';
import { writeRankingSheet } from './sheet.js';
import {
  CorrectionInput,
  CorrectionSchema,
  EntryId,
  LedgerQuery,
  LedgerSchema,
  MyPointsSchema,
  RankingSchema,
  RulesInput,
  RulesQuery,
  RulesSchema,
  YearQuery,
} from './schemas.js';
import type { PointsService } from './service.js';

// 积分 over HTTP: rates (community:manage), my points, the ledger with corrections, the ranking.

const tags = ['community-points'];
const base = '/community/points';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const r = {
  rules: authRoute({
    method: 'get',
    path: `${base}/rules`,
    tags,
    summary: '积分规则: the community’s points per unit of each earning rule (its own or the default)',
    request: { query: RulesQuery },
    responses: { 200: jsonContent(RulesSchema), ...errorResponses },
  }),
  setRules: authRoute({
    method: 'put',
    path: `${base}/rules`,
    tags,
    summary: 'Set the community’s rates (community:manage); audited',
    request: json(RulesInput),
    responses: { 200: jsonContent(RulesSchema), ...errorResponses },
  }),
  me: authRoute({
    method: 'get',
    path: `${base}/me`,
    tags,
    summary: '我的积分: my balance per county and my latest entries',
    responses: { 200: jsonContent(MyPointsSchema), ...errorResponses },
  }),
  ledger: authRoute({
    method: 'get',
    path: `${base}/entries`,
    tags,
    summary: '积分流水 of the communities in scope (residents’ names masked)',
    request: { query: LedgerQuery },
    responses: { 200: jsonContent(LedgerSchema), ...errorResponses },
  }),
  correct: authRoute({
    method: 'post',
    path: `${base}/entries/{id}/corrections`,
    tags,
    summary: '更正: a new entry correcting this one, with a reason (community:manage); never an edit',
    request: { params: EntryId, ...json(CorrectionInput) },
    responses: { 201: jsonContent(CorrectionSchema), ...errorResponses },
  }),
  ranking: authRoute({
    method: 'get',
    path: `${base}/ranking`,
    tags,
    summary: '积分排行: persons and units by points earned in the year',
    request: { query: YearQuery },
    responses: { 200: jsonContent(RankingSchema), ...errorResponses },
  }),
  rankingSheet: authRoute({
    method: 'get',
    path: `${base}/ranking.xlsx`,
    tags,
    summary: 'The ranking as an Excel sheet',
    request: { query: YearQuery },
    responses: {
      200: {
        description: 'Sheet',
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
        },
      },
      ...errorResponses,
    },
  }),
};

export function pointsRoutes(service: PointsService) {
  return createRouter()
    .openapi(r.rules, async (c) => c.json(await service.rules(actorOf(c), c.req.valid('query').communityCode), 200))
    .openapi(r.setRules, async (c) => c.json(await service.setRules(actorOf(c), c.req.valid('json')), 200))
    .openapi(r.me, async (c) => c.json(await service.mine(actorOf(c)), 200))
    .openapi(r.ledger, async (c) => c.json(await service.ledger(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.correct, async (c) =>
      c.json(await service.correct(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.ranking, async (c) => c.json(await service.ranking(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.rankingSheet, async (c) => {
      const ranking = await service.ranking(actorOf(c), c.req.valid('query'));
      return c.body(new Uint8Array(await writeRankingSheet(ranking)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`积分排行${ranking.year}.xlsx`)}`,
      });
    });
}
