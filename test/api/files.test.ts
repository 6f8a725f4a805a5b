import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalFolderStorage } from '../../src/server/platform/storage.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { countRows, testEngine } from '../support/db.js';
import { multipart, tinyPng } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
});
afterAll(() => ctx.close());

const upload = async (s: Session, bytes = tinyPng) => {
  const res = await s.request(
    'POST',
    '/api/v1/files',
    multipart({ file: { bytes, name: 'p.png', type: 'image/png' } }),
  );
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const count = (table: 'cases' | 'files' | 'mediation_sessions') => countRows(ctx.deps.db, table);
/** Every object in the storage folder, so a test sees files left behind by a refused request. */
const storedObjects = () => {
  const root = (ctx.deps.storage as LocalFolderStorage).root;
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) =>
    fs.statSync(path.join(root, f)).isFile(),
  );
};
const publicReport = (fields: Record<string, string>, photos: Buffer[]) => {
  const form = multipart({
    communityCode: world.c1.code,
    description: '小区门口的垃圾堆了三天没人清理',
    reporterName: '陈阿姨',
    reporterPhone: '13812340001',
    ...fields,
  });
  for (const p of photos) form.append('photos', new File([new Uint8Array(p)], 'p.png', { type: 'image/png' }));
  return new Session(ctx).request('POST', '/api/v1/public/cases', form);
};

describe(`attaching files: only what you may already read (${testEngine})`, () => {
  it('refuses a photo of another community on one’s own new case, and the photo stays unreadable', async () => {
    const photo = await upload(worker1);
    const before = await count('cases');
    const res = await worker2.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.c2.code,
      description: '借用别的社区的照片登记诉求',
      photoIds: [photo],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'photoIds' }] } });
    expect(await count('cases')).toBe(before);
    expect((await worker2.get(`/api/v1/files/${photo}`)).status).toBe(404);
  });

  it('refuses it as the result photo of one’s own case, which keeps its state', async () => {
    const photo = await upload(worker1);
    const created = await worker2.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.c2.code,
      description: '文化社区路面坑洼需要修补',
    });
    expect(created.status).toBe(201);
    expect((await worker2.post(`/api/v1/cases/${created.body.id}/actions/accept`, {})).status).toBe(200);
    const res = await worker2.post(`/api/v1/cases/${created.body.id}/actions/resolve`, {
      result: '已修补',
      photoIds: [photo],
    });
    expect(res.status).toBe(400);
    const c = await ctx.deps.db
      .selectFrom('cases')
      .select(['state', 'result_photo_ids'])
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ state: 'accepted', result_photo_ids: [] });
    expect((await worker2.get(`/api/v1/files/${photo}`)).status).toBe(404);
  });

  it('refuses it as a party’s signature on one’s own mediation, so it never reaches the agreement', async () => {
    const signature = await upload(worker1);
    const d = await worker2.post('/api/v1/disputes', {
      placeCode: world.c2.code,
      disputeType: 'neighbour',
      summary: '邻居噪音扰民引发争执',
      source: 'walk_in',
      risk: 'low',
      parties: [{ role: 'applicant', name: '赵先生' }],
    });
    expect(d.status).toBe(201);
    const before = await count('mediation_sessions');
    const res = await worker2.post(`/api/v1/disputes/${d.body.id}/mediations`, {
      mediators: ['吴桂兰'],
      record: '现场调解',
      outcome: 'agreed',
      agreementText: '双方互谅',
      signatureFileIds: [signature],
    });
    expect(res.status).toBe(400);
    expect(await count('mediation_sessions')).toBe(before);
    expect((await worker2.get(`/api/v1/files/${signature}`)).status).toBe(404);
  });

  it('lets whoever may read a case showing a photo attach it again, and read a signature of a dispute in scope', async () => {
    const grid = await new Session(ctx).login('gridA');
    const photo = await upload(grid);
    const patrol = await grid.post('/api/v1/cases', {
      channel: 'patrol',
      placeCode: world.gridA.code,
      description: '巡查发现路灯不亮',
      photoIds: [photo],
    });
    expect(patrol.status).toBe(201);
    const again = await worker1.post('/api/v1/cases', {
      channel: 'walkIn',
      placeCode: world.c1.code,
      description: '居民来访反映同一处路灯不亮',
      photoIds: [photo],
    });
    expect(again.status).toBe(201);
    expect(
      (
        await worker2.post('/api/v1/cases', {
          channel: 'walkIn',
          placeCode: world.c2.code,
          description: '再借一次别人的照片试试',
          photoIds: [photo],
        })
      ).status,
    ).toBe(400);

    const signature = await upload(worker1);
    const d = await worker1.post('/api/v1/disputes', {
      placeCode: world.c1.code,
      disputeType: 'family',
      summary: '赡养费分担争议',
      source: 'walk_in',
      risk: 'low',
      parties: [{ role: 'applicant', name: '王大爷' }],
    });
    expect(
      (
        await worker1.post(`/api/v1/disputes/${d.body.id}/mediations`, {
          mediators: ['吴桂兰'],
          record: '调解',
          outcome: 'agreed',
          agreementText: '按月分担',
          signatureFileIds: [signature],
        })
      ).status,
    ).toBe(200);
    const officer = await new Session(ctx).login('officer');
    expect((await officer.get(`/api/v1/files/${signature}`)).status).toBe(200);
    expect((await worker2.get(`/api/v1/files/${signature}`)).status).toBe(404);
  });
});

