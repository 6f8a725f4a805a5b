import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let admin: Session;
let worker: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  admin = await new Session(ctx).login('admin');
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const category = async (code: string) =>
  (await admin.request('GET', '/api/v1/categories')).body.items.find((c: { code: string }) => c.code === code);
const file = async (categoryCode: string, over: Record<string, unknown> = {}) => {
  const res = await worker.request('POST', '/api/v1/cases', {
    channel: 'hotline',
    placeCode: world.gridA.code,
    categoryCode,
    description: '小区门口的垃圾三天没有清运了',
    ...over,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
  worker.request('POST', `/api/v1/cases/${id}/actions/${action}`, body);
const caseRow = (id: string) =>
  ctx.deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const hoursBetween = (a: Date | string, b: Date | string) =>
  (new Date(b).getTime() - new Date(a).getTime()) / 3_600_000;
const gridWorkerId = async () =>
  (await ctx.deps.db.selectFrom('users').select('id').where('username', '=', 'gridA').executeTakeFirstOrThrow()).id;

describe(`categories (${testEngine})`, () => {
  it('lists every category with its limits, and tells the county admin, not the community, that they may edit', async () => {
    const list = await admin.request('GET', '/api/v1/categories');
    expect(list.status).toBe(200);
    expect(list.body.mayEdit).toBe(true);
    expect(list.body.items.find((c: { code: string }) => c.code === 'garbage')).toMatchObject({
      name: '垃圾清运',
      parentCode: 'city_appearance',
      resolveHours: 48,
      version: 1,
      active: true,
    });
    expect((await worker.request('GET', '/api/v1/categories')).body.mayEdit).toBe(false);
  });

  it('an edit writes a new version with who and what changed, and an audit row', async () => {
    const res = await admin.request('PATCH', '/api/v1/categories/sanitation', { version: 1, resolveHours: 36 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resolveHours: 36, version: 2 });
    const history = await admin.request('GET', '/api/v1/categories/sanitation/versions');
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({
      version: 2,
      change: 'edit',
      changes: [{ field: 'resolveHours', before: 48, after: 36 }],
    });
    expect(history.body.items[0].changedBy).toBeTruthy();
    expect(history.body.items[1]).toMatchObject({ version: 1, change: 'initial' });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'category.edit')
      .where('entity_id', '=', 'sanitation')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ version: 1, resolveHours: 48 });
    expect(audit.after).toMatchObject({ version: 2, resolveHours: 36 });
  });

  it('a stale version is refused with 409 and changes nothing', async () => {
    const res = await admin.request('PATCH', '/api/v1/categories/sanitation', { version: 1, resolveHours: 12 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CATEGORY_CHANGED');
    expect(await category('sanitation')).toMatchObject({ resolveHours: 36, version: 2 });
  });

  it('a community or street worker cannot edit the county’s categories, nor import', async () => {
    const officer = await new Session(ctx).login('officer');
    for (const s of [worker, officer]) {
      const edit = await s.request('PATCH', '/api/v1/categories/garbage', { version: 1, resolveHours: 1 });
      expect(edit.status).toBe(403);
      expect((await s.request('POST', '/api/v1/categories', { nameZh: '自建分类', ...limits })).status).toBe(403);
      expect((await s.request('POST', '/api/v1/categories/import-standard')).status).toBe(403);
    }
    const grid = await new Session(ctx).login('gridA');
    expect((await grid.request('PATCH', '/api/v1/categories/garbage', { version: 1, resolveHours: 1 })).status).toBe(
      403,
    );
    expect(await category('garbage')).toMatchObject({ resolveHours: 48, version: 1 });
  });

  it('a case keeps the limits it was filed under: an old case’s next clock uses the old limit, a new case the new one', async () => {
    const gridA = await gridWorkerId();
    const old = await file('garbage');
    expect((await caseRow(old)).category_version).toBe(1);
    const edit = await admin.request('PATCH', '/api/v1/categories/garbage', {
      version: 1,
      resolveHours: 96,
      dispatchMinutes: 30,
    });
    expect(edit.status).toBe(200);
    const fresh = await file('garbage');
    expect((await caseRow(fresh)).category_version).toBe(2);
    for (const id of [old, fresh]) {
      expect((await act(id, 'accept')).status).toBe(200);
      expect((await act(id, 'dispatch', { target: { kind: 'user', id: gridA } })).status).toBe(200);
    }
    // The case shows the limits it keeps, which the dispatch dialog offers as the default.
    expect((await worker.request('GET', `/api/v1/cases/${old}`)).body.limits).toMatchObject({ resolveHours: 48 });
    expect((await worker.request('GET', `/api/v1/cases/${fresh}`)).body.limits).toMatchObject({ resolveHours: 96 });
    const [o, n] = [await caseRow(old), await caseRow(fresh)];
    expect(hoursBetween(o.dispatched_at!, o.resolve_due_at!)).toBe(48);
    expect(hoursBetween(n.dispatched_at!, n.resolve_due_at!)).toBe(96);
    // Sent back, the old case must be dispatched again within the old 120 minutes, the new within 30.
    const grid = await new Session(ctx).login('gridA');
    for (const id of [old, fresh])
      expect((await grid.request('POST', `/api/v1/cases/${id}/actions/return`, { reason: '不归网格管' })).status).toBe(
        200,
      );
    const [o2, n2] = [await caseRow(old), await caseRow(fresh)];
    expect(hoursBetween(ctx.clock.now(), o2.dispatch_due_at!)).toBe(2);
    expect(hoursBetween(ctx.clock.now(), n2.dispatch_due_at!)).toBe(0.5);
  });

  it('refuses bad input with 4xx codes and leaves nothing behind', async () => {
    const before = (await admin.request('GET', '/api/v1/categories')).body.items.length;
    const cases: [unknown, number, string][] = [
      [{ nameZh: '', ...limits }, 400, 'VALIDATION_FAILED'],
      [{ nameZh: '测试', ...limits, resolveHours: 0 }, 400, 'VALIDATION_FAILED'],
      [{ nameZh: '测试', ...limits, firstContactMinutes: 1.5 }, 400, 'VALIDATION_FAILED'],
      [{ nameZh: '测试', ...limits, parentCode: 'nope' }, 400, 'VALIDATION_FAILED'],
      [{ nameZh: '测试', ...limits, code: 'mine' }, 400, 'VALIDATION_FAILED'],
      [{ nameZh: '测\u0000试', ...limits }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await admin.request('POST', '/api/v1/categories', body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    const unknownParent = await admin.request('POST', '/api/v1/categories', {
      nameZh: '测试',
      ...limits,
      parentCode: 'nope',
    });
    expect(unknownParent.body.error.details.issues[0]).toMatchObject({
      path: 'parentCode',
      message: '没有这个上级分类',
    });
    // Three levels at most: garbage is level 2, a child is level 3, a grandchild would be level 4.
    const third = await admin.request('POST', '/api/v1/categories', {
      nameZh: '大件垃圾',
      ...limits,
      parentCode: 'garbage',
    });
    expect(third.status).toBe(201);
    const fourth = await admin.request('POST', '/api/v1/categories', {
      nameZh: '旧沙发',
      ...limits,
      parentCode: third.body.code,
    });
    expect(fourth.status).toBe(400);
    expect(fourth.body.error.details.issues[0].message).toBe('分类最多三级');
    const loop = await admin.request('PATCH', '/api/v1/categories/city_appearance', {
      version: 1,
      parentCode: 'garbage',
    });
    expect(loop.status).toBe(400);
    expect((await admin.request('PATCH', '/api/v1/categories/nope', { version: 1, sort: 3 })).status).toBe(404);
    expect((await admin.request('GET', '/api/v1/categories/nope/versions')).status).toBe(404);
    expect((await admin.request('GET', '/api/v1/categories')).body.items.length).toBe(before + 1);
  });

  it('a new category gets a standard-like code and a first version; it is deleted while unused, deactivated once used', async () => {
    const made = await admin.request('POST', '/api/v1/categories', {
      nameZh: '楼道堆物',
      ...limits,
      parentCode: 'city_appearance',
    });
    expect(made.status).toBe(201);
    expect(made.body.code).toMatch(/^E99\d{2}$/);
    expect((await admin.request('GET', `/api/v1/categories/${made.body.code}/versions`)).body.items).toHaveLength(1);
    expect((await admin.request('DELETE', `/api/v1/categories/${made.body.code}`)).status).toBe(204);
    expect(await category(made.body.code)).toBeUndefined();

    await file('sanitation');
    const used = await admin.request('DELETE', '/api/v1/categories/sanitation');
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe('CATEGORY_IN_USE');
    // A class with active sub-classes is not switched off under them.
    const parent = await admin.request('PATCH', '/api/v1/categories/city_appearance', { version: 1, active: false });
    expect(parent.status).toBe(400);
    expect(parent.body.error.details.issues[0].message).toBe('请先停用它的下级分类');
    const off = await admin.request('PATCH', '/api/v1/categories/sanitation', { version: 2, active: false });
    expect(off.status).toBe(200);
    // New cases cannot choose it; the old ones keep their name.
    const refused = await worker.request('POST', '/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.gridA.code,
      categoryCode: 'sanitation',
      description: '小区门口的垃圾三天没有清运了',
    });
    expect(refused.status).toBe(400);
    const list = await worker.request('GET', '/api/v1/cases?category=sanitation');
    expect(list.body.items[0].category).toMatchObject({ code: 'sanitation', name: '环境卫生' });
  });

  it('imports the standard’s classes once (idempotent, audited); the emergency class is urgent with a 10-minute first contact', async () => {
    const first = await admin.request('POST', '/api/v1/categories/import-standard');
    expect(first.status).toBe(200);
    expect(first.body.added).toBeGreaterThan(50);
    expect(first.body.kept).toBe(0);
    const again = await admin.request('POST', '/api/v1/categories/import-standard');
    expect(again.body).toEqual({ added: 0, kept: first.body.added });
    const audits = await ctx.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'category.import')
      .execute();
    expect(audits).toHaveLength(1);

    const names = (await admin.request('GET', '/api/v1/categories')).body.items.map((c: { name: string }) => c.name);
    for (const n of [
      '市容环境',
      '宣传广告',
      '施工管理',
      '突发事件',
      '街面秩序',
      '公用设施',
      '道路交通',
      '园林绿化',
      '房屋土地',
      '其它设施',
    ])
      expect(names).toContain(n);
    expect(await category('E04')).toMatchObject({ name: '突发事件', urgent: true, firstContactMinutes: 10 });
    expect(await category('C01')).toMatchObject({ name: '公用设施', kind: 'component' });

    // A case under an emergency sub-class is urgent and must be called back within 10 minutes.
    const id = await file('E0403', { description: '楼下燃气管道漏气，味道很大' });
    const c = await caseRow(id);
    expect(c.priority).toBe('urgent');
    expect(hoursBetween(c.created_at, c.first_contact_due_at!) * 60).toBe(10);

    // An edited standard class is kept as edited when the import runs again.
    await admin.request('PATCH', '/api/v1/categories/E0401', { version: 1, firstContactMinutes: 5 });
    await admin.request('POST', '/api/v1/categories/import-standard');
    expect(await category('E0401')).toMatchObject({ firstContactMinutes: 5, version: 2 });
    // The old codes still work beside them (Open311 service codes, statistics).
    expect(await category('street_light')).toMatchObject({ active: true });
  });
});

const limits = {
  firstContactMinutes: 30,
  dispatchMinutes: 120,
  takeMinutes: 60,
  resolveHours: 72,
  businessDays: false,
};
