import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent, type AppEnv } from '../../platform/http.js';
import { ChangePasswordInput, LoginInput, MeSchema, PublicConfigSchema } from './schemas.js';
import type { AccountService } from './service.js';

const tags = ['account'];

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Log in with username and password; sets the session cookie',
  request: { body: { content: { 'application/json': { schema: LoginInput } }, required: true } },
  responses: {
    200: jsonContent(MeSchema),
    ...errorResponses,
    429: {
      description:
        'Too many failed logins from this address or for this account (RATE_LIMITED, details.retryAfterSeconds)',
    },
  },
});
const logout = authRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'Log out',
  responses: { 204: { description: 'Logged out' }, ...errorResponses },
});
const me = authRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'The current user, roles and scopes',
  responses: { 200: jsonContent(MeSchema), ...errorResponses },
});
const changePassword = authRoute({
  method: 'post',
  path: '/me/password',
  tags,
  summary: 'Change your password (other sessions end); wrong current passwords are throttled like logins',
  request: { body: { content: { 'application/json': { schema: ChangePasswordInput } }, required: true } },
  responses: {
    204: { description: 'Changed' },
    ...errorResponses,
    429: { description: 'Too many wrong current passwords (RATE_LIMITED)' },
  },
});

export function accountRoutes(service: AccountService, cookie: { secure: boolean }) {
  const setSessionCookies = (c: Context<AppEnv>, token: string, csrfToken: string, expires: Date) => {
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: cookie.secure, path: '/', expires });
    // Readable by our own pages, which echo it in X-CSRF-Token (double submit).
    setCookie(c, CSRF_COOKIE, csrfToken, {
      httpOnly: false,
      sameSite: 'Strict',
      secure: cookie.secure,
      path: '/',
      expires,
    });
  };

  const router = createRouter();
  router.openapi(login, async (c) => {
    const result = await service.login(c.req.valid('json'), {
      ip: c.get('ip'),
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
      locale: c.get('locale'),
    });
    setSessionCookies(c, result.token, result.csrfToken, result.expiresAt);
    return c.json(result.me, 200);
  });

  router
    .openapi(logout, async (c) => {
      await service.logout(actorOf(c), c.get('sessionToken')!);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, async (c) => c.json(await service.present(actorOf(c), c.get('csrfToken') ?? '', c.get('locale')), 200))
    .openapi(changePassword, async (c) => {
      await service.changePassword(actorOf(c), c.get('sessionToken')!, c.req.valid('json'));
      return c.body(null, 204);
    });
  return router;
}

export const publicConfigRoute = createRoute({
  method: 'get',
  path: '/public/config',
  tags: ['public'],
  summary: 'What the web pages need before login',
  responses: {
    200: jsonContent(PublicConfigSchema),
  },
});
