import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { DutyService } from './duty.js';
import {
  BallotInput,
  BuildingDetailSchema,
  BuildingParam,
  BuildingRowSchema,
  CastSchema,
  ChecklistSchema,
  CommendationInput,
  CommendationSchema,
  CommendationsSchema,
  DecisionInput,
  EvaluationInput,
  EvaluationSchema,
  HomeSchema,
  IdParam,
  NominationActionParams,
  NominationInput,
  NumbersSchema,
  OpinionInput,
  OpinionQuery,
  OpinionSchema,
  PlaceQuery,
  ResidentViewSchema,
  RetireInput,
  TermMonthParams,
  TermSchema,
  TickInput,
  VoteActionParams,
  VoteInput,
  VoteSchema,
  YearQuery,
} from './schemas.js';
import type { StewardsService } from './service.js';

// 楼门管家 over HTTP, under /community/stewards/: the console's buildings, selection and evaluation
// (community:read / community:manage, scoped by the building), the resident's nominations and ballot,
// and the steward's own home, checklist and opinions.

const tags = ['community-stewards'];
const base = '/community/stewards';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const created = z.object({ id: z.string(), state: z.string(), kind: z.string().optional() });

const r = {
  buildings: authRoute({
    method: 'get',
    path: `${base}/buildings`,
    tags,
    summary: 'Buildings in my scope with their current steward, standing nominations and open vote',
    request: { query: PlaceQuery },
    responses: { 200: items(BuildingRowSchema), ...errorResponses },
  }),
  building: authRoute({
    method: 'get',
    path: `${base}/buildings/{code}`,
    tags,
    summary: 'One building: current steward, history of terms, nominations, votes, evaluations',
    request: { params: BuildingParam },
    responses: { 200: jsonContent(BuildingDetailSchema), ...errorResponses },
  }),
  nominate: authRoute({
    method: 'post',
    path: `${base}/buildings/{code}/nominations`,
    tags,
    summary: '提名: the community names someone; a resident of the building names themself or a neighbour (by phone)',
    request: { params: BuildingParam, ...json(NominationInput) },
    responses: { 201: jsonContent(created), ...errorResponses },
  }),
  nominationAction: authRoute({
    method: 'post',
    path: `${base}/nominations/{id}/{action}`,
    tags,
    summary: 'Appoint (the community: term and steward membership), reject, or withdraw a nomination',
    request: { params: NominationActionParams, ...json(DecisionInput) },
    responses: {
      200: jsonContent(z.object({ id: z.string(), state: z.string(), termId: z.string().nullable() })),
      ...errorResponses,
    },
  }),
  openVote: authRoute({
    method: 'post',
    path: `${base}/buildings/{code}/votes`,
    tags,
    summary:
      '楼栋投票: open a secret vote of the vote kernel over the building’s standing nominations (at least two); the roll is frozen now (the building’s adult registry residents); without closesOn it runs 30 days, closing at the end of closesOn (China time)',
    request: { params: BuildingParam, ...json(VoteInput) },
    responses: { 201: jsonContent(created), ...errorResponses },
  }),
  vote: authRoute({
    method: 'get',
    path: `${base}/votes/{id}`,
    tags,
    summary:
      'A vote: staff see full names, a resident of the building masked names; counts only once closed; a voter sees that they voted, never what (secret vote)',
    request: { params: IdParam },
    responses: { 200: jsonContent(VoteSchema), ...errorResponses },
  }),
  cast: authRoute({
    method: 'post',
    path: `${base}/votes/{id}/ballots`,
    tags,
    summary:
      'Cast my one secret ballot (an elector on the roll) through the vote kernel, as on 我的表决 (/me/votes/{id}/ballots): one ballot per elector whichever way; a second gets STEWARD_ALREADY_VOTED. The receipt is returned this once',
    request: { params: IdParam, ...json(BallotInput) },
    responses: { 201: jsonContent(CastSchema), ...errorResponses },
  }),
  voteAction: authRoute({
    method: 'post',
    path: `${base}/votes/{id}/{action}`,
    tags,
    summary:
      'Close (the kernel counts; the one winner is appointed; a tie or no ballot refuses with STEWARD_VOTE_TIE and the vote stays open) or cancel a vote (the candidates stand again)',
    request: { params: VoteActionParams },
    responses: {
      200: jsonContent(
        z.object({
          id: z.string(),
          state: z.string(),
          winnerNominationId: z.string().nullable(),
          termId: z.string().nullable(),
        }),
      ),
      ...errorResponses,
    },
  }),
  retire: authRoute({
    method: 'post',
    path: `${base}/terms/{id}/retire`,
    tags,
    summary: 'Retire a steward (reason); the steward membership ends',
    request: { params: IdParam, ...json(RetireInput) },
    responses: { 200: jsonContent(TermSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: 'A resident’s buildings: the steward, my nominations, an open vote',
    responses: { 200: jsonContent(ResidentViewSchema), ...errorResponses },
  }),
  home: authRoute({
    method: 'get',
    path: `${base}/me`,
    tags,
    summary: 'The steward’s home: building, households, open cases, this month’s checklist, opinions',
    responses: { 200: jsonContent(HomeSchema), ...errorResponses },
  }),
  checklist: authRoute({
    method: 'get',
    path: `${base}/terms/{id}/checklists/{month}`,
    tags,
    summary: 'A month’s checklist of a term',
    request: { params: TermMonthParams },
    responses: { 200: jsonContent(ChecklistSchema), ...errorResponses },
  }),
  tick: authRoute({
    method: 'post',
    path: `${base}/terms/{id}/checklists/{month}/ticks`,
    tags,
    summary: 'Tick one of the six roles for the month (the sixth completes it: steward_duty points)',
    request: { params: TermMonthParams, ...json(TickInput) },
    responses: { 200: jsonContent(ChecklistSchema), ...errorResponses },
  }),
  collect: authRoute({
    method: 'post',
    path: `${base}/terms/{id}/opinions`,
    tags,
    summary: '民意: an opinion heard in the building',
    request: { params: IdParam, ...json(OpinionInput) },
    responses: { 201: jsonContent(OpinionSchema), ...errorResponses },
  }),
  fileOpinion: authRoute({
    method: 'post',
    path: `${base}/opinions/{id}/file`,
    tags,
    summary: 'Make the opinion a case (one tap; opinion_collected points)',
    request: { params: IdParam },
    responses: { 200: jsonContent(OpinionSchema), ...errorResponses },
  }),
  opinions: authRoute({
    method: 'get',
    path: `${base}/opinions`,
    tags,
    summary: 'Opinions collected in my scope',
    request: { query: OpinionQuery },
    responses: { 200: items(OpinionSchema), ...errorResponses },
  }),
  evaluate: authRoute({
    method: 'put',
    path: `${base}/terms/{id}/evaluations/{month}`,
    tags,
    summary: '月度考评: grade a term’s month',
    request: { params: TermMonthParams, ...json(EvaluationInput) },
    responses: { 200: jsonContent(EvaluationSchema), ...errorResponses },
  }),
  commendations: authRoute({
    method: 'get',
    path: `${base}/commendations`,
    tags,
    summary: 'The year’s commendation lists and the rankings they are chosen from',
    request: { query: YearQuery },
    responses: { 200: jsonContent(CommendationsSchema), ...errorResponses },
  }),
  commend: authRoute({
    method: 'post',
    path: `${base}/commendations`,
    tags,
    summary: 'Commend a steward (steward_commended points) or a building for a year',
    request: json(CommendationInput),
    responses: { 201: jsonContent(CommendationSchema), ...errorResponses },
  }),
  numbers: authRoute({
    method: 'get',
    path: `${base}/numbers`,
    tags,
    summary: 'The year’s counts per community in scope',
    request: { query: YearQuery },
    responses: { 200: jsonContent(NumbersSchema), ...errorResponses },
  }),
};

export function stewardsRoutes(stewards: StewardsService, duty: DutyService) {
  return createRouter()
    .openapi(r.buildings, async (c) =>
      c.json({ items: await stewards.buildings(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.building, async (c) => c.json(await stewards.building(actorOf(c), c.req.valid('param').code), 200))
    .openapi(r.nominate, async (c) =>
      c.json(await stewards.nominate(actorOf(c), c.req.valid('param').code, c.req.valid('json')), 201),
    )
    .openapi(r.nominationAction, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await stewards.actOnNomination(actorOf(c), id, action, c.req.valid('json').note), 200);
    })
    .openapi(r.openVote, async (c) =>
      c.json(await stewards.openVote(actorOf(c), c.req.valid('param').code, c.req.valid('json')), 201),
    )
    .openapi(r.vote, async (c) => c.json(await stewards.vote(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.cast, async (c) =>
      c.json(await stewards.cast(actorOf(c), c.req.valid('param').id, c.req.valid('json').nominationId), 201),
    )
    .openapi(r.voteAction, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await stewards.actOnVote(actorOf(c), id, action), 200);
    })
    .openapi(r.retire, async (c) =>
      c.json(await stewards.retire(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.mine, async (c) => c.json(await stewards.residentView(actorOf(c)), 200))
    .openapi(r.home, async (c) => c.json(await duty.home(actorOf(c)), 200))
    .openapi(r.checklist, async (c) => {
      const { id, month } = c.req.valid('param');
      return c.json(await duty.checklist(actorOf(c), id, month), 200);
    })
    .openapi(r.tick, async (c) => {
      const { id, month } = c.req.valid('param');
      return c.json(await duty.tick(actorOf(c), id, month, c.req.valid('json')), 200);
    })
    .openapi(r.collect, async (c) =>
      c.json(await duty.collectOpinion(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.fileOpinion, async (c) => c.json(await duty.fileOpinion(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.opinions, async (c) => {
      const { placeCode, month } = c.req.valid('query');
      return c.json({ items: await duty.opinions(actorOf(c), placeCode, month) }, 200);
    })
    .openapi(r.evaluate, async (c) => {
      const { id, month } = c.req.valid('param');
      return c.json(await duty.evaluate(actorOf(c), id, month, c.req.valid('json')), 200);
    })
    .openapi(r.commendations, async (c) => {
      const { year, placeCode } = c.req.valid('query');
      return c.json(await duty.commendations(actorOf(c), year, placeCode), 200);
    })
    .openapi(r.commend, async (c) => c.json(await duty.commend(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.numbers, async (c) => {
      const { year, placeCode } = c.req.valid('query');
      return c.json(await duty.numbers(actorOf(c), year, placeCode), 200);
    });
}
