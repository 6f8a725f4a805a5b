import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, tinyPng } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

const photo = (s: Session, bytes: Buffer, id?: string) =>
  s.request(
    'POST',
    '/api/v1/files',
    multipart({ file: { bytes, name: 'a.jpg', type: 'image/jpeg' }, ...(id ? { id } : {}) }),
  );

describe(`visit logs 民情日记 (${testEngine})`, () => {
  it('checks uploads by content, not by name', async () => {
    const grid = await new Session(ctx).login('gridA');
    const text = await photo(grid, Buffer.from('not really a jpeg'));
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const png = await photo(grid, tinyPng);
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ mime: 'image/png', size: tinyPng.length });
  });

  it('records a visit with a photo once, however often the phone retries', async () => {
    const grid = await new Session(ctx).login('gridA');
    const photoId = randomUUID();
    expect((await photo(grid, tinyPng, photoId)).status).toBe(201);
    expect((await photo(grid, tinyPng, photoId)).status).toBe(201); // the offline queue sends it again
    const id = randomUUID();
    const log = {
      id,
      householdCode: world.inA.households[0].code,
      content: '走访独居老人，身体状况良好，需要帮忙修水管。',
      photoIds: [photoId],
      lng: 108.005,
      lat: 37.005,
    };
    const first = await grid.post('/api/v1/visit-logs', log);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id,
      photoIds: [photoId],
      household: { code: world.inA.households[0].code },
      grid: { code: world.gridA.code },
      author: { name: 'gridA' },
    });
    const retry = await grid.post('/api/v1/visit-logs', log);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(id);
    const rows = await ctx.deps.db.selectFrom('visit_logs').select('id').execute();
    expect(rows).toHaveLength(1);
    const mine = await grid.get('/api/v1/visit-logs?mine=true');
    expect(mine.body.items.map((l: { id: string }) => l.id)).toEqual([id]);
  });

  it('shows the logs to the community, not to other grids; photos follow the same rule', async () => {
    const community = await new Session(ctx).login('worker1');
    const list = await community.get(`/api/v1/visit-logs?under=${world.c1.code}`);
    expect(list.body.total).toBe(1);
    const photoId = list.body.items[0].photoIds[0];
    const image = await community.get(`/api/v1/files/${photoId}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(image.body, tinyPng)).toBe(0);
    const gridB = await new Session(ctx).login('gridB');
    expect((await gridB.get('/api/v1/visit-logs')).body.total).toBe(0);
    expect((await gridB.get(`/api/v1/files/${photoId}`)).status).toBe(404);
    const other = await new Session(ctx).login('worker2');
    expect((await other.get('/api/v1/visit-logs')).body.total).toBe(0);
  });

  it('refuses a visit to a household outside the grid, a stolen id, and photos of someone else', async () => {
    const gridB = await new Session(ctx).login('gridB');
    const outside = await gridB.post('/api/v1/visit-logs', {
      id: randomUUID(),
      householdCode: world.inA.households[1].code,
      content: '越界',
    });
    expect(outside.status).toBe(404);
    const taken = (await ctx.deps.db.selectFrom('visit_logs').select('id').executeTakeFirstOrThrow()).id;
    const stolen = await gridB.post('/api/v1/visit-logs', {
      id: taken,
      householdCode: world.inB.households[0].code,
      content: '冒用',
    });
    expect(stolen.status).toBe(409);
    const aPhoto = (await ctx.deps.db.selectFrom('files').select('id').executeTakeFirstOrThrow()).id;
    const borrowed = await gridB.post('/api/v1/visit-logs', {
      id: randomUUID(),
      householdCode: world.inB.households[0].code,
      content: '借图',
      photoIds: [aPhoto],
    });
    expect(borrowed.status).toBe(400);
    const tooMany = await gridB.post('/api/v1/visit-logs', {
      id: randomUUID(),
      householdCode: world.inB.households[0].code,
      content: '十张',
      photoIds: Array.from({ length: 10 }, () => randomUUID()),
    });
    expect(tooMany.status).toBe(400);
  });

  it('summarises the households of a grid: members, tags, who needs a visit, last visit', async () => {
    const grid = await new Session(ctx).login('gridA');
    await grid.post('/api/v1/residents', {
      householdCode: world.inA.households[1].code,
      name: '独居刘奶奶',
      tags: ['elderly_alone'],
    });
    const res = await grid.get(`/api/v1/household-summaries?under=${world.gridA.code}`);
    expect(res.body.items).toEqual([
      { code: world.inA.households[0].code, members: 0, tags: [], needsVisit: false, lastVisitAt: expect.any(String) },
      { code: world.inA.households[1].code, members: 1, tags: ['elderly_alone'], needsVisit: true, lastVisitAt: null },
    ]);
  });
});
