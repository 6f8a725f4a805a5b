import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCodeOf } from '../support/handset.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart } from '../support/files.js';

// Text as people write it: emoji, rare name characters and accents survive every cut, are counted
// as one character each, and characters a database or an XML feed cannot hold are refused up front.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'lawyer', 'legal_adviser', world.c1.code);
  await givePhone(ctx.deps, 'worker1', '13900000001');
  await givePhone(ctx.deps, 'receiver', '13900000003');
  await givePhone(ctx.deps, 'lawyer', '13900000077');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const report = (over: Record<string, string>, headers: Record<string, string> = {}) =>
  new Session(ctx).request(
    'POST',
    '/api/v1/public/cases',
    multipart({
      communityCode: world.c1.code,
      description: '3号楼门口路灯坏了三天，晚上很黑',
      reporterName: '陈阿姨',
      reporterPhone: '13812345678',
      ...over,
    }),
    headers,
  );
const intake = (over: Record<string, unknown>, s = worker, headers: Record<string, string> = {}) =>
  s.request(
    'POST',
    '/api/v1/cases',
    {
      channel: 'hotline',
      placeCode: world.c1.code,
      description: '3号楼门口路灯坏了三天，晚上很黑',
      reporterName: '陈阿姨',
      ...over,
    },
    headers,
  );
const sms = (template: string) =>
  ctx.deps.db
    .selectFrom('sms_outbox')
    .select(['body', 'params'])
    .where('template', '=', template)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
const caseCount = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const issuesOf = (body: { error: { details: { issues: { path: string; message: string }[] } } }) =>
  body.error.details.issues;

async function residentSession(phone: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
  return s;
}

// 29 characters, then the emoji whose halves straddle the 30-character cut of the SMS summary.
const longish = '小区东门口的路灯已经坏了整整一个星期了，晚上老人出门都看不清脚下的路'; // 34 characters
const atCut = `${longish.slice(0, 29)}😀后面还有很多字说明情况`;

describe(`text cut by characters, never in half (${testEngine})`, () => {
  it('keeps a QR report whose emoji sits at the SMS cut point, and texts the cadre whole characters', async () => {
    const res = await report({ description: atCut });
    expect(res.status).toBe(201);
    const row = await ctx.deps.db
      .selectFrom('cases')
      .select('description')
      .where('tracking_code', '=', res.body.trackingCode)
      .executeTakeFirstOrThrow();
    expect(row.description).toBe(atCut);
    const text = await sms('case_new');
    expect(text.body).toContain(`${longish.slice(0, 29)}😀…`);
  });

  it('keeps a staff intake with a family emoji (one character made of seven) at the cut point', async () => {
    const family = '👨‍👩‍👧‍👦';
    const description = `${longish.slice(0, 27)}${family}又坏了`;
    const res = await intake({ description });
    expect(res.status).toBe(201);
    // The whole family fits within 30 characters or none of it does; never a lone half or a dangling joiner.
    const { body } = await sms('case_new');
    const summary = /：(.*)。请在/.exec(body)![1];
    expect(summary).toBe(`${longish.slice(0, 27)}…`);
  });

  it('keeps a legal question and a whistle subject with an emoji at their cut points', async () => {
    const resident = await residentSession('13512340000');
    const question = `${longish.slice(0, 29)}🏠邻居家漏水怎么办？`;
    expect(
      (await resident.post('/api/v1/legal-questions', { communityCode: world.c1.code, question, public: false }))
        .status,
    ).toBe(201);
    expect((await sms('legal_question')).body).toContain(`${longish.slice(0, 29)}🏠…`);
    const subject = `${longish.slice(0, 19)}🚰漏水`;
    const blown = await worker.post('/api/v1/whistles', {
      placeCode: world.c1.code,
      subject,
      request: '请司法所到场调解',
      departmentCodes: ['D61089901'],
    });
    expect(blown.status).toBe(201);
    expect((await sms('whistle_summoned')).body).toContain(`吹哨：${longish.slice(0, 19)}🚰…。`);
  });

  it('counts an emoji or a rare name character as one, as a person does', async () => {
    const rare = '𠀋'.repeat(40); // CJK extension B: two UTF-16 units each
    const accepted = await intake({ reporterName: rare, description: '😀'.repeat(5) });
    expect(accepted.status).toBe(201);
    const row = await ctx.deps.db
      .selectFrom('cases')
      .select(['reporter_name', 'description'])
      .where('id', '=', accepted.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reporter_name: rare, description: '😀😀😀😀😀' });
    const refused = await intake({ reporterName: `${rare}𠀋`, description: '😀'.repeat(4) }, worker, {
      'accept-language': 'en',
    });
    expect(refused.status).toBe(400);
    expect(issuesOf(refused.body)).toEqual([
      { path: 'description', message: 'Write at least 5 characters' },
      { path: 'reporterName', message: 'At most 40 characters' },
    ]);
  });
});

