import type { AppDeps } from '../../../deps.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { homeCommunityOf } from '../../../platform/community/person.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { acceptsPeople } from './lifecycle.js';
import { promoteWaiting } from './activities.js';
import { mayRead } from './policy.js';
import { awardCheckin, awardHours } from './points.js';
import { distanceMetres, hashCheckinToken, iso, presentActivity } from './present.js';
import * as repo from './repository.js';

// 参加活动 on the phone, by anyone logged in (a resident by phone code, a volunteer, a party member):
// the open activities (my community first), sign up (full → 候补 in order), cancel (the first waiting
// person moves up in the same transaction), check in by the activity's QR or by location, check out.

const WINDOW_MS = 30 * 60 * 1000;

type Activity = NonNullable<Awaited<ReturnType<typeof repo.findActivity>>>;
type Signup = NonNullable<Awaited<ReturnType<typeof repo.findSignup>>>;

const checkinOpen = (a: Activity, now: Date) =>
  acceptsPeople(a.state) &&
  now.getTime() >= new Date(a.starts_at).getTime() - WINDOW_MS &&
  now.getTime() <= new Date(a.ends_at).getTime() + WINDOW_MS;

const signupOpen = (a: Activity, now: Date) =>
  acceptsPeople(a.state) && now <= new Date(a.signup_deadline) && now < new Date(a.ends_at);

/** What the person may do now with the activity, from its state, the time and their sign-up. */
function mayOf(a: Activity, s: Signup | undefined, now: Date) {
  const active = !!s && s.state !== 'cancelled';
  const checkedIn = !!s?.checked_in_at;
  return {
    signUp: signupOpen(a, now) && !active,
    cancelSignup: active && acceptsPeople(a.state) && !checkedIn,
    checkIn: checkinOpen(a, now) && !checkedIn && (!active || s.state === 'signed_up'),
    checkOut: checkedIn && !s?.checked_out_at && (a.state === 'published' || a.state === 'finished'),
  };
}

function requireUser(actor: Actor): string {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  return actor.userId;
}

async function waitingPosition(deps: AppDeps, s: Signup) {
  if (s.state !== 'waiting') return null;
  const ahead = await repo.waitingAhead(deps.db, s.activity_id, s.queued_at, s.id);
  return ahead + 1;
}

async function presentMine(deps: AppDeps, s: Signup | undefined) {
  if (!s) return null;
  return {
    id: s.id,
    state: s.state,
    waitingPosition: await waitingPosition(deps, s),
    checkedInAt: iso(s.checked_in_at),
    checkedOutAt: iso(s.checked_out_at),
    minutes: s.minutes,
  };
}

/** One activity as a participant (or its staff) sees it: drafts only to the staff of its place. */
/**
 * A person joins the activities of their own county (区县, the tenant): their home community's, else
 * their memberships'. Another county's activity reads as not found, so its id cannot be probed. A
 * person whose county is not known yet (a new phone login without 我的社区) is not turned away.
 */
async function assertOwnCounty(deps: AppDeps, actor: Actor, a: Activity) {
  if (mayRead(actor, a.place_path)) return;
  const county = (await homeCommunityOf(deps.db, actor))?.tenantId ?? actor.tenantId;
  if (county && county !== a.tenant_id) throw new AppError('NOT_FOUND');
}

