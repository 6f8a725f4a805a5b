import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import {
  AgreementActionInput,
  AgreementActionParams,
  AgreementInput,
  BuildingSchema,
  CandidateSchema,
  EntryActionInput,
  EntryActionParams,
  EntryInput,
  EntrySchema,
  IdParam,
  LiaisonInput,
  LiaisonParams,
  NumbersRowSchema,
  PendingEntrySchema,
  PlaceQuery,
  RankingRowSchema,
  ServiceInput,
  UnitDetailSchema,
  UnitInput,
  UnitPatch,
  UnitSchema,
  UnitsQuery,
  UnitYearQuery,
  YearQuery,
} from './schemas.js';
import type { UnitsService } from './service.js';
import { rankingSheet } from './sheet.js';

// 共驻共建 · 一书四单 over HTTP: the community's staff (community:read / community:manage, scoped by
// the unit's place) and the unit's liaison (units:liaise and a liaison row) under /community/units.

const tags = ['community-units'];
const base = '/community/units';
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
    summary: 'Units (co-building units by default; or property companies, owners’ committees) in my scope',
    request: { query: UnitsQuery },
    responses: { 200: items(UnitSchema), ...errorResponses },
  }),
  register: authRoute({
    method: 'post',
    path: base,
    tags,
    summary: 'Register a unit with a community',
    request: json(UnitInput),
    responses: { 201: jsonContent(UnitSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: 'The liaison’s units: this year’s agreement, the four lists, points and rank',
    request: { query: UnitYearQuery },
    responses: { 200: items(UnitDetailSchema), ...errorResponses },
  }),
  ranking: authRoute({
    method: 'get',
    path: `${base}/ranking`,
    tags,
    summary: 'Yearly ranking of the co-building units in scope',
    request: { query: YearQuery },
    responses: {
      200: jsonContent(
        z.object({ year: z.number().int(), placeName: z.string().nullable(), items: z.array(RankingRowSchema) }),
      ),
      ...errorResponses,
    },
  }),
  rankingSheet: authRoute({
    method: 'get',
    path: `${base}/ranking.xlsx`,
    tags,
    summary: 'The ranking as an Excel sheet',
    request: { query: YearQuery },
    responses: {
      200: { description: 'Sheet', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
  numbers: authRoute({
    method: 'get',
    path: `${base}/numbers`,
    tags,
    summary: 'The year’s counts per community in scope: units, agreements, entries, confirmed, points',
    request: { query: YearQuery },
    responses: {
      200: jsonContent(z.object({ year: z.number().int(), items: z.array(NumbersRowSchema) })),
      ...errorResponses,
    },
  }),
  pending: authRoute({
    method: 'get',
    path: `${base}/entries/pending`,
    tags,
    summary: 'Entries submitted by units, waiting for the community',
    request: { query: PlaceQuery.partial() },
    responses: { 200: items(PendingEntrySchema), ...errorResponses },
  }),
  buildings: authRoute({
    method: 'get',
    path: `${base}/buildings`,
    tags,
    summary: 'The buildings of a community (for the buildings a property company serves)',
    request: { query: PlaceQuery },
    responses: { 200: items(BuildingSchema), ...errorResponses },
  }),
  get: authRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One unit with its agreements and lists',
    request: { params: IdParam, query: UnitYearQuery },
    responses: { 200: jsonContent(UnitDetailSchema), ...errorResponses },
  }),
  update: authRoute({
    method: 'patch',
    path: `${base}/{id}`,
    tags,
    summary: 'Change a unit’s name or contact',
    request: { params: IdParam, ...json(UnitPatch) },
    responses: { 200: jsonContent(UnitSchema), ...errorResponses },
  }),
  candidates: authRoute({
    method: 'get',
    path: `${base}/{id}/liaison-candidates`,
    tags,
    summary: 'Users holding the unit liaison role at the unit’s community',
    request: { params: IdParam },
    responses: { 200: items(CandidateSchema), ...errorResponses },
  }),
  addLiaison: authRoute({
    method: 'post',
    path: `${base}/{id}/liaisons`,
    tags,
    summary: 'Link a liaison to the unit',
    request: { params: IdParam, ...json(LiaisonInput) },
    responses: { 200: jsonContent(UnitDetailSchema), ...errorResponses },
  }),
  removeLiaison: authRoute({
    method: 'delete',
    path: `${base}/{id}/liaisons/{userId}`,
    tags,
    summary: 'Unlink a liaison',
    request: { params: LiaisonParams },
    responses: { 200: jsonContent(UnitDetailSchema), ...errorResponses },
  }),
  setService: authRoute({
    method: 'put',
    path: `${base}/{id}/service`,
    tags,
    summary: '物业与业委会: the term and the buildings served',
    request: { params: IdParam, ...json(ServiceInput) },
    responses: { 200: jsonContent(UnitSchema), ...errorResponses },
  }),
  createAgreement: authRoute({
    method: 'post',
    path: `${base}/{id}/agreements`,
    tags,
    summary: '共驻共建协议书 for a year (signed when signedOn is given)',
    request: { params: IdParam, ...json(AgreementInput) },
    responses: { 201: jsonContent(UnitDetailSchema), ...errorResponses },
  }),
  agreementAction: authRoute({
    method: 'post',
    path: `${base}/agreements/{id}/{action}`,
    tags,
    summary: 'Sign or end an agreement',
    request: { params: AgreementActionParams, ...json(AgreementActionInput) },
    responses: { 200: jsonContent(UnitDetailSchema), ...errorResponses },
  }),
  addEntry: authRoute({
    method: 'post',
    path: `${base}/agreements/{id}/entries`,
    tags,
    summary: 'Add an entry to one of the four lists',
    request: { params: IdParam, ...json(EntryInput) },
    responses: { 201: jsonContent(EntrySchema), ...errorResponses },
  }),
  entry: authRoute({
    method: 'get',
    path: `${base}/entries/{id}`,
    tags,
    summary: 'One entry',
    request: { params: IdParam },
    responses: { 200: jsonContent(EntrySchema), ...errorResponses },
  }),
  entryAction: authRoute({
    method: 'post',
    path: `${base}/entries/{id}/{action}`,
    tags,
    summary: 'submit (liaison, with note/proof), confirm (points to the unit) or return (with reason)',
    request: { params: EntryActionParams, ...json(EntryActionInput) },
    responses: { 200: jsonContent(EntrySchema), ...errorResponses },
  }),
};

// Fixed paths come before the {id} and {action} ones they would otherwise match.
export function unitsRoutes(units: UnitsService) {
  return createRouter()
    .openapi(r.list, async (c) => c.json({ items: await units.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.register, async (c) => c.json(await units.register(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.mine, async (c) => c.json({ items: await units.mine(actorOf(c), c.req.valid('query').year) }, 200))
    .openapi(r.ranking, async (c) => c.json(await units.ranking(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.rankingSheet, async (c) => {
      const bytes = await rankingSheet(await units.ranking(actorOf(c), c.req.valid('query')));
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('共建单位排行.xlsx')}`,
      });
    })
    .openapi(r.numbers, async (c) => c.json(await units.numbers(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.pending, async (c) =>
      c.json({ items: await units.pending(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.buildings, async (c) =>
      c.json({ items: await units.buildings(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.get, async (c) =>
      c.json(await units.get(actorOf(c), c.req.valid('param').id, c.req.valid('query').year ?? null), 200),
    )
    .openapi(r.update, async (c) =>
      c.json(await units.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.candidates, async (c) =>
      c.json({ items: await units.candidates(actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(r.addLiaison, async (c) =>
      c.json(await units.addLiaison(actorOf(c), c.req.valid('param').id, c.req.valid('json').userId), 200),
    )
    .openapi(r.removeLiaison, async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await units.removeLiaison(actorOf(c), id, userId), 200);
    })
    .openapi(r.setService, async (c) =>
      c.json(await units.setService(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.createAgreement, async (c) =>
      c.json(await units.createAgreement(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.addEntry, async (c) =>
      c.json(await units.addEntry(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.agreementAction, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await units.agreementAction(actorOf(c), id, action, c.req.valid('json').signedOn), 200);
    })
    .openapi(r.entry, async (c) => c.json(await units.entry(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.entryAction, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await units.entryAction(actorOf(c), id, action, c.req.valid('json')), 200);
    });
}
