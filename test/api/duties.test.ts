import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDutyItems } from '../../src/server/demo/duties.js';
import { writeDutySheet } from '../../src/server/features/duties/excel.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildDepartment, buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, readXlsx } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let officer: Session;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await ctx.deps.db.insertInto('departments').values({ id: '01a2aaaa-0000-7000-8000-000000000001', tenant_id: '610899', code: 'D61089905', name: '县城市管理局', kind: 'city_management', street_code: null, created_at: ctx.clock.now() }).execute();
  await buildDepartment(ctx.deps, 'D61089906', '县住建局');
  await ctx.deps.db.updateTable('departments').set({ kind: 'housing' }).where('code', '=', 'D61089906').execute();
  officer = await new Session(ctx).login('officer');
  const bytes = await writeDutySheet(demoDutyItems());
  const imported = await officer.request('POST', `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=${encodeURIComponent('城关街道权责清单（2026年版）')}&effectiveFrom=2026-01-01`, multipart({ file: { bytes, name: 'list.xlsx', type: xlsxType } }));
  expect(imported.status).toBe(201);
});
afterAll(() => ctx.close());

describe(`duty lists 权责清单 (${testEngine})`, () => {
  it('keeps versions with effective dates; communities read their street’s list; it exports back to Excel', async () => {
    const worker = await new Session(ctx).login('worker1');
    const lists = await worker.get(`/api/v1/duty-lists?street=${world.street.code}`);
    expect(lists.body.items[0]).toMatchObject({ version: 1, effectiveFrom: '2026-01-01', effectiveTo: null, counts: { self_governance: 32, admitted: 17, cancelled: 46, assisting: 6 } });
    const second = await officer.request('POST', `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=v2&effectiveFrom=2027-01-01`, multipart({ file: { bytes: await writeDutySheet(demoDutyItems()), name: 'v2.xlsx', type: xlsxType } }));
    expect(second.body.version).toBe(2);
    const versions = (await worker.get(`/api/v1/duty-lists?street=${world.street.code}`)).body.items;
    expect(versions.map((v: { version: number; effectiveTo: string | null }) => [v.version, v.effectiveTo])).toEqual([[2, null], [1, '2026-12-31']]);
    const sheet = await worker.get(`/api/v1/duty-lists/${versions[1].id}/export.xlsx`);
    const rows = await readXlsx(sheet.body);
    expect(rows[0].slice(0, 4)).toEqual(['类型', '编号', '大类', '事项']);
    expect(rows).toHaveLength(1 + 32 + 6 + 17 + 46);
    expect((await worker.request('POST', `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=xyz&effectiveFrom=2027-01-01`, multipart({ file: { bytes: await writeDutySheet([]), name: "x.xlsx", type: xlsxType } }))).status).toBe(403);
  });

  it('tells the dispatcher whose duty a case is, and proposes a whistle when it is beyond the community', async () => {
    const worker = await new Session(ctx).login('worker1');
    const dispute = (await worker.post('/api/v1/cases', { channel: 'walkIn', placeCode: world.gridA.code, categoryCode: 'neighbour', description: '楼上邻居家漏水到我家，协商不成' })).body.id;
    const own = await worker.get(`/api/v1/cases/${dispute}/duty-advice`);
    expect(own.body).toMatchObject({ handledBy: 'community', proposeWhistle: false, item: { kind: 'self_governance', itemName: '邻里纠纷调解' } });
    const drain = (await worker.post('/api/v1/cases', { channel: 'walkIn', placeCode: world.gridA.code, categoryCode: 'drainage', description: '小区主下水管道堵塞，多户返水' })).body.id;
    const other = await worker.get(`/api/v1/cases/${drain}/duty-advice`);
    expect(other.body).toMatchObject({ handledBy: 'department', proposeWhistle: true, department: { code: 'D61089906', name: '县住建局' }, item: { ref: '协助-1' } });
  });

  it('checks work a department hands down against the admitted and cancelled items, and counts refusals', async () => {
    const dept = await new Session(ctx).login('receiver');
    const ok = await dept.post('/api/v1/duty-tasks', { communityCode: world.c1.code, title: '征兵政策宣传', description: '请社区张贴征兵海报' });
    expect(ok.body).toMatchObject({ status: 'accepted', itemRef: '准入-2-1' });
    const cancelled = await dept.post('/api/v1/duty-tasks', { communityCode: world.c1.code, title: '请社区出具居民无犯罪记录证明', description: '' });
    expect(cancelled.body.status).toBe('refused');
    expect(cancelled.body.reason).toContain('取消-1');
    const unlisted = await dept.post('/api/v1/duty-tasks', { communityCode: world.c1.code, title: '协助本局完成年度考核材料', description: '' });
    expect(unlisted.body).toMatchObject({ status: 'refused' });
    expect(unlisted.body.reason).toContain('不在准入事项清单内');
    const stats = await officer.get(`/api/v1/duty-tasks/stats?under=${world.street.code}`);
    expect(stats.body.items).toEqual([{ department: { code: 'D61089901', name: '城关司法所' }, total: 3, refused: 2 }]);
    const worker = await new Session(ctx).login('worker1');
    expect((await worker.post('/api/v1/duty-tasks', { communityCode: world.c1.code, title: '征兵政策宣传' })).status).toBe(403);
  });
});
