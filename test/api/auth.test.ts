import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, TEST_PASSWORD } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { loginCodeOf } from '../support/handset.js';

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
      {
        role: 'grid_worker',
        roleLabel: '网格员',
        scopeKind: 'place',
        scopeCode: '610899001001001',
        scopeName: '和平一网格',
        scopeLevel: 'grid',
      },
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

  it('says which kind of place each membership covers (the console shows county-wide pages such as 智能派单 only to the county)', async () => {
    const levels: Record<string, string | null> = {};
    for (const username of ['admin', 'officer', 'worker1', 'gridA', 'receiver']) {
      const me = await (await new Session(ctx).login(username)).get('/api/v1/me');
      expect(me.status).toBe(200);
      levels[username] = me.body.memberships[0].scopeLevel;
    }
    expect(levels).toEqual({ admin: 'county', officer: 'street', worker1: 'community', gridA: 'grid', receiver: null });
    // The OpenAPI document names the kinds, so a client can rely on them.
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      components: {
        schemas: { Me: { properties: { memberships: { items: { properties: Record<string, unknown> } } } } };
      };
    };
    const scopeLevel = doc.components.schemas.Me.properties.memberships.items.properties.scopeLevel;
    expect(scopeLevel).toMatchObject({ enum: expect.arrayContaining(['county', 'street', 'grid']) });
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await new Session(ctx).request('POST', '/api/v1/auth/login', { username: 'gridA', password: 'nope' });
    const unknown = await new Session(ctx).request('POST', '/api/v1/auth/login', {
      username: 'nobody',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('locks an account after repeated failures, then lets it in after the lock time', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await new Session(ctx).request('POST', '/api/v1/auth/login', {
        username: 'gridB',
        password: `wrong${i}`,
      });
      expect(res.status).toBe(401);
    }
    const locked = await new Session(ctx).request('POST', '/api/v1/auth/login', {
      username: 'gridB',
      password: TEST_PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    ctx.clock.advance(16 * 60_000);
    const later = await new Session(ctx).request('POST', '/api/v1/auth/login', {
      username: 'gridB',
      password: TEST_PASSWORD,
    });
    expect(later.status).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await new Session(ctx).login('worker1');
    s.forgetCsrf();
    const res = await s.patch('/api/v1/places/610899001001-1', { name: '被篡改' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    const place = await ctx.deps.db
      .selectFrom('places')
      .select('name')
      .where('code', '=', '610899001001-1')
      .executeTakeFirstOrThrow();
    expect(place.name).not.toBe('被篡改');
  });

  it('logs out: the cookie no longer opens anything', async () => {
    const s = await new Session(ctx).login('worker2');
    const cookieBefore = (s as unknown as { cookie: string }).cookie;
    expect((await s.post('/api/v1/auth/logout')).status).toBe(204);
    const replay = await ctx.app.request('/api/v1/me', { headers: { cookie: cookieBefore } });
    expect(replay.status).toBe(401);
  });

  it('clears the cookies of a session that has ended, so the pages stop asking who is logged in', async () => {
    const s = await new Session(ctx).login('worker2');
    const cookieBefore = (s as unknown as { cookie: string }).cookie;
    expect(cookieBefore).toContain('linli_csrf=');
    await s.post('/api/v1/auth/logout');
    const replay = await ctx.app.request('/api/v1/me', { headers: { cookie: cookieBefore } });
    expect(replay.status).toBe(401);
    const cleared = replay.headers.getSetCookie().join('\n');
    expect(cleared).toMatch(/linli_session=;.*Max-Age=0/);
    expect(cleared).toMatch(/linli_csrf=;.*Max-Age=0/);
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
    expect(
      (await desk.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd' })).status,
    ).toBe(204);
    expect((await desk.get('/api/v1/me')).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    await new Session(ctx).login('receiver', 'NewPassw0rd');
  });
});

// OWASP ASVS 2.2: guessing is slowed per address and per account; a lock-out never locks the owner out.
describe(`login hardening (${testEngine})`, () => {
  beforeAll(async () => {
    for (let i = 1; i <= 7; i++) await buildUser(ctx.deps, `pwuser${i}`, 'community_worker', '610899001001');
  });
  const attempt = (ip: string, username: string, password: string) =>
    new Session(ctx, ip).request('POST', '/api/v1/auth/login', { username, password });
  const userId = async (username: string) =>
    (await ctx.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const auditFrom = (ip: string) =>
    ctx.deps.db.selectFrom('audit_log').selectAll().where('ip', '=', ip).orderBy('at').execute();

  it('stops one address guessing passwords across many accounts, and only that address', async () => {
    const names = ['admin', 'officer', 'worker1', 'worker2', 'gridA', 'gridB', 'ghost1', 'ghost2', 'ghost3', 'ghost4'];
    for (let i = 0; i < 30; i++)
      expect((await attempt('10.1.0.1', names[i % names.length], `guess-${i}`)).status).toBe(401);
    const stopped = await attempt('10.1.0.1', 'officer', TEST_PASSWORD);
    expect(stopped.status).toBe(429);
    expect(stopped.body.error.code).toBe('RATE_LIMITED');
    expect((await attempt('10.1.0.2', 'officer', TEST_PASSWORD)).status).toBe(200);
  });

  it('answers a known and an unknown username alike, also once they are locked', async () => {
    for (let i = 0; i < 5; i++) {
      const known = await attempt('10.1.1.1', 'pwuser1', `wrong-${i}`);
      const unknown = await attempt('10.1.1.1', 'nobody-here', `wrong-${i}`);
      expect([known.status, unknown.status]).toEqual([401, 401]);
      expect(unknown.body).toEqual(known.body);
    }
    const known = await attempt('10.1.1.1', 'pwuser1', TEST_PASSWORD);
    const unknown = await attempt('10.1.1.1', 'nobody-here', TEST_PASSWORD);
    expect(known.status).toBe(429);
    expect(unknown.status).toBe(429);
    expect(unknown.body).toEqual(known.body);
  });

  it('locks the account only from the guessing address: the owner still logs in from hers', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('10.1.2.66', 'pwuser2', `wrong-${i}`)).status).toBe(401);
    expect((await attempt('10.1.2.66', 'pwuser2', TEST_PASSWORD)).status).toBe(429);
    expect((await attempt('10.1.2.1', 'pwuser2', TEST_PASSWORD)).status).toBe(200);
  });

  it('stops a guesser spread over many addresses at a much higher account-wide bar, yet lets the owner in from an address she used before', async () => {
    expect((await attempt('10.1.3.1', 'pwuser3', TEST_PASSWORD)).status).toBe(200); // her office, last week
    ctx.clock.advance(7 * 24 * 3_600_000);
    for (let a = 0; a < 10; a++)
      for (let i = 0; i < 5; i++) expect((await attempt(`10.1.4.${a}`, 'pwuser3', `wrong-${a}-${i}`)).status).toBe(401);
    expect((await attempt('10.1.5.1', 'pwuser3', TEST_PASSWORD)).status).toBe(429);
    expect((await attempt('10.1.3.1', 'pwuser3', TEST_PASSWORD)).status).toBe(200);
  });

  it('records failed logins and lock-outs in the audit log, never the password', async () => {
    for (let i = 0; i < 5; i++) await attempt('10.1.6.1', 'pwuser4', `Leaked-guess-${i}`);
    await attempt('10.1.6.1', 'no-such-user', 'Leaked-guess-x');
    const rows = await auditFrom('10.1.6.1');
    const failed = rows.filter((r) => r.action === 'account.loginFailed');
    expect(failed).toHaveLength(6);
    expect(failed.filter((r) => r.entity_id === null)).toHaveLength(1);
    expect(failed.filter((r) => r.entity_id === null)[0].after).toMatchObject({ reason: 'unknown_user' });
    const own = failed.filter((r) => r.entity_id !== null);
    expect(own.every((r) => r.entity_id === own[0].entity_id && r.actor_id === null)).toBe(true);
    expect(own[0].entity_id).toBe(await userId('pwuser4'));
    const locked = rows.filter((r) => r.action === 'account.lockedOut');
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ entity_id: await userId('pwuser4'), after: { bar: 'account_address' } });
    expect(JSON.stringify(rows)).not.toContain('Leaked-guess');
  });

  it('says how long to wait: the seconds left in the window, not a fixed hour', async () => {
    expect((await attempt('10.1.7.1', 'pwuser5', 'wrong-0')).status).toBe(401);
    ctx.clock.advance(5 * 60_000);
    for (let i = 1; i < 5; i++) expect((await attempt('10.1.7.1', 'pwuser5', `wrong-${i}`)).status).toBe(401);
    const locked = await attempt('10.1.7.1', 'pwuser5', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.details.retryAfterSeconds).toBe(600);
    ctx.clock.advance(600_000);
    expect((await attempt('10.1.7.1', 'pwuser5', TEST_PASSWORD)).status).toBe(200);
  });

  it('throttles changing the password like logging in, and audits the misses', async () => {
    const s = await new Session(ctx, '10.1.8.1').login('pwuser6');
    for (let i = 0; i < 5; i++) {
      const wrong = await s.post('/api/v1/me/password', { currentPassword: `nope-${i}`, newPassword: 'NewPassw0rd9' });
      expect(wrong.body.error.code).toBe('AUTH_WRONG_PASSWORD');
    }
    const refused = await s.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'NewPassw0rd9',
    });
    expect(refused.status).toBe(429);
    expect((await attempt('10.1.8.2', 'pwuser6', TEST_PASSWORD)).status).toBe(200); // unchanged
    expect((await auditFrom('10.1.8.1')).filter((r) => r.action === 'account.changePasswordFailed')).toHaveLength(5);
  });

  it('limits code guesses per phone, however many new codes are asked for', async () => {
    const phone = '13700001111';
    const s = new Session(ctx, '10.1.9.1');
    for (let round = 0; round < 2; round++) {
      expect((await s.post('/api/v1/public/login-code', { phone })).status).toBe(204);
      const code = await loginCodeOf(ctx, phone);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++)
        expect((await s.post('/api/v1/auth/phone-login', { phone, code: wrong })).status).toBe(401);
    }
    await s.post('/api/v1/public/login-code', { phone });
    const code = await loginCodeOf(ctx, phone);
    const refused = await new Session(ctx, '10.1.9.2').post('/api/v1/auth/phone-login', { phone, code });
    expect(refused.status).toBe(429);
    const audited = (await auditFrom('10.1.9.1')).filter((r) => r.action === 'account.phoneLoginFailed');
    expect(audited).toHaveLength(10);
    expect(audited[0].after).toMatchObject({ phone: '137****1111' });
    // No guessed code in the trail (the rows' county is 000000, no county: not a code).
    expect(audited.every((r) => r.tenant_id === '000000')).toBe(true);
    expect(JSON.stringify(audited.map(({ tenant_id: _, ...r }) => r))).not.toMatch(/000000|111111/);
  });

  it('limits code guesses per address across phones', async () => {
    const s = new Session(ctx, '10.1.10.1');
    for (let p = 0; p < 6; p++) {
      const phone = `1370000200${p}`;
      await s.post('/api/v1/public/login-code', { phone });
      const code = await loginCodeOf(ctx, phone);
      for (let i = 0; i < 5; i++)
        expect(
          (await s.post('/api/v1/auth/phone-login', { phone, code: code === '000000' ? '111111' : '000000' })).status,
        ).toBe(401);
    }
    const phone = '13700002009';
    await s.post('/api/v1/public/login-code', { phone });
    const code = await loginCodeOf(ctx, phone);
    expect((await s.post('/api/v1/auth/phone-login', { phone, code })).status).toBe(429);
    expect((await new Session(ctx, '10.1.10.2').post('/api/v1/auth/phone-login', { phone, code })).status).toBe(200);
  });

  it('behind a trusted reverse proxy, counts each resident by the address the proxy saw, and trusts no one else’s header', async () => {
    const proxied = buildApp({
      ...ctx.deps,
      jobs: new JobRunner(ctx.deps.db, ctx.clock),
      config: { ...ctx.deps.config, TRUSTED_PROXIES: '127.0.0.1' },
    });
    const via = async (app: typeof proxied, peer: string, forwardedFor: string, password: string) => {
      const res = await app.request(
        '/api/v1/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ username: 'pwuser7', password }),
        },
        { incoming: { socket: { remoteAddress: peer } } },
      );
      return res.status;
    };
    for (let i = 0; i < 5; i++) expect(await via(proxied, '127.0.0.1', '198.51.100.1', `wrong-${i}`)).toBe(401);
    expect(await via(proxied, '127.0.0.1', '198.51.100.1', TEST_PASSWORD)).toBe(429);
    expect(await via(proxied, '127.0.0.1', '198.51.100.2', TEST_PASSWORD)).toBe(200);
    // A client talking to the server directly cannot pick its address by writing the header.
    for (let i = 0; i < 5; i++)
      expect(await via(ctx.app, '203.0.113.9', `198.51.100.${10 + i}`, `wrong-${i}`)).toBe(401);
    expect(await via(ctx.app, '203.0.113.9', '198.51.100.99', TEST_PASSWORD)).toBe(429);
  });
});
