import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld, TEST_PASSWORD } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

describe(`login and sessions (${testEngine})`, () => {
  it('logs in, returns roles and scopes, and keeps the session server-side', async () => {
    const s = new Session(ctx);
    const res = await s.request('POST', '/api/v1/auth/login', { username: 'gridA', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie().join('\n');
    expect(cookies).toMatch(/linli_session=[^;]+;.*HttpOnly/);
    expect(cookies).toMatch(/SameSite=Lax/);
    expect(res.body.memberships).toEqual([
      { role: 'grid_worker', roleLabel: '网格员', scopeKind: 'place', scopeCode: '610899001001001', scopeName: '和平一网格' },
    ]);
    expect(res.body.permissions).toContain('households:read');
    expect(res.body.permissions).not.toContain('grids:write');
    const me = await s.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('gridA');
    const sessions = await ctx.deps.db.selectFrom('sessions').selectAll().execute();
    // Only the hash of the token is stored.
    const token = cookies.match(/linli_session=([^;]+)/)![1];
    expect(sessions.some((r) => r.id === token)).toBe(false);
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await new Session(ctx).request('POST', '/api/v1/auth/login', { username: 'gridA', password: 'nope' });
    const unknown = await new Session(ctx).request('POST', '/api/v1/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('locks an account after repeated failures, then lets it in after the lock time', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await new Session(ctx).request('POST', '/api/v1/auth/login', { username: 'gridB', password: `wrong${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await new Session(ctx).request('POST', '/api/v1/auth/login', { username: 'gridB', password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('AUTH_ACCOUNT_LOCKED');
    ctx.clock.advance(16 * 60_000);
    const later = await new Session(ctx).request('POST', '/api/v1/auth/login', { username: 'gridB', password: TEST_PASSWORD });
    expect(later.status).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await new Session(ctx).login('worker1');
    s.forgetCsrf();
    const res = await s.patch('/api/v1/places/610899001001-1', { name: '被篡改' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    const place = await ctx.deps.db.selectFrom('places').select('name').where('code', '=', '610899001001-1').executeTakeFirstOrThrow();
    expect(place.name).not.toBe('被篡改');
  });

  it('logs out: the cookie no longer opens anything', async () => {
    const s = await new Session(ctx).login('worker2');
    const cookieBefore = (s as unknown as { cookie: string }).cookie;
    expect((await s.post('/api/v1/auth/logout')).status).toBe(204);
    const replay = await ctx.app.request('/api/v1/me', { headers: { cookie: cookieBefore } });
    expect(replay.status).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const s = await new Session(ctx).login('officer');
    ctx.clock.advance(13 * 3_600_000);
    expect((await s.get('/api/v1/me')).status).toBe(401);
  });

  it('changes the password: weak ones refused, other sessions end, the new one works', async () => {
    const phone = await new Session(ctx).login('receiver');
    const desk = await new Session(ctx).login('receiver');
    const weak = await desk.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: '123' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('AUTH_WEAK_PASSWORD');
    const wrongCurrent = await desk.post('/api/v1/me/password', { currentPassword: 'x', newPassword: 'NewPassw0rd' });
    expect(wrongCurrent.body.error.code).toBe('AUTH_WRONG_PASSWORD');
    expect((await desk.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd' })).status).toBe(204);
    expect((await desk.get('/api/v1/me')).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    await new Session(ctx).login('receiver', 'NewPassw0rd');
  });
});
