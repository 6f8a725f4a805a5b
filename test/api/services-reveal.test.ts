import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationDetail, RevealedAnswers } from '../../src/server/features/services/applications/schemas.js';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildDepartment, buildUser, buildWorld } from '../support/factories.js';
import { buildServiceCategory, buildServiceItem } from '../support/services.js';

// 办件详情 masks personal data in the answers (ID numbers and phones, in fields and in table rows,
// and fields prefilled from them); the full answers are a separate, audited action (查看完整信息)
// with a reason, for clerks of the application's place who hold people:reveal.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let applicationId: string;

const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const ZHANG = idOf('61089919800101123');
const WANG = idOf('61089919920303345');
const session = (username: string) => new Session(ctx).login(username);
const reveals = () =>
  ctx.deps.db
    .selectFrom('audit_log')
    .select(['actor_name', 'entity_id', 'after'])
    .where('action', '=', 'serviceApplication.reveal')
    .execute();

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildDepartment(ctx.deps, 'D61089902', '县民政局');
  await buildUser(ctx.deps, 'civil', 'department_receiver', 'D61089902');
  const cat = await buildServiceCategory(ctx.deps);
  const item = await buildServiceItem(ctx.deps, {
    categoryId: cat.id,
    code: 'MZ009',
    name: '个体经营补贴申请',
    handlerLevel: 'department',
    departmentCode: 'D61089902',
    fields: [
      { key: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name' },
      { key: 'id_number', label: '身份证号', kind: 'id_number', required: true, prefill: 'id_number' },
      { key: 'mobile', label: '联系电话', kind: 'phone', required: true },
      { key: 'contact', label: '登记电话', kind: 'text', prefill: 'phone' },
      {
        key: 'staff',
        label: '从业人员',
        kind: 'table',
        columns: [
          { key: 'who', label: '姓名', kind: 'text', required: false },
          { key: 'id_no', label: '身份证号', kind: 'id_number', required: false },
          { key: 'tel', label: '电话', kind: 'phone', required: false },
        ],
      },
    ],
  });
  const worker = await session('worker1');
  const filed = await worker.post('/api/v1/services/applications', {
    itemId: item.id,
    communityId: world.c1.id,
    answers: {
      name: '张三',
      id_number: ZHANG,
      mobile: '13800000001',
      contact: '13800000009',
      staff: [{ who: '王五', id_no: WANG, tel: '13700000002' }],
    },
    materials: [],
    applicant: { name: '张三', idNumber: ZHANG, phone: '13800000001' },
  });
  expect(filed.status).toBe(201);
  applicationId = filed.body.id;
});
afterAll(() => ctx.close());

const masked = {
  name: '张三',
  id_number: `610899********${ZHANG.slice(-4)}`,
  mobile: '138****0001',
  contact: '138****0009',
  staff: [{ who: '王五', id_no: `610899********${WANG.slice(-4)}`, tel: '137****0002' }],
};
const full = {
  name: '张三',
  id_number: ZHANG,
  mobile: '13800000001',
  contact: '13800000009',
  staff: [{ who: '王五', id_no: WANG, tel: '13700000002' }],
};

describe(`service application answers masked, revealed by an audited action (${testEngine})`, () => {
  it('shows ID numbers and phones in the answers masked, in fields and in table rows, to the window and the department', async () => {
    for (const who of ['worker1', 'officer', 'civil']) {
      const res = await (await session(who)).get(`/api/v1/services/applications/${applicationId}`);
      expect(res.status).toBe(200);
      ApplicationDetail.strict().parse(res.body);
      expect(res.body.answers).toEqual(masked);
      expect(res.body.mayReveal).toBe(who !== 'civil');
      const text = JSON.stringify(res.body);
      for (const secret of [ZHANG, WANG, '13800000001', '13800000009', '13700000002'])
        expect(text).not.toContain(secret);
    }
  });

  it('reveals the full answers with a reason and writes one audit row without them', async () => {
    const worker = await session('worker1');
    expect((await worker.post(`/api/v1/services/applications/${applicationId}/reveal`, { reason: '' })).status).toBe(
      400,
    );
    expect(await reveals()).toEqual([]);
    const res = await worker.post(`/api/v1/services/applications/${applicationId}/reveal`, {
      reason: '核对从业人员身份',
    });
    expect(res.status).toBe(200);
    expect(RevealedAnswers.strict().parse(res.body)).toEqual({
      applicant: { name: '张三', idNumber: ZHANG, phone: '13800000001' },
      answers: full,
    });
    const audit = await reveals();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: 'worker1', entity_id: applicationId });
    expect(audit[0]!.after).toEqual({
      reason: '核对从业人员身份',
      fields: ['id_number', 'mobile', 'contact', 'staff'],
    });
    const text = JSON.stringify(audit[0]);
    for (const secret of [ZHANG, WANG, '13800000001', '13800000009', '13700000002']) expect(text).not.toContain(secret);
  });

  it('answers 404 to a user of another community and 403 to a department without people:reveal, writing nothing', async () => {
    const before = (await reveals()).length;
    const other = await session('worker2');
    expect(
      (await other.post(`/api/v1/services/applications/${applicationId}/reveal`, { reason: '核对身份' })).status,
    ).toBe(404);
    const civil = await session('civil');
    const refused = await civil.post(`/api/v1/services/applications/${applicationId}/reveal`, { reason: '核对身份' });
    expect(refused.status).toBe(403);
    expect((await reveals()).length).toBe(before);
  });
});
