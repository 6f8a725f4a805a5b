import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { multipart, tinyPng } from '../support/files.js';

// Every answer is what its route's response schema says (the OpenAPI document and the web's types
// are inferred from those schemas): the body parses, and parsing drops nothing, so no field goes
// out that the schema does not name. The calls walk a case from intake to its result, blow a whistle
// on it, record and mediate a dispute, and read the lists of places, people, gridwork, organisations,
// duties, statistics and files around it.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;

interface RouteDefinition {
  method: string;
  path: string;
  responses: Record<string, { content?: Record<string, { schema: z.ZodType }> }>;
}
let routes: RouteDefinition[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  // the registry's own type does not name the route's zod schemas; read it as what it holds
  const definitions = ctx.app.openAPIRegistry.definitions as unknown as { type: string; route?: RouteDefinition }[];
  routes = definitions.flatMap((d) => (d.type === 'route' && d.route ? [d.route] : []));
});
afterAll(() => ctx.close());

/** The route an URL is answered by: its method, and its path with {params} matching one segment each. */
function routeOf(method: string, url: string): RouteDefinition {
  const path = url.split('?')[0];
  const found = routes.find(
    (r) =>
      r.method.toUpperCase() === method &&
      new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(path),
  );
  if (!found) throw new Error(`no route for ${method} ${path}`);
  return found;
}

