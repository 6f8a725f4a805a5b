import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildPlace, buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, tinyPng } from '../support/files.js';
import { ratingTokenOf } from '../support/handset.js';

// 社区公开页: a community's numbers and public reports, read without login.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
const anonymous = () => new Session(ctx, '203.0.113.7');
const ids: Record<string, string> = {};
let retiredCode = '';

const enter = async (description: string, extra: Record<string, unknown> = {}) => {
  const res = await worker.post('/api/v1/cases', {
    channel: 'hotline',
    placeCode: world.gridA.code,
    description,
    reporterName: '张大爷',
    reporterPhone: '13800000000',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};
const act = async (id: string, action: string, body: Record<string, unknown> = {}) =>
  expect((await worker.post(`/api/v1/cases/${id}/actions/${action}`, body)).status).toBe(200);
const trackingOf = async (id: string) =>
  (await ctx.deps.db.selectFrom('cases').select('tracking_code').where('id', '=', id).executeTakeFirstOrThrow())
    .tracking_code;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  // One case long before the 90 days, then this month's cases (the clock's month: 2026-11).
  ctx.clock.set('2026-08-01T02:00:00Z');
  worker = await new Session(ctx).login('worker1');
  ids.old = await enter('很久以前的公开问题', { isPublic: true });
  ctx.clock.set('2026-11-20T02:00:00Z');
  worker = await new Session(ctx).login('worker1');
  // Public, called back at once, resolved, rated satisfied and solved.
  ids.done = await enter('路灯坏了需要维修一下', { isPublic: true });
  ctx.clock.advance(10 * 60_000);
  await act(ids.done, 'accept');
  await act(ids.done, 'contact');
  await act(ids.done, 'resolve', { result: '已修好' });
  const token = await ratingTokenOf(ctx, '13800000000', await trackingOf(ids.done));
  const rated = await new Session(ctx).post(`/api/v1/public/cases/${await trackingOf(ids.done)}/rating`, {
    token,
    rating: 'satisfied',
    solved: true,
  });
  expect(rated.status).toBe(200);
  // Filed under a room of building 1 (as a poster's unit would file it): the page names the building only.
  const room = world.inA.households[0];
  await ctx.deps.db
    .updateTable('cases')
    .set({ place_id: room.id, place_path: room.path })
    .where('id', '=', ids.done)
    .execute();
  // Private: counted in the rates, never listed.
  ids.private = await enter('不公开的问题：邻居家的私事');
  // Public, by the QR form with a photo, a name, a phone and an address.
  const form = multipart({
    communityCode: world.c1.code,
    description: '公开的问题：楼道堆满杂物',
    reporterName: '陈阿姨',
    reporterPhone: '13812345678',
    address: '1号楼3单元502室',
    isPublic: 'true',
    photos: { bytes: tinyPng, name: 'a.png', type: 'image/png' },
  });
  const qr = await new Session(ctx).request('POST', '/api/v1/public/cases', form);
  expect(qr.status).toBe(201);
  ids.qr = (
    await ctx.deps.db
      .selectFrom('cases')
      .select('id')
      .where('tracking_code', '=', qr.body.trackingCode)
      .executeTakeFirstOrThrow()
  ).id;
  // Private with a photo too, through the same form.
  const hidden = await new Session(ctx).request(
    'POST',
    '/api/v1/public/cases',
    multipart({
      communityCode: world.c1.code,
      description: '不公开的问题：带照片',
      reporterName: '陈阿姨',
      reporterPhone: '13812345678',
      photos: { bytes: tinyPng, name: 'b.png', type: 'image/png' },
    }),
  );
  expect(hidden.status).toBe(201);
  ids.hiddenPhoto = (
    await ctx.deps.db
      .selectFrom('cases')
      .select('id')
      .where('tracking_code', '=', hidden.body.trackingCode)
      .executeTakeFirstOrThrow()
  ).id;
  // Another community's public case.
  const other = await new Session(ctx).login('worker2');
  const inC2 = await other.post('/api/v1/cases', {
    channel: 'hotline',
    placeCode: world.gridC.code,
    description: '文化社区的公开问题',
    reporterName: '王先生',
    reporterPhone: '13900000000',
    isPublic: true,
  });
  expect(inC2.status).toBe(201);
  ids.otherCommunity = inC2.body.id;
  const retired = await buildPlace(ctx.deps, {
    kind: 'community',
    code: '610899001009',
    name: '撤销社区',
    parent: world.street,
  });
  await ctx.deps.db.updateTable('places').set({ status: 'retired' }).where('id', '=', retired.id).execute();
  retiredCode = retired.code;
  ctx.clock.set('2026-11-24T04:00:00Z');
});
afterAll(() => ctx.close());

