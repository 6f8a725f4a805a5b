import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildDepartment, buildPlace, buildUser, buildWorld } from '../support/factories.js';
import { multipart, tinyPng } from '../support/files.js';
import {
  loadBundleForApplication,
  loadItemForApplication,
} from '../../src/server/features/services/catalogue/index.js';

// 服务事项目录 (issue 15): the county's catalogue edited by its administrators, read by its staff and
// by anyone through the public API; another county sees none of it.

let ctx: TestContext;
let admin: Session;
let officer: Session;
let worker: Session;
let otherAdmin: Session;
let anonymous: Session;
let departmentId: string;
let otherDepartmentId: string;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestApp();
  const world = await buildWorld(ctx.deps);
  await buildDepartment(ctx.deps, 'D61089902', '县民政局');
  const other = await buildPlace(ctx.deps, {
    kind: 'county',
    code: '610898',
    name: '邻县',
    parent: world.city,
    tenantId: '610898',
  });
  await buildDepartment(ctx.deps, 'D61089801', '邻县民政局', '610898');
  await buildUser(ctx.deps, 'otheradmin', 'admin', other.code);
  admin = await new Session(ctx).login('admin');
  officer = await new Session(ctx).login('officer');
  worker = await new Session(ctx).login('worker1');
  otherAdmin = await new Session(ctx).login('otheradmin');
  anonymous = new Session(ctx);
  const departments = await ctx.deps.db.selectFrom('departments').select(['id', 'code']).execute();
  departmentId = departments.find((d) => d.code === 'D61089902')!.id;
  otherDepartmentId = departments.find((d) => d.code === 'D61089801')!.id;
});
afterAll(() => ctx.close());

const form = {
  fields: [
    { key: 'name', label: '申请人姓名', kind: 'text', required: true, prefill: 'name' },
    { key: 'id_number', label: '身份证号', kind: 'id_number', required: true, prefill: 'id_number' },
    { key: 'reason', label: '申请理由', kind: 'textarea', maxLength: 500 },
    {
      key: 'members',
      label: '家庭成员',
      kind: 'table',
      columns: [
        { key: 'name', label: '姓名', kind: 'text', required: true },
        { key: 'relation', label: '关系', kind: 'choice', options: ['配偶', '子女', '父母'] },
      ],
      maxRows: 8,
    },
  ],
};
const materials = [
  { key: 'id_card', name: '居民身份证', required: true, original: true, copies: 1 },
  { key: 'income_proof', name: '家庭收入证明', required: true, original: false, copies: 1 },
];

let categoryId: string;
let itemId: string;
let secondItemId: string;
let bundleId: string;

