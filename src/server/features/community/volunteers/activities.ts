import type { Updateable } from 'kysely';
import QRCode from 'qrcode';
import type { AppDeps } from '../../../deps.js';
import { noticeDeps } from '../../../deps.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { VolunteerActivitiesTable } from '../../../platform/db/schema-volunteers.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId, randomToken } from '../../../platform/ids.js';
import { queueSms } from '../../../platform/notify/sms.js';
import type { Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { shanghaiMinute } from '../../../platform/deadlines.js';
import { activityTransition, type ActivityAction } from './lifecycle.js';
import { assertMayManage, assertMayRead, mayRead, shownTo } from './policy.js';
import { hashCheckinToken, iso, isoOf, presentActivity } from './present.js';
import * as repo from './repository.js';
import { awardAttendance } from './points.js';
import type { ActivityInputT, ActivityPatchT, AttendanceInputT } from './schemas.js';

// 志愿活动, run by the community staff: create, edit, publish, finish, cancel; the sign-up list with
// attendance; the check-in QR. Each change is one transaction with its audit row.

type Times = { startsAt: Date; endsAt: Date; signupDeadline: Date };

function checkTimes(t: Times) {
  if (!(t.endsAt > t.startsAt)) throw new AppError('ACTIVITY_TIMES_INVALID');
  if (t.signupDeadline > t.endsAt) throw new AppError('ACTIVITY_TIMES_INVALID');
}

type ActivityRow = NonNullable<Awaited<ReturnType<typeof repo.findActivity>>>;

/** The columns a patch changes (the location with its radius; times and team already checked). */
function patchedRow(patch: ActivityPatchT, a: ActivityRow, teamId: string | null, times: Times) {
  const row: Updateable<VolunteerActivitiesTable> = {
    team_id: teamId,
    starts_at: times.startsAt,
    ends_at: times.endsAt,
    signup_deadline: times.signupDeadline,
  };
  if (patch.title !== undefined) row.title = patch.title;
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.address !== undefined) row.address = patch.address;
  if (patch.capacity !== undefined) row.capacity = patch.capacity;
  if (patch.attendPoints !== undefined) row.attend_points = patch.attendPoints;
  return { ...row, ...patchedLocation(patch, a) };
}

/** A new place (or none) with its radius, or a new radius for the place it has. */
function patchedLocation(patch: ActivityPatchT, a: ActivityRow): Updateable<VolunteerActivitiesTable> {
  if (patch.location === null) return { lng: null, lat: null, radius_m: null };
  if (patch.location)
    return { lng: patch.location.lng, lat: patch.location.lat, radius_m: patch.radiusM ?? a.radius_m ?? 200 };
  if (patch.radiusM !== undefined && a.lng !== null) return { radius_m: patch.radiusM ?? 200 };
  return {};
}