/** Keys in `sent` that `parsed` lacks: what the schema does not describe. */
function dropped(sent: unknown, parsed: unknown, at = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((v, i) => dropped(v, parsed[i], `${at}[${i}]`));
  if (sent && typeof sent === 'object' && parsed && typeof parsed === 'object')
    return Object.entries(sent).flatMap(([k, v]) =>
      k in parsed ? dropped(v, (parsed as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`],
    );
  return [];
}

const checked: string[] = [];
/** Calls the API and checks the answer against the route's schema for its status. */
async function call(session: Session, method: string, url: string, body?: unknown) {
  const res = await session.request(method, `/api/v1${url}`, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.status === 204) return res;
  const route = routeOf(method, `/api/v1${url}`);
  const schema = route.responses[String(res.status)]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${route.path} ${res.status} has a JSON schema`).toBeDefined();
  const parsed = schema!.safeParse(res.body);
  expect(parsed.error?.issues ?? [], `${method} ${route.path}: body fits its schema`).toEqual([]);
  expect(dropped(res.body, parsed.data), `${method} ${route.path}: fields the schema does not name`).toEqual([]);
  checked.push(`${method} ${route.path}`);
  return res;
}

describe(`answers match their response schemas (${testEngine})`, () => {
  it('a case from intake to its result, and the lists around it', async () => {
    const admin = await new Session(ctx).login('admin');
    const worker = await new Session(ctx).login('worker1');
    const grid = await new Session(ctx).login('gridA');
    await givePhone(ctx.deps, 'worker1', '13800000001');
    await putOnDuty(ctx.deps, 'worker1', world.c1.code);

    await call(new Session(ctx), 'GET', '/public/config');
    await call(new Session(ctx), 'GET', '/public/base-map');
    await call(worker, 'GET', '/me');
    const photo = await call(
      worker,
      'POST',
      '/files',
      multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } }),
    );

    // 诉求: intake, the inbox, one case, its actions, the resident's tracking page and rating
    await call(new Session(ctx), 'GET', `/public/communities/${world.c1.code}`);
    const created = await call(worker, 'POST', '/cases', {
      channel: 'hotline',
      placeCode: world.c1.code,
      description: '楼道的灯坏了好几天了',
      reporterName: '陈阿姨',
      reporterPhone: '13900000001',
      photoIds: [photo.body.id],
    });
    const id = created.body.id as string;
    await call(worker, 'GET', '/cases?state=all');
    await call(worker, 'GET', `/cases/${id}`);
    await call(worker, 'GET', `/cases/${id}/duplicates`);
    await call(worker, 'GET', '/case-categories');
    await call(worker, 'POST', `/cases/${id}/actions/accept`, {});
    await call(worker, 'POST', `/cases/${id}/actions/resolve`, { result: '已更换灯泡' });
    await call(worker, 'GET', `/cases/${id}`);
    await call(worker, 'GET', `/duty-roster?community=${world.c1.code}`);
    await call(admin, 'GET', '/sms-outbox');
    await call(new Session(ctx), 'GET', `/public/cases/${created.body.trackingCode}?phone4=0001`);
    await call(worker, 'GET', `/cases/${id}/duty-advice`);

    // 吹哨报到 on the case, the receiver's answer, and a dispute with its mediation ledger
    const receiver = await new Session(ctx).login('receiver');
    const whistle = await call(worker, 'POST', '/whistles', {
      caseId: id,
      subject: '楼道照明',
      request: '请派人到场检查线路',
      departmentCodes: ['D61089901'],
    });
    await call(worker, 'GET', '/whistles');
    const blown = await call(receiver, 'GET', `/whistles/${whistle.body.id}`);
    await call(receiver, 'POST', `/summonses/${blown.body.summonses[0].id}/actions/acknowledge`, {});
    await call(receiver, 'GET', '/whistles');
    await call(worker, 'GET', `/whistles/${whistle.body.id}`);
    await call(worker, 'GET', '/whistle-ranking');
    await call(worker, 'GET', `/whistle-advisers?caseId=${id}`);
    const dispute = await call(worker, 'POST', '/disputes', {
      placeCode: world.c1.code,
      disputeType: 'neighbour',
      summary: '楼上漏水淹了楼下，双方就赔偿争执不下',
      source: 'walk_in',
      risk: 'medium',
      parties: [
        { role: 'applicant', name: '陈阿姨', phone: '13812345678' },
        { role: 'respondent', name: '刘先生' },
      ],
    });
    await call(worker, 'POST', `/disputes/${dispute.body.id}/mediations`, {
      mediators: ['王调解员'],
      record: '双方陈述各自意见，约定下周再谈',
      outcome: 'adjourned',
    });
    await call(worker, 'GET', '/disputes');
    await call(worker, 'GET', `/disputes/${dispute.body.id}`);
    await call(new Session(ctx), 'GET', '/public/legal-faq');

    // places, people, gridwork, organisations
    await call(worker, 'GET', '/places');
    await call(worker, 'GET', `/places/${world.c1.code}`);
    await call(worker, 'GET', `/places/${world.c1.code}/households`);
    await call(worker, 'GET', `/grids?under=${world.c1.code}`);
    await call(worker, 'GET', `/grid-changes?under=${world.c1.code}`);
    await call(worker, 'GET', '/departments');
    await call(worker, 'GET', '/resident-tags');
    await call(worker, 'GET', `/household-summaries?under=${world.gridA.code}`);
    const resident = await call(worker, 'POST', '/residents', {
      householdCode: world.inA.households[0].code,
      name: '张三',
      phone: '13700000002',
      relation: 'head',
    });
    await call(worker, 'GET', '/residents');
    await call(worker, 'GET', `/residents/${resident.body.id}`);
    await call(worker, 'PATCH', `/residents/${resident.body.id}`, { notes: '独居' });
    await call(worker, 'POST', `/residents/${resident.body.id}/reveal`, { field: 'phone', reason: '核实联系方式' });
    await call(grid, 'POST', '/visit-logs', {
      id: randomUUID(),
      householdCode: world.inA.households[0].code,
      content: '走访独居老人，身体状况良好',
    });
    await call(grid, 'GET', '/visit-logs');
    await call(worker, 'GET', '/party-orgs');
    await call(worker, 'GET', '/party-members');
    await call(worker, 'GET', '/volunteers');
    await call(worker, 'GET', '/in-service-members');
    await call(worker, 'GET', '/organisations');

    // statistics and duty lists
    await call(admin, 'GET', `/stats/summary?under=${world.street.code}`);
    await call(admin, 'GET', `/stats/trend?under=${world.street.code}`);
    await call(admin, 'GET', `/stats/breakdown?under=${world.street.code}&by=community`);
    await call(admin, 'GET', `/stats/monthly-reports?under=${world.street.code}`);
    await call(admin, 'GET', `/duty-lists?street=${world.street.code}`);
    await call(admin, 'GET', '/duty-tasks');
    await call(admin, 'GET', '/duty-tasks/stats');
    await call(admin, 'GET', '/api-keys');
    await call(admin, 'POST', '/api-keys', { name: '市民热线' });

    // user administration
    const made = await call(admin, 'POST', '/users', {
      username: 'schema.user',
      displayName: '结构检查',
      memberships: [{ role: 'grid_worker', scope: world.gridA.code }],
    });
    const userId = made.body.user.id;
    await call(admin, 'GET', '/users');
    await call(admin, 'GET', `/users/${userId}`);
    await call(admin, 'GET', '/users/grant-options');
    const granted = await call(admin, 'POST', `/users/${userId}/memberships`, {
      role: 'volunteer',
      scope: world.c1.code,
    });
    await call(admin, 'DELETE', `/users/${userId}/memberships/${granted.body.memberships[1].id}`);
    await call(admin, 'POST', `/users/${userId}/reset-password`);
    await call(admin, 'POST', `/users/${userId}/disable`);
    await call(admin, 'POST', `/users/${userId}/enable`);

    expect(checked.length).toBeGreaterThan(40);
  });
});
