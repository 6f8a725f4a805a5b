import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, givePhone } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { loginCodeOf } from '../support/handset.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'lawyer', 'legal_adviser', world.c1.code);
  await givePhone(ctx.deps, 'lawyer', '13900000077');
});
afterAll(() => ctx.close());

async function residentSession(phone: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
  return s;
}

describe(`legal Q&A 小律服务 (${testEngine})`, () => {
  it('a resident asks, the adviser is told and answers; public answers feed the FAQ', async () => {
    const resident = await residentSession('13512340000');
    const asked = await resident.post('/api/v1/legal-questions', {
      communityCode: world.c1.code,
      question: '邻居家漏水把我家淹了，对方拒绝赔偿，我该怎么办？',
      public: true,
    });
    expect(asked.status).toBe(201);
    expect(asked.body.dueAt).toBe('2026-11-25T01:00:00.000Z');
    const privateQ = await resident.post('/api/v1/legal-questions', {
      communityCode: world.c1.code,
      question: '离婚时房产怎么分割比较合理？',
      public: false,
    });
    const told = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select('to_masked')
      .where('template', '=', 'legal_question')
      .execute();
    expect(told.map((t) => t.to_masked)).toEqual(['139****0077', '139****0077']);
    const lawyer = await new Session(ctx).login('lawyer');
    const queue = await lawyer.get('/api/v1/legal-questions');
    expect(queue.body.items).toHaveLength(2);
    expect(
      (
        await lawyer.post(`/api/v1/legal-questions/${asked.body.id}/answer`, {
          answer: '可依据民法典相邻关系规定要求赔偿，先申请社区人民调解，调解不成可起诉。',
        })
      ).status,
    ).toBe(200);
    await lawyer.post(`/api/v1/legal-questions/${privateQ.body.id}/answer`, { answer: '请携带材料到社区面谈。' });
    const faq = await new Session(ctx).get(`/api/v1/public/legal-faq?q=${encodeURIComponent('漏水赔偿')}`);
    expect(faq.body.items).toHaveLength(1);
    expect(faq.body.items[0].answer).toContain('相邻关系');
    expect(JSON.stringify(faq.body)).not.toContain('居民');
    const everything = await new Session(ctx).get('/api/v1/public/legal-faq');
    expect(everything.body.items.map((i: { question: string }) => i.question)).not.toContain(
      '离婚时房产怎么分割比较合理？',
    );
    const mine = await resident.get('/api/v1/legal-questions?mine=true');
    expect(mine.body.items.every((q: { state: string }) => q.state === 'answered')).toBe(true);
    expect(
      (await resident.post(`/api/v1/legal-questions/${asked.body.id}/answer`, { answer: '我自己来回答一下' })).status,
    ).toBe(403);
  });

  it('watches the 24-hour deadline', async () => {
    const resident = await residentSession('13512340001');
    const asked = await resident.post('/api/v1/legal-questions', {
      communityCode: world.c1.code,
      question: '物业乱收费，我可以不交吗？',
      public: false,
    });
    ctx.clock.advance(24 * 3_600_000 + 1000);
    await ctx.deps.jobs.drain();
    const lawyer = await new Session(ctx).login('lawyer');
    const q = (await lawyer.get('/api/v1/legal-questions')).body.items.find(
      (i: { id: string }) => i.id === asked.body.id,
    );
    expect(q.slaLevel).toBe('red');
    const overdue = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select('to_masked')
      .where('template', '=', 'sla_overdue')
      .execute();
    expect(overdue.map((o) => o.to_masked)).toEqual(['139****0077']);
  });

  it('a resident picks her community by name: asked by its id, kept private unless she ticks it', async () => {
    const resident = await residentSession('13512340002');
    const asked = await resident.post('/api/v1/legal-questions', {
      communityId: world.c2.id,
      question: '租房押金房东不退怎么办？',
    });
    expect(asked.status).toBe(201);
    const row = await ctx.deps.db
      .selectFrom('legal_questions')
      .select(['community_id', 'is_public'])
      .where('id', '=', asked.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ community_id: world.c2.id, is_public: false });
  });

  it('refuses a place that is not a community it serves with a plain reason, and keeps nothing', async () => {
    const resident = await residentSession('13512340003');
    const before = await ctx.deps.db.selectFrom('legal_questions').select('id').execute();
    for (const where of [
      { communityId: world.street.id },
      { communityId: '00000000-0000-4000-8000-000000000000' },
      { communityCode: '999999999999' },
      { communityCode: world.street.code.padEnd(12, '9') },
    ]) {
      const res = await resident.post('/api/v1/legal-questions', { ...where, question: '物业乱收费，我可以不交吗？' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues).toEqual([
        { path: Object.keys(where)[0], message: '请从列表中选择您所在的社区' },
      ]);
    }
    const neither = await resident.post('/api/v1/legal-questions', { question: '物业乱收费，我可以不交吗？' });
    expect(neither.status).toBe(400);
    expect((await ctx.deps.db.selectFrom('legal_questions').select('id').execute()).length).toBe(before.length);
  });
});