describe(`public community page (${testEngine})`, () => {
  it('shows this month’s rates equal to the dashboard’s for the same month, with the counts behind them, without login', async () => {
    const page = await anonymous().get(`/api/v1/public/communities/${world.c1.code}/overview`);
    expect(page.status).toBe(200);
    const dashboard = await (
      await new Session(ctx).login('worker1')
    ).get(`/api/v1/stats/summary?under=${world.c1.code}&from=2026-11-01&to=2026-11-24`);
    expect(dashboard.status).toBe(200);
    const d = dashboard.body.current;
    expect(page.body).toMatchObject({
      community: { code: world.c1.code, name: '和平社区' },
      street: '城关街道',
      county: '和宁县',
      month: '2026-11',
      from: '2026-11-01',
      to: '2026-11-24',
      received: d.received,
    });
    expect(page.body.response.rate).toBe(d.responseRate);
    expect(page.body.resolution.rate).toBe(d.resolutionRate);
    expect(page.body.satisfaction.rate).toBe(d.satisfactionRate);
    expect(page.body.response.denominator).toBe(d.valid);
    // The cases of this month in 和平社区: the resolved one, the private one, the two by the QR form.
    expect(d.received).toBe(4);
    expect(page.body.response).toEqual({ rate: 0.25, numerator: 1, denominator: 4 });
    expect(page.body.resolution).toEqual({ rate: 1, numerator: 1, denominator: 1 });
    expect(page.body.satisfaction).toEqual({ rate: 1, numerator: 1, denominator: 1 });
  });

  it('lists only the community’s public reports of the last 90 days, with labels and no personal fields', async () => {
    const res = await anonymous().get(`/api/v1/public/communities/${world.c1.code}/reports`);
    expect(res.status).toBe(200);
    const items = res.body.items as Record<string, unknown>[];
    expect(items.map((r) => r.id).sort()).toEqual([ids.done, ids.qr].sort());
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual(
        ['category', 'date', 'id', 'lat', 'lng', 'photoUrl', 'place', 'stage', 'state'].sort(),
      );
    const done = items.find((r) => r.id === ids.done)!;
    expect(done).toMatchObject({ state: '已归档', stage: 'done', date: '2026-11-20', place: '1号楼' });
    expect(done.photoUrl).toBeNull();
    // The building's point, rounded to 3 decimals.
    expect(done.lat).toBe(37.005);
    expect(done.lng).toBe(108.005);
    const qr = items.find((r) => r.id === ids.qr)!;
    expect(qr).toMatchObject({ state: '待受理', stage: 'waiting' });
    expect(qr.photoUrl).toBe(`/api/v1/public/communities/${world.c1.code}/reports/${ids.qr}/photo`);
    const text = JSON.stringify(res.body);
    for (const secret of [
      '张大爷',
      '陈阿姨',
      '13800000000',
      '13812345678',
      '1单元',
      '3单元',
      '路灯坏了',
      '杂物',
      await trackingOf(ids.done),
      await trackingOf(ids.qr),
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/_/); // no snake_case codes
  });

  it('serves the photo of a public report only', async () => {
    const photo = await anonymous().get(`/api/v1/public/communities/${world.c1.code}/reports/${ids.qr}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    for (const [code, id] of [
      [world.c1.code, ids.hiddenPhoto], // not public
      [world.c1.code, ids.done], // public without a photo
      [world.c1.code, ids.otherCommunity], // another community's
      [world.c2.code, ids.qr], // asked through another community
    ]) {
      const res = await anonymous().get(`/api/v1/public/communities/${code}/reports/${id}/photo`);
      expect(res.status, `${code} ${id}`).toBe(404);
      expect(res.body.error.code).toBe('PUBLIC_PAGE_REPORT_NOT_FOUND');
    }
  });

  it('answers 404 for unknown and retired communities and 400 for what is no community code, never 5xx', async () => {
    const unknown = ['610899001099', retiredCode];
    const noCode = [
      world.street.code,
      world.gridA.code,
      'abc',
      '%E4%B8%AD%E6%96%87',
      "1'%20OR%201=1",
      '%00',
      'x'.repeat(3000),
    ];
    for (const tail of ['overview', 'reports']) {
      for (const code of unknown) {
        const res = await anonymous().get(`/api/v1/public/communities/${code}/${tail}`);
        expect(res.status, `${code} ${tail}`).toBe(404);
        expect(res.body.error.code).toBe('PUBLIC_PAGE_COMMUNITY_NOT_FOUND');
      }
      for (const code of noCode) {
        const res = await anonymous().get(`/api/v1/public/communities/${code}/${tail}`);
        expect(res.status, `${code.slice(0, 20)} ${tail}`).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
    }
    const junkPhoto = await anonymous().get(`/api/v1/public/communities/${world.c1.code}/reports/junk/photo`);
    expect(junkPhoto.status).toBe(400);
  });

  it('lists another community’s own public reports only', async () => {
    const res = await anonymous().get(`/api/v1/public/communities/${world.c2.code}/reports`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([ids.otherCommunity]);
  });
});
