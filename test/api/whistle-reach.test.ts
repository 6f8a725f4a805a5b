import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildDepartment, buildUser, buildWorld, givePhone } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// Issue 14, the whistle's loose ends: a department with no receiver account is told (or the whistle
// is refused); a summons lets its receivers read the case while it runs; a whistle carries a meeting.

let ctx: TestContext;
let worker: Session;
let caseId: string;
let otherCaseId: string;
const report = async (s: Session, description: string, placeCode = '610899001001001') =>
  (await s.post('/api/v1/cases', { channel: 'patrol', placeCode, description, reporterName: '陈阿姨' })).body.id;
const texts = (template: string) =>
  ctx.deps.db
    .selectFrom('sms_outbox')
    .select(['to_masked', 'body', 'case_id'])
    .where('template', '=', template)
    .orderBy('to_masked')
    .execute();
const setDepartmentPhone = (code: string, phone: string) =>
  ctx.deps.db.updateTable('departments').set({ phone }).where('code', '=', code).execute();

beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
  // 城关住建所 is in the county's list but nobody of it has an account yet.
  await buildDepartment(ctx.deps, 'D61089905', '城关住建所');
  await buildUser(ctx.deps, 'lawyer', 'legal_adviser', '610899001001');
  worker = await new Session(ctx).login('worker1');
  caseId = await report(worker, '楼上下水道堵塞，陈阿姨家被淹，邻居拒绝赔偿');
  otherCaseId = await report(worker, '小区门口路灯不亮已经一周');
});
afterAll(() => ctx.close());