async function detail(deps: AppDeps, actor: Actor, id: string) {
  const a = await repo.findActivity(deps.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  const userId = requireUser(actor);
  const staff = mayRead(actor, a.place_path);
  const s = await repo.findSignup(deps.db, id, userId);
  if (a.state === 'draft' && !staff) throw new AppError('NOT_FOUND');
  // Those on the list (checked in at the QR code) see what they joined.
  if (!s) await assertOwnCounty(deps, actor, a);
  const now = deps.clock.now();
  return {
    ...presentActivity(a, actor),
    mySignup: await presentMine(deps, s),
    may: mayOf(a, s, now),
  };
}

async function open(deps: AppDeps, actor: Actor) {
  requireUser(actor);
  const home = await homeCommunityOf(deps.db, actor);
  const tenantId = home?.tenantId ?? actor.tenantId;
  if (!tenantId) throw new AppError('HOME_COMMUNITY_REQUIRED');
  const rows = await repo.openActivities(deps.db, tenantId, home?.id ?? null, deps.clock.now());
  return { communityName: home?.name ?? null, items: rows.map((a) => presentActivity(a, actor)) };
}

async function mine(deps: AppDeps, actor: Actor) {
  const userId = requireUser(actor);
  const rows = await repo.signupsOfUser(deps.db, userId);
  return rows.map((r) => ({
    ...presentActivity(r, actor),
    signupState: r.signup_state,
    checkedInAt: iso(r.checked_in_at),
    checkedOutAt: iso(r.checked_out_at),
    minutes: r.minutes,
  }));
}

/** Signs up under the activity's lock: a free place, else the waiting list. */
async function signUpLocked(
  deps: AppDeps,
  trx: Executor,
  actor: Actor,
  a: Activity,
  userId: string,
  now: Date,
  walkIn: boolean,
) {
  const existing = await repo.findSignup(trx, a.id, userId);
  if (existing && existing.state !== 'cancelled') throw new AppError('ACTIVITY_ALREADY_SIGNED_UP');
  const full = (await repo.countSignedUp(trx, a.id)) >= a.capacity;
  if (full && walkIn) throw new AppError('ACTIVITY_FULL');
  const state = full ? 'waiting' : 'signed_up';
  const id = existing?.id ?? newId();
  if (existing) await repo.updateSignup(trx, id, { state, queued_at: now, updated_at: now });
  else
    await repo.insertSignup(trx, {
      id,
      tenant_id: a.tenant_id,
      activity_id: a.id,
      user_id: userId,
      state,
      queued_at: now,
      created_at: now,
      updated_at: now,
    });
  await recordAudit(
    trx,
    actor,
    {
      action: 'volunteer_activity.signup',
      entityType: 'activity_signup',
      entityId: id,
      tenantId: a.tenant_id,
      after: { activityId: a.id, state },
    },
    now,
  );
  return id;
}

async function signUp(deps: AppDeps, actor: Actor, id: string) {
  const userId = requireUser(actor);
  const a = await repo.findActivity(deps.db, id);
  if (!a || a.state === 'draft') throw new AppError('NOT_FOUND');
  await assertOwnCounty(deps, actor, a);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const locked = await repo.lockActivity(trx, id);
    if (!signupOpen({ ...a, state: locked!.state }, now)) throw new AppError('ACTIVITY_SIGNUP_CLOSED');
    await signUpLocked(deps, trx, actor, a, userId, now, false);
  });
  return detail(deps, actor, id);
}

async function cancelSignup(deps: AppDeps, actor: Actor, id: string) {
  const userId = requireUser(actor);
  const a = await repo.findActivity(deps.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockActivity(trx, id);
    const s = await repo.findSignup(trx, id, userId);
    if (!s || s.state === 'cancelled') throw new AppError('ACTIVITY_NOT_SIGNED_UP');
    if (s.checked_in_at) throw new AppError('ACTIVITY_CHECKED_IN');
    if (!acceptsPeople(a.state)) throw new AppError('ACTIVITY_ACTION_NOT_ALLOWED');
    await repo.updateSignup(trx, s.id, { state: 'cancelled', updated_at: now });
    if (s.state === 'signed_up') await promoteWaiting(trx, deps, a, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_activity.signup.cancel',
        entityType: 'activity_signup',
        entityId: s.id,
        tenantId: a.tenant_id,
        before: { state: s.state },
        after: { state: 'cancelled' },
      },
      now,
    );
  });
  return detail(deps, actor, id);
}

