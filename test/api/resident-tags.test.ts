import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// The county's own list of resident tags (issue 14): an administrator adds, relabels and retires tags;
// residents keep theirs; sensitive tags (社区矫正对象 …) are seen only with people:sensitive.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let admin: Session;
let worker: Session;
let gridWorker: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  admin = await new Session(ctx).login('admin');
  worker = await new Session(ctx).login('worker1');
  gridWorker = await new Session(ctx).login('gridA');
});
afterAll(() => ctx.close());

const codes = (items: { code: string }[]) => items.map((t) => t.code);

describe(`resident tags, the county's list (${testEngine})`, () => {
  it('ships the nine tags and the three sensitive ones, labelled by the server', async () => {
    const all = (await admin.get('/api/v1/resident-tags')).body.items;
    expect(codes(all)).toEqual([
      'elderly_alone',
      'elderly',
      'disabled',
      'subsistence',
      'left_behind_child',
      'veteran',
      'key_care',
      'serious_illness',
      'special_hardship',
      'legal_aid',
      'resettlement',
      'community_correction',
    ]);
    expect(all.find((t: { code: string }) => t.code === 'community_correction')).toMatchObject({
      label: '社区矫正对象',
      sensitive: true,
      active: true,
    });
    const english = await admin.get('/api/v1/resident-tags', { 'accept-language': 'en' });
    expect(english.body.items[0].label).toBe('Elderly living alone');
  });

  it('an administrator adds a tag; a worker tags a resident with it and filters by it; all audited', async () => {
    const added = await admin.post('/api/v1/resident-tags', {
      labelZh: '计生特殊家庭',
      labelEn: 'Family bereaved of its only child',
      needsVisit: true,
      tone: 'warning',
    });
    expect(added.status).toBe(201);
    expect(added.body.code).toBe('jishengteshujiating');
    expect((await admin.post('/api/v1/resident-tags', { labelZh: '计生特殊家庭' })).status).toBe(409);
    const resident = await worker.post('/api/v1/residents', {
      householdCode: world.inA.households[0].code,
      name: '失独老人甲',
      tags: ['jishengteshujiating', 'elderly'],
    });
    expect(resident.status).toBe(201);
    await worker.post('/api/v1/residents', { householdCode: world.inA.households[1].code, name: '无标签乙' });
    const filtered = await worker.get('/api/v1/residents?tag=jishengteshujiating');
    expect(filtered.body.items.map((r: { name: string }) => r.name)).toEqual(['失独老人甲']);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', 'jishengteshujiating')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['residentTag.create']);
  });

  it('a community worker cannot edit the county’s tags', async () => {
    expect((await worker.post('/api/v1/resident-tags', { labelZh: '自己加的' })).status).toBe(403);
    expect((await worker.patch('/api/v1/resident-tags/veteran', { labelZh: '老兵' })).status).toBe(403);
    const officer = await new Session(ctx).login('officer');
    expect((await officer.patch('/api/v1/resident-tags/veteran', { active: false })).status).toBe(403);
    expect(
      (await ctx.deps.db.selectFrom('resident_tags').select('active').where('code', '=', 'veteran').executeTakeFirst())
        ?.active,
    ).toBe(true);
  });

  it('a retired tag stays on the residents who have it and cannot be given anew', async () => {
    const kept = await worker.post('/api/v1/residents', {
      householdCode: world.inA.households[0].code,
      name: '退伍老兵丙',
      tags: ['veteran'],
    });
    const retired = await admin.patch('/api/v1/resident-tags/veteran', { active: false, labelZh: '退役军人（旧）' });
    expect(retired.status).toBe(200);
    const tags = (await worker.get('/api/v1/resident-tags')).body.items;
    expect(tags.find((t: { code: string }) => t.code === 'veteran')).toMatchObject({
      active: false,
      label: '退役军人（旧）',
    });
    expect((await worker.get(`/api/v1/residents/${kept.body.id}`)).body.tags).toEqual(['veteran']);
    // Editing other fields keeps it; giving it to someone else is refused.
    const edit = await worker.patch(`/api/v1/residents/${kept.body.id}`, { tags: ['veteran', 'elderly'] });
    expect(edit.status).toBe(200);
    const fresh = await worker.post('/api/v1/residents', {
      householdCode: world.inA.households[1].code,
      name: '新人丁',
      tags: ['veteran'],
    });
    expect(fresh.status).toBe(422);
    expect(fresh.body.error.code).toBe('RESIDENT_TAG_UNKNOWN');
    await admin.patch('/api/v1/resident-tags/veteran', { active: true, labelZh: '退役军人' });
  });

  it('hides sensitive tags from a grid worker: list, resident, filter, household summary; an edit keeps them', async () => {
    const r = await worker.post('/api/v1/residents', {
      householdCode: world.inA.households[1].code,
      name: '矫正对象戊',
      tags: ['community_correction', 'subsistence'],
    });
    expect(r.status).toBe(201);
    expect((await worker.get(`/api/v1/residents/${r.body.id}`)).body.tags).toEqual([
      'community_correction',
      'subsistence',
    ]);
    expect(codes((await gridWorker.get('/api/v1/resident-tags')).body.items)).not.toContain('community_correction');
    expect((await gridWorker.get(`/api/v1/residents/${r.body.id}`)).body.tags).toEqual(['subsistence']);
    const list = (await gridWorker.get('/api/v1/residents?q=矫正对象戊')).body.items;
    expect(list[0].tags).toEqual(['subsistence']);
    const filter = await gridWorker.get('/api/v1/residents?tag=community_correction');
    expect(filter.status).toBe(422);
    expect((await worker.get('/api/v1/residents?tag=community_correction')).body.total).toBe(1);
    const summary = (await gridWorker.get(`/api/v1/household-summaries?under=${world.gridA.code}`)).body.items;
    expect(summary.flatMap((h: { tags: string[] }) => h.tags)).not.toContain('community_correction');
    // The grid worker may not give the tag, and an edit of theirs does not drop it.
    const give = await gridWorker.post('/api/v1/residents', {
      householdCode: world.inA.households[0].code,
      name: '网格员登记',
      tags: ['resettlement'],
    });
    expect(give.status).toBe(422);
    expect((await gridWorker.patch(`/api/v1/residents/${r.body.id}`, { tags: ['elderly'] })).status).toBe(200);
    expect((await worker.get(`/api/v1/residents/${r.body.id}`)).body.tags.sort()).toEqual([
      'community_correction',
      'elderly',
    ]);
  });

  it('exports tag labels from the list and leaves sensitive ones out for a grid worker', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const read = async (s: Session) => {
      const res = await s.get(`/api/v1/residents/export?under=${world.gridA.code}`);
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body);
      const rows: string[] = [];
      book.worksheets[0].eachRow((row) => rows.push(JSON.stringify(row.values)));
      return rows.join('\n');
    };
    expect(await read(worker)).toContain('社区矫正对象');
    expect(await read(worker)).toContain('计生特殊家庭');
    expect(await read(gridWorker)).not.toContain('社区矫正对象');
  });
});