describe(`services catalogue (${testEngine})`, () => {
  it('a county administrator adds a category, items (form, materials, handler) and a bundle', async () => {
    const category = await admin.post('/api/v1/services/categories', { code: 'MZ', name: '民政救助', sort: 2 });
    expect(category.status).toBe(201);
    categoryId = category.body.id;
    const item = await admin.post('/api/v1/services/items', {
      code: 'MZ-001',
      name: '最低生活保障申请',
      categoryId,
      eligibility: '家庭人均收入低于当地低保标准的本县户籍居民',
      handlerLevel: 'department',
      departmentId,
      timeLimitDays: 20,
      legalBasis: '《社会救助暂行办法》',
      channel: 'both',
      form,
      materials,
    });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ version: 1, handlerName: '县民政局', active: true, feeFen: 0 });
    itemId = item.body.id;
    const second = await admin.post('/api/v1/services/items', {
      code: 'MZ-002',
      name: '临时救助申请',
      categoryId,
      handlerLevel: 'street',
      timeLimitDays: 10,
      channel: 'window',
      form: {
        fields: [
          { key: 'applicant', label: '姓名', kind: 'text', required: true, prefill: 'name' },
          { key: 'phone', label: '联系电话', kind: 'phone', required: true },
        ],
      },
      materials: [{ key: 'id_card', name: '居民身份证', required: true, original: false, copies: 2 }],
    });
    expect(second.status).toBe(201);
    secondItemId = second.body.id;
    const cls = await admin.post('/api/v1/services/bundle-classes', { code: 'JM', name: '居民服务' });
    expect(cls.status).toBe(201);
    const bundle = await admin.post('/api/v1/services/bundles', {
      code: 'YJS-01',
      name: '困难群众救助一件事',
      classId: cls.body.id,
      itemIds: [itemId, secondItemId],
    });
    expect(bundle.status).toBe(201);
    bundleId = bundle.body.id;
    // one name input for both items (same prefill), id_card asked once with the larger copies
    expect(bundle.body.form.fields.filter((f: { prefill?: string }) => f.prefill === 'name')).toHaveLength(1);
    expect(bundle.body.sources.name).toEqual([
      { itemId, key: 'name' },
      { itemId: secondItemId, key: 'applicant' },
    ]);
    expect(bundle.body.materials.find((m: { key: string }) => m.key === 'id_card')).toMatchObject({
      copies: 2,
      original: true,
    });
    const audit = await ctx.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', itemId).execute();
    expect(audit.map((a) => a.action)).toContain('service_item.create');
  });

  it('a bad form definition is refused with 400 naming the field, and nothing is stored', async () => {
    const res = await admin.post('/api/v1/services/items', {
      code: 'MZ-BAD',
      name: '坏表单',
      categoryId,
      handlerLevel: 'community',
      timeLimitDays: 5,
      channel: 'online',
      form: { fields: [{ key: 'kind_of_help', label: '救助类别', kind: 'choice', options: ['只有一个'] }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.issues[0].path).toContain('kind_of_help');
    expect(res.body.error.details.issues[0].message).toContain('两个选项');
    const rows = await ctx.deps.db.selectFrom('service_items').select('id').where('code', '=', 'MZ-BAD').execute();
    expect(rows).toHaveLength(0);
  });

  it('a department of another county, or a department on a community item, is refused', async () => {
    const base = { code: 'MZ-X', name: '测试', categoryId, timeLimitDays: 1, channel: 'online' };
    const foreign = await admin.post('/api/v1/services/items', {
      ...base,
      handlerLevel: 'department',
      departmentId: otherDepartmentId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.issues[0].path).toBe('departmentId');
    const mixed = await admin.post('/api/v1/services/items', { ...base, handlerLevel: 'community', departmentId });
    expect(mixed.status).toBe(400);
  });

  it('an edit writes a new version row and an audit row; a stale version is 409 and changes nothing', async () => {
    const edit = await admin.patch(`/api/v1/services/items/${itemId}`, { version: 1, timeLimitDays: 15, feeFen: 500 });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ version: 2, timeLimitDays: 15, feeFen: 500 });
    const versions = await ctx.deps.db
      .selectFrom('service_item_versions')
      .select(['version', 'time_limit_days'])
      .where('item_id', '=', itemId)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, time_limit_days: 20 },
      { version: 2, time_limit_days: 15 },
    ]);
    const stale = await admin.patch(`/api/v1/services/items/${itemId}`, { version: 1, timeLimitDays: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('SERVICE_ITEM_CHANGED');
    expect((await admin.get(`/api/v1/services/items/${itemId}`)).body.timeLimitDays).toBe(15);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'service_item.edit')
      .where('entity_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ version: 1, timeLimitDays: 20 });
    expect(audit.after).toMatchObject({ version: 2, timeLimitDays: 15 });
  });

  it('street officers and community workers read the catalogue but cannot edit it', async () => {
    for (const s of [officer, worker]) {
      const list = await s.get('/api/v1/services/catalogue');
      expect(list.status).toBe(200);
      expect(list.body.mayEdit).toBe(false);
      expect(list.body.items.map((i: { code: string }) => i.code)).toContain('MZ-001');
      expect((await s.patch(`/api/v1/services/items/${itemId}`, { version: 2, name: '改名' })).status).toBe(403);
      expect((await s.post('/api/v1/services/categories', { code: 'X', name: '不行' })).status).toBe(403);
    }
    expect((await admin.get('/api/v1/services/catalogue')).body.mayEdit).toBe(true);
  });

  it('another county’s administrator sees none of this county’s catalogue and cannot edit it (404)', async () => {
    const list = await otherAdmin.get('/api/v1/services/catalogue');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    expect((await otherAdmin.get(`/api/v1/services/items/${itemId}`)).status).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/services/items/${itemId}`, { version: 2, name: '别县改名' })).status).toBe(
      404,
    );
    expect((await otherAdmin.patch(`/api/v1/services/categories/${categoryId}`, { name: '别县' })).status).toBe(404);
    expect((await otherAdmin.get(`/api/v1/services/bundles/${bundleId}`)).status).toBe(404);
    expect(await loadItemForApplication(ctx.deps.db, '610898', itemId)).toBeNull();
  });

  it('a sample file: only an upload the editor may read is accepted; anyone may download it while the item is offered', async () => {
    const mine = await admin.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'sample.png', type: 'image/png' } }),
    );
    expect(mine.status).toBe(201);
    const theirs = await otherAdmin.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'other.png', type: 'image/png' } }),
    );
    const refused = await admin.patch(`/api/v1/services/items/${secondItemId}`, {
      version: 1,
      materials: [{ key: 'id_card', name: '居民身份证', sampleFileId: theirs.body.id }],
    });
    expect(refused.status).toBe(400);
    const ok = await admin.patch(`/api/v1/services/items/${secondItemId}`, {
      version: 1,
      materials: [{ key: 'id_card', name: '居民身份证', copies: 2, sampleFileId: mine.body.id }],
    });
    expect(ok.status).toBe(200);
    const url = ok.body.materials[0].sampleUrl;
    expect(url).toBe(`/api/v1/public/services/samples/${mine.body.id}`);
    const download = await anonymous.get(url);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body, tinyPng)).toBe(0);
    // the county's staff read it through the files API too; another county does not
    expect((await worker.get(`/api/v1/files/${mine.body.id}`)).status).toBe(200);
    expect((await otherAdmin.get(`/api/v1/files/${mine.body.id}`)).status).toBe(404);
    // a file that is no sample is not public
    expect((await anonymous.get(`/api/v1/public/services/samples/${theirs.body.id}`)).status).toBe(404);
  });

  it('the public read shows active items only, with where they are handled and the merged bundle', async () => {
    const inactive = await admin.post('/api/v1/services/items', {
      code: 'MZ-OLD',
      name: '已停办事项',
      categoryId,
      handlerLevel: 'community',
      timeLimitDays: 0,
      channel: 'window',
      active: false,
    });
    expect(inactive.status).toBe(201);
    const list = await anonymous.get('/api/v1/public/services/catalogue?county=610899');
    expect(list.status).toBe(200);
    const codes = list.body.categories.flatMap((c: { items: { code: string }[] }) => c.items.map((i) => i.code));
    expect(codes).toEqual(['MZ-001', 'MZ-002']);
    expect(list.body.bundleClasses[0].bundles[0]).toMatchObject({ code: 'YJS-01', itemIds: [itemId, secondItemId] });
    expect((await anonymous.get(`/api/v1/public/services/items/${inactive.body.id}`)).status).toBe(404);
    const item = await anonymous.get(`/api/v1/public/services/items/${itemId}`);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ handlerName: '县民政局', categoryName: '民政救助', version: 2, feeFen: 500 });
    const bundle = await anonymous.get(`/api/v1/public/services/bundles/${bundleId}`);
    expect(bundle.status).toBe(200);
    expect(bundle.body.items).toHaveLength(2);
    expect(bundle.body.form.fields.map((f: { key: string }) => f.key)).toEqual([
      'name',
      'id_number',
      'reason',
      'members',
      'phone',
    ]);
    // the other county's public catalogue is empty
    const other = await anonymous.get('/api/v1/public/services/catalogue?county=610898');
    expect(other.status === 404 || other.body.categories.length === 0).toBe(true);
    // applications load the item and the bundle
    const loaded = await loadItemForApplication(ctx.deps.db, '610899', itemId);
    expect(loaded).toMatchObject({ version: 2, handlerLevel: 'department', departmentId, timeLimitDays: 15 });
    const loadedBundle = await loadBundleForApplication(ctx.deps.db, '610899', bundleId);
    expect(loadedBundle?.parts).toHaveLength(2);
    expect(loadedBundle?.sources.name).toHaveLength(2);
  });

  it('deactivating an item hides it and its bundles from the public; the bundle cannot be applied for', async () => {
    const current = (await admin.get(`/api/v1/services/items/${secondItemId}`)).body;
    const off = await admin.patch(`/api/v1/services/items/${secondItemId}`, {
      version: current.version,
      active: false,
    });
    expect(off.status).toBe(200);
    expect((await anonymous.get(`/api/v1/public/services/bundles/${bundleId}`)).status).toBe(404);
    expect(await loadBundleForApplication(ctx.deps.db, '610899', bundleId)).toBeNull();
    const on = await admin.patch(`/api/v1/services/items/${secondItemId}`, {
      version: current.version + 1,
      active: true,
    });
    expect(on.status).toBe(200);
  });

  it('exports the whole catalogue and imports it back unchanged; a bad workbook imports nothing', async () => {
    const exported = await admin.get('/api/v1/services/catalogue.xlsx');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain(xlsxType);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['类别', '事项', '表单字段', '材料', '一件事', '一件事事项']);
    const fields = book.getWorksheet('表单字段')!;
    const kinds = fields.getColumn(4).values.slice(2);
    expect(kinds).toContain('身份证号');
    expect(fields.getColumn(2).values).toContain('members.relation');

    const upload = (bytes: Buffer) =>
      admin.request(
        'POST',
        '/api/v1/services/catalogue/import',
        multipart({ file: { bytes, name: 'c.xlsx', type: xlsxType } }),
      );
    const same = await upload(exported.body);
    expect(same.status).toBe(200);
    expect(same.body).toEqual({
      categories: { added: 0, changed: 0 },
      items: { added: 0, changed: 0 },
      bundleClasses: { added: 0, changed: 0 },
      bundles: { added: 0, changed: 0 },
    });

    // change one item's time limit, add an item with a form field, and re-import
    const items = book.getWorksheet('事项')!;
    items.getRow(2).getCell(8).value = 9;
    items.addRow(['MZ-003', '残疾人两项补贴', 'MZ', '', '', '社区办理', '', 5, '0.00', '', '', '网上或窗口', 3, '是']);
    fields.addRow(['MZ-003', 'name', '姓名', '单行文字', '是', '', '姓名', '最多字数=20', '']);
    fields.addRow(['MZ-003', 'level', '残疾等级', '选择', '是', '一级|二级|三级|四级', '', '', '']);
    const changed = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    expect(changed.status).toBe(200);
    expect(changed.body.items).toEqual({ added: 1, changed: 1 });
    const catalogue = (await admin.get('/api/v1/services/catalogue')).body;
    const first = catalogue.items.find((i: { code: string }) => i.code === 'MZ-001');
    expect(first).toMatchObject({ timeLimitDays: 9, version: 3 });
    const added = catalogue.items.find((i: { code: string }) => i.code === 'MZ-003');
    expect(added.form.fields[1]).toMatchObject({
      key: 'level',
      kind: 'choice',
      options: ['一级', '二级', '三级', '四级'],
    });
    expect(added.form.fields[0]).toMatchObject({ prefill: 'name', maxLength: 20 });

    // a bad row: nothing imported, each bad row told in Chinese with its sheet and row
    items.getRow(2).getCell(8).value = 4;
    items.addRow(['MZ-004', '坏事项', 'NOPE', '', '', '部门办理', '', 5, '0', '', '', '网上', 1, '也许']);
    fields.addRow(['MZ-003', 'level2', '再选', '选择', '否', '唯一', '', '', '']);
    const bad = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('IMPORT_HAS_ERRORS');
    const messages = bad.body.error.details.errors.map(
      (e: { sheet: string; row: number; message: string }) => `${e.sheet}${e.row}:${e.message}`,
    );
    expect(messages.join('\n')).toContain('类别编码 NOPE 不存在');
    expect(messages.join('\n')).toContain('“在用”请填“是”或“否”');
    expect(messages.join('\n')).toContain('level2');
    expect(messages.join('\n')).toContain('部门办理的事项须填写办理部门编码');
    expect((await admin.get(`/api/v1/services/items/${itemId}`)).body.timeLimitDays).toBe(9);

    // only a county administrator imports
    expect(
      (
        await worker.request(
          'POST',
          '/api/v1/services/catalogue/import',
          multipart({ file: { bytes: exported.body, name: 'c.xlsx', type: xlsxType } }),
        )
      ).status,
    ).toBe(403);
  });
});