/** Checks in (signing up on the spot when places are free), credits 参加活动 points. */
async function checkIn(deps: AppDeps, actor: Actor, a: Activity, method: 'qr' | 'location') {
  const userId = requireUser(actor);
  const now = deps.clock.now();
  if (!checkinOpen(a, now)) throw new AppError('ACTIVITY_CHECKIN_CLOSED');
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockActivity(trx, a.id);
    let s = await repo.findSignup(trx, a.id, userId);
    if (s?.checked_in_at) return; // a second scan changes nothing
    if (s?.state === 'waiting') throw new AppError('ACTIVITY_FULL');
    if (!s || s.state === 'cancelled') {
      await signUpLocked(deps, trx, actor, a, userId, now, true);
      s = await repo.findSignup(trx, a.id, userId);
    }
    await repo.updateSignup(trx, s!.id, { checked_in_at: now, checkin_method: method, updated_at: now });
    await awardCheckin(trx, a, { signupId: s!.id, userId, by: userId }, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_activity.checkin',
        entityType: 'activity_signup',
        entityId: s!.id,
        tenantId: a.tenant_id,
        after: { activityId: a.id, method },
      },
      now,
    );
  });
  return detail(deps, actor, a.id);
}

async function checkInByToken(deps: AppDeps, actor: Actor, token: string) {
  const found = await repo.activityByTokenHash(deps.db, hashCheckinToken(token));
  const a = found ? await repo.findActivity(deps.db, found.id) : undefined;
  if (!a || a.state === 'draft') throw new AppError('ACTIVITY_CHECKIN_TOKEN_INVALID');
  return checkIn(deps, actor, a, 'qr');
}

async function checkInByLocation(deps: AppDeps, actor: Actor, id: string, at: { lng: number; lat: number }) {
  const a = await repo.findActivity(deps.db, id);
  if (!a || a.state === 'draft') throw new AppError('NOT_FOUND');
  await assertOwnCounty(deps, actor, a);
  if (a.lng === null || a.lat === null || a.radius_m === null) throw new AppError('ACTIVITY_NO_LOCATION');
  if (distanceMetres(at, { lng: a.lng, lat: a.lat }) > a.radius_m) throw new AppError('ACTIVITY_TOO_FAR');
  return checkIn(deps, actor, a, 'location');
}

/** 签退: minutes served = check-out − check-in, at most the activity's length; hours credited once. */
async function checkOut(deps: AppDeps, actor: Actor, id: string) {
  const userId = requireUser(actor);
  const a = await repo.findActivity(deps.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockActivity(trx, id);
    const s = await repo.findSignup(trx, id, userId);
    if (!s?.checked_in_at) throw new AppError('ACTIVITY_NOT_CHECKED_IN');
    if (s.checked_out_at) throw new AppError('ACTIVITY_CHECKED_OUT');
    if (a.state !== 'published' && a.state !== 'finished') throw new AppError('ACTIVITY_ACTION_NOT_ALLOWED');
    const length = Math.floor((new Date(a.ends_at).getTime() - new Date(a.starts_at).getTime()) / 60000);
    const served = Math.floor((now.getTime() - new Date(s.checked_in_at).getTime()) / 60000);
    const minutes = Math.max(0, Math.min(served, length));
    await repo.updateSignup(trx, s.id, { checked_out_at: now, minutes, updated_at: now });
    await awardHours(trx, a, { signupId: s.id, userId, minutes, by: userId }, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_activity.checkout',
        entityType: 'activity_signup',
        entityId: s.id,
        tenantId: a.tenant_id,
        after: { activityId: id, minutes },
      },
      now,
    );
  });
  return detail(deps, actor, id);
}

export function createParticipationService(deps: AppDeps) {
  return {
    detail: detail.bind(null, deps),
    open: open.bind(null, deps),
    mine: mine.bind(null, deps),
    signUp: signUp.bind(null, deps),
    cancelSignup: cancelSignup.bind(null, deps),
    checkInByToken: checkInByToken.bind(null, deps),
    checkInByLocation: checkInByLocation.bind(null, deps),
    checkOut: checkOut.bind(null, deps),
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;
