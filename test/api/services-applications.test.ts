import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationDetail,
  ApplicationList,
  PartList,
} from '../../src/server/features/services/applications/schemas.js';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows, testEngine } from '../support/db.js';
import { buildDepartment, buildUser, buildWorld, givePhone } from '../support/factories.js';
import { multipart, pdfText, tinyPng } from '../support/files.js';
import { loginCodeOf } from '../support/handset.js';
import { buildServiceBundle, buildServiceCategory, buildServiceItem } from '../support/services.js';

// 办件 (issue 15): applications for one item or a bundle, from the window (代办) or the phone; parts
// fanned out to departments and the community, each on its working-day clock; 补正 pausing it;
// scope; withdraw; rating once; the applicant's SMS.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let c1Id: string;
let c2Id: string;
const items: Record<string, { id: string; name: string }> = {};
let bundle: { id: string; name: string };

const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const ZHANG = idOf('61089919800101123');
const LI = idOf('61089919900202234');

const session = (username: string) => new Session(ctx).login(username);
async function residentSession(phone: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
  return s;
}
const upload = async (s: Session) =>
  (await s.request('POST', '/api/v1/files', multipart({ file: { bytes: tinyPng, name: 'id.png', type: 'image/png' } })))
    .body.id as string;
const count = (table: 'service_applications' | 'service_application_parts') => countRows(ctx.deps.db, table);
async function templatesTo(phone: string) {
  const rows = await ctx.deps.db.selectFrom('sms_outbox').select(['template', 'to_phone_enc']).orderBy('id').execute();
  return rows.filter((r) => ctx.deps.pii.decrypt(r.to_phone_enc) === phone).map((r) => r.template);
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  c1Id = world.c1.id;
  c2Id = world.c2.id;
  await buildDepartment(ctx.deps, 'D61089902', '县民政局');
  await buildDepartment(ctx.deps, 'D61089903', '县人社局');
  await buildUser(ctx.deps, 'civil', 'department_receiver', 'D61089902');
  await buildUser(ctx.deps, 'labour', 'department_receiver', 'D61089903');
  await givePhone(ctx.deps, 'officer', '13900000001');
  await givePhone(ctx.deps, 'civil', '13900000002');
  const cat = await buildServiceCategory(ctx.deps);
  const person = [
    { key: 'name', label: '姓名', kind: 'text' as const, required: true, prefill: 'name' as const },
    { key: 'id_number', label: '身份证号', kind: 'id_number' as const, required: true, prefill: 'id_number' as const },
  ];
  items.allowance = await buildServiceItem(ctx.deps, {
    categoryId: cat.id,
    code: 'MZ001',
    name: '最低生活保障申请',
    handlerLevel: 'department',
    departmentCode: 'D61089902',
    timeLimitDays: 5,
    fields: [...person, { key: 'income', label: '家庭月收入', kind: 'number', required: true, min: 0 }],
    materials: [{ key: 'id_card', name: '居民身份证' }],
  });
  items.employment = await buildServiceItem(ctx.deps, {
    categoryId: cat.id,
    code: 'RS001',
    name: '就业困难人员认定',
    handlerLevel: 'department',
    departmentCode: 'D61089903',
    timeLimitDays: 3,
    fields: [...person, { key: 'employer', label: '原工作单位', kind: 'text' }],
    materials: [
      { key: 'id_card', name: '居民身份证' },
      { key: 'household_register', name: '居民户口簿', required: false },
    ],
  });
  items.proof = await buildServiceItem(ctx.deps, {
    categoryId: cat.id,
    code: 'SQ001',
    name: '居住证明开具',
    handlerLevel: 'community',
    timeLimitDays: 0,
    fields: [{ key: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name' }],
  });
  items.windowOnly = await buildServiceItem(ctx.deps, {
    categoryId: cat.id,
    code: 'SQ002',
    name: '老年人优待证办理',
    channel: 'window',
    fields: [{ key: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name' }],
  });
  bundle = await buildServiceBundle(ctx.deps, 'YJS01', '困难群众救助一件事', [
    items.allowance.id,
    items.employment.id,
    items.proof.id,
  ]);
});
afterAll(() => ctx.close());

describe(`service applications 办件 (${testEngine})`, () => {
  it('validates the answers against the item’s form on the server, naming every problem, and keeps nothing', async () => {
    const worker = await session('worker1');
    const before = [await count('service_applications'), await count('service_application_parts')];
    const res = await worker.post('/api/v1/services/applications', {
      itemId: items.allowance.id,
      communityId: c1Id,
      answers: { name: '张三', id_number: '610899198001011230', income: -5, hobby: '钓鱼' },
      materials: [{ key: 'passport', fileIds: [] }],
      applicant: { name: '张三', idNumber: ZHANG, phone: '13800000001' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual([
      'answers.hobby',
      'answers.id_number',
      'answers.income',
      'materials.id_card',
      'materials.passport',
    ]);
    expect([await count('service_applications'), await count('service_application_parts')]).toEqual(before);
  });

  it('takes only files the caller may attach, and window-only items from window staff only', async () => {
    const other = await session('worker2');
    const theirs = await upload(other);
    const worker = await session('worker1');
    const refused = await worker.post('/api/v1/services/applications', {
      itemId: items.allowance.id,
      communityId: c1Id,
      answers: { name: '张三', id_number: ZHANG, income: 800 },
      materials: [{ key: 'id_card', fileIds: [theirs] }],
      applicant: { name: '张三', idNumber: ZHANG },
    });
    expect(refused.status).toBe(400);
    // A resident's atWindow is 带到窗口核验 (services-phone.test.ts), not a check: allowed there.
    const resident = await residentSession('13700000009');
    const windowOnly = await resident.post('/api/v1/services/applications', {
      itemId: items.windowOnly.id,
      communityId: c1Id,
      answers: { name: '张三' },
    });
    expect(windowOnly.status).toBe(400);
    expect(await count('service_applications')).toBe(0);
  });

  it('fans a bundle out to two departments and the community, and settles it when one part is refused', async () => {
    const worker = await session('worker1');
    const photo = await upload(worker);
    const filed = await worker.post('/api/v1/services/applications', {
      bundleId: bundle.id,
      communityId: c1Id,
      answers: { name: '张三', id_number: ZHANG, income: 800, employer: '县纺织厂' },
      materials: [{ key: 'id_card', fileIds: [photo] }],
      applicant: { name: '张三', idNumber: ZHANG, phone: '13800000001' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.code).toMatch(/^FW-20261124-\d{4}$/);
    const id = filed.body.id;
    const row = await ctx.deps.db
      .selectFrom('service_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.on_behalf).toBe(true);
    expect(row.source).toBe('window');
    expect(row.id_number_masked).toBe(`610899********${ZHANG.slice(-4)}`);
    expect(row.answers_enc).not.toContain('张三');
    expect(row.id_number_enc).not.toContain(ZHANG);

    expect((await worker.post(`/api/v1/services/applications/${id}/accept`)).status).toBe(200);
    let detail = (await worker.get(`/api/v1/services/applications/${id}`)).body;
    expect(detail.state).toBe('accepted');
    expect(detail.parts.map((p: { handlerName: string; state: string }) => [p.handlerName, p.state])).toEqual([
      ['县民政局', 'pending'],
      ['县人社局', 'pending'],
      ['和平社区', 'pending'],
    ]);
    // 5, 3 and 0 (即办) working days from Tuesday 24 November 09:00 Beijing time.
    expect(detail.parts.map((p: { dueAt: string }) => p.dueAt)).toEqual([
      '2026-12-01T09:30:00.000Z',
      '2026-11-27T09:30:00.000Z',
      '2026-11-24T09:30:00.000Z',
    ]);
    const [allowance, employment, proof] = detail.parts.map((p: { id: string }) => p.id);

    const civil = await session('civil');
    const labour = await session('labour');
    // A department sees its own part only: not another's, not the window's actions.
    expect((await labour.post(`/api/v1/services/parts/${allowance}/take`)).status).toBe(404);
    expect((await civil.get('/api/v1/services/parts')).body.items.map((p: { id: string }) => p.id)).toEqual([
      allowance,
    ]);
    const civilView = (await civil.get(`/api/v1/services/applications/${id}`)).body;
    expect(civilView.whole).toBe(false);
    expect(Object.keys(civilView.answers).sort()).toEqual(['id_number', 'income', 'name']);
    expect(civilView.actions).toEqual([]);
    expect(civilView.parts.map((p: { mine: boolean; actions: string[] }) => [p.mine, p.actions])).toEqual([
      [true, ['take', 'supplement']],
      [false, []],
      [false, []],
    ]);
    expect((await civil.get(`/api/v1/files/${photo}`)).status).toBe(200);
    expect((await civil.post(`/api/v1/services/applications/${id}/ready`)).status).toBe(409);

    expect((await civil.post(`/api/v1/services/parts/${allowance}/take`)).status).toBe(200);
    expect((await civil.post(`/api/v1/services/parts/${allowance}/approve`, { note: '符合条件' })).body).toMatchObject({
      state: 'approved',
      applicationState: 'in_review',
    });
    expect((await labour.post(`/api/v1/services/parts/${employment}/take`)).status).toBe(200);
    expect((await labour.post(`/api/v1/services/parts/${employment}/refuse`)).status).toBe(400);
    expect((await labour.post(`/api/v1/services/parts/${employment}/refuse`, { note: '未办理失业登记' })).status).toBe(
      200,
    );
    expect((await worker.post(`/api/v1/services/parts/${proof}/take`)).status).toBe(200);
    const last = await worker.post(`/api/v1/services/parts/${proof}/approve`);
    expect(last.body.applicationState).toBe('approved');

    // The other department's refusal reason stays with it.
    const civilAfter = (await civil.get(`/api/v1/services/applications/${id}`)).body;
    expect(civilAfter.parts[1]).toMatchObject({ state: 'refused', decisionNote: null });
    expect(JSON.stringify(civilAfter.timeline)).not.toContain('未办理失业登记');

    expect((await worker.post(`/api/v1/services/applications/${id}/ready`)).status).toBe(200);
    expect((await worker.post(`/api/v1/services/applications/${id}/collect`)).status).toBe(200);
    detail = (await worker.get(`/api/v1/services/applications/${id}`)).body;
    expect(detail).toMatchObject({ state: 'collected', visits: 1, actions: [] });
    // Every answer is what its schema says, and says nothing more (the web's types come from them).
    expect(ApplicationDetail.parse(detail)).toEqual(detail);
    expect(ApplicationDetail.parse(civilAfter)).toEqual(civilAfter);
    const queue = (await worker.get('/api/v1/services/applications')).body;
    expect(ApplicationList.parse(queue)).toEqual(queue);
    const review = (await civil.get('/api/v1/services/parts?state=done')).body;
    expect(review.items).toHaveLength(1);
    expect(PartList.parse(review)).toEqual(review);
    expect(await templatesTo('13800000001')).toEqual(['service_submitted', 'service_accepted', 'service_ready']);
  });

  it('shows a place’s applications to nobody of another place, and a part to nobody of another department', async () => {
    const worker = await session('worker1');
    const filed = await worker.post('/api/v1/services/applications', {
      itemId: items.proof.id,
      communityId: c1Id,
      answers: { name: '李四' },
      applicant: { name: '李四', idNumber: LI },
    });
    const id = filed.body.id;
    const other = await session('worker2');
    expect((await other.get(`/api/v1/services/applications/${id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/services/applications/${id}/accept`)).status).toBe(404);
    const queue = (await other.get('/api/v1/services/applications')).body;
    expect(queue.items).toEqual([]);
    expect(queue.counts).toEqual({});
    expect((await worker.get('/api/v1/services/applications')).body.items.map((a: { id: string }) => a.id)).toContain(
      id,
    );
    // Entering for a resident of another community is out of scope too.
    const elsewhere = await other.post('/api/v1/services/applications', {
      itemId: items.proof.id,
      communityId: c1Id,
      answers: { name: '李四' },
      applicant: { name: '李四', idNumber: LI },
    });
    expect(elsewhere.status).toBe(404);
    const receiver = await session('receiver');
    expect((await receiver.get('/api/v1/services/parts')).body.items).toEqual([]);
    expect((await receiver.get(`/api/v1/services/applications/${id}`)).status).toBe(404);
    void c2Id;
  });

  it('pauses the clock for 补正 and moves the deadline by the working time it stood still', async () => {
    ctx.clock.set('2026-11-24T01:00:00Z'); // Tuesday 09:00
    const worker = await session('worker1');
    const photo = await upload(worker);
    const filed = await worker.post('/api/v1/services/applications', {
      itemId: items.allowance.id,
      communityId: c1Id,
      answers: { name: '王五', id_number: LI, income: 600 },
      materials: [{ key: 'id_card', fileIds: [photo] }],
      applicant: { name: '王五', idNumber: LI, phone: '13800000002' },
    });
    const id = filed.body.id;
    await worker.post(`/api/v1/services/applications/${id}/accept`);
    let civil = await session('civil');
    const part = (await worker.get(`/api/v1/services/applications/${id}`)).body.parts[0];
    expect(part.dueAt).toBe('2026-12-01T09:30:00.000Z'); // 5 working days: Tuesday 1 December 17:30
    await civil.post(`/api/v1/services/parts/${part.id}/take`);

    ctx.clock.set('2026-11-25T09:30:00Z'); // Wednesday 17:30 (sessions idle out over a day: log in again)
    civil = await session('civil');
    expect((await civil.post(`/api/v1/services/parts/${part.id}/supplement`)).status).toBe(400);
    const asked = await civil.post(`/api/v1/services/parts/${part.id}/supplement`, { note: '请补交近三个月收入证明' });
    expect(asked.body).toMatchObject({ state: 'supplement', applicationState: 'supplement' });
    expect((await civil.post(`/api/v1/services/parts/${part.id}/approve`)).status).toBe(409);

    ctx.clock.set('2026-11-27T09:30:00Z'); // Friday 17:30: two working days later
    const clerk = await session('worker1');
    const back = await clerk.post(`/api/v1/services/applications/${id}/resubmit`, { note: '已在窗口补交收入证明' });
    expect(back.body.state).toBe('in_review');
    const detail = (await clerk.get(`/api/v1/services/applications/${id}`)).body;
    expect(detail.parts[0]).toMatchObject({ state: 'in_review', dueAt: '2026-12-03T09:30:00.000Z' });
    expect(detail.dueAt).toBe('2026-12-03T09:30:00.000Z');
    expect(detail.visits).toBe(2); // the window application, and the material handed in at the window

    // The alarms of the old deadline do nothing; the new one's red alarm escalates.
    ctx.clock.set('2026-12-01T10:00:00Z');
    await ctx.deps.jobs.drain();
    let row = await ctx.deps.db
      .selectFrom('service_application_parts')
      .selectAll()
      .where('id', '=', part.id)
      .executeTakeFirstOrThrow();
    expect(row.sla_level).toBe('ok');
    ctx.clock.set('2026-12-03T10:00:00Z');
    await ctx.deps.jobs.drain();
    row = await ctx.deps.db
      .selectFrom('service_application_parts')
      .selectAll()
      .where('id', '=', part.id)
      .executeTakeFirstOrThrow();
    expect(row.sla_level).toBe('red');
    expect(row.escalated_at).not.toBeNull();
    expect(await templatesTo('13900000001')).toContain('service_overdue');
    expect(await templatesTo('13900000002')).toEqual(['service_warning', 'service_overdue']);
    const red = (await (await session('worker1')).get('/api/v1/services/applications?sla=red')).body.items.map(
      (a: { id: string }) => a.id,
    );
    expect(red).toEqual([id]);
    expect(await templatesTo('13800000002')).toEqual(['service_submitted', 'service_accepted', 'service_supplement']);
    ctx.clock.set('2026-11-24T01:00:00Z');
  });

  it('lets a resident apply on the phone, follow it, withdraw it, and rate a collected one once', async () => {
    const resident = await residentSession('13600000003');
    const first = await resident.post('/api/v1/services/applications', {
      itemId: items.proof.id,
      communityId: c1Id,
      answers: { name: '赵六' },
    });
    expect(first.status).toBe(201);
    const mine = (await resident.get('/api/v1/services/applications/mine')).body.items;
    expect(mine.map((a: { code: string; source: string }) => [a.code, a.source])).toEqual([[first.body.code, 'phone']]);
    const withdrawn = await resident.post(`/api/v1/services/applications/${first.body.id}/withdraw`);
    expect(withdrawn.body.state).toBe('withdrawn');
    const parts = await ctx.deps.db
      .selectFrom('service_application_parts')
      .select('state')
      .where('application_id', '=', first.body.id)
      .execute();
    expect(parts.map((p) => p.state)).toEqual(['withdrawn']);

    const second = await resident.post('/api/v1/services/applications', {
      itemId: items.proof.id,
      communityId: c1Id,
      answers: { name: '赵六' },
    });
    const id = second.body.id;
    expect((await resident.post(`/api/v1/services/applications/${id}/accept`)).status).toBe(409);
    const worker = await session('worker1');
    await worker.post(`/api/v1/services/applications/${id}/accept`);
    const part = (await worker.get(`/api/v1/services/applications/${id}`)).body.parts[0];
    await worker.post(`/api/v1/services/parts/${part.id}/take`);
    await worker.post(`/api/v1/services/parts/${part.id}/approve`);
    await worker.post(`/api/v1/services/applications/${id}/ready`);
    await worker.post(`/api/v1/services/applications/${id}/collect`);
    expect((await resident.get(`/api/v1/services/applications/${id}`)).body).toMatchObject({
      state: 'collected',
      visits: 1, // applied on the phone, came once to collect
      actions: ['rate'],
    });
    expect((await resident.post(`/api/v1/services/applications/${id}/rate`)).status).toBe(400);
    expect((await resident.post(`/api/v1/services/applications/${id}/rate`, { rating: 'very_satisfied' })).status).toBe(
      200,
    );
    expect((await resident.post(`/api/v1/services/applications/${id}/rate`, { rating: 'dissatisfied' })).status).toBe(
      409,
    );
    const stranger = await residentSession('13600000004');
    expect((await stranger.get(`/api/v1/services/applications/${id}`)).status).toBe(404);
    expect((await stranger.get('/api/v1/services/applications/mine')).body.items).toEqual([]);
    expect(await templatesTo('13600000003')).toEqual([
      'login_code',
      'service_submitted',
      'service_submitted',
      'service_accepted',
      'service_ready',
    ]);
  });

  it('prefills the form with the resident’s own registry record only when it carries their phone', async () => {
    const worker = await session('worker1');
    const idNumber = idOf('61089919750505543');
    const registered = await worker.post('/api/v1/residents', {
      householdCode: world.inA.households[0].code,
      name: '孙七',
      idNumber,
      phone: '13600000005',
      relation: 'head',
    });
    expect(registered.status).toBe(201);
    const own = await residentSession('13600000005');
    const found = await own.get(`/api/v1/services/prefill?idNumber=${idNumber}`);
    expect(found.status).toBe(200);
    expect(found.body.values).toMatchObject({
      name: '孙七',
      id_number: idNumber,
      phone: '13600000005',
      birth_date: '1975-05-05',
      household_head: '孙七',
      relation_to_head: '户主',
    });
    const other = await residentSession('13600000006');
    expect((await other.get(`/api/v1/services/prefill?idNumber=${idNumber}`)).status).toBe(404);
  });

  it('sends an application back from the pre-check for 补正 and takes the corrected answers, checked again', async () => {
    const worker = await session('worker1');
    const photo = await upload(worker);
    const filed = await worker.post('/api/v1/services/applications', {
      itemId: items.allowance.id,
      communityId: c1Id,
      answers: { name: '周八', id_number: ZHANG, income: 900 },
      materials: [{ key: 'id_card', fileIds: [photo] }],
      applicant: { name: '周八', idNumber: ZHANG, phone: '13800000008' },
    });
    const id = filed.body.id;
    expect((await worker.post(`/api/v1/services/applications/${id}/supplement`)).status).toBe(400);
    const asked = await worker.post(`/api/v1/services/applications/${id}/supplement`, { note: '收入填写有误' });
    expect(asked.body.state).toBe('supplement');
    const wrong = await worker.post(`/api/v1/services/applications/${id}/resubmit`, {
      answers: { name: '周八', id_number: ZHANG, income: -1 },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['answers.income']);
    const right = await worker.post(`/api/v1/services/applications/${id}/resubmit`, {
      answers: { name: '周八', id_number: ZHANG, income: 700 },
    });
    expect(right.body.state).toBe('submitted');
    const detail = (await worker.get(`/api/v1/services/applications/${id}`)).body;
    expect(detail).toMatchObject({ answers: { income: 700 }, supplementNote: null, visits: 2 });
    expect(await templatesTo('13800000008')).toEqual(['service_submitted', 'service_supplement']);
  });

  // Last: its accepted bundle would add deadline SMS to the clock test above.
  it('prints the application form (申请表) for whoever may read it: a department only its part’s fields', async () => {
    const worker = await session('worker1');
    const filed = await worker.post('/api/v1/services/applications', {
      bundleId: bundle.id,
      communityId: c1Id,
      answers: { name: '赵六', id_number: LI, income: 650, employer: '县农机厂' },
      materials: [{ key: 'id_card', fileIds: [], atWindow: true }],
      applicant: { name: '赵六', idNumber: LI, phone: '13800000006' },
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id;
    const pdf = await worker.get(`/api/v1/services/applications/${id}/form.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(pdf.body)).replace(/\s+/g, '');
    for (const shown of [
      '困难群众救助一件事申请表',
      '姓名：赵六',
      filed.body.code,
      '家庭月收入',
      '650',
      '原工作单位',
      '县农机厂',
      '居民身份证',
    ])
      expect(text).toContain(shown);
    // The applicant's line is masked as in the detail; the answers are those the detail shows.
    expect(text).toContain(`公民身份号码：610899********${LI.slice(-4)}`);

    // 县民政局 reviews the allowance part only: its fields, not 人社局's.
    expect((await worker.post(`/api/v1/services/applications/${id}/accept`)).status).toBe(200);
    const civilPdf = await (await session('civil')).get(`/api/v1/services/applications/${id}/form.pdf`);
    expect(civilPdf.status).toBe(200);
    const civilText = (await pdfText(civilPdf.body)).replace(/\s+/g, '');
    expect(civilText).toContain('家庭月收入');
    expect(civilText).not.toContain('原工作单位');
    expect(civilText).not.toContain('县农机厂');

    // Another community's staff and an unknown id: 404.
    expect((await (await session('worker2')).get(`/api/v1/services/applications/${id}/form.pdf`)).status).toBe(404);
    expect(
      (await worker.get('/api/v1/services/applications/01935f6e-7c2a-7d41-9a55-3f0c2b7e8d99/form.pdf')).status,
    ).toBe(404);
  });
});
