import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { countRows, testEngine } from '../support/db.js';
import { multipart, pdfText } from '../support/files.js';

// QR codes everywhere (issue 14): posters per building, unit and spot in one PDF; a report made
// through a poster is filed under its place; a forged or foreign token is refused and writes nothing.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'volunteer1', 'volunteer', world.c1.code);
  await givePhone(ctx.deps, 'worker1', '13900000001');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

async function pdfPages(bytes: Buffer): Promise<number> {
  const { getDocumentProxy } = await import('unpdf');
  return (await getDocumentProxy(new Uint8Array(bytes))).numPages;
}
const tokenOf = async (code: string) =>
  (
    await ctx.deps.db
      .selectFrom('place_qr_codes as q')
      .innerJoin('places as p', 'p.id', 'q.place_id')
      .select('q.token')
      .where('p.code', '=', code)
      .executeTakeFirstOrThrow()
  ).token;
const count = (table: 'cases' | 'files' | 'sms_outbox' | 'place_qr_codes' | 'rate_limits' | 'audit_log') =>
  countRows(ctx.deps.db, table);
const report = (fields: Record<string, string>) =>
  new Session(ctx).request(
    'POST',
    '/api/v1/public/cases',
    multipart({
      communityCode: world.c1.code,
      description: '楼道里的声控灯坏了，晚上上楼看不见',
      reporterName: '陈阿姨',
      reporterPhone: '13812345678',
      ...fields,
    }),
  );

let spotCode = '';

describe(`QR posters: spots (${testEngine})`, () => {
  it('adds a spot to a grid with the next code of its community, lists it, and refuses a point outside the grid', async () => {
    const created = await worker.post('/api/v1/spots', {
      gridCode: world.gridA.code,
      name: '和平广场',
      spotKind: 'square',
      lng: 108.002,
      lat: 37.002,
      address: '和平路 1 号',
    });
    expect(created.status).toBe(201);
    spotCode = created.body.code;
    expect(spotCode).toBe(`${world.c1.code}-P001`);
    const outside = await worker.post('/api/v1/spots', {
      gridCode: world.gridA.code,
      name: '农贸市场',
      spotKind: 'market',
      lng: 108.5,
      lat: 37.5,
    });
    expect(outside.status).toBe(400);
    expect(JSON.stringify(outside.body.error.details)).toContain('不在所选网格内');
    const edited = await worker.request('PUT', `/api/v1/spots/${spotCode}`, {
      name: '和平文化广场',
      spotKind: 'square',
      lng: 108.003,
      lat: 37.003,
      address: '和平路 1 号',
    });
    expect(edited.status).toBe(200);
    const list = await worker.get(`/api/v1/spots?under=${world.c1.code}`);
    expect(list.body.items).toEqual([
      {
        code: spotCode,
        name: '和平文化广场',
        spotKind: 'square',
        lng: 108.003,
        lat: 37.003,
        address: '和平路 1 号',
        grid: { code: world.gridA.code, name: '和平一网格' },
      },
    ]);
  });

  it('keeps spots of other communities out of reach: 404 to list, to add, to edit', async () => {
    const other = await new Session(ctx).login('worker2');
    expect((await other.get(`/api/v1/spots?under=${world.c1.code}`)).status).toBe(404);
    const add = await other.post('/api/v1/spots', {
      gridCode: world.gridA.code,
      name: '别人的广场',
      spotKind: 'square',
      lng: 108.002,
      lat: 37.002,
    });
    expect(add.status).toBe(404);
    const edit = await other.request('PUT', `/api/v1/spots/${spotCode}`, {
      name: '改名',
      spotKind: 'park',
      lng: 108.003,
      lat: 37.003,
    });
    expect(edit.status).toBe(404);
  });
});

