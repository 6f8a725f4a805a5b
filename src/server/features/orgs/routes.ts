import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  InServiceInput,
  InServiceSchema,
  OrganisationInput,
  OrganisationKindInput,
  OrganisationKindSchema,
  OrganisationKindUpdate,
  OrganisationSchema,
  OrganisationsQuery,
  KindCodeParam,
  page,
  PartyMemberInput,
  PartyMemberSchema,
  PartyOrgIdParam,
  PartyOrgInput,
  PartyOrgKindInput,
  PartyOrgKindSchema,
  PartyOrgKindUpdate,
  PartyOrgSchema,
  PartyOrgUnitInput,
  RosterQuery,
  UnderQuery,
  VolunteerInput,
  VolunteerSchema,
  CandidateQuery,
  TeamQuery,
  VolunteerCandidateSchema,
  VolunteerTeamInput,
  VolunteerTeamSchema,
  VolunteerTeamUpdate,
} from './schemas.js';
import type { OrgsService } from './service.js';

const tags = ['orgs'];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const created = <T extends z.ZodType>(schema: T) => ({ 201: jsonContent(schema, 'Saved'), ...errorResponses });
const IdOut = z.object({ id: z.string() });
const ResidentOut = z.object({ residentId: z.string() });

const partyOrgs = authRoute({
  method: 'get',
  path: '/party-orgs',
  tags,
  summary: 'Party organisations (flat list with parentId, for a tree)',
  request: { query: UnderQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(PartyOrgSchema) })), ...errorResponses },
});
const createPartyOrg = authRoute({
  method: 'post',
  path: '/party-orgs',
  tags,
  summary: 'Create a party organisation',
  request: json(PartyOrgInput),
  responses: created(IdOut),
});
const partyMembers = authRoute({
  method: 'get',
  path: '/party-members',
  tags,
  summary: 'Party members (masked)',
  request: { query: RosterQuery },
  responses: { 200: jsonContent(page(PartyMemberSchema)), ...errorResponses },
});
const addPartyMember = authRoute({
  method: 'post',
  path: '/party-members',
  tags,
  summary: 'Record a resident as a party member',
  request: json(PartyMemberInput),
  responses: created(ResidentOut),
});
const volunteers = authRoute({
  method: 'get',
  path: '/volunteers',
  tags,
  summary: 'Registered volunteers with service hours',
  request: { query: RosterQuery },
  responses: { 200: jsonContent(page(VolunteerSchema)), ...errorResponses },
});
const addVolunteer = authRoute({
  method: 'post',
  path: '/volunteers',
  tags,
  summary: 'Register a resident as a volunteer',
  request: json(VolunteerInput),
  responses: created(ResidentOut),
});
const inService = authRoute({
  method: 'get',
  path: '/in-service-members',
  tags,
  summary: 'In-service party members registered here (双报到)',
  request: { query: RosterQuery },
  responses: { 200: jsonContent(page(InServiceSchema)), ...errorResponses },
});
const registerInService = authRoute({
  method: 'post',
  path: '/in-service-members',
  tags,
  summary: 'Register an in-service party member (双报到)',
  request: json(InServiceInput),
  responses: created(ResidentOut),
});
const organisations = authRoute({
  method: 'get',
  path: '/organisations',
  tags,
  summary: 'Property companies, co-building units, social organisations',
  request: { query: OrganisationsQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(OrganisationSchema) })), ...errorResponses },
});
const createOrganisation = authRoute({
  method: 'post',
  path: '/organisations',
  tags,
  summary: 'Add an organisation',
  request: json(OrganisationInput),
  responses: created(IdOut),
});

const addPartyOrgUnit = authRoute({
  method: 'post',
  path: '/party-orgs/{id}/units',
  tags,
  summary: 'Add a member unit (共建单位, organisation) to a joint party committee (大党委)',
  request: { params: PartyOrgIdParam, ...json(PartyOrgUnitInput) },
  responses: created(IdOut),
});
const CodeOut = z.object({ code: z.string() });
const partyOrgKinds = authRoute({
  method: 'get',
  path: '/party-org-kinds',
  tags,
  summary: 'The county’s party organisation kinds (where each sits, under which parent)',
  responses: { 200: jsonContent(z.object({ items: z.array(PartyOrgKindSchema) })), ...errorResponses },
});
const createPartyOrgKind = authRoute({
  method: 'post',
  path: '/party-org-kinds',
  tags,
  summary: 'Add a party organisation kind (lists:configure)',
  request: json(PartyOrgKindInput),
  responses: created(CodeOut),
});
const updatePartyOrgKind = authRoute({
  method: 'patch',
  path: '/party-org-kinds/{code}',
  tags,
  summary: 'Relabel, reorder, retire or bring back a party organisation kind (lists:configure)',
  request: { params: KindCodeParam, ...json(PartyOrgKindUpdate) },
  responses: { 200: jsonContent(CodeOut), ...errorResponses },
});
const organisationKinds = authRoute({
  method: 'get',
  path: '/organisation-kinds',
  tags,
  summary: 'The county’s organisation kinds',
  responses: { 200: jsonContent(z.object({ items: z.array(OrganisationKindSchema) })), ...errorResponses },
});
const createOrganisationKind = authRoute({
  method: 'post',
  path: '/organisation-kinds',
  tags,
  summary: 'Add an organisation kind (lists:configure)',
  request: json(OrganisationKindInput),
  responses: created(CodeOut),
});
const updateOrganisationKind = authRoute({
  method: 'patch',
  path: '/organisation-kinds/{code}',
  tags,
  summary: 'Relabel, reorder, retire or bring back an organisation kind (lists:configure)',
  request: { params: KindCodeParam, ...json(OrganisationKindUpdate) },
  responses: { 200: jsonContent(CodeOut), ...errorResponses },
});

