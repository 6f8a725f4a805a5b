import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import {
  ActionInput,
  ActionParams,
  AnswerInput,
  CampaignInput,
  CampaignRowSchema,
  CampaignSchema,
  CampaignUpdate,
  CandidateSchema,
  CodeParam,
  CommunityParam,
  HouseholdStarsSchema,
  IdParam,
  ListQuery,
  NominationInput,
  ObjectionInput,
  PanelInput,
  PanelMemberParams,
  PlacesSchema,
  PublicHonoursSchema,
  ReasonInput,
  ScoreInput,
  ShortlistInput,
} from './schemas.js';
import type { HonoursService } from './service.js';
import { resultsSheet } from './sheet.js';

// 文明户评选 over HTTP, under /honours/: the console's campaigns (honours:manage, scoped by the
// campaign's place), the panel's score sheets, residents' nominations and objections, the registry's
// star history, and the public notice of a community (no login).

const tags = ['honours'];
const base = '/honours';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const r = {
  list: authRoute({
    method: 'get',
    path: `${base}/campaigns`,
    tags,
    summary: 'Campaigns in my scope (honours:manage)',
    request: { query: ListQuery },
    responses: { 200: items(CampaignRowSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: 'Campaigns that reach the communities I live in (a resident on the phone)',
    responses: { 200: items(CampaignRowSchema), ...errorResponses },
  }),
  create: authRoute({
    method: 'post',
    path: `${base}/campaigns`,
    tags,
    summary: 'Start a campaign in a community or a street, with its criteria (and star bands)',
    request: json(CampaignInput),
    responses: { 201: jsonContent(z.object({ id: z.string(), state: z.string() })), ...errorResponses },
  }),
  get: authRoute({
    method: 'get',
    path: `${base}/campaigns/{id}`,
    tags,
    summary: 'A campaign: staff see all; a panel member their sheets; a resident the notice and their own',
    request: { params: IdParam },
    responses: { 200: jsonContent(CampaignSchema), ...errorResponses },
  }),
  update: authRoute({
    method: 'patch',
    path: `${base}/campaigns/{id}`,
    tags,
    summary: 'Edit title, description, star bands; criteria while nominating',
    request: { params: IdParam, ...json(CampaignUpdate) },
    responses: { 200: jsonContent(CampaignSchema), ...errorResponses },
  }),
  places: authRoute({
    method: 'get',
    path: `${base}/campaigns/{id}/places`,
    tags,
    summary: 'Buildings and rooms (and residents, masked) to pick a nominee from by name',
    request: { params: IdParam },
    responses: { 200: jsonContent(PlacesSchema), ...errorResponses },
  }),
  nominate: authRoute({
    method: 'post',
    path: `${base}/campaigns/{id}/nominations`,
    tags,
    summary: '推荐: self, a neighbour, the steward or staff names a household (or a resident for 道德模范)',
    request: { params: IdParam, ...json(NominationInput) },
    responses: { 201: jsonContent(z.object({ id: z.string(), kind: z.string() })), ...errorResponses },
  }),
  reject: authRoute({
    method: 'post',
    path: `${base}/nominations/{id}/reject`,
    tags,
    summary: 'Take a nomination out, with the reason (staff)',
    request: { params: IdParam, ...json(ReasonInput) },
    responses: { 200: jsonContent(z.object({ id: z.string(), state: z.string() })), ...errorResponses },
  }),
  candidates: authRoute({
    method: 'get',
    path: `${base}/campaigns/{id}/panel-candidates`,
    tags,
    summary: 'Staff and stewards around the campaign’s place who may sit on the panel',
    request: { params: IdParam },
    responses: { 200: items(CandidateSchema), ...errorResponses },
  }),
  addPanel: authRoute({
    method: 'post',
    path: `${base}/campaigns/{id}/panel`,
    tags,
    summary: 'Name a panel member',
    request: { params: IdParam, ...json(PanelInput) },
    responses: { 200: jsonContent(CampaignSchema), ...errorResponses },
  }),
  removePanel: authRoute({
    method: 'delete',
    path: `${base}/campaigns/{id}/panel/{userId}`,
    tags,
    summary: 'Take a panel member off (before they scored)',
    request: { params: PanelMemberParams },
    responses: { 200: jsonContent(CampaignSchema), ...errorResponses },
  }),
  score: authRoute({
    method: 'put',
    path: `${base}/nominations/{id}/score`,
    tags,
    summary: 'My score sheet for a nominee: every criterion 0..max (a panel member, while scoring)',
    request: { params: IdParam, ...json(ScoreInput) },
    responses: { 200: jsonContent(z.object({ nominationId: z.string(), total: z.number().int() })), ...errorResponses },
  }),
  shortlist: authRoute({
    method: 'post',
    path: `${base}/campaigns/{id}/shortlist`,
    tags,
    summary: 'Set the shortlist (top N or a threshold) and the star levels',
    request: { params: IdParam, ...json(ShortlistInput) },
    responses: { 200: jsonContent(CampaignSchema), ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/campaigns/{id}/{action}`,
    tags,
    summary: 'Move the phase: open_scoring, publicise (objection end date), publish (changes with reasons), cancel',
    request: { params: ActionParams, ...json(ActionInput) },
    responses: { 200: jsonContent(CampaignSchema), ...errorResponses },
  }),
  object: authRoute({
    method: 'post',
    path: `${base}/campaigns/{id}/objections`,
    tags,
    summary: '异议: a resident of the community, during the notice period',
    request: { params: IdParam, ...json(ObjectionInput) },
    responses: { 201: jsonContent(z.object({ id: z.string() })), ...errorResponses },
  }),
  answer: authRoute({
    method: 'post',
    path: `${base}/objections/{id}/answer`,
    tags,
    summary: 'Answer an objection (staff)',
    request: { params: IdParam, ...json(AnswerInput) },
    responses: { 200: jsonContent(z.object({ id: z.string(), answer: z.string() })), ...errorResponses },
  }),
  sheet: authRoute({
    method: 'get',
    path: `${base}/campaigns/{id}/results.xlsx`,
    tags,
    summary: 'The results as an Excel sheet (staff)',
    request: { params: IdParam },
    responses: {
      200: { description: 'Sheet', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
  stars: authRoute({
    method: 'get',
    path: `${base}/households/{code}`,
    tags,
    summary: 'The registry: a household’s star level and honours (staff in scope only)',
    request: { params: CodeParam },
    responses: { 200: jsonContent(HouseholdStarsSchema), ...errorResponses },
  }),
  publicHonours: createRoute({
    method: 'get',
    path: '/public/communities/{code}/honours',
    tags: ['public'],
    summary: 'Shortlists on notice and published honours of a community (no login; names masked)',
    request: { params: CommunityParam },
    responses: { 200: jsonContent(PublicHonoursSchema), ...errorResponses },
  }),
};

export function honoursRoutes(s: HonoursService) {
  return createRouter()
    .openapi(r.publicHonours, async (c) => c.json(await s.publicHonours(c.req.valid('param').code), 200))
    .openapi(r.list, async (c) => c.json({ items: await s.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.mine, async (c) => c.json({ items: await s.mine(actorOf(c)) }, 200))
    .openapi(r.create, async (c) => c.json(await s.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.get, async (c) => c.json(await s.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.update, async (c) =>
      c.json(await s.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.places, async (c) => c.json(await s.places(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.nominate, async (c) =>
      c.json(await s.nominate(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.reject, async (c) =>
      c.json(await s.reject(actorOf(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
    )
    .openapi(r.candidates, async (c) =>
      c.json({ items: await s.panelCandidates(actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(r.addPanel, async (c) =>
      c.json(await s.addPanelMember(actorOf(c), c.req.valid('param').id, c.req.valid('json').userId), 200),
    )
    .openapi(r.removePanel, async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await s.removePanelMember(actorOf(c), id, userId), 200);
    })
    .openapi(r.score, async (c) =>
      c.json(await s.score(actorOf(c), c.req.valid('param').id, c.req.valid('json').points), 200),
    )
    .openapi(r.shortlist, async (c) =>
      c.json(await s.shortlist(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.object, async (c) =>
      c.json(await s.object(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.answer, async (c) =>
      c.json(await s.answer(actorOf(c), c.req.valid('param').id, c.req.valid('json').answer), 200),
    )
    .openapi(r.sheet, async (c) => {
      const { campaign, rows } = await s.resultRows(actorOf(c), c.req.valid('param').id);
      const bytes = await resultsSheet(campaign, rows);
      const name = `${campaign.year}${campaign.title}-结果.xlsx`;
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    })
    .openapi(r.stars, async (c) => c.json(await s.householdStars(actorOf(c), c.req.valid('param').code), 200))
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await s.act(actorOf(c), id, action, c.req.valid('json')), 200);
    });
}