export async function activityInScope(deps: AppDeps, actor: Actor, id: string, manage: boolean) {
  const a = await repo.findActivity(deps.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  if (manage) assertMayManage(actor, a.place_path);
  else assertMayRead(actor, a.place_path);
  return a;
}

async function checkTeam(deps: AppDeps, actor: Actor, teamId: string | null | undefined) {
  if (!teamId) return null;
  const team = await repo.findTeam(deps.db, teamId);
  if (!team || !mayRead(actor, team.path)) throw new AppError('ACTIVITY_TEAM_INVALID');
  return team.id;
}

/**
 * Moves the first people of the waiting list up while places are free (in the caller's transaction,
 * under the activity's lock), and queues each an SMS when they have a phone.
 */
export async function promoteWaiting(
  trx: Executor,
  deps: AppDeps,
  activity: {
    id: string;
    tenant_id: string;
    place_path: string;
    title: string;
    starts_at: Date | string;
    capacity: number;
  },
  now: Date,
) {
  let free = activity.capacity - (await repo.countSignedUp(trx, activity.id));
  while (free > 0) {
    const next = await repo.firstWaiting(trx, activity.id);
    if (!next) return;
    await repo.updateSignup(trx, next.id, { state: 'signed_up', updated_at: now });
    free -= 1;
    if (next.phone_enc)
      await queueSms(
        trx,
        { clock: deps.clock, pii: deps.pii, sign: noticeDeps(deps.config).sign },
        {
          tenantId: activity.tenant_id,
          placePath: activity.place_path,
          phone: deps.pii.decrypt(next.phone_enc),
          template: 'activity_promoted',
          params: { title: activity.title, start: shanghaiMinute(activity.starts_at) },
          dedupeKey: `activity:${activity.id}:promoted:${next.id}:${now.getTime()}`,
        },
      );
  }
}

async function list(deps: AppDeps, actor: Actor, q: { placeCode?: string; state?: string; year?: number }) {
  const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
  const rows = await repo.listActivities(deps.db, shownTo(actor), {
    under: under?.path,
    state: q.state,
    year: q.year,
  });
  return rows.map((a) => presentActivity(a, actor));
}

async function create(deps: AppDeps, actor: Actor, input: ActivityInputT) {
  const community = await repo.communityByCode(deps.db, input.communityCode);
  if (!community || community.kind !== 'community' || !community.tenant_id)
    throw invalid('communityCode', 'noSuchPlace');
  assertMayManage(actor, community.path);
  const teamId = await checkTeam(deps, actor, input.teamId);
  const times = {
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    signupDeadline: new Date(input.signupDeadline ?? input.startsAt),
  };
  checkTimes(times);
  const now = deps.clock.now();
  const id = newId();
  const token = randomToken(24);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertActivity(trx, {
      id,
      tenant_id: community.tenant_id!,
      community_id: community.id,
      place_path: community.path,
      team_id: teamId,
      title: input.title,
      description: input.description,
      address: input.address,
      lng: input.location?.lng ?? null,
      lat: input.location?.lat ?? null,
      radius_m: input.location ? (input.radiusM ?? 200) : null,
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      capacity: input.capacity,
      signup_deadline: times.signupDeadline,
      attend_points: input.attendPoints ?? null,
      checkin_token_hash: hashCheckinToken(token),
      checkin_token_enc: deps.pii.encrypt(token),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_activity.create',
        entityType: 'volunteer_activity',
        entityId: id,
        tenantId: community.tenant_id,
        after: { ...input },
      },
      now,
    );
  });
  return presentActivity((await repo.findActivity(deps.db, id))!, actor);
}

async function update(deps: AppDeps, actor: Actor, id: string, patch: ActivityPatchT) {
  const a = await activityInScope(deps, actor, id, true);
  if (a.state !== 'draft' && a.state !== 'published') throw new AppError('ACTIVITY_ACTION_NOT_ALLOWED');
  const teamId = patch.teamId !== undefined ? await checkTeam(deps, actor, patch.teamId) : a.team_id;
  const times = {
    startsAt: new Date(patch.startsAt ?? a.starts_at),
    endsAt: new Date(patch.endsAt ?? a.ends_at),
    signupDeadline: new Date(patch.signupDeadline ?? a.signup_deadline),
  };
  checkTimes(times);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockActivity(trx, id);
    if (patch.capacity !== undefined && patch.capacity < (await repo.countSignedUp(trx, id)))
      throw new AppError('ACTIVITY_CAPACITY_BELOW');
    await repo.updateActivity(trx, id, { ...patchedRow(patch, a, teamId, times), updated_at: now });
    if (a.state === 'published' && patch.capacity !== undefined && patch.capacity > a.capacity)
      await promoteWaiting(trx, deps, { ...a, capacity: patch.capacity }, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_activity.update',
        entityType: 'volunteer_activity',
        entityId: id,
        tenantId: a.tenant_id,
        after: { ...patch },
      },
      now,
    );
  });
  return presentActivity((await repo.findActivity(deps.db, id))!, actor);
}

async function act(deps: AppDeps, actor: Actor, id: string, action: ActivityAction, reason: string | undefined) {
  const a = await activityInScope(deps, actor, id, true);
  const t = activityTransition(a.state, action);
  if (!t) throw new AppError('ACTIVITY_ACTION_NOT_ALLOWED');
  const now = deps.clock.now();
  if (t.needs === 'ended' && now < new Date(a.ends_at)) throw new AppError('ACTIVITY_NOT_ENDED');
  if (t.needs === 'reason' && !reason) throw invalid('reason', 'reasonRequired');
  await deps.db.transaction().execute(async (trx) => {
    const locked = await repo.lockActivity(trx, id);
    if (locked?.state !== a.state) throw new AppError('ACTIVITY_ACTION_NOT_ALLOWED');
    await repo.updateActivity(trx, id, {
      state: t.to,
      ...(action === 'cancel' ? { cancel_reason: reason ?? '' } : {}),
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: `volunteer_activity.${action}`,
        entityType: 'volunteer_activity',
        entityId: id,
        tenantId: a.tenant_id,
        before: { state: a.state },
        after: { state: t.to, ...(reason ? { reason } : {}) },
      },
      now,
    );
  });
  return presentActivity((await repo.findActivity(deps.db, id))!, actor);
}

