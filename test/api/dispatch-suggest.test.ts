import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildDepartment, buildPlace, buildUser, buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, xlsxOf } from '../support/files.js';

// 智能派单 (issue 20), the product side: a county trains on its closed cases and imported history,
// new cases carry the suggestions, dispatchers' choices are counted, and auto-routing obeys the county.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let admin: Session;
let worker: Session;
const dept: Record<'city' | 'water' | 'power', string> = { city: '', water: '', power: '' };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const places = ['小区门口', '三号楼下', '菜市场旁边', '学校后门', '幼儿园对面', '老街口', '公园东侧', '医院北门'];
const topics = {
  garbage: ['垃圾桶满了没人清运，臭味很大', '垃圾堆了好几天没人拉走', '生活垃圾乱倒，苍蝇很多'],
  water_supply: ['停水两天了，水管一直漏水', '自来水水压太低，楼上没水', '水管爆裂，路面全是水'],
  power_supply: ['整栋楼停电了，电表跳闸', '电线垂下来很危险，经常停电', '电表坏了，晚上一直停电'],
} as const;
type Topic = keyof typeof topics;
const handlerOf: Record<Topic, keyof typeof dept> = { garbage: 'city', water_supply: 'water', power_supply: 'power' };
const textOf = (topic: Topic, i: number) => `${places[i % places.length]}${topics[topic][i % 3]}`;

const act = (s: Session, id: string, action: string, body: Record<string, unknown> = {}) =>
  s.post(`/api/v1/cases/${id}/actions/${action}`, body);