describe(`characters that cannot be stored are refused by name (${testEngine})`, () => {
  it('refuses NUL in a JSON field, a query string, a path, a nested array and a form field with 400, and keeps nothing', async () => {
    const before = await caseCount();
    const json = await intake({ description: '路灯坏了\u0000很久了' });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(json.body)).toEqual([{ path: 'description', message: '含有不可见的控制字符，请删除后重试' }]);
    const query = await worker.get(`/api/v1/cases?q=${encodeURIComponent('路灯\u0000')}`);
    expect([query.status, issuesOf(query.body).map((i) => i.path)]).toEqual([400, ['q']]);
    const path = await worker.get(`/api/v1/files/${encodeURIComponent('a\u0000b')}`);
    expect([path.status, issuesOf(path.body).map((i) => i.path)]).toEqual([400, ['id']]);
    const nested = await worker.post('/api/v1/disputes', {
      placeCode: world.c1.code,
      disputeType: 'neighbour',
      summary: '楼上漏水到楼下',
      source: 'walk_in',
      risk: 'low',
      parties: [{ role: 'applicant', name: '陈\u0000阿姨' }],
    });
    expect([nested.status, issuesOf(nested.body).map((i) => i.path)]).toEqual([400, ['parties.0.name']]);
    const form = await report({ reporterName: '陈\u0000阿姨' }, { 'accept-language': 'en' });
    expect(form.status).toBe(400);
    expect(issuesOf(form.body)).toEqual([
      { path: 'reporterName', message: 'Contains an invisible control character; remove it and try again' },
    ]);
    expect(await caseCount()).toBe(before);
  });

  it('refuses other control characters and half an emoji; keeps tabs, and line breaks where text may have lines', async () => {
    const bell = await intake({ reporterName: '陈\u0007阿姨' });
    expect([bell.status, issuesOf(bell.body).map((i) => i.path)]).toEqual([400, ['reporterName']]);
    const escape = await intake({ description: '路灯坏了\u001b[31m很久了' });
    expect([escape.status, issuesOf(escape.body).map((i) => i.path)]).toEqual([400, ['description']]);
    const lone = await intake({ description: '路灯坏了很久了\ud83d' });
    expect(lone.status).toBe(400);
    expect(issuesOf(lone.body)).toEqual([
      { path: 'description', message: '含有残缺的字符（如半个表情符号），请重新输入' },
    ]);
    const lowHalf = await intake({ address: '\ude00和平路' }, worker, { 'accept-language': 'en' });
    expect(issuesOf(lowHalf.body)).toEqual([
      { path: 'address', message: 'Contains a broken character (such as half an emoji); type it again' },
    ]);
    const oneLine = await intake({ reporterName: '陈\n阿姨' });
    expect(issuesOf(oneLine.body)).toEqual([{ path: 'reporterName', message: '只能写一行，不能换行' }]);

    const description = '路灯坏了：\r\n1. 东门\t不亮\n2. 西门闪烁';
    const kept = await intake({ description, reporterName: '陈\t阿姨' });
    expect(kept.status).toBe(201);
    const row = await ctx.deps.db
      .selectFrom('cases')
      .select(['description', 'reporter_name'])
      .where('id', '=', kept.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ description, reporter_name: '陈\t阿姨' });
  });

  it('documents the rule in the OpenAPI document: code-point lengths and the characters allowed', async () => {
    const doc = (await new Session(ctx).get('/api/openapi.json')).body;
    const staff = doc.components.schemas.StaffCaseInput.properties;
    expect(staff.description).toMatchObject({
      type: 'string',
      minLength: 5,
      maxLength: 2000,
      pattern: '^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]*$',
    });
    expect(staff.reporterName).toMatchObject({
      type: 'string',
      maxLength: 40,
      pattern: '^[^\\x00-\\x08\\x0A-\\x1F\\uFFFE\\uFFFF]*$',
    });
  });
});