async function signups(deps: AppDeps, actor: Actor, id: string) {
  await activityInScope(deps, actor, id, false);
  return (await repo.listSignups(deps.db, id)).map((s) => ({
    id: s.id,
    name: s.display_name ?? s.guest_name,
    phoneMasked: s.phone_masked ?? null,
    guest: s.user_id === null,
    state: s.state,
    queuedAt: isoOf(s.queued_at),
    checkedInAt: iso(s.checked_in_at),
    checkedOutAt: iso(s.checked_out_at),
    checkinMethod: s.checkin_method,
    minutes: s.minutes,
  }));
}

/** 代录考勤: staff record the attendance of a signed-up person, or of a person without a phone by name. */
async function recordAttendance(deps: AppDeps, actor: Actor, id: string, input: AttendanceInputT) {
  const a = await activityInScope(deps, actor, id, true);
  if (a.state !== 'published' && a.state !== 'finished') throw new AppError('ACTIVITY_ACTION_NOT_ALLOWED');
  const length = Math.floor((new Date(a.ends_at).getTime() - new Date(a.starts_at).getTime()) / 60000);
  const minutes = Math.min(input.minutes, length);
  const start = new Date(a.starts_at);
  const out = new Date(start.getTime() + minutes * 60000);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockActivity(trx, id);
    let signupId: string;
    let userId: string | null = null;
    if (input.signupId) {
      const s = await repo.findSignupById(trx, input.signupId);
      if (!s || s.activity_id !== id) throw new AppError('NOT_FOUND');
      if (s.state !== 'signed_up') throw new AppError('ACTIVITY_NOT_SIGNED_UP');
      if (s.checked_out_at) throw new AppError('ACTIVITY_CHECKED_OUT');
      await repo.updateSignup(trx, s.id, {
        checked_in_at: s.checked_in_at ?? start,
        checked_out_at: out,
        checkin_method: s.checkin_method ?? 'staff',
        minutes,
        recorded_by: actor.userId,
        updated_at: now,
      });
      signupId = s.id;
      userId = s.user_id;
    } else {
      signupId = newId();
      await repo.insertSignup(trx, {
        id: signupId,
        tenant_id: a.tenant_id,
        activity_id: id,
        user_id: null,
        guest_name: input.guestName!,
        state: 'signed_up',
        queued_at: now,
        checked_in_at: start,
        checked_out_at: out,
        checkin_method: 'staff',
        minutes,
        recorded_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
    }
    if (userId) await awardAttendance(trx, a, { signupId, userId, minutes, by: actor.userId }, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_activity.attendance',
        entityType: 'activity_signup',
        entityId: signupId,
        tenantId: a.tenant_id,
        after: { activityId: id, minutes, ...(input.guestName ? { guestName: input.guestName } : {}) },
      },
      now,
    );
    return { id: signupId, minutes };
  });
}

/** The check-in QR: the phone URL with the activity's secret token, as SVG (staff of the community only). */
async function checkinLink(deps: AppDeps, actor: Actor, id: string) {
  const a = await activityInScope(deps, actor, id, true);
  const row = await repo.activityToken(deps.db, a.id);
  const token = deps.pii.decrypt(row!.checkin_token_enc);
  const base = noticeDeps(deps.config).publicUrl.replace(/\/$/, '');
  const url = `${base}/m/activity-checkin/${token}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { url, svg };
}

async function teams(deps: AppDeps, actor: Actor) {
  return (await repo.teamsInScope(deps.db, shownTo(actor))).map((t) => ({
    id: t.id,
    name: t.name,
    placeName: t.place_name,
  }));
}

export function createActivityService(deps: AppDeps) {
  return {
    list: list.bind(null, deps),
    create: create.bind(null, deps),
    update: update.bind(null, deps),
    act: act.bind(null, deps),
    signups: signups.bind(null, deps),
    recordAttendance: recordAttendance.bind(null, deps),
    checkinLink: checkinLink.bind(null, deps),
    teams: teams.bind(null, deps),
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
