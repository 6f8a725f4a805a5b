import { createRoute, z } from '@hono/zod-openapi';
import { setCookie } from 'hono/cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import type { PhoneLogin } from './phone-login-service.js';
import { MeSchema } from './schemas.js';
import type { AccountService } from './service.js';

// Routes of the residents' phone login (HTTP only); the rules are in phone-login-service.ts.

const Phone = text({ min: 11, max: 20 });

const sendCode = createRoute({
  method: 'post',
  path: '/public/login-code',
  tags: ['account'],
  summary: 'Send a one-time login code to a mobile number (residents)',
  request: { body: { content: { 'application/json': { schema: z.object({ phone: Phone }) } }, required: true } },
  responses: { 204: { description: 'Sent' }, 429: { description: 'Too many codes' }, ...errorResponses },
});
const phoneLogin = createRoute({
  method: 'post',
  path: '/auth/phone-login',
  tags: ['account'],
  summary: 'Log in with phone + one-time code (residents)',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ phone: Phone, code: z.string().regex(/^\d{6}$/) }) } },
      required: true,
    },
  },
  responses: {
    200: jsonContent(MeSchema),
    ...errorResponses,
    429: { description: 'Too many wrong codes for this phone or from this address (RATE_LIMITED)' },
  },
});

export function phoneLoginRoutes(service: PhoneLogin, account: AccountService, cookie: { secure: boolean }) {
  return createRouter()
    .openapi(sendCode, async (c) => {
      await service.sendCode(c.req.valid('json').phone, c.get('ip'));
      return c.body(null, 204);
    })
    .openapi(phoneLogin, async (c) => {
      const input = c.req.valid('json');
      const { session, actor } = await service.login(input.phone, input.code, {
        ip: c.get('ip'),
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.get('requestId'),
      });
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: cookie.secure,
        path: '/',
        expires: session.expiresAt,
      });
      setCookie(c, CSRF_COOKIE, session.csrfToken, {
        httpOnly: false,
        sameSite: 'Strict',
        secure: cookie.secure,
        path: '/',
        expires: session.expiresAt,
      });
      return c.json(await account.present(actor, session.csrfToken, c.get('locale')), 200);
    });
}
