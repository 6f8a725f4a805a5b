import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// Issue 14: a dispute made from a case already whistled on joins that whistle, and the case's own
// timeline says it became a dispute (转为纠纷).

let ctx: TestContext;
let worker: Session;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const fileCase = async (description: string) =>
  (
    await worker.post('/api/v1/cases', {
      channel: 'patrol',
      placeCode: world.gridA.code,
      description,
      reporterName: '陈阿姨',
    })
  ).body.id as string;
const disputeFrom = (caseId: string) =>
  worker.post('/api/v1/disputes', {
    caseId,
    disputeType: 'neighbour',
    summary: '楼上住户下水道堵塞致楼下被淹，双方就赔偿发生争执',
    source: 'walk_in',
    risk: 'medium',
    parties: [{ role: 'applicant', name: '陈阿姨' }],
  });

describe(`a dispute made from a case (${testEngine})`, () => {
  it('carries the whistle already blown on the case, and the case timeline shows 转为纠纷', async () => {
    const caseId = await fileCase('楼上下水道堵塞，陈阿姨家被淹，邻居拒绝赔偿');
    const whistle = await worker.post('/api/v1/whistles', {
      caseId,
      subject: '邻里漏水纠纷',
      request: '请司法所到场调解',
      departmentCodes: ['D61089901'],
    });
    expect(whistle.status).toBe(201);
    const res = await disputeFrom(caseId);
    expect(res.status).toBe(201);
    const dispute = (await worker.get(`/api/v1/disputes/${res.body.id}`)).body;
    expect(dispute.whistleId).toBe(whistle.body.id);
    const timeline = (await worker.get(`/api/v1/cases/${caseId}`)).body.timeline as { action: string; note: string }[];
    const made = timeline.filter((e) => e.action === 'dispute.record');
    expect(made).toHaveLength(1);
    expect(made[0]!.note).toBe(`转为矛盾纠纷 ${res.body.code}`);
  });

  it('has no whistle when none was blown on the case, and still shows 转为纠纷', async () => {
    const caseId = await fileCase('两户人家因楼道堆放杂物多次争吵');
    const res = await disputeFrom(caseId);
    expect(res.status).toBe(201);
    expect((await worker.get(`/api/v1/disputes/${res.body.id}`)).body.whistleId).toBeNull();
    const timeline = (await worker.get(`/api/v1/cases/${caseId}`)).body.timeline as { action: string }[];
    expect(timeline.map((e) => e.action)).toContain('dispute.record');
  });
});
