import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { countRows, testEngine } from '../support/db.js';
import { multipart, tinyPng } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const report = (fields: Record<string, string>, headers: Record<string, string> = {}, photos: Buffer[] = []) => {
  const form = multipart({
    communityCode: world.c1.code,
    description: '单元楼道的灯坏了好几天了',
    reporterName: '陈阿姨',
    ...fields,
  });
  for (const p of photos) form.append('photos', new File([new Uint8Array(p)], 'p.png', { type: 'image/png' }));
  return new Session(ctx).request('POST', '/api/v1/public/cases', form, headers);
};
const count = (table: 'cases' | 'files' | 'rate_limits') => countRows(ctx.deps.db, table);

describe(`public reports: retries, limits and keys (${testEngine})`, () => {
  it('answers every retry of one report with its first case, without counting it against the phone', async () => {
    const phone = '13700000001';
    const first = await report({ reporterPhone: phone }, { 'idempotency-key': 'retry-key-00000001' }, [tinyPng]);
    expect(first.status).toBe(201);
    const files = await count('files');
    for (let i = 0; i < 7; i++) {
      const retry = await report({ reporterPhone: phone }, { 'idempotency-key': 'retry-key-00000001' }, [tinyPng]);
      expect(retry.status).toBe(200);
      expect(retry.body.trackingCode).toBe(first.body.trackingCode);
    }
    expect(await count('files')).toBe(files); // a retry stores its photos again nowhere
    // The phone has used one of its five reports an hour: four more go through.
    for (let i = 0; i < 4; i++)
      expect((await report({ reporterPhone: phone, description: `第${i + 2}次反映楼道灯坏了的问题` })).status).toBe(
        201,
      );
    expect((await report({ reporterPhone: phone })).status).toBe(429);
  });

  it('does not give one reporter’s case to a retry from another phone with the same key', async () => {
    await report({ reporterPhone: '13700000002' }, { 'idempotency-key': 'shared-key-00000002' });
    const other = await report({ reporterPhone: '13700000003' }, { 'idempotency-key': 'shared-key-00000002' });
    expect(other.status).toBe(409);
    expect(JSON.stringify(other.body)).not.toMatch(/LL-\d{8}/);
  });

  it('refuses a malformed Idempotency-Key instead of ignoring it, and keeps nothing', async () => {
    const cases = await count('cases');
    for (const key of ['short', 'x'.repeat(81), 'has spaces in it', 'slashes/are/not/allowed']) {
      const res = await report({ reporterPhone: '13700000004' }, { 'idempotency-key': key });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'Idempotency-Key' }] },
      });
    }
    expect(await count('cases')).toBe(cases);
  });

  it('documents the Idempotency-Key header of the public report', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    const params = doc.paths['/api/v1/public/cases'].post.parameters as {
      name: string;
      in: string;
      schema: { pattern?: string };
    }[];
    expect(params).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
    expect(Object.keys(doc.paths['/api/v1/public/cases'].post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '409', '429']),
    );
  });

  it('tells a limited reporter when to come back: Retry-After and the real remaining seconds', async () => {
    const phone = '13700000005';
    for (let i = 0; i < 5; i++) {
      expect((await report({ reporterPhone: phone, description: `第${i + 1}条：楼下的路灯坏了` })).status).toBe(201);
      if (i === 0) ctx.clock.advance(10 * 60_000);
    }
    const limited = await report({ reporterPhone: phone });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 50 * 60 } });
    expect(limited.headers.get('retry-after')).toBe(String(50 * 60));
  });

  it('prunes rate-limit windows that are over', async () => {
    expect(await count('rate_limits')).toBeGreaterThan(0);
    await ctx.deps.jobs.ensureRecurring();
    ctx.clock.advance(2 * 86_400_000);
    await ctx.deps.jobs.drain();
    expect(await count('rate_limits')).toBe(0);
  });
});

describe(`input at the edge (${testEngine})`, () => {
  beforeAll(async () => {
    worker1 = await new Session(ctx).login('worker1'); // the clock has moved on past the first session
  });

  it('treats an empty lat/lng of the report form as missing, not as the point 0,0', async () => {
    const res = await report({ reporterPhone: '13700000011', lat: '', lng: '' });
    expect(res.status).toBe(201);
    const c = await ctx.deps.db
      .selectFrom('cases')
      .select(['lat', 'lng', 'place_path'])
      .where('tracking_code', '=', res.body.trackingCode)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ lat: null, lng: null, place_path: world.c1.path });
  });

  it('treats an empty lat/lng in JSON as missing, and refuses an empty point to locate', async () => {
    const staff = await worker1.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.c1.code,
      description: '电话反映小区停水',
      lat: '',
      lng: '',
    });
    expect(staff.status).toBe(201);
    const c = await ctx.deps.db
      .selectFrom('cases')
      .select(['lat', 'lng'])
      .where('id', '=', staff.body.id)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ lat: null, lng: null });
    const building = await worker1.post('/api/v1/places', {
      parentCode: world.gridA.code,
      kind: 'building',
      name: '9号楼',
      localCode: '9',
      lng: '',
      lat: '',
    });
    expect(building.status).toBe(400);
    const locate = await worker1.get('/api/v1/places/locate?lng=&lat=');
    expect(locate.status).toBe(400);
    expect(locate.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body of the wrong type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const text = await worker1.request('POST', '/api/v1/cases', 'channel=hotline', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
    const json = await worker1.request('POST', '/api/v1/files', '{"file":"x"}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const english = await worker1.request('POST', '/api/v1/cases', 'x', {
      'content-type': 'text/plain',
      'accept-language': 'en',
    });
    expect(english.body.error.message).toMatch(/[A-Za-z]/);
  });
});
