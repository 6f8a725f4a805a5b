import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { deleteCookie, getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { AppDeps } from './deps.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, loadSession } from './platform/auth/sessions.js';
import { isMigrated } from './platform/db/migrate.js';
import { asTenant, tenantOfPaths } from './platform/db/tenant-guard.js';
import { AppError } from './platform/errors.js';
import type { AppEnv } from './platform/http.js';
import { clientAddress, parseTrustedProxies } from './platform/client-address.js';
import { pickLocale } from './platform/i18n/locale.js';
import { newId } from './platform/ids.js';

// What every request goes through before a feature's route: request id, language, client address,
// body limits, the session and its CSRF check; and the health check.

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What a user whose password an administrator set may still call: changing it, logging out (and
 * logging in again), and the public pages that need no login at all.
 */
const beforePasswordChange = (path: string) =>
  path === '/api/v1/me/password' || path.startsWith('/api/v1/auth/') || path.startsWith('/api/v1/public/');

/** Pages and calls for anyone, logged in or not: never under a county's guard. */
const servesAnyone = (path: string) => path.startsWith('/api/v1/public/') || path.startsWith('/api/v1/auth/');

export function useRequestContext(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const trustedProxies = parseTrustedProxies(deps.config.TRUSTED_PROXIES);
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w-]{8,64}$/.test(given) ? given : newId();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('locale', pickLocale(c.req.header('accept-language')));
    let peer: string | null = null;
    try {
      peer = getConnInfo(c).remote.address ?? null;
    } catch {
      peer = null; // in-process requests (tests) have no socket
    }
    c.set('ip', clientAddress(peer, c.req.header('x-forwarded-for'), trustedProxies));
    c.set('actor', null);
    c.set('sessionToken', null);
    c.set('csrfToken', null);
    c.header('X-Request-Id', requestId);
    await next();
  });

  app.use('/api/*', compress());
  // JSON bodies are small; uploads (multipart) have their own limits on their routes.
  const jsonLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError('UPLOAD_TOO_LARGE', { maxBytes: 1024 * 1024 });
    },
  });
  app.use('/api/*', async (c, next) =>
    (c.req.header('content-type') ?? '').includes('json') ? jsonLimit(c, next) : next(),
  );

  // Session and CSRF: a cookie-authenticated write must echo the session's CSRF token.
  app.use('/api/*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const loaded = await loadSession(deps.db, token, {
        now: deps.clock.now(),
        requestId: c.get('requestId'),
        ip: c.get('ip'),
      });
      if (loaded) {
        if (!safeMethods.has(c.req.method) && c.req.header(CSRF_HEADER) !== loaded.csrfToken)
          throw new AppError('CSRF_FAILED');
        if (loaded.mustChangePassword && !beforePasswordChange(c.req.path))
          throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
        c.set('actor', loaded.actor);
        c.set('sessionToken', token);
        c.set('csrfToken', loaded.csrfToken);
        // Staff of one county: the rest of the request runs under that county's guard (tenant-guard.ts) —
        // not the public pages and the logins, which serve anyone, whatever cookie the browser still has.
        const tenant = tenantOfPaths(loaded.actor.memberships.map((m) => m.path));
        if (tenant && !servesAnyone(c.req.path)) return asTenant(tenant, next);
      } else {
        // An ended session (logged out, expired, ended by a password change): forget its cookies, so the
        // pages, which read the CSRF cookie as "someone is logged in", stop asking GET /me.
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        deleteCookie(c, CSRF_COOKIE, { path: '/' });
      }
    }
    await next();
  });
}

/** How long a database that answered stays "up" while the next probe waits its turn (ms). */
const HEALTH_GRACE_MS = 10_000;

export function useHealthCheck(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  let migrated = false;
  let lastOk = -Infinity;
  let lastFailed = false;
  let probe: Promise<boolean> | null = null;
  const run = async () => {
    try {
      await sql`select 1`.execute(deps.db);
      migrated ||= await isMigrated(deps.db);
      if (migrated) lastOk = performance.now();
      lastFailed = false;
      return true;
    } catch {
      lastFailed = true;
      return false;
    }
  };
  // The embedded database runs one statement at a time: under load `select 1` waits behind every
  // queued query (10 s in issue 19). So one probe at a time, and while it waits its turn a database
  // whose last probe answered within the grace period is healthy; a failed probe, or none answered
  // for the grace period, makes the check wait for the probe again (503 when it fails).
  const check = () =>
    (probe ??= run().finally(() => {
      probe = null;
    }));
  app.get('/healthz', async (c) => {
    const answered = check();
    const fresh = migrated && !lastFailed && performance.now() - lastOk < HEALTH_GRACE_MS;
    const ok = fresh || (await answered);
    if (!ok) return c.json({ status: 'unavailable' }, 503);
    if (!migrated) return c.json({ status: 'migrating' }, 503);
    return c.json({ status: 'ok' }, 200);
  });
}
