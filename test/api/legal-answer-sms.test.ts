import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { loginCodeOf } from '../support/handset.js';

// Issue 14: the asker of a legal question is texted when the answer comes — a short notice and the
// link to 我的咨询, never the answer itself.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'lawyer', 'legal_adviser', world.c1.code);
});
afterAll(() => ctx.close());

const answered = () =>
  ctx.deps.db
    .selectFrom('sms_outbox')
    .select(['to_masked', 'body', 'place_path'])
    .where('template', '=', 'legal_answered')
    .execute();

describe(`the legal asker hears of the answer (${testEngine})`, () => {
  it('texts the asker a notice with the link, without the answer; once', async () => {
    const phone = '13512340000';
    const resident = new Session(ctx);
    await resident.post('/api/v1/public/login-code', { phone });
    await resident.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
    const asked = await resident.post('/api/v1/legal-questions', {
      communityCode: world.c1.code,
      question: '邻居家漏水把我家淹了，对方拒绝赔偿，我该怎么办？',
    });
    expect(asked.status).toBe(201);
    expect(await answered()).toEqual([]);
    const lawyer = await new Session(ctx).login('lawyer');
    const answer = '可依据民法典相邻关系规定要求赔偿，先申请社区人民调解，调解不成可起诉。';
    expect((await lawyer.post(`/api/v1/legal-questions/${asked.body.id}/answer`, { answer })).status).toBe(200);
    const sms = await answered();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.to_masked).toBe('135****0000');
    expect(sms[0]!.body).toContain('您咨询的法律问题已有答复，请登录查看：');
    expect(sms[0]!.body).toContain('/m/legal');
    expect(sms[0]!.body).not.toContain('相邻关系');
    expect(sms[0]!.place_path).toBe(world.c1.path);
    // A second answer is refused and texts nobody again.
    expect((await lawyer.post(`/api/v1/legal-questions/${asked.body.id}/answer`, { answer })).status).toBe(409);
    expect(await answered()).toHaveLength(1);
  });

  it('texts nobody when the asker has no phone (a worker asking from the console)', async () => {
    const worker = await new Session(ctx).login('worker1');
    const asked = await worker.post('/api/v1/legal-questions', {
      communityCode: world.c1.code,
      question: '社区能否要求业主拆除违规搭建的雨棚？',
    });
    const lawyer = await new Session(ctx).login('lawyer');
    const res = await lawyer.post(`/api/v1/legal-questions/${asked.body.id}/answer`, {
      answer: '可以劝导并报城管处理。',
    });
    expect(res.status).toBe(200);
    expect(await answered()).toHaveLength(1);
  });
});
