import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import {
  AppointInput,
  ApplyInput,
  CandidateActionParams,
  CandidateInput,
  CodeParam,
  DecisionInput,
  EndTermInput,
  IdParam,
  IssueInput,
  IssueWhistleInput,
  LogInput,
  ProjectActionInput,
  ProjectActionParams,
  ProjectDetailSchema,
  ProjectInput,
  ProjectPatch,
  ProjectQuery,
  ProjectRowSchema,
  PublicSupervisionSchema,
  ResidentProjectSchema,
  SupervisorHomeSchema,
} from './schemas.js';
import type { SupervisorsService } from './service.js';

// 百姓监督员 over HTTP, under /decide/supervision/: the console's projects (community:read to read,
// deliberation:manage to change, scoped by the project's place), residents' call and application,
// the supervisor's home, logs and issues; and the community's public page under /public/.

const tags = ['decide-supervisors'];
const base = '/decide/supervision';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const done = z.object({
  id: z.string(),
  state: z.string(),
  caseId: z.string().optional(),
  trackingCode: z.string().optional(),
  whistleId: z.string().optional(),
});

const r = {
  list: authRoute({
    method: 'get',
    path: `${base}/projects`,
    tags,
    summary: 'Supervision projects in my scope',
    request: { query: ProjectQuery },
    responses: { 200: items(ProjectRowSchema), ...errorResponses },
  }),
  create: authRoute({
    method: 'post',
    path: `${base}/projects`,
    tags,
    summary: 'Create a project on a community, grid or building (opens its public call)',
    request: json(ProjectInput),
    responses: { 201: jsonContent(ProjectDetailSchema), ...errorResponses },
  }),
  detail: authRoute({
    method: 'get',
    path: `${base}/projects/{id}`,
    tags,
    summary: 'One project: candidates, election, supervisors, logs and issues',
    request: { params: IdParam },
    responses: { 200: jsonContent(ProjectDetailSchema), ...errorResponses },
  }),
  update: authRoute({
    method: 'patch',
    path: `${base}/projects/{id}`,
    tags,
    summary: 'Edit a project (seats only during the call)',
    request: { params: IdParam, ...json(ProjectPatch) },
    responses: { 200: jsonContent(ProjectDetailSchema), ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/projects/{id}/actions/{action}`,
    tags,
    summary: 'start_election (creates the vote), reopen_call, end (terms end), cancel',
    request: { params: ProjectActionParams, ...json(ProjectActionInput) },
    responses: { 200: jsonContent(ProjectDetailSchema), ...errorResponses },
  }),
  apply: authRoute({
    method: 'post',
    path: `${base}/projects/{id}/apply`,
    tags,
    summary: 'A resident of the place applies with a statement (竞选陈述)',
    request: { params: IdParam, ...json(ApplyInput) },
    responses: { 201: jsonContent(done), ...errorResponses },
  }),
  addCandidate: authRoute({
    method: 'post',
    path: `${base}/projects/{id}/candidates`,
    tags,
    summary: 'Staff add a candidate (a resident of the place, by phone)',
    request: { params: IdParam, ...json(CandidateInput) },
    responses: { 201: jsonContent(done), ...errorResponses },
  }),
  decide: authRoute({
    method: 'post',
    path: `${base}/candidates/{id}/{action}`,
    tags,
    summary: 'Accept or reject a candidate',
    request: { params: CandidateActionParams, ...json(DecisionInput) },
    responses: { 200: jsonContent(done), ...errorResponses },
  }),
  appoint: authRoute({
    method: 'post',
    path: `${base}/projects/{id}/appoint`,
    tags,
    summary: 'Appoint a supervisor directly (decided on paper; with the reason)',
    request: { params: IdParam, ...json(AppointInput) },
    responses: { 201: jsonContent(done), ...errorResponses },
  }),
  endTerm: authRoute({
    method: 'post',
    path: `${base}/terms/{id}/end`,
    tags,
    summary: 'End a supervisor term (the supervisor membership ends)',
    request: { params: IdParam, ...json(EndTermInput) },
    responses: { 200: jsonContent(done), ...errorResponses },
  }),
  home: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: "The supervisor's home: active terms, the projects' logs and my issues",
    responses: { 200: jsonContent(SupervisorHomeSchema), ...errorResponses },
  }),
  log: authRoute({
    method: 'post',
    path: `${base}/terms/{id}/logs`,
    tags,
    summary: 'Log an inspection (own photos only)',
    request: { params: IdParam, ...json(LogInput) },
    responses: { 201: jsonContent(done), ...errorResponses },
  }),
  issue: authRoute({
    method: 'post',
    path: `${base}/terms/{id}/issues`,
    tags,
    summary: 'Raise an issue (own photos only)',
    request: { params: IdParam, ...json(IssueInput) },
    responses: { 201: jsonContent(done), ...errorResponses },
  }),
  issueCase: authRoute({
    method: 'post',
    path: `${base}/issues/{id}/case`,
    tags,
    summary: 'The issue becomes a case (staff, or the supervisor who raised it)',
    request: { params: IdParam },
    responses: { 200: jsonContent(done), ...errorResponses },
  }),
  issueWhistle: authRoute({
    method: 'post',
    path: `${base}/issues/{id}/whistle`,
    tags,
    summary: 'Staff blow a whistle on the issue',
    request: { params: IdParam, ...json(IssueWhistleInput) },
    responses: { 201: jsonContent(done), ...errorResponses },
  }),
  residentList: authRoute({
    method: 'get',
    path: `${base}/residents/projects`,
    tags,
    summary: 'Projects over the places I live in (calls, elections, supervisors)',
    responses: { 200: items(ResidentProjectSchema), ...errorResponses },
  }),
  residentProject: authRoute({
    method: 'get',
    path: `${base}/residents/projects/{id}`,
    tags,
    summary: 'One project as a resident sees it (names masked)',
    request: { params: IdParam },
    responses: { 200: jsonContent(ResidentProjectSchema), ...errorResponses },
  }),
  public: createRoute({
    method: 'get',
    path: '/public/communities/{code}/supervision',
    tags,
    summary: "A community's supervision projects, masked supervisors and counts (no login)",
    request: { params: CodeParam },
    responses: { 200: jsonContent(PublicSupervisionSchema), ...errorResponses },
  }),
};

export function supervisorsRoutes(s: SupervisorsService) {
  return createRouter()
    .openapi(r.public, async (c) => c.json(await s.publicCommunity(c.req.valid('param').code), 200))
    .openapi(r.list, async (c) => {
      const { placeCode, state } = c.req.valid('query');
      return c.json({ items: await s.list(actorOf(c), placeCode, state) }, 200);
    })
    .openapi(r.create, async (c) => c.json(await s.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.home, async (c) => c.json(await s.home(actorOf(c)), 200))
    .openapi(r.residentList, async (c) => c.json(await s.residentProjects(actorOf(c)), 200))
    .openapi(r.residentProject, async (c) => c.json(await s.residentProject(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.detail, async (c) => c.json(await s.detail(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.update, async (c) =>
      c.json(await s.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await s.act(actorOf(c), id, action, c.req.valid('json')), 200);
    })
    .openapi(r.apply, async (c) =>
      c.json(await s.apply(actorOf(c), c.req.valid('param').id, c.req.valid('json').statement), 201),
    )
    .openapi(r.addCandidate, async (c) =>
      c.json(await s.addCandidate(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.decide, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await s.decideCandidate(actorOf(c), id, action, c.req.valid('json').note), 200);
    })
    .openapi(r.appoint, async (c) =>
      c.json(await s.appoint(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.endTerm, async (c) =>
      c.json(await s.endTerm(actorOf(c), c.req.valid('param').id, c.req.valid('json').note), 200),
    )
    .openapi(r.log, async (c) => c.json(await s.addLog(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(r.issue, async (c) =>
      c.json(await s.raiseIssue(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.issueCase, async (c) => c.json(await s.issueToCase(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.issueWhistle, async (c) =>
      c.json(await s.issueToWhistle(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
}
