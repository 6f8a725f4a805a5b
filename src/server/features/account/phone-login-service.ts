import { createHash, randomInt } from 'node:crypto';
import { maskPhone, normalizePhone } from '../../../shared/identity.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { createSession, loadMemberships } from '../../platform/auth/sessions.js';
import { assertNotThrottled, clearBar, countFailure, type FailureBar } from '../../platform/auth/throttle.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { queueSms } from '../../platform/notify/sms.js';
import type { PiiCipher } from '../../platform/pii.js';
import type { Actor } from '../../platform/policy.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import * as repo from './repository.js';
import { anonymousActor } from './service.js';

// Residents log in with their phone and a one-time code sent by SMS; no password to forget.

export interface PhoneLoginDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { SMS_SIGN: string; SESSION_TTL_HOURS: number; COOKIE_SECURE: boolean };
}

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

const CODE_TTL_MS = 5 * 60_000;
/** Each code dies after this many wrong tries. */
const CODE_TRIES = 5;

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

function phoneOf(raw: string) {
  const phone = normalizePhone(raw);
  if (!phone || !/^1\d{10}$/.test(phone)) throw new AppError('RESIDENT_PHONE_INVALID');
  return phone;
}

/** Counts a wrong or dead code and audits it (and the lock-out it may start) — never the code itself. */
async function wrongCode(
  { db }: PhoneLoginDeps,
  phone: string,
  phoneHash: string,
  liveCode: { attempts: number } | null,
  meta: LoginMeta,
  now: Date,
) {
  const bars = codeBars(phoneHash, meta.ip);
  await db.transaction().execute(async (trx) => {
    if (liveCode) await repo.setLoginCodeAttempts(trx, phoneHash, liveCode.attempts + 1);
    const filled = await countFailure(trx, [bars.phone, bars.address], now);
    const owner = await repo.findUserByPhoneHash(trx, phoneHash);
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
        { ...entry, action: 'account.lockedOut', after: { bar: `code_${bar.name}`, phone: maskPhone(phone), until } },
        now,
      );
  });
}

/** The account of this phone; the first login makes it. */
async function residentAccount(pii: PiiCipher, trx: Executor, phone: string, phoneHash: string, now: Date) {
  const found = await repo.findUserByPhoneHash(trx, phoneHash);
  if (found) return found;
  const user = {
    id: newId(),
    username: `resident-${phoneHash.slice(0, 12)}`,
    display_name: `居民${phone.slice(-4)}`,
    tenant_id: null,
    status: 'active',
  };
  await repo.insertPhoneUser(trx, {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    passwordHash: await hashPassword(randomToken()),
    phoneEnc: pii.encrypt(phone),
    phoneMasked: maskPhone(phone),
    phoneHash,
    now,
  });
  return user;
}

/** The right code: it is used up, the phone's bar cleared, and a session starts. */
async function signIn(
  { db, pii, config }: PhoneLoginDeps,
  phone: string,
  phoneHash: string,
  meta: LoginMeta,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    await repo.deleteLoginCode(trx, phoneHash);
    await clearBar(trx, codeBars(phoneHash, meta.ip).phone);
    const user = await residentAccount(pii, trx, phone, phoneHash, now);
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
}

async function sendCode({ db, clock, pii, config }: PhoneLoginDeps, raw: string, ip: string | null) {
  const phone = phoneOf(raw);
  const phoneHash = pii.lookupHash(phone);
  const now = clock.now();
  await hitRateLimit(db, `code:phone:${phoneHash}`, 5, 3_600_000, now);
  await hitRateLimit(db, `code:ip:${ip ?? 'unknown'}`, 30, 3_600_000, now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction().execute(async (trx) => {
    await repo.upsertLoginCode(trx, {
      phoneHash,
      codeHash: codeHash(phoneHash, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    });
    await queueSms(
      trx,
      { clock, pii, sign: config.SMS_SIGN },
      { tenantId: null, phone, template: 'login_code', params: { code } },
    );
  });
}

async function login(deps: PhoneLoginDeps, raw: string, code: string, meta: LoginMeta) {
  const { db, clock, pii } = deps;
  const phone = phoneOf(raw);
  const phoneHash = pii.lookupHash(phone);
  const now = clock.now();
  const bars = codeBars(phoneHash, meta.ip);
  await assertNotThrottled(db, [bars.phone, bars.address], now);
  const row = await repo.findLoginCode(db, phoneHash);
  const usable = row && new Date(row.expires_at) >= now && row.attempts < CODE_TRIES;
  if (!usable || row.code_hash !== codeHash(phoneHash, code)) {
    await wrongCode(deps, phone, phoneHash, usable ? row : null, meta, now);
    throw new AppError('AUTH_CODE_INVALID');
  }
  return signIn(deps, phone, phoneHash, meta, now);
}

export function createPhoneLogin(deps: PhoneLoginDeps) {
  return {
    sendCode: (raw: string, ip: string | null) => sendCode(deps, raw, ip),
    login: (raw: string, code: string, meta: LoginMeta) => login(deps, raw, code, meta),
  };
}

export type PhoneLogin = ReturnType<typeof createPhoneLogin>;
