import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import {
  AssignInput,
  AssistCandidateSchema,
  AssistPeoplePageSchema,
  AssistPersonDetailSchema,
  AssistPersonSchema,
  AssistTeamSchema,
  AssistVisitPageSchema,
  AssistVisitSchema,
  CandidateQuery,
  PeopleQuery,
  PersonId,
  SettingsSchema,
  TeamId,
  TeamInput,
  TeamQuery,
  TeamUpdate,
  VisitInput,
  VisitQuery,
} from './schemas.js';
import type { AssistanceService } from './service.js';

// 救助顾问: HTTP only. Every route under /services/assistance.

const tags = ['services-assistance'];
const base = '/services/assistance';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const people = authRoute({
  method: 'get',
  path: `${base}/people`,
  tags,
  summary: 'People in hardship in scope, with their team, lead adviser and last contact (longest first)',
  request: { query: PeopleQuery },
  responses: { 200: jsonContent(AssistPeoplePageSchema), ...errorResponses },
});
const mine = authRoute({
  method: 'get',
  path: `${base}/mine`,
  tags,
  summary: 'The people in the care of the teams I lead or belong to (the adviser’s phone)',
  responses: {
    200: jsonContent(z.object({ items: z.array(AssistPersonSchema), overdueDays: z.number() })),
    ...errorResponses,
  },
});
const person = authRoute({
  method: 'get',
  path: `${base}/people/{id}`,
  tags,
  summary: 'One person in hardship with their visits',
  request: { params: PersonId },
  responses: { 200: jsonContent(AssistPersonDetailSchema), ...errorResponses },
});
const assign = authRoute({
  method: 'put',
  path: `${base}/people/{id}/assignment`,
  tags,
  summary: 'Put a person in the care of a team of their community, with a lead adviser (null: off the team)',
  request: { params: PersonId, ...json(AssignInput) },
  responses: {
    200: jsonContent(z.object({ id: z.string(), teamId: z.string().nullable(), leadUserId: z.string().nullable() })),
    ...errorResponses,
  },
});
const teams = authRoute({
  method: 'get',
  path: `${base}/teams`,
  tags,
  summary: 'Adviser teams (救助顾问服务团) in scope',
  request: { query: TeamQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(AssistTeamSchema) })), ...errorResponses },
});
const candidates = authRoute({
  method: 'get',
  path: `${base}/team-candidates`,
  tags,
  summary: 'Staff accounts of a community (or above it) who may serve on its teams',
  request: { query: CandidateQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(AssistCandidateSchema) })), ...errorResponses },
});
const createTeam = authRoute({
  method: 'post',
  path: `${base}/teams`,
  tags,
  summary: 'Form a team of a community',
  request: json(TeamInput),
  responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...errorResponses },
});
const updateTeam = authRoute({
  method: 'put',
  path: `${base}/teams/{id}`,
  tags,
  summary: 'Replace a team’s name, phone, leader and members (the whole team is sent)',
  request: { params: TeamId, ...json(TeamUpdate) },
  responses: { 200: jsonContent(z.object({ id: z.string() })), ...errorResponses },
});
const visits = authRoute({
  method: 'get',
  path: `${base}/visits`,
  tags,
  summary: 'The visit log in scope',
  request: { query: VisitQuery },
  responses: { 200: jsonContent(AssistVisitPageSchema), ...errorResponses },
});
const logVisit = authRoute({
  method: 'post',
  path: `${base}/visits`,
  tags,
  summary: 'Log a contact with the help given; the same id again answers the stored visit',
  request: json(VisitInput),
  responses: {
    200: jsonContent(AssistVisitSchema, 'Already stored'),
    201: jsonContent(AssistVisitSchema, 'Logged'),
    ...errorResponses,
  },
});
const settings = authRoute({
  method: 'get',
  path: `${base}/settings`,
  tags,
  summary: 'Days without contact after which a person is overdue (the county’s)',
  responses: { 200: jsonContent(SettingsSchema), ...errorResponses },
});
const saveSettings = authRoute({
  method: 'put',
  path: `${base}/settings`,
  tags,
  summary: 'Set the county’s reminder period (county administrators)',
  request: json(SettingsSchema),
  responses: { 200: jsonContent(SettingsSchema), ...errorResponses },
});

export function assistanceRoutes(service: AssistanceService) {
  return createRouter()
    .openapi(people, async (c) => c.json(await service.people(actorOf(c), c.req.valid('query'), c.get('locale')), 200))
    .openapi(mine, async (c) => c.json(await service.mine(actorOf(c), c.get('locale')), 200))
    .openapi(person, async (c) =>
      c.json(await service.person(actorOf(c), c.req.valid('param').id, c.get('locale')), 200),
    )
    .openapi(assign, async (c) =>
      c.json(await service.assign(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(teams, async (c) => c.json({ items: await service.teams(actorOf(c), c.req.valid('query').under) }, 200))
    .openapi(candidates, async (c) =>
      c.json({ items: await service.candidates(actorOf(c), c.req.valid('query').communityCode) }, 200),
    )
    .openapi(createTeam, async (c) => c.json(await service.createTeam(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateTeam, async (c) =>
      c.json(await service.updateTeam(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(visits, async (c) => c.json(await service.visits(actorOf(c), c.req.valid('query')), 200))
    .openapi(logVisit, async (c) => {
      const { visit, created } = await service.logVisit(actorOf(c), c.req.valid('json'));
      return created ? c.json(visit, 201) : c.json(visit, 200);
    })
    .openapi(settings, async (c) => c.json(await service.settings(actorOf(c)), 200))
    .openapi(saveSettings, async (c) =>
      c.json(await service.saveSettings(actorOf(c), c.req.valid('json').overdueDays), 200),
    );
}
