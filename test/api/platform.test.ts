import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

describe(`platform (${testEngine})`, () => {
  it('answers the health check once migrated', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI document generated from the schemas, and a docs page', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/places/{code}',
        '/api/v1/grids/merge',
        '/api/v1/places/locate',
      ]),
    );
    expect(doc.components.schemas.LoginInput.required).toEqual(['username', 'password']);
    const docs = await ctx.app.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/docs/init.js');
    expect(await (await ctx.app.request('/api/docs/init.js')).text()).toContain('/api/openapi.json');
    const asset = await ctx.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
  });

  it('answers unknown API routes with the error shape, in the language asked for', async () => {
    const zh = await new Session(ctx).get('/api/v1/nothing-here');
    expect(zh.status).toBe(404);
    expect(zh.body).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
    const en = await new Session(ctx).get('/api/v1/me', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.status).toBe(401);
    expect(en.body.error).toEqual({ code: 'AUTH_REQUIRED', message: 'Please log in first' });
  });

  it('rejects bad input with VALIDATION_FAILED and the failing fields, and malformed JSON with BAD_JSON', async () => {
    const s = await new Session(ctx).login('admin');
    const bad = await s.get('/api/v1/places/locate?lat=999&lng=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['lat', 'lng']);
    const malformed = await s.request('POST', '/api/v1/grids/merge', '{"codes": [', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_JSON');
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.ts/);
    const huge = await s.request('POST', '/api/v1/grids/merge', JSON.stringify({ codes: ['x'.repeat(2_000_000)] }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('UPLOAD_TOO_LARGE');
  });

  it('gives every response a request id, and records it with the IP-less actor in the audit log', async () => {
    const s = await new Session(ctx).login('worker1');
    const res = await s.request(
      'PATCH',
      '/api/v1/places/610899001001-1',
      { name: '一号楼' },
      { 'x-request-id': 'req-audit-test-1' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-audit-test-1');
    const row = await ctx.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', 'req-audit-test-1')
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('place.rename');
    expect(row.actor_name).toBe('worker1');
    expect(row.entity_id).toBe('610899001001-1');
    expect(row.before).toEqual({ name: '1号楼' });
    expect(row.after).toEqual({ name: '一号楼' });
  });
});
