import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whistleJobs } from '../../src/server/features/whistle/jobs.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// The whistle on the shared kernel: refusals named by reason in the caller's language, the
// general ACTION_NOT_ALLOWED, and deadline alarms that run with only the whistle's jobs registered.

let ctx: TestContext;
let worker: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const blow = (s: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  s.request(
    'POST',
    '/api/v1/whistles',
    { placeCode: '610899001001001', subject: '消防通道堵塞', request: '请到场处置', ...body },
    headers,
  );

describe(`whistle on the kernel (${testEngine})`, () => {
  it('refuses an unknown department and an empty summons in the caller’s language', async () => {
    const unknown = await blow(worker, { departmentCodes: ['D99999999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues).toEqual([{ path: 'departmentCodes', message: '没有这个部门' }]);
    const english = await blow(worker, { departmentCodes: ['D99999999'] }, { 'accept-language': 'en' });
    expect(english.body.error.details.issues).toEqual([{ path: 'departmentCodes', message: 'unknown department' }]);
    const nobody = await blow(worker, { departmentCodes: [] });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.details.issues).toEqual([
      { path: 'departmentCodes', message: '请至少召集一个部门或一位法律顾问' },
    ]);
  });

  it('answers ACTION_NOT_ALLOWED to a step out of turn, and asks a report for what was done', async () => {
    const blown = await blow(worker, { departmentCodes: ['D61089901'] });
    expect(blown.status).toBe(201);
    const receiver = await new Session(ctx).login('receiver');
    const summons = (await receiver.get(`/api/v1/whistles/${blown.body.id}`)).body.summonses[0];
    const act = (s: Session, action: string, body: Record<string, unknown> = {}) =>
      s.post(`/api/v1/summonses/${summons.id}/actions/${action}`, body);
    expect((await act(receiver, 'acknowledge')).status).toBe(200);
    const early = await act(worker, 'score', { score: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'ACTION_NOT_ALLOWED', details: { state: 'acknowledged' } });
    expect((await act(receiver, 'checkIn')).status).toBe(200);
    const empty = await act(receiver, 'report', { note: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues).toEqual([{ path: 'note', message: '请写明办理结果' }]);
  });

  it('queues each summons’ alarms as { id, clock, due, level } and runs them with only whistleJobs registered', async () => {
    const blown = await blow(worker, { departmentCodes: ['D61089901'], ackMinutes: 30, arriveMinutes: 120 });
    const summons = (await worker.get(`/api/v1/whistles/${blown.body.id}`)).body.summonses[0];
    const jobs = await ctx.deps.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('kind', '=', 'whistle.sla')
      .where('dedupe_key', 'like', `%${summons.id}%`)
      .execute();
    const payloads = jobs.map((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload));
    expect(payloads.map((p) => `${p.clock} ${p.level}`).sort()).toEqual([
      'ack red',
      'ack yellow',
      'arrive red',
      'arrive yellow',
    ]);
    expect(payloads.find((p) => p.clock === 'ack' && p.level === 'red')).toEqual({
      id: summons.id,
      clock: 'ack',
      due: summons.ackDueAt,
      level: 'red',
    });

    const runner = new JobRunner(ctx.deps.db, ctx.clock);
    for (const job of whistleJobs({ ...ctx.deps, sign: '邻里', publicUrl: 'http://localhost' })) runner.add(job);
    ctx.clock.advance(31 * 60_000);
    expect(await runner.drain()).toBeGreaterThan(0);
    const after = (await worker.get(`/api/v1/whistles/${blown.body.id}`)).body;
    expect(after.summonses[0]).toMatchObject({ state: 'summoned', slaLevel: 'red', escalated: true });
    expect(after.timeline.map((e: { action: string }) => e.action)).toContain('overdue');
  });
});
