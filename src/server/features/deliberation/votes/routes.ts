import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import {
  ActionParams,
  BallotInput,
  CancelInput,
  CheckSchema,
  CommunityParam,
  IdParam,
  ListQuery,
  MyVoteSchema,
  PaperInput,
  PublicVotesSchema,
  ReceiptInput,
  ReceiptSchema,
  RollQuery,
  RollSchema,
  VoteDetailSchema,
  VoteInput,
  VoteRowSchema,
} from './schemas.js';
import type { VotesService } from './service.js';

// 表决 over HTTP: the console under /deliberation/votes (deliberation:manage over the vote's place),
// the resident's phone under /me/votes, and the public list of a community's votes (no login).

const tags = ['deliberation-votes'];
const base = '/deliberation/votes';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const r = {
  list: authRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'Votes in my scope (turnout, never counts before close)',
    request: { query: ListQuery },
    responses: { 200: items(VoteRowSchema), ...errorResponses },
  }),
  create: authRoute({
    method: 'post',
    path: base,
    tags,
    summary: 'Draft a stand-alone vote over a community, grid or building',
    request: json(VoteInput),
    responses: { 201: jsonContent(z.object({ id: z.string(), state: z.string() })), ...errorResponses },
  }),
  detail: authRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One vote; `result` is null until it closes',
    request: { params: IdParam },
    responses: { 200: jsonContent(VoteDetailSchema), ...errorResponses },
  }),
  edit: authRoute({
    method: 'put',
    path: `${base}/{id}`,
    tags,
    summary: 'Edit a draft stand-alone vote',
    request: { params: IdParam, ...json(VoteInput) },
    responses: { 200: jsonContent(VoteDetailSchema), ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/{id}/{action}`,
    tags,
    summary: 'Open (the roll is frozen) or close (counted, result frozen) a vote',
    request: { params: ActionParams },
    responses: { 200: jsonContent(VoteDetailSchema), ...errorResponses },
  }),
  cancel: authRoute({
    method: 'post',
    path: `${base}/{id}/cancel`,
    tags,
    summary: 'Cancel a draft or open vote, with a reason; ballots stay uncounted',
    request: { params: IdParam, ...json(CancelInput) },
    responses: { 200: jsonContent(VoteDetailSchema), ...errorResponses },
  }),
  roll: authRoute({
    method: 'get',
    path: `${base}/{id}/roll`,
    tags,
    summary: 'The roll with turnout: who voted (masked) and by which channel, never what',
    request: { params: IdParam, query: RollQuery },
    responses: { 200: jsonContent(RollSchema), ...errorResponses },
  }),
  paper: authRoute({
    method: 'post',
    path: `${base}/{id}/paper-ballots`,
    tags,
    summary: 'Record the paper ballot of an elector of the roll',
    request: { params: IdParam, ...json(PaperInput) },
    responses: { 201: jsonContent(ReceiptSchema), ...errorResponses },
  }),
  sheet: authRoute({
    method: 'get',
    path: `${base}/{id}/results.xlsx`,
    tags,
    summary: 'The results of a closed vote as a workbook',
    request: { params: IdParam },
    responses: {
      200: { description: 'Workbook', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
  mine: authRoute({
    method: 'get',
    path: '/me/votes',
    tags,
    summary: '我的表决: votes whose roll holds me or my household, with my status',
    responses: { 200: items(MyVoteSchema), ...errorResponses },
  }),
  myVote: authRoute({
    method: 'get',
    path: '/me/votes/{id}',
    tags,
    summary: 'A vote I am on the roll of',
    request: { params: IdParam },
    responses: { 200: jsonContent(MyVoteSchema), ...errorResponses },
  }),
  cast: authRoute({
    method: 'post',
    path: '/me/votes/{id}/ballots',
    tags,
    summary: 'Cast my one ballot; the receipt is returned this once',
    request: { params: IdParam, ...json(BallotInput) },
    responses: { 201: jsonContent(ReceiptSchema), ...errorResponses },
  }),
  check: authRoute({
    method: 'post',
    path: '/me/votes/{id}/receipt-check',
    tags,
    summary: 'Was the ballot with this receipt counted (a secret vote never shows the marks)',
    request: { params: IdParam, ...json(ReceiptInput) },
    responses: { 200: jsonContent(CheckSchema), ...errorResponses },
  }),
  publicList: createRoute({
    method: 'get',
    path: '/public/communities/{code}/votes',
    tags: ['public'],
    summary: 'A community’s open votes (turnout so far) and recently closed votes with their results',
    request: { params: CommunityParam },
    responses: { 200: jsonContent(PublicVotesSchema), ...errorResponses },
  }),
};

export function votesRoutes(votes: VotesService) {
  return createRouter()
    .openapi(r.list, async (c) => c.json({ items: await votes.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.create, async (c) => c.json(await votes.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.mine, async (c) => c.json({ items: await votes.mine(actorOf(c)) }, 200))
    .openapi(r.myVote, async (c) => c.json(await votes.myVote(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.cast, async (c) =>
      c.json(await votes.cast(actorOf(c), c.req.valid('param').id, c.req.valid('json').optionIds), 201),
    )
    .openapi(r.check, async (c) =>
      c.json(await votes.check(actorOf(c), c.req.valid('param').id, c.req.valid('json').receipt), 200),
    )
    .openapi(r.publicList, async (c) => c.json(await votes.publicList(c.req.valid('param').code), 200))
    .openapi(r.sheet, async (c) => {
      const { bytes, filename } = await votes.resultsSheet(actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      });
    })
    .openapi(r.roll, async (c) =>
      c.json(await votes.roll(actorOf(c), c.req.valid('param').id, c.req.valid('query').q), 200),
    )
    .openapi(r.paper, async (c) =>
      c.json(await votes.paper(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.cancel, async (c) =>
      c.json(await votes.cancel(actorOf(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
    )
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await votes.act(actorOf(c), id, action), 200);
    })
    .openapi(r.detail, async (c) => c.json(await votes.detail(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.edit, async (c) =>
      c.json(await votes.edit(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