describe(`a whistle to a department with no receiver account (${testEngine})`, () => {
  it('is refused with WHISTLE_NOBODY_TO_TELL when nobody at all can be told, and leaves nothing behind', async () => {
    await setDepartmentPhone('D61089905', '0912-3456789'); // a landline cannot be texted; the officer has no phone
    const res = await worker.post('/api/v1/whistles', {
      caseId,
      subject: '楼道漏水',
      request: '请住建所到场查看管道',
      departmentCodes: ['D61089905'],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('WHISTLE_NOBODY_TO_TELL');
    expect(res.body.error.details).toEqual({ department: '城关住建所' });
    expect(await ctx.deps.db.selectFrom('whistles').select('id').execute()).toEqual([]);
    expect(
      await ctx.deps.db.selectFrom('sms_outbox').select('id').where('template', 'like', 'whistle%').execute(),
    ).toEqual([]);
  });

  it('texts the department’s number on record and the street officer, and shows on the whistle who was told', async () => {
    await setDepartmentPhone('D61089905', '139 0000 0055');
    await givePhone(ctx.deps, 'officer', '13900000002');
    const res = await worker.post('/api/v1/whistles', {
      caseId,
      subject: '楼道漏水',
      request: '请住建所到场查看管道',
      departmentCodes: ['D61089905', 'D61089901'],
    });
    expect(res.status).toBe(201);
    const phoneTexts = await texts('whistle_summoned_phone');
    expect(phoneTexts.map((t) => t.to_masked)).toEqual(['139****0055']);
    expect(phoneTexts[0]!.body).toContain('和平社区吹哨召集城关住建所：楼道漏水。');
    expect(phoneTexts[0]!.body).toContain('贵部门在平台尚无接哨账号');
    const officerTexts = await texts('whistle_no_receiver');
    expect(officerTexts.map((t) => t.to_masked)).toEqual(['139****0002']);
    expect(officerTexts[0]!.body).toContain('城关住建所在平台上没有接哨账号，已短信通知其登记电话139****0055');
    const whistle = (await worker.get(`/api/v1/whistles/${res.body.id}`)).body;
    const housing = whistle.summonses.find((s: { department: { code: string } }) => s.department.code === 'D61089905');
    expect(housing.noReceiver).toBe(true);
    expect(housing.told).toEqual([
      { kind: 'departmentPhone', name: '城关住建所', phone: '139****0055' },
      { kind: 'streetOfficer', name: 'officer', phone: '139****0002' },
    ]);
    // The justice office has its receiver: nothing special about its summons.
    const justice = whistle.summonses.find((s: { department: { code: string } }) => s.department.code === 'D61089901');
    expect(justice).toMatchObject({ noReceiver: false, told: [] });
  });
});

describe(`a summons lets its receivers read the case while it runs (${testEngine})`, () => {
  it('reads the case summoned to, not another; 404 again once the summons is scored and the whistle closed', async () => {
    const receiver = await new Session(ctx).login('receiver');
    const fresh = await report(worker, '三号楼住户与物业因停车位发生争执');
    expect((await receiver.get(`/api/v1/cases/${fresh}`)).status).toBe(404);
    const blown = await worker.post('/api/v1/whistles', {
      caseId: fresh,
      subject: '停车位争执',
      request: '请司法所到场调解',
      departmentCodes: ['D61089901'],
    });
    expect(blown.status).toBe(201);
    const read = await receiver.get(`/api/v1/cases/${fresh}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: fresh, description: '三号楼住户与物业因停车位发生争执' });
    expect(read.body.actions).toEqual([]); // reading only: no step on the case itself
    expect((await receiver.post(`/api/v1/cases/${fresh}/actions/contact`, {})).status).toBe(404);
    expect((await receiver.get(`/api/v1/cases/${otherCaseId}`)).status).toBe(404);
    // Another department's member, not summoned, still reads nothing.
    await buildUser(ctx.deps, 'police', 'department_receiver', 'D61089905');
    expect((await (await new Session(ctx).login('police')).get(`/api/v1/cases/${fresh}`)).status).toBe(404);

    const summons = (await receiver.get(`/api/v1/whistles/${blown.body.id}`)).body.summonses[0];
    for (const [action, body] of [
      ['acknowledge', {}],
      ['checkIn', { lng: 108.005, lat: 37.005 }],
      ['report', { note: '到场调解，双方同意轮流使用' }],
    ] as const)
      expect((await receiver.post(`/api/v1/summonses/${summons.id}/actions/${action}`, body)).status).toBe(200);
    expect((await receiver.get(`/api/v1/cases/${fresh}`)).status).toBe(200);
    expect((await worker.post(`/api/v1/summonses/${summons.id}/actions/score`, { score: 5 })).status).toBe(200);
    expect((await worker.get(`/api/v1/whistles/${blown.body.id}`)).body.state).toBe('closed');
    expect((await receiver.get(`/api/v1/cases/${fresh}`)).status).toBe(404);
  });
});

describe(`a whistle names its meeting (协商会) (${testEngine})`, () => {
  it('keeps the meeting time and place, shows them and puts them into every summons text', async () => {
    const res = await worker.post('/api/v1/whistles', {
      caseId: otherCaseId,
      subject: '路灯协商',
      request: '请司法所派人参加协商会',
      departmentCodes: ['D61089901'],
      adviserIds: [],
      meetingAt: '2027-07-09T09:30:00+08:00',
      meetingPlace: '和平社区议事厅',
    });
    expect(res.status).toBe(201);
    const whistle = (await worker.get(`/api/v1/whistles/${res.body.id}`)).body;
    expect(whistle.meeting).toEqual({ at: '2027-07-09T01:30:00.000Z', place: '和平社区议事厅' });
    expect(whistle.timeline[0].note).toContain('协商会：7月9日 09:30，和平社区议事厅');
    await givePhone(ctx.deps, 'receiver', '13900000011');
    const again = await worker.post('/api/v1/whistles', {
      caseId: otherCaseId,
      subject: '路灯协商',
      request: '请司法所派人参加协商会',
      departmentCodes: ['D61089901'],
      meetingAt: '2027-07-09T09:30:00+08:00',
      meetingPlace: '和平社区议事厅',
    });
    expect(again.status).toBe(201);
    const sms = (await texts('whistle_summoned')).filter((t) => t.to_masked === '139****0011');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain('前到场。协商会：7月9日 09:30，和平社区议事厅。事项：请司法所派人参加协商会');
  });

  it('refuses a meeting in the past, and a place without a time', async () => {
    const base = { caseId: otherCaseId, subject: '路灯协商', request: '请到场', departmentCodes: ['D61089901'] };
    const past = await worker.post('/api/v1/whistles', { ...base, meetingAt: '2026-11-23T09:30:00+08:00' });
    expect(past.status).toBe(400);
    expect(past.body.error.details.issues).toEqual([{ path: 'meetingAt', message: '协商会时间不能早于现在' }]);
    const placeOnly = await worker.post('/api/v1/whistles', { ...base, meetingPlace: '议事厅' });
    expect(placeOnly.status).toBe(400);
    expect(placeOnly.body.error.details.issues).toEqual([
      { path: 'meetingAt', message: '填写地点时请同时填写协商会时间' },
    ]);
  });
});