describe(`QR posters: the PDF (${testEngine})`, () => {
  it('prints one A4 page per unit and spot of a community, with the place, 扫码反映问题, the short address and the phone', async () => {
    expect(
      (await worker.request('PUT', `/api/v1/places/${world.c1.code}/phone`, { phone: '0912-3456789' })).status,
    ).toBe(200);
    const audits = await count('audit_log');
    const res = await worker.post('/api/v1/qr-posters', { under: world.c1.code, kinds: ['unit', 'spot'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // units 1号楼1单元 (grid A) and 2号楼1单元 (grid B), and the square
    expect(await pdfPages(res.body)).toBe(3);
    const text = await pdfText(res.body);
    expect(text).toContain('扫码反映问题');
    expect(text).toContain('和平社区 1号楼 1单元');
    expect(text).toContain('和平社区 2号楼 1单元');
    expect(text).toContain('和平社区 和平文化广场');
    expect(text).toContain('0912-3456789');
    // 社区公开页: the community's public page, as text under the steps.
    expect(text).toContain(`/m/c/${world.c1.code}`);
    expect(text).not.toContain('文化社区');
    const token = await tokenOf(world.inA.unit.code);
    expect(token).toMatch(/^[a-hjkmnp-z2-9]{12}$/);
    expect(text).toContain(`/r/p/${token}`);
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('keeps a place’s token from one print to the next, so posters on the wall stay good', async () => {
    const before = await tokenOf(world.inA.unit.code);
    const res = await worker.post('/api/v1/qr-posters', {
      under: world.gridA.code,
      codes: [world.inA.unit.code, world.inA.building.code],
    });
    expect(res.status).toBe(200);
    expect(await pdfPages(res.body)).toBe(2);
    expect(await tokenOf(world.inA.unit.code)).toBe(before);
    expect(await pdfText(res.body)).toContain('和平社区 1号楼');
  });

  it('refuses places out of scope (404), a user who may not edit places (403), and nothing to print (422)', async () => {
    const other = await new Session(ctx).login('worker2');
    const tokens = await count('place_qr_codes');
    expect((await other.post('/api/v1/qr-posters', { under: world.c1.code, kinds: ['unit'] })).status).toBe(404);
    const smuggled = await other.post('/api/v1/qr-posters', { under: world.c2.code, codes: [world.inA.unit.code] });
    expect(smuggled.status).toBe(404);
    const household = await worker.post('/api/v1/qr-posters', {
      under: world.c1.code,
      codes: [world.inA.households[0].code],
    });
    expect(household.status).toBe(404);
    const volunteer = await new Session(ctx).login('volunteer1');
    expect((await volunteer.post('/api/v1/qr-posters', { under: world.c1.code, kinds: ['unit'] })).status).toBe(403);
    const none = await worker.post('/api/v1/qr-posters', { under: world.inA.households[0].code, kinds: ['spot'] });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('QR_POSTERS_NONE');
    expect(await count('place_qr_codes')).toBe(tokens);
  });
});

describe(`QR posters: reporting through a poster (${testEngine})`, () => {
  it('shows the form the place of the token, and refuses a bad token with QR_TOKEN_INVALID', async () => {
    const token = await tokenOf(world.inA.unit.code);
    const res = await new Session(ctx).get(`/api/v1/public/places/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token,
      place: { code: world.inA.unit.code, name: '1单元', kind: 'unit' },
      fullName: '和平社区 1号楼 1单元',
      community: { code: world.c1.code, name: '和平社区' },
      street: '城关街道',
      phone: '0912-3456789',
    });
    expect(res.body.categories.length).toBeGreaterThan(0);
    for (const bad of ['abcdefghjkmn', 'ABC', world.inA.unit.code.replace(/-/g, '')]) {
      const refused = await new Session(ctx).get(`/api/v1/public/places/${bad}`);
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('QR_TOKEN_INVALID');
      expect(refused.body.error.message).toContain('二维码无效');
    }
  });

  it('files a report made through a unit’s poster under that unit (its grid above it), at its building', async () => {
    const res = await report({ placeToken: await tokenOf(world.inA.unit.code) });
    expect(res.status).toBe(201);
    const c = await ctx.deps.db
      .selectFrom('cases')
      .selectAll()
      .where('tracking_code', '=', res.body.trackingCode)
      .executeTakeFirstOrThrow();
    expect(c.place_id).toBe(world.inA.unit.id);
    expect(c.place_path).toBe(world.inA.unit.path);
    expect(c.place_path.startsWith(world.gridA.path)).toBe(true);
    expect([c.lng, c.lat]).toEqual([108.005, 37.005]);
    const sms = await ctx.deps.db.selectFrom('sms_outbox').select('body').where('case_id', '=', c.id).execute();
    expect(sms.map((s) => s.body).join('\n')).toContain('和平社区');
    // the grid worker of grid A sees it in their list; grid B's does not
    const gridA = await new Session(ctx).login('gridA');
    expect((await gridA.get(`/api/v1/cases?q=${res.body.trackingCode}`)).body.items).toHaveLength(1);
    const gridB = await new Session(ctx).login('gridB');
    expect((await gridB.get(`/api/v1/cases?q=${res.body.trackingCode}`)).body.items).toHaveLength(0);
  });

  it('files a report made through a spot’s poster under the spot, even when the phone reports another point', async () => {
    const res = await report({ placeToken: await tokenOf(spotCode), lng: '108.015', lat: '37.005' });
    expect(res.status).toBe(201);
    const c = await ctx.deps.db
      .selectFrom('cases as c')
      .innerJoin('places as p', 'p.id', 'c.place_id')
      .select(['p.code', 'c.place_path'])
      .where('c.tracking_code', '=', res.body.trackingCode)
      .executeTakeFirstOrThrow();
    expect(c.code).toBe(spotCode);
    expect(c.place_path.startsWith(world.gridA.path)).toBe(true);
  });

  it('refuses a forged token, and a real token sent with another community, with nothing written', async () => {
    const before = await Promise.all(
      (['cases', 'files', 'sms_outbox', 'rate_limits', 'audit_log'] as const).map((t) => count(t)),
    );
    const forged = await report({ placeToken: 'abcdefghjkmn' });
    expect(forged.status).toBe(404);
    expect(forged.body.error.code).toBe('QR_TOKEN_INVALID');
    const tampered = await report({ placeToken: world.inA.unit.code });
    expect(tampered.status).toBe(404);
    expect(tampered.body.error.code).toBe('QR_TOKEN_INVALID');
    const foreign = await report({ communityCode: world.c2.code, placeToken: await tokenOf(world.inA.unit.code) });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('QR_TOKEN_INVALID');
    const after = await Promise.all(
      (['cases', 'files', 'sms_outbox', 'rate_limits', 'audit_log'] as const).map((t) => count(t)),
    );
    expect(after).toEqual(before);
  });

  it('moves a spot with its grid when the grid is split', async () => {
    const admin = await new Session(ctx).login('admin');
    const half = (x0: number, x1: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x0, 37.0],
          [x1, 37.0],
          [x1, 37.01],
          [x0, 37.01],
          [x0, 37.0],
        ],
      ],
    });
    const split = await admin.post(`/api/v1/grids/${world.gridA.code}/split`, {
      parts: [
        { name: '和平一网格东', boundary: half(108.004, 108.01) },
        { name: '和平一网格西', boundary: half(108.0, 108.004) },
      ],
    });
    expect(split.status).toBe(201);
    const spots = (await worker.get(`/api/v1/spots?under=${world.c1.code}`)).body.items;
    expect(spots[0].grid.name).toBe('和平一网格西');
    // its poster still works after the move
    expect((await report({ placeToken: await tokenOf(spotCode) })).status).toBe(201);
  });
});
