import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart } from '../support/files.js';
import { loginCodeOf, ratingTokenOf } from '../support/handset.js';

// Only the reporter rates: through the link in the "resolved" SMS, or logged in with the phone the
// report was made with (phone + SMS code). The last 4 digits of the phone, which staff see on
// every case, still open the tracking page — read-only.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

async function resolvedCase(phone: string) {
  const code = (
    await new Session(ctx).request(
      'POST',
      '/api/v1/public/cases',
      multipart({
        communityCode: world.c1.code,
        description: '小区门口的井盖松动了，踩上去会响',
        reporterName: '刘大妈',
        reporterPhone: phone,
      }),
    )
  ).body.trackingCode as string;
  const id = (await worker.get(`/api/v1/cases?q=${code}`)).body.items[0].id as string;
  await worker.post(`/api/v1/cases/${id}/actions/accept`, {});
  expect((await worker.post(`/api/v1/cases/${id}/actions/resolve`, { result: '已更换井盖' })).status).toBe(200);
  return { code, id };
}
const caseRow = (id: string) =>
  ctx.deps.db
    .selectFrom('cases')
    .select(['state', 'rating', 'rated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const rating = { rating: 'satisfied', solved: true, comment: '很好' };

async function residentOf(phone: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  expect((await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) })).status).toBe(200);
  return s;
}

describe(`rating a resolved case (${testEngine})`, () => {
  it('staff who see the reporter’s last 4 digits cannot rate in the resident’s name', async () => {
    const { code, id } = await resolvedCase('13512340101');
    // What every case worker sees: the masked phone, whose last 4 digits used to be all a rating needed.
    expect((await worker.get(`/api/v1/cases/${id}`)).body.reporter.phone).toBe('135****0101');
    const forged = await new Session(ctx).post(`/api/v1/public/cases/${code}/rating`, {
      phoneLast4: '0101',
      ...rating,
      rating: 'unsatisfied',
      solved: false,
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CASE_RATING_PROOF_REQUIRED');
    expect(forged.body.error.message).toContain('短信');
    // Not with the worker's own session either.
    expect((await worker.post(`/api/v1/public/cases/${code}/rating`, { phoneLast4: '0101', ...rating })).status).toBe(
      403,
    );
    expect(await caseRow(id)).toMatchObject({ state: 'resolved', rating: null, rated_at: null });
    const timeline = (await worker.get(`/api/v1/cases/${id}`)).body.timeline.map((e: { action: string }) => e.action);
    expect(timeline).not.toContain('rateSatisfied');
    expect(timeline).not.toContain('rateReopen');
  });

  it('the last 4 digits still open the tracking page, read-only', async () => {
    const { code } = await resolvedCase('13512340102');
    const view = await new Session(ctx).get(`/api/v1/public/cases/${code}?phone4=0102`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'resolved', canRate: false, resultText: '已更换井盖' });
    expect((await new Session(ctx).get(`/api/v1/public/cases/${code}?phone4=9999`)).status).toBe(404);
  });

  it('the link in the “resolved” SMS rates the case; a made-up token does not', async () => {
    const { code, id } = await resolvedCase('13512340103');
    const token = await ratingTokenOf(ctx, '13512340103', code);
    expect((await new Session(ctx).get(`/api/v1/public/cases/${code}?t=${token}`)).body).toMatchObject({
      state: 'resolved',
      canRate: true,
    });
    expect(
      (await new Session(ctx).post(`/api/v1/public/cases/${code}/rating`, { token: `${token}x`, ...rating })).status,
    ).toBe(404);
    const rated = await new Session(ctx).post(`/api/v1/public/cases/${code}/rating`, { token, ...rating });
    expect(rated.status).toBe(200);
    expect(rated.body.state).toBe('closed');
    expect(await caseRow(id)).toMatchObject({ state: 'closed', rating: 'satisfied' });
  });

  it('the resident logged in with her own phone rates without the link; another resident cannot', async () => {
    const { code, id } = await resolvedCase('13512340104');
    const neighbour = await residentOf('13512340999');
    expect((await neighbour.get(`/api/v1/public/cases/${code}`)).status).toBe(404);
    expect((await neighbour.post(`/api/v1/public/cases/${code}/rating`, rating)).status).toBe(404);
    expect((await caseRow(id)).state).toBe('resolved');

    const reporter = await residentOf('13512340104');
    expect(
      (await reporter.get('/api/v1/my/cases')).body.items.map((c: { trackingCode: string }) => c.trackingCode),
    ).toContain(code);
    expect((await reporter.get(`/api/v1/public/cases/${code}`)).body).toMatchObject({
      state: 'resolved',
      canRate: true,
    });
    const rated = await reporter.post(`/api/v1/public/cases/${code}/rating`, { ...rating, rating: 'basic' });
    expect(rated.status).toBe(200);
    expect(await caseRow(id)).toMatchObject({ state: 'closed', rating: 'basic' });
  });
});