function kindRoutes(service: OrgsService) {
  return createRouter()
    .openapi(partyOrgKinds, async (c) =>
      c.json({ items: await service.partyOrgKinds(actorOf(c), c.get('locale')) }, 200),
    )
    .openapi(createPartyOrgKind, async (c) =>
      c.json(await service.createPartyOrgKind(actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(updatePartyOrgKind, async (c) =>
      c.json(await service.updatePartyOrgKind(actorOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
    )
    .openapi(organisationKinds, async (c) =>
      c.json({ items: await service.organisationKinds(actorOf(c), c.get('locale')) }, 200),
    )
    .openapi(createOrganisationKind, async (c) =>
      c.json(await service.createOrganisationKind(actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(updateOrganisationKind, async (c) =>
      c.json(await service.updateOrganisationKind(actorOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
    );
}

const teams = authRoute({
  method: 'get',
  path: '/volunteer-teams',
  tags,
  summary: 'Volunteer teams (志愿服务队) in scope, or those a case at a place may be sent to',
  request: { query: TeamQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(VolunteerTeamSchema) })), ...errorResponses },
});
const teamCandidates = authRoute({
  method: 'get',
  path: '/volunteer-teams/candidates',
  tags,
  summary: 'Volunteer accounts of a community or street, who may lead or join a team there',
  request: { query: CandidateQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(VolunteerCandidateSchema) })), ...errorResponses },
});
const createTeam = authRoute({
  method: 'post',
  path: '/volunteer-teams',
  tags,
  summary: 'Set up a volunteer team of a community or street',
  request: json(VolunteerTeamInput),
  responses: created(IdOut),
});
const updateTeam = authRoute({
  method: 'put',
  path: '/volunteer-teams/{id}',
  tags,
  summary: 'Rename a volunteer team, change its leader and members',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    ...json(VolunteerTeamUpdate),
  },
  responses: { 200: jsonContent(IdOut), ...errorResponses },
});

export function orgsRoutes(service: OrgsService) {
  return createRouter()
    .route('/', kindRoutes(service))
    .openapi(partyOrgs, async (c) =>
      c.json({ items: await service.partyOrgs(actorOf(c), c.get('locale'), c.req.valid('query').under) }, 200),
    )
    .openapi(addPartyOrgUnit, async (c) =>
      c.json(
        await service.addPartyOrgUnit(actorOf(c), c.req.valid('param').id, c.req.valid('json').organisationId),
        201,
      ),
    )
    .openapi(createPartyOrg, async (c) => c.json(await service.createPartyOrg(actorOf(c), c.req.valid('json')), 201))
    .openapi(partyMembers, async (c) => c.json(await service.partyMembers(actorOf(c), c.req.valid('query')), 200))
    .openapi(addPartyMember, async (c) => c.json(await service.addPartyMember(actorOf(c), c.req.valid('json')), 201))
    .openapi(volunteers, async (c) => c.json(await service.volunteers(actorOf(c), c.req.valid('query')), 200))
    .openapi(addVolunteer, async (c) => c.json(await service.addVolunteer(actorOf(c), c.req.valid('json')), 201))
    .openapi(inService, async (c) => c.json(await service.inServiceMembers(actorOf(c), c.req.valid('query')), 200))
    .openapi(registerInService, async (c) =>
      c.json(await service.registerInService(actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(organisations, async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await service.organisations(actorOf(c), c.get('locale'), q.under, q.kind) }, 200);
    })
    .openapi(createOrganisation, async (c) =>
      c.json(await service.createOrganisation(actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(teams, async (c) => c.json({ items: await service.teams(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(teamCandidates, async (c) =>
      c.json({ items: await service.teamCandidates(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(createTeam, async (c) => c.json(await service.createTeam(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateTeam, async (c) =>
      c.json(await service.updateTeam(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