describe(`refused public reports and orphan files (${testEngine})`, () => {
  it('keeps no photo of a refused public report, neither row nor stored object', async () => {
    const files = await count('files');
    const objects = storedObjects().length;
    const unknownCategory = await publicReport({ categoryCode: 'no_such_category' }, [tinyPng, tinyPng]);
    expect(unknownCategory.status).toBe(400);
    const badThird = await publicReport({ reporterPhone: '13812340002' }, [
      tinyPng,
      tinyPng,
      Buffer.from('not an image at all'),
    ]);
    expect(badThird.status).toBe(415);
    expect(await count('files')).toBe(files);
    expect(storedObjects()).toHaveLength(objects);
    const ok = await publicReport({ reporterPhone: '13812340003' }, [tinyPng]);
    expect(ok.status).toBe(201);
    expect(await count('files')).toBe(files + 1);
    expect(storedObjects()).toHaveLength(objects + 1);
  });

  it('sweeps files attached to nothing after a day, and keeps what is attached or still young', async () => {
    const orphan = await upload(worker1);
    const attached = await upload(worker1);
    expect(
      (
        await worker1.post('/api/v1/cases', {
          channel: 'walkIn',
          placeCode: world.c1.code,
          description: '照片附在诉求上不会被清理',
          photoIds: [attached],
        })
      ).status,
    ).toBe(201);
    const keyOf = async (id: string) =>
      (await ctx.deps.db.selectFrom('files').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow())
        .storage_key;
    const orphanKey = await keyOf(orphan);
    await ctx.deps.jobs.ensureRecurring();
    ctx.clock.advance(20 * 3_600_000);
    const grid = await new Session(ctx).login('gridA');
    const young = await upload(grid); // an offline phone's photo, its case not sent yet
    ctx.clock.advance(10 * 3_600_000);
    await ctx.deps.jobs.drain();
    const worker = await new Session(ctx).login('worker1');
    const left = (
      await ctx.deps.db.selectFrom('files').select('id').where('id', 'in', [orphan, attached, young]).execute()
    ).map((f) => f.id);
    expect(left.sort()).toEqual([attached, young].sort());
    expect(await ctx.deps.storage.get(orphanKey)).toBeNull();
    expect((await worker.get(`/api/v1/files/${attached}`)).status).toBe(200);
    expect((await grid.get(`/api/v1/files/${young}`)).status).toBe(200);
  });
});
