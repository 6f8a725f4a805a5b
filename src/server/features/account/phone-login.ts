import { createHash, randomInt } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { setCookie } from 'hono/cookie';
import { maskPhone, normalizePhone } from '../../../shared/identity.js';
import { recordAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { CSRF_COOKIE, SESSION_COOKIE, createSession, loadMemberships } from '../../platform/auth/sessions.js';
import { assertNotThrottled, clearBar, countFailure, type FailureBar } from '../../platform/auth/throttle.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { newId, randomToken } from '../../platform/ids.js';
import { queueSms } from '../../platform/notify/sms.js';
import type { PiiCipher } from '../../platform/pii.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import type { Actor } from '../../platform/policy.js';
import { findUserByPhoneHash } from './repository.js';
import { text } from '../../platform/text-schema.js';
import { MeSchema } from './schemas.js';
import { anonymousActor, type AccountService } from './service.js';

// Residents log in with their phone and a one-time code sent by SMS; no password to forget.

export interface PhoneLoginDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { SMS_SIGN: string; SESSION_TTL_HOURS: number; COOKIE_SECURE: boolean };
}

const codeHash = (phoneHash: string, code: string) => createHash('sha256').update(`${phoneHash}:${code}`).digest('hex');

/**
 * Wrong codes are counted per phone over every code sent to it (a new code gives no new guesses)
 * and per address over every phone, for an hour; each code also dies after 5 wrong tries.
 */
const codeBars = (phoneHash: string, ip: string | null) =>
  ({
    phone: { name: 'phone', key: `code:fail:phone:${phoneHash}`, limit: 10, windowMs: 3_600_000 },
    address: { name: 'address', key: `code:fail:ip:${ip ?? 'unknown'}`, limit: 30, windowMs: 3_600_000 },
  }) satisfies Record<string, FailureBar>;
const Phone = text({ min: 11, max: 20 });

export function createPhoneLogin({ db, clock, pii, config }: PhoneLoginDeps) {
  const phoneOf = (raw: string) => {
    const phone = normalizePhone(raw);
    if (!phone || !/^1\d{10}$/.test(phone)) throw new AppError('RESIDENT_PHONE_INVALID');
    return phone;
  };
  return {
    async sendCode(raw: string, ip: string | null) {
      const phone = phoneOf(raw);
      const phoneHash = pii.lookupHash(phone);
      const now = clock.now();
      await hitRateLimit(db, `code:phone:${phoneHash}`, 5, 3_600_000, now);
      await hitRateLimit(db, `code:ip:${ip ?? 'unknown'}`, 30, 3_600_000, now);
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('login_codes')
          .values({
            phone_hash: phoneHash,
            code_hash: codeHash(phoneHash, code),
            attempts: 0,
            expires_at: new Date(now.getTime() + 5 * 60_000),
          })
          .onConflict((oc) =>
            oc.column('phone_hash').doUpdateSet({
              code_hash: codeHash(phoneHash, code),
              attempts: 0,
              expires_at: new Date(now.getTime() + 5 * 60_000),
            }),
          )
          .execute();
        await queueSms(
          trx,
          { clock, pii, sign: config.SMS_SIGN },
          { tenantId: null, phone, template: 'login_code', params: { code } },
        );
      });
    },

    async login(
      raw: string,
      code: string,
      meta: { ip: string | null; userAgent: string | null; requestId: string | null },
    ) {
      const phone = phoneOf(raw);
      const phoneHash = pii.lookupHash(phone);
      const now = clock.now();
      const bars = codeBars(phoneHash, meta.ip);
      await assertNotThrottled(db, [bars.phone, bars.address], now);
      const row = await db.selectFrom('login_codes').selectAll().where('phone_hash', '=', phoneHash).executeTakeFirst();
      const usable = row && new Date(row.expires_at) >= now && row.attempts < 5;
      if (!usable || row.code_hash !== codeHash(phoneHash, code)) {
        await db.transaction().execute(async (trx) => {
          if (usable)
            await trx
              .updateTable('login_codes')
              .set({ attempts: row.attempts + 1 })
              .where('phone_hash', '=', phoneHash)
              .execute();
          const filled = await countFailure(trx, [bars.phone, bars.address], now);
          const owner = await findUserByPhoneHash(trx, phoneHash);
          const who = anonymousActor(meta);
          const entry = { entityType: 'user', entityId: owner?.id ?? null, tenantId: owner?.tenant_id ?? null };
          await recordAudit(
            trx,
            who,
            { ...entry, action: 'account.phoneLoginFailed', after: { phone: maskPhone(phone) } },
            now,
          );
          for (const { bar, until } of filled)
            await recordAudit(
              trx,
              who,
              {
                ...entry,
                action: 'account.lockedOut',
                after: { bar: `code_${bar.name}`, phone: maskPhone(phone), until },
              },
              now,
            );
        });
        throw new AppError('AUTH_CODE_INVALID');
      }
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('login_codes').where('phone_hash', '=', phoneHash).execute();
        await clearBar(trx, bars.phone);
        let user = await findUserByPhoneHash(trx, phoneHash);
        if (!user) {
          const id = newId();
          user = {
            id,
            username: `resident-${phoneHash.slice(0, 12)}`,
            display_name: `居民${phone.slice(-4)}`,
            tenant_id: null,
            status: 'active',
          };
          await trx
            .insertInto('users')
            .values({
              id,
              tenant_id: null,
              username: user.username,
              display_name: user.display_name,
              password_hash: await hashPassword(randomToken()),
              password_changed_at: now,
              created_at: now,
              phone_enc: pii.encrypt(phone),
              phone_masked: maskPhone(phone),
              phone_hash: phoneHash,
            })
            .execute();
        }
        if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');
        const session = await createSession(trx, {
          userId: user.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          now,
          ttlHours: config.SESSION_TTL_HOURS,
        });
        const actor: Actor = {
          kind: 'user',
          userId: user.id,
          username: user.username,
          displayName: user.display_name,
          tenantId: user.tenant_id,
          memberships: await loadMemberships(trx, user.id),
          requestId: meta.requestId,
          ip: meta.ip,
        };
        await recordAudit(trx, actor, { action: 'account.phoneLogin', entityType: 'user', entityId: user.id }, now);
        return { session, actor };
      });
    },
  };
}

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

export function phoneLoginRoutes(
  service: ReturnType<typeof createPhoneLogin>,
  account: AccountService,
  cookie: { secure: boolean },
) {
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
      return c.json(account.present(actor, session.csrfToken, c.get('locale')), 200);
    });
}
