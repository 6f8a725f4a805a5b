import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { Db } from '../../../platform/db/database.js';
import {
  ActInput,
  ActParams,
  CaseParams,
  CaseTopicSchema,
  CommunityParams,
  FromCaseInput,
  IdParams,
  PublicParams,
  PublicTopicSchema,
  RaiseInput,
  RaisePlaceSchema,
  SettingSchema,
  SettingsInput,
  TopicDetailSchema,
  TopicListQuery,
  TopicPageSchema,
  TopicSchema,
} from './schemas.js';
import * as acts from './act.js';
import * as reads from './service.js';
import type { TopicsDeps } from './service.js';

// 议题 over HTTP, under /deliberation/topics; the public list under /public/communities/{code}/topics.
// Static paths are declared before /{id}.

const tags = ['deliberation-topics'];
const base = '/deliberation/topics';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));

const r = {
  list: authRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'Topics in my scope by state, community and source, with counts per state (staff)',
    request: { query: TopicListQuery },
    responses: { 200: jsonContent(TopicPageSchema), ...errorResponses },
  }),
  raise: authRoute({
    method: 'post',
    path: base,
    tags,
    summary: '提议题 for one of the places GET …/places offers (resident, steward or community)',
    request: json(RaiseInput),
    responses: { 201: jsonContent(TopicDetailSchema), ...errorResponses },
  }),
  places: authRoute({
    method: 'get',
    path: `${base}/places`,
    tags,
    summary: 'Where I may raise a topic: the hall (社区议事厅 / 网格议事厅) and the place, by name',
    responses: { 200: items(RaisePlaceSchema), ...errorResponses },
  }),
  community: authRoute({
    method: 'get',
    path: `${base}/community`,
    tags,
    summary: '议事 hub: the topics of my community, those gathering seconds first (names masked)',
    responses: {
      200: jsonContent(z.object({ communityName: z.string(), items: z.array(TopicSchema) })),
      ...errorResponses,
    },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: '我提的议题',
    responses: { 200: items(TopicSchema), ...errorResponses },
  }),
  settings: authRoute({
    method: 'get',
    path: `${base}/settings`,
    tags,
    summary: '附议门槛: the communities I manage and the seconds that put a topic before them',
    responses: { 200: items(SettingSchema), ...errorResponses },
  }),
  saveSetting: authRoute({
    method: 'put',
    path: `${base}/settings/{communityId}`,
    tags,
    summary: 'Set a community’s threshold (deliberation:manage); topics raised later take it',
    request: { params: CommunityParams, ...json(SettingsInput) },
    responses: { 200: jsonContent(SettingSchema), ...errorResponses },
  }),
  ofCase: authRoute({
    method: 'get',
    path: `${base}/by-case/{caseId}`,
    tags,
    summary: 'The topic a case became, and whether I may turn it into one',
    request: { params: CaseParams },
    responses: { 200: jsonContent(CaseTopicSchema), ...errorResponses },
  }),
  fromCase: authRoute({
    method: 'post',
    path: `${base}/from-case/{caseId}`,
    tags,
    summary: '转为议题: cases:dispatch and deliberation:manage over the case’s place; links both ways',
    request: { params: CaseParams, ...json(FromCaseInput) },
    responses: { 201: jsonContent(TopicDetailSchema), ...errorResponses },
  }),
  get: authRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One topic with its own history and the actions I may take',
    request: { params: IdParams },
    responses: { 200: jsonContent(TopicDetailSchema), ...errorResponses },
  }),
  second: authRoute({
    method: 'post',
    path: `${base}/{id}/second`,
    tags,
    summary: '附议 (a resident of the community, once, not the raiser)',
    request: { params: IdParams },
    responses: { 200: jsonContent(TopicDetailSchema), ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/{id}/{action}`,
    tags,
    summary: 'Screen in, accept, reject (a reason required) by the community; withdraw by the raiser',
    request: { params: ActParams, ...json(ActInput) },
    responses: { 200: jsonContent(TopicDetailSchema), ...errorResponses },
  }),
  public: createRoute({
    method: 'get',
    path: '/public/communities/{code}/topics',
    tags: ['public'],
    summary: 'The public topics of a community: code, title, state, seconds, day raised — no names',
    request: { params: PublicParams },
    responses: { 200: items(PublicTopicSchema), ...errorResponses },
  }),
};

export function topicsRoutes(deps: TopicsDeps & { db: Db }) {
  const { db } = deps;
  return createRouter()
    .openapi(r.list, async (c) => c.json(await reads.listTopics(db, actorOf(c), c.req.valid('query')), 200))
    .openapi(r.raise, async (c) => c.json(await acts.raiseTopic(deps, actorOf(c), c.req.valid('json')), 201))
    .openapi(r.places, async (c) =>
      c.json(
        {
          items: (await reads.raisePlaces(db, actorOf(c))).map(({ placeId, name, kind, hall, via }) => ({
            placeId,
            name,
            kind,
            hall,
            via,
          })),
        },
        200,
      ),
    )
    .openapi(r.community, async (c) => c.json(await reads.communityTopics(db, actorOf(c)), 200))
    .openapi(r.mine, async (c) => c.json({ items: await reads.myTopics(db, actorOf(c)) }, 200))
    .openapi(r.settings, async (c) => c.json({ items: await reads.listSettings(db, actorOf(c)) }, 200))
    .openapi(r.saveSetting, async (c) =>
      c.json(
        await reads.saveSetting(
          deps,
          actorOf(c),
          c.req.valid('param').communityId,
          c.req.valid('json').secondsToAgenda,
        ),
        200,
      ),
    )
    .openapi(r.ofCase, async (c) => c.json(await reads.caseTopic(db, actorOf(c), c.req.valid('param').caseId), 200))
    .openapi(r.fromCase, async (c) =>
      c.json(await acts.raiseFromCase(deps, actorOf(c), c.req.valid('param').caseId, c.req.valid('json')), 201),
    )
    .openapi(r.get, async (c) => c.json(await reads.viewTopic(db, actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.second, async (c) => c.json(await acts.secondTopic(deps, actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await acts.actOnTopic(deps, actorOf(c), id, action, c.req.valid('json').note), 200);
    })
    .openapi(r.public, async (c) => c.json({ items: await reads.publicTopics(db, c.req.valid('param').code) }, 200));
}