async function report(s: Session, description: string, extra: Record<string, unknown> = {}) {
  const res = await s.post('/api/v1/cases', {
    channel: 'hotline',
    placeCode: world.c1.code,
    address: '和平社区',
    reporterName: '王女士',
    description,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const caseRow = (id: string) =>
  ctx.deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildDepartment(ctx.deps, 'D61089905', '县城市管理局');
  await buildDepartment(ctx.deps, 'D61089907', '县水务局');
  await buildDepartment(ctx.deps, 'D61089908', '县供电公司');
  const ids = await ctx.deps.db.selectFrom('departments').select(['id', 'code']).execute();
  dept.city = ids.find((d) => d.code === 'D61089905')!.id;
  dept.water = ids.find((d) => d.code === 'D61089907')!.id;
  dept.power = ids.find((d) => d.code === 'D61089908')!.id;
  // A second county with its own administrator.
  const county = await buildPlace(ctx.deps, {
    kind: 'county',
    code: '610898',
    name: '乙县',
    parent: null,
    tenantId: '610898',
  });
  await buildPlace(ctx.deps, { kind: 'street', code: '610898001', name: '乙县街道', parent: county });
  await buildUser(ctx.deps, 'adminB', 'admin', '610898');
  admin = await new Session(ctx).login('admin');
  worker = await new Session(ctx).login('worker1');
  // The county's past: 8 closed cases of each kind, handled by the department that does it.
  for (const topic of Object.keys(topics) as Topic[])
    for (let i = 0; i < 8; i++) {
      const id = await report(worker, textOf(topic, i + 1));
      await ctx.deps.db
        .updateTable('cases')
        .set({
          state: 'closed',
          category_code: topic,
          assignee_kind: 'department',
          assignee_department_id: dept[handlerOf[topic]],
        })
        .where('id', '=', id)
        .execute();
    }
});
afterAll(() => ctx.close());

describe(`smart dispatch 智能派单 (${testEngine})`, () => {
  it('imports hotline history from Excel: categories mapped or added, unknown departments reported back', async () => {
    const before = await ctx.deps.db.selectFrom('case_categories').select('code').execute();
    const bytes = await xlsxOf(
      ['主题', '详情', '一级分类', '二级分类', '三级分类', '部门', '日期'],
      [
        ['垃圾', '楼道口垃圾没人清运，味道很大', '市容环境', '垃圾清运', '', '县城市管理局', '2024-03-05'],
        ['噪音', '工地夜里十二点还在打桩', '噪声扰民', '夜间施工', '', '县环保局', '2024/4/1'],
        ['噪音', '楼下工地凌晨施工太吵', '噪声扰民', '夜间施工', '', '县环保局', ''],
        ['停水', '整个小区停水，没有通知', '设施管理', '供水问题', '', '水务', '2024年5月2日'],
      ],
    );
    const res = await admin.request(
      'POST',
      '/api/v1/dispatch/history/import',
      multipart({ file: { bytes, name: 'history.xlsx', type: xlsxType } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      imported: 4,
      categoriesCreated: ['噪声扰民', '噪声扰民 / 夜间施工'],
      unknownDepartments: [{ name: '县环保局', rows: 2 }],
    });
    const after = await ctx.deps.db.selectFrom('case_categories').select(['code', 'name_zh', 'parent_code']).execute();
    expect(after).toHaveLength(before.length + 2);
    const rows = await ctx.deps.db.selectFrom('dispatch_history').selectAll().orderBy('body').execute();
    const garbage = rows.find((r) => r.body.startsWith('楼道口'))!;
    expect([garbage.category_code, garbage.department_id, garbage.occurred_on]).toEqual([
      'garbage',
      dept.city,
      '2024-03-05',
    ]);
    // 水务 is the 县水务局 without its ending; 2024年5月2日 is a date.
    const water = rows.find((r) => r.body.startsWith('整个小区'))!;
    expect([water.category_code, water.department_id, water.occurred_on]).toEqual([
      'water_supply',
      dept.water,
      '2024-05-02',
    ]);
    const night = after.find((c) => c.name_zh === '夜间施工')!;
    expect(after.find((c) => c.code === night.parent_code)!.name_zh).toBe('噪声扰民');
  });

  it('refuses a bad history file with a code and leaves nothing behind', async () => {
    const count = async () => ({
      history: (await ctx.deps.db.selectFrom('dispatch_history').select('id').execute()).length,
      categories: (await ctx.deps.db.selectFrom('case_categories').select('code').execute()).length,
    });
    const before = await count();
    const post = (bytes: Buffer) =>
      admin.request(
        'POST',
        '/api/v1/dispatch/history/import',
        multipart({ file: { bytes, name: 'h.xlsx', type: xlsxType } }),
      );
    const notExcel = await post(Buffer.from('主题,详情\n垃圾,没人清运'));
    expect([notExcel.status, notExcel.body.error.code]).toEqual([400, 'IMPORT_FILE_INVALID']);
    const noColumn = await post(await xlsxOf(['主题', '部门'], [['垃圾', '县城市管理局']]));
    expect([noColumn.status, noColumn.body.error.code]).toEqual([400, 'IMPORT_FILE_INVALID']);
    // The first row would add a category; the second has none: the whole file is refused.
    const badRow = await post(
      await xlsxOf(
        ['主题', '详情', '一级分类', '二级分类', '部门', '日期'],
        [
          ['新问题', '一个全新的分类', '全新大类', '全新小类', '县城市管理局', ''],
          ['缺分类', '这一行没有一级分类', '', '', '', ''],
          ['日期', '日期写错了', '市容环境', '', '', '去年'],
        ],
      ),
    );
    expect([badRow.status, badRow.body.error.code]).toEqual([422, 'IMPORT_HAS_ERRORS']);
    expect(badRow.body.error.details.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(await count()).toEqual(before);
    // A street officer configures rosters, not the county's routing: not even the upload is read.
    const officer = await new Session(ctx).login('officer');
    const refused = await officer.request(
      'POST',
      '/api/v1/dispatch/history/import',
      multipart({ file: { bytes: await xlsxOf(['详情', '一级分类'], [['x', 'y']]), name: 'h.xlsx', type: xlsxType } }),
    );
    expect(refused.status).toBe(404);
    expect(await count()).toEqual(before);
  });

  it('trains per county from closed cases and history, with version, size and cross-validated accuracy', async () => {
    const before = await admin.get('/api/v1/dispatch/status');
    expect(before.status).toBe(200);
    expect(before.body.models).toEqual({ category: null, department: null });
    expect(before.body.settings).toEqual({ autoRoute: false, threshold: 0.9 });
    const res = await admin.post('/api/v1/dispatch/train', {});
    expect(res.status).toBe(200);
    const { category, department } = res.body.models;
    // 24 closed cases + 3 history rows of learnable categories (噪声扰民's 2 rows are too few: keywords answer).
    expect(category).toMatchObject({ version: 1, trainedOn: 24 + 2, labels: 3 });
    expect(department).toMatchObject({ version: 1, trainedOn: 24 + 1 + 1, labels: 3 });
    expect(category.top1).toBeGreaterThan(0.5);
    expect(category.top3).toBeGreaterThanOrEqual(category.top1);
    const again = await admin.post('/api/v1/dispatch/train', {});
    expect(again.body.models.category.version).toBe(2);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'dispatch.train')
      .execute();
    expect(audit).toHaveLength(4);
  });

  it('stores the top three suggestions on a new case and shows them to whoever reads it', async () => {
    const id = await report(worker, '幼儿园门口垃圾桶满了，好几天没人清运');
    const row = await caseRow(id);
    expect(row.category_code).toBe('garbage'); // the model's first category, no category given
    const stored = await ctx.deps.db
      .selectFrom('case_suggestions')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.categories).toHaveLength(3);
    expect(stored.category_model_version).toBe(2);
    const seen = await worker.get(`/api/v1/cases/${id}/dispatch-suggestion`);
    expect(seen.status).toBe(200);
    expect(seen.body.categories[0]).toMatchObject({ code: 'garbage', name: '垃圾清运', source: 'model' });
    expect(seen.body.handlers[0]).toMatchObject({ kind: 'department', id: dept.city, name: '县城市管理局' });
    expect(seen.body.handlers[0].probability).toBeGreaterThan(0.34);
    const sum = seen.body.handlers.reduce((s: number, h: { probability: number }) => s + h.probability, 0);
    expect(sum).toBeLessThanOrEqual(1.001);
    // Another community's worker cannot read the case, nor its suggestion.
    const other = await new Session(ctx).login('worker2');
    expect((await other.get(`/api/v1/cases/${id}/dispatch-suggestion`)).status).toBe(404);
    // The inbox asks for its page of cases at once; what the caller cannot read is left out.
    const listed = await worker.get(`/api/v1/dispatch/suggestions?ids=${id}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        caseId: id,
        handler: expect.objectContaining({ id: dept.city }),
        category: expect.objectContaining({ code: 'garbage' }),
      }),
    ]);
    expect((await other.get(`/api/v1/dispatch/suggestions?ids=${id}`)).body.items).toEqual([]);
    const bad = await other.get('/api/v1/dispatch/suggestions?ids=not-a-case');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('records an accepted and a corrected suggestion and counts them in the weekly hit rate', async () => {
    const taken = await report(worker, '老街口停水两天了，水管一直漏水');
    const changed = await report(worker, '三号楼下整栋楼停电了，电表跳闸');
    const suggested = (await worker.get(`/api/v1/cases/${changed}/dispatch-suggestion`)).body.handlers[0].id;
    expect(suggested).toBe(dept.power);
    for (const id of [taken, changed]) expect((await act(worker, id, 'accept')).status).toBe(200);
    expect((await act(worker, taken, 'dispatch', { target: { kind: 'department', id: dept.water } })).status).toBe(200);
    expect((await act(worker, changed, 'dispatch', { target: { kind: 'department', id: dept.city } })).status).toBe(
      200,
    );
    const outcomes = await ctx.deps.db
      .selectFrom('dispatch_outcomes')
      .select(['case_id', 'outcome', 'chosen', 'suggested'])
      .where('kind', '=', 'department')
      .execute();
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { case_id: taken, outcome: 'accepted', chosen: dept.water, suggested: dept.water },
        { case_id: changed, outcome: 'corrected', chosen: dept.city, suggested: dept.power },
      ]),
    );
    const rate = await admin.get('/api/v1/dispatch/hit-rate?weeks=4');
    expect(rate.status).toBe(200);
    expect(rate.body.weeks).toHaveLength(4);
    expect(rate.body.total.department).toEqual({ accepted: 1, corrected: 1, rate: 0.5 });
    expect(rate.body.weeks.at(-1).department).toEqual({ accepted: 1, corrected: 1, rate: 0.5 });
    // The correction teaches the next training at once, before the case is closed.
    const trained = await admin.post('/api/v1/dispatch/train', {});
    expect(trained.body.models.department.trainedOn).toBe(26 + 2);
  });

  it('routes nothing by itself until the county turns auto-routing on, then only above its threshold', async () => {
    const off = await report(worker, '菜市场旁边垃圾堆了好几天没人拉走');
    expect((await caseRow(off)).state).toBe('submitted');
    const strict = await admin.request('PUT', '/api/v1/dispatch/settings', { autoRoute: true, threshold: 1 });
    expect(strict.status).toBe(200);
    expect(strict.body.settings).toEqual({ autoRoute: true, threshold: 1 });
    const unsure = await report(worker, '公园东侧垃圾堆了好几天没人拉走');
    expect((await caseRow(unsure)).state).toBe('submitted');
    await admin.request('PUT', '/api/v1/dispatch/settings', { autoRoute: true, threshold: 0.5 });
    const sure = await report(worker, '医院北门垃圾桶满了没人清运，臭味很大');
    const routed = await caseRow(sure);
    expect([routed.state, routed.assignee_department_id]).toEqual(['dispatched', dept.city]);
    const events = await ctx.deps.db
      .selectFrom('case_events')
      .select(['action', 'actor_name', 'note'])
      .where('case_id', '=', sure)
      .orderBy('at')
      .execute();
    expect(events.map((e) => [e.action, e.actor_name])).toEqual([
      ['submit', 'worker1'],
      ['accept', '智能派单'],
      ['dispatch', '智能派单'],
    ]);
    expect(events[2].note).toMatch(/^智能派单：置信度 \d+%$/);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', sure)
      .where('action', '=', 'case.autoRoute')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await worker.get(`/api/v1/cases/${sure}/dispatch-suggestion`)).body.autoRouted).toBe(true);
    await admin.request('PUT', '/api/v1/dispatch/settings', { autoRoute: false, threshold: 0.9 });
  });

  it("keeps each county's models and settings to itself", async () => {
    const other = await new Session(ctx).login('adminB');
    const own = await other.get('/api/v1/dispatch/status');
    expect(own.status).toBe(200);
    expect(own.body.county.code).toBe('610898');
    expect(own.body.models).toEqual({ category: null, department: null });
    expect((await other.get('/api/v1/dispatch/status?tenant=610899')).status).toBe(404);
    expect((await other.get('/api/v1/dispatch/hit-rate?tenant=610899')).status).toBe(404);
    expect((await other.post('/api/v1/dispatch/train?tenant=610899', {})).status).toBe(404);
    const write = await other.request('PUT', '/api/v1/dispatch/settings', {
      tenant: '610899',
      autoRoute: true,
      threshold: 0.6,
    });
    expect(write.status).toBe(404);
    expect((await admin.get('/api/v1/dispatch/status')).body.settings.autoRoute).toBe(false);
    // Street and community staff see suggestions on their cases, and no settings.
    for (const username of ['officer', 'worker1'])
      expect((await (await new Session(ctx).login(username)).get('/api/v1/dispatch/status')).status).toBe(404);
  });
});
