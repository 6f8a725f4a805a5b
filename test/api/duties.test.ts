import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDutyItems } from '../../src/server/demo/duties.js';
import { writeDutySheet } from '../../src/server/features/duties/excel.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildDepartment, buildPlace, buildUser, buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, readXlsx, xlsxOf } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let officer: Session;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await ctx.deps.db
    .insertInto('departments')
    .values({
      id: '01a2aaaa-0000-7000-8000-000000000001',
      tenant_id: '610899',
      code: 'D61089905',
      name: '县城市管理局',
      kind: 'city_management',
      street_code: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  await buildDepartment(ctx.deps, 'D61089906', '县住建局');
  await ctx.deps.db.updateTable('departments').set({ kind: 'housing' }).where('code', '=', 'D61089906').execute();
  officer = await new Session(ctx).login('officer');
  const bytes = await writeDutySheet(demoDutyItems());
  const imported = await officer.request(
    'POST',
    `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=${encodeURIComponent('城关街道权责清单（2026年版）')}&effectiveFrom=2026-01-01`,
    multipart({ file: { bytes, name: 'list.xlsx', type: xlsxType } }),
  );
  expect(imported.status).toBe(201);
});
afterAll(() => ctx.close());

describe(`duty lists 权责清单 (${testEngine})`, () => {
  it('keeps versions with effective dates; communities read their street’s list; it exports back to Excel', async () => {
    const worker = await new Session(ctx).login('worker1');
    const lists = await worker.get(`/api/v1/duty-lists?street=${world.street.code}`);
    expect(lists.body.items[0]).toMatchObject({
      version: 1,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      counts: { self_governance: 32, admitted: 17, cancelled: 46, assisting: 6 },
    });
    const second = await officer.request(
      'POST',
      `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=v2&effectiveFrom=2027-01-01`,
      multipart({ file: { bytes: await writeDutySheet(demoDutyItems()), name: 'v2.xlsx', type: xlsxType } }),
    );
    expect(second.body.version).toBe(2);
    const versions = (await worker.get(`/api/v1/duty-lists?street=${world.street.code}`)).body.items;
    expect(versions.map((v: { version: number; effectiveTo: string | null }) => [v.version, v.effectiveTo])).toEqual([
      [2, null],
      [1, '2026-12-31'],
    ]);
    const sheet = await worker.get(`/api/v1/duty-lists/${versions[1].id}/export.xlsx`);
    const rows = await readXlsx(sheet.body);
    expect(rows[0].slice(0, 4)).toEqual(['类型', '编号', '大类', '事项']);
    expect(rows).toHaveLength(1 + 32 + 6 + 17 + 46);
    expect(
      (
        await worker.request(
          'POST',
          `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=xyz&effectiveFrom=2027-01-01`,
          multipart({ file: { bytes: await writeDutySheet([]), name: 'x.xlsx', type: xlsxType } }),
        )
      ).status,
    ).toBe(403);
  });

  it('tells the dispatcher whose duty a case is, and proposes a whistle when it is beyond the community', async () => {
    const worker = await new Session(ctx).login('worker1');
    const dispute = (
      await worker.post('/api/v1/cases', {
        channel: 'walkIn',
        placeCode: world.gridA.code,
        categoryCode: 'neighbour',
        description: '楼上邻居家漏水到我家，协商不成',
      })
    ).body.id;
    const own = await worker.get(`/api/v1/cases/${dispute}/duty-advice`);
    expect(own.body).toMatchObject({
      handledBy: 'community',
      proposeWhistle: false,
      item: { kind: 'self_governance', itemName: '邻里纠纷调解' },
    });
    const drain = (
      await worker.post('/api/v1/cases', {
        channel: 'walkIn',
        placeCode: world.gridA.code,
        categoryCode: 'drainage',
        description: '小区主下水管道堵塞，多户返水',
      })
    ).body.id;
    const other = await worker.get(`/api/v1/cases/${drain}/duty-advice`);
    expect(other.body).toMatchObject({
      handledBy: 'department',
      proposeWhistle: true,
      department: { code: 'D61089906', name: '县住建局' },
      item: { ref: '协助-1' },
    });
    // A pothole that mentions 老人 is no 为老服务: off the list, the road category's department answers for it.
    const pothole = (
      await worker.post('/api/v1/cases', {
        channel: 'walkIn',
        placeCode: world.gridA.code,
        categoryCode: 'road',
        description: '路面塌陷一个大坑，老人晚上路过容易摔倒',
      })
    ).body.id;
    const road = await worker.get(`/api/v1/cases/${pothole}/duty-advice`);
    expect(road.body).toMatchObject({
      item: null,
      handledBy: 'department',
      proposeWhistle: true,
      department: { code: 'D61089906' },
    });
  });

  it('checks work a department hands down against the admitted and cancelled items, and counts refusals', async () => {
    const dept = await new Session(ctx).login('receiver');
    const ok = await dept.post('/api/v1/duty-tasks', {
      communityCode: world.c1.code,
      title: '征兵政策宣传',
      description: '请社区张贴征兵海报',
    });
    expect(ok.body).toMatchObject({ status: 'accepted', itemRef: '准入-2-1' });
    const cancelled = await dept.post('/api/v1/duty-tasks', {
      communityCode: world.c1.code,
      title: '请社区出具居民无犯罪记录证明',
      description: '',
    });
    expect(cancelled.body.status).toBe('refused');
    expect(cancelled.body.reason).toContain('取消-1');
    const unlisted = await dept.post('/api/v1/duty-tasks', {
      communityCode: world.c1.code,
      title: '协助本局完成年度考核材料',
      description: '',
    });
    expect(unlisted.body).toMatchObject({ status: 'refused' });
    expect(unlisted.body.reason).toContain('不在准入事项清单内');
    const stats = await officer.get(`/api/v1/duty-tasks/stats?under=${world.street.code}`);
    expect(stats.body.items).toEqual([{ department: { code: 'D61089901', name: '城关司法所' }, total: 3, refused: 2 }]);
    const worker = await new Session(ctx).login('worker1');
    expect(
      (await worker.post('/api/v1/duty-tasks', { communityCode: world.c1.code, title: '征兵政策宣传' })).status,
    ).toBe(403);
  });

  it('lists the tasks a department handed out to that department, and the tasks a community received to that community', async () => {
    await buildUser(ctx.deps, 'cityHandler', 'department_handler', 'D61089905');
    const receiver = await new Session(ctx).login('receiver');
    const city = await new Session(ctx).login('cityHandler');
    const give = async (by: Session, communityCode: string, title: string) => {
      ctx.clock.advance(60_000);
      const res = await by.post('/api/v1/duty-tasks', { communityCode, title, description: '' });
      expect(res.status).toBe(201);
      return res.body as { id: string; status: string };
    };
    const a = await give(receiver, world.c1.code, '征兵政策宣传（列表甲）');
    const b = await give(city, world.c2.code, '征兵政策宣传（列表乙）');
    const c = await give(city, world.c1.code, '请社区出具居民无犯罪记录证明（列表丙）');
    const titles = (body: { items: { title: string }[] }) =>
      body.items.map((i) => i.title).filter((t) => t.includes('（列表'));

    // A department sees only its own tasks, newest first, with the verdict and the list's reference.
    const mine = await city.get('/api/v1/duty-tasks');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(mine.body.items[0]).toMatchObject({
      id: c.id,
      community: { code: world.c1.code, name: '和平社区' },
      department: { code: 'D61089905', name: '县城市管理局' },
      status: 'refused',
      itemRef: '取消-1',
      createdBy: 'cityHandler',
      createdAt: ctx.clock.now().toISOString(),
    });
    expect(mine.body.items[0].reason).toContain('取消事项');
    expect(mine.body.items[1]).toMatchObject({
      id: b.id,
      status: 'accepted',
      itemRef: '准入-2-1',
      community: { name: '文化社区' },
    });
    expect(titles((await receiver.get('/api/v1/duty-tasks?pageSize=100')).body)).toEqual(['征兵政策宣传（列表甲）']);
    // …and may narrow them to one community of its county.
    expect(titles((await city.get(`/api/v1/duty-tasks?under=${world.c2.code}`)).body)).toEqual([
      '征兵政策宣传（列表乙）',
    ]);

    // A community sees what was handed to it, whoever handed it; not what went to the next community.
    const worker1 = await new Session(ctx).login('worker1');
    expect(titles((await worker1.get('/api/v1/duty-tasks?pageSize=100')).body)).toEqual([
      '请社区出具居民无犯罪记录证明（列表丙）',
      '征兵政策宣传（列表甲）',
    ]);
    const worker2 = await new Session(ctx).login('worker2');
    expect(titles((await worker2.get('/api/v1/duty-tasks?pageSize=100')).body)).toEqual(['征兵政策宣传（列表乙）']);
    expect((await worker2.get(`/api/v1/duty-tasks?under=${world.c1.code}`)).status).toBe(404);
    expect(titles((await worker1.get('/api/v1/duty-tasks?status=refused&pageSize=100')).body)).toEqual([
      '请社区出具居民无犯罪记录证明（列表丙）',
    ]);

    // The street sees all of its communities', a page at a time.
    const all = await officer.get('/api/v1/duty-tasks?pageSize=100');
    expect(titles(all.body)).toEqual([
      '请社区出具居民无犯罪记录证明（列表丙）',
      '征兵政策宣传（列表乙）',
      '征兵政策宣传（列表甲）',
    ]);
    const second = await officer.get('/api/v1/duty-tasks?pageSize=1&page=2');
    expect(second.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 1, items: [{ id: b.id }] });
    expect(a.status).toBe('accepted');

    // No duty list, no list of tasks; and a department hands nothing to another county's community.
    const gridA = await new Session(ctx).login('gridA');
    expect((await gridA.get('/api/v1/duty-tasks')).status).toBe(403);
    const county = await buildPlace(ctx.deps, {
      kind: 'county',
      code: '610898',
      name: '邻县',
      parent: world.city,
      tenantId: '610898',
    });
    const street = await buildPlace(ctx.deps, { kind: 'street', code: '610898001', name: '邻县街道', parent: county });
    const elsewhere = await buildPlace(ctx.deps, {
      kind: 'community',
      code: '610898001001',
      name: '邻县社区',
      parent: street,
    });
    expect(
      (await city.post('/api/v1/duty-tasks', { communityCode: elsewhere.code, title: '征兵政策宣传' })).status,
    ).toBe(404);
    expect((await city.get(`/api/v1/duty-tasks?under=${elsewhere.code}`)).status).toBe(404);
  });

  it('refuses a sheet with a formula cell, and one past 20,000 rows, and keeps the versions as they were', async () => {
    const importSheet = async (bytes: Buffer) =>
      officer.request(
        'POST',
        `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=v9&effectiveFrom=2028-01-01`,
        multipart({ file: { bytes, name: 'v9.xlsx', type: xlsxType } }),
      );
    const versions = async () =>
      (await officer.get(`/api/v1/duty-lists?street=${world.street.code}`)).body.items.length;
    const before = await versions();
    const head = ['类型', '编号', '大类', '事项'];
    const formula = await importSheet(
      await xlsxOf(head, [['自治事项', { formula: '"自治-"&"9"', result: '自治-9' }, '居民自治', '议事协商']]),
    );
    expect(formula.status).toBe(422);
    expect(formula.body.error.details.errors).toEqual([{ row: 2, message: '编号 是公式，请改为直接填写内容' }]);
    const many = await importSheet(
      await xlsxOf(
        head,
        Array.from({ length: 20_001 }, (_, i) => ['自治事项', `自治-${i}`, '居民自治', `事项${i}`]),
      ),
    );
    expect(many.status).toBe(413);
    expect(many.body.error.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(await versions()).toBe(before);
  });
});
