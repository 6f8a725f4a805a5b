import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hhmmOf, minuteOf } from '../../../../shared/community-rooms.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { defineJob, queueJob } from '../../../platform/jobs.js';
import { systemActor, type Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { homeCommunityOf } from '../../../platform/community/person.js';
import { bookingTransition, type BookingActor } from './lifecycle.js';
import { assertMayActOnBooking, assertMayReadRooms, isRoomStaff, roomsShownTo } from './policy.js';
import { presentBooking, presentRoom } from './present.js';
import * as repo from './repository.js';
import type { BookingActionInputT, BookingInputT } from './schemas.js';
import { addDaysTo, CHECKIN_EARLY_MS, chinaDayOf, instantOf, openingOn } from './time.js';

// 预约: a booking for a team, a unit or a residents' group; overlaps refused under the room's lock;
// check-in (the booker with the room's QR code, or staff), completion with the attended count,
// cancellation, and the no-show job when the end passes with nobody checked in.

export interface RoomsDeps {
  db: Db;
  clock: Clock;
}

export const newCheckinToken = (): string => randomBytes(24).toString('base64url');

/** 未到场: queued at each booking's end; a booking still not checked in then is marked no-show. */
export const noShowJob = defineJob({
  kind: 'rooms.booking.noShow',
  payload: z.object({ bookingId: z.string() }),
  handler: async (trx, { bookingId }, { now }) => {
    const b = await repo.lockBooking(trx, bookingId);
    if (!b || b.ends_at.getTime() > now.getTime() || !bookingTransition(b.state, 'no_show', 'system')) return;
    await repo.updateBooking(trx, b.id, { state: 'no_show', updated_at: now });
    await recordAudit(
      trx,
      systemActor(),
      {
        action: 'rooms.booking.no_show',
        entityType: 'community_room_booking',
        entityId: b.id,
        tenantId: b.tenant_id,
        before: { state: b.state },
        after: { state: 'no_show' },
      },
      now,
    );
  },
});

/** A residents' group is of the booker's own community (我的社区): nobody else's rooms to fill (staff: any). */
async function groupFor(db: Db, actor: Actor, room: { place_path: string; community_id: string }, name: string) {
  if (!isRoomStaff(actor, room.place_path)) {
    const home = await homeCommunityOf(db, actor);
    if (!home) throw new AppError('HOME_COMMUNITY_REQUIRED');
    if (home.id !== room.community_id) throw new AppError('ROOM_NOT_YOUR_GROUP');
  }
  return { for_kind: 'group' as const, group_name: name, team_id: null, organisation_id: null };
}

/** Who the booking is for, checked: the booker's own team or unit, or (staff) any of the county's. */
async function checkedFor(
  db: Db,
  actor: Actor,
  room: { tenant_id: string; place_path: string; community_id: string },
  input: BookingInputT,
) {
  const f = input.for;
  if (f.kind === 'group') return groupFor(db, actor, room, f.name);
  const staff = isRoomStaff(actor, room.place_path);
  if (f.kind === 'team') {
    const mine = (await repo.teamsOfUser(db, actor.userId ?? '')).some((t) => t.id === f.teamId);
    if (!mine) {
      const team = staff ? await repo.findTeam(db, f.teamId) : null;
      if (!staff) throw new AppError('ROOM_NOT_YOUR_GROUP');
      if (team?.tenant_id !== room.tenant_id) throw new AppError('NOT_FOUND');
    }
    return { for_kind: 'team' as const, team_id: f.teamId, organisation_id: null, group_name: '' };
  }
  const mine = (await repo.unitsOfUser(db, actor.userId ?? '')).some((u) => u.id === f.organisationId);
  if (!mine) {
    const unit = staff ? await repo.findOrganisation(db, f.organisationId) : null;
    if (!staff) throw new AppError('ROOM_NOT_YOUR_GROUP');
    if (unit?.tenant_id !== room.tenant_id) throw new AppError('NOT_FOUND');
  }
  return { for_kind: 'unit' as const, organisation_id: f.organisationId, team_id: null, group_name: '' };
}

async function book(deps: RoomsDeps, actor: Actor, input: BookingInputT) {
  const room = await repo.findRoom(deps.db, input.roomId);
  if (!room) throw new AppError('NOT_FOUND');
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  if (!room.active) throw new AppError('ROOM_INACTIVE');
  if (input.expected > room.capacity) throw new AppError('ROOM_OVER_CAPACITY', { capacity: room.capacity });
  const start = minuteOf(input.start);
  const end = minuteOf(input.end);
  const now = deps.clock.now();
  if (instantOf(input.day, start).getTime() <= now.getTime()) throw new AppError('ROOM_TIME_PASSED');
  const open = openingOn(room.opening_hours, input.day);
  if (!open || start < open.start || end > open.end) throw new AppError('ROOM_CLOSED');
  const who = await checkedFor(deps.db, actor, room, input);
  const id = newId();
  const endsAt = instantOf(input.day, end);
  await deps.db.transaction().execute(async (trx) => {
    // One room's bookings queue on its row: the overlap check and the insert see the same bookings.
    const locked = await repo.lockRoom(trx, room.id);
    if (!locked?.active) throw new AppError('ROOM_INACTIVE');
    const clash = await repo.overlapping(trx, room.id, input.day, start, end);
    if (clash.length > 0)
      throw new AppError('ROOM_CONFLICT', {
        taken: clash.map((c) => ({ start: hhmmOf(c.start_minute), end: hhmmOf(c.end_minute) })),
      });
    await repo.insertBooking(trx, {
      id,
      tenant_id: room.tenant_id,
      room_id: room.id,
      place_path: room.place_path,
      day: input.day,
      start_minute: start,
      end_minute: end,
      ends_at: endsAt,
      ...who,
      purpose: input.purpose,
      expected: input.expected,
      attended: null,
      state: 'booked',
      booked_by: actor.userId!,
      created_at: now,
      updated_at: now,
    });
    await queueJob(trx, deps.clock, noShowJob, { bookingId: id }, { runAt: endsAt, dedupeKey: `rooms.noShow:${id}` });
    await recordAudit(
      trx,
      actor,
      {
        action: 'rooms.booking.book',
        entityType: 'community_room_booking',
        entityId: id,
        tenantId: room.tenant_id,
        after: { room: room.name, day: input.day, start: input.start, end: input.end, for: who.for_kind },
      },
      now,
    );
  });
  return presentBooking((await repo.findBookingView(deps.db, id))!, actor);
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockBooking>>>;

/** What an action stamps on the booking, after its own checks (the check-in window and code, the count). */
async function changesOf(
  trx: Executor,
  actor: Actor,
  b: Locked,
  as: BookingActor,
  action: 'check-in' | 'complete' | 'cancel',
  input: BookingActionInputT,
  now: Date,
): Promise<Parameters<typeof repo.updateBooking>[2]> {
  if (action === 'cancel') return { cancelled_at: now, cancel_reason: input.reason ?? '' };
  if (action === 'complete') {
    if (input.attended === undefined)
      throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'attended', message: 'required' }] });
    const room = (await repo.findRoom(trx, b.room_id))!;
    if (input.attended > room.capacity) throw new AppError('ROOM_OVER_CAPACITY', { capacity: room.capacity });
    return { attended: input.attended, completed_at: now };
  }
  if (now.getTime() < instantOf(b.day, b.start_minute).getTime() - CHECKIN_EARLY_MS)
    throw new AppError('ROOM_CHECKIN_NOT_OPEN');
  if (as === 'booker') {
    if (now.getTime() > b.ends_at.getTime()) throw new AppError('ROOM_CHECKIN_NOT_OPEN');
    const token = await repo.roomCheckinToken(trx, b.room_id);
    if (!input.token || input.token !== token?.checkin_token) throw new AppError('ROOM_CHECKIN_CODE_INVALID');
  }
  return { checked_in_at: now, checked_in_by: actor.userId };
}

/** Check in, complete or cancel, as the booking's table allows for the caller. */
async function act(
  deps: RoomsDeps,
  actor: Actor,
  id: string,
  action: 'check-in' | 'complete' | 'cancel',
  input: BookingActionInputT,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const b = await repo.lockBooking(trx, id);
    if (!b) throw new AppError('NOT_FOUND');
    const roles = assertMayActOnBooking(actor, b);
    // Staff first: they need no QR code and may record a check-in after the fact.
    const as: BookingActor | undefined = (['staff', 'booker'] as const).find(
      (r) => roles.includes(r) && bookingTransition(b.state, action, r),
    );
    const t = as && bookingTransition(b.state, action, as);
    if (!as || !t) throw new AppError('ROOM_ACTION_NOT_ALLOWED', { state: b.state, action });
    const set = { state: t.to, updated_at: now, ...(await changesOf(trx, actor, b, as, action, input, now)) };
    await repo.updateBooking(trx, b.id, set);
    await recordAudit(
      trx,
      actor,
      {
        action: `rooms.booking.${action}`,
        entityType: 'community_room_booking',
        entityId: b.id,
        tenantId: b.tenant_id,
        before: { state: b.state },
        after: { state: t.to, as, ...(action === 'complete' ? { attended: input.attended } : {}) },
      },
      now,
    );
  });
  return presentBooking((await repo.findBookingView(deps.db, id))!, actor);
}

/** Bookings in scope for staff, a week from `from` by default. */
async function list(
  deps: RoomsDeps,
  actor: Actor,
  q: { placeCode?: string; roomId?: string; from?: string; to?: string },
) {
  assertMayReadRooms(actor);
  const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
  const from = q.from ?? chinaDayOf(deps.clock.now());
  const to = q.to ?? addDaysTo(from, 6);
  const rows = await repo.listBookings(deps.db, {
    scope: roomsShownTo(actor),
    under: under?.path ?? null,
    roomId: q.roomId ?? null,
    from,
    to: to < from ? from : to > addDaysTo(from, 92) ? addDaysTo(from, 92) : to,
  });
  return rows.map((b) => presentBooking(b, actor));
}

/** My bookings from a month ago on (the phone's 我的预约). */
async function mine(deps: RoomsDeps, actor: Actor) {
  const rows = await repo.myBookings(deps.db, actor.userId ?? '', addDaysTo(chinaDayOf(deps.clock.now()), -30));
  return rows.map((b) => presentBooking(b, actor));
}

/** Who the caller may book for, and their home community (whose rooms the phone lists). */
async function options(deps: RoomsDeps, actor: Actor) {
  const userId = actor.userId ?? '';
  const home = await homeCommunityOf(deps.db, actor);
  return {
    teams: (await repo.teamsOfUser(deps.db, userId)).map((t) => ({ id: t.id, name: t.name })),
    units: (await repo.unitsOfUser(deps.db, userId)).map((u) => ({ id: u.id, name: u.name })),
    community: home ? { id: home.id, name: home.name } : null,
  };
}

/** The active rooms of my home community. */
async function nearby(deps: RoomsDeps, actor: Actor) {
  const home = await homeCommunityOf(deps.db, actor);
  return home ? (await repo.activeRoomsOf(deps.db, home.id)).map(presentRoom) : [];
}

/** A room's day: the opening and the times already taken (no names), for choosing a free time. */
async function day(deps: RoomsDeps, roomId: string, dayText: string | undefined) {
  const room = await repo.findRoom(deps.db, roomId);
  if (!room?.active) throw new AppError('NOT_FOUND');
  const d = dayText ?? chinaDayOf(deps.clock.now());
  const open = openingOn(room.opening_hours, d);
  const taken = await repo.takenOfDay(deps.db, room.id, d);
  return {
    room: presentRoom(room),
    day: d,
    open: open ? { start: hhmmOf(open.start), end: hhmmOf(open.end) } : null,
    taken: taken.map((t) => ({ start: hhmmOf(t.start_minute), end: hhmmOf(t.end_minute) })),
  };
}

/** The room of a QR code and my bookings there today that wait for check-in or completion. */
async function checkinPage(deps: RoomsDeps, actor: Actor, token: string) {
  const room = await repo.roomByCheckinToken(deps.db, token);
  if (!room) throw new AppError('NOT_FOUND');
  const today = chinaDayOf(deps.clock.now());
  const rows = (await repo.myBookings(deps.db, actor.userId ?? '', today)).filter(
    (b) => b.room_id === room.id && b.day === today && (b.state === 'booked' || b.state === 'checked_in'),
  );
  return { room: presentRoom(room), bookings: rows.map((b) => presentBooking(b, actor)) };
}

export function createBookingService(deps: RoomsDeps) {
  return {
    book: (actor: Actor, input: BookingInputT) => book(deps, actor, input),
    act: (actor: Actor, id: string, action: 'check-in' | 'complete' | 'cancel', input: BookingActionInputT) =>
      act(deps, actor, id, action, input),
    list: (actor: Actor, q: Parameters<typeof list>[2]) => list(deps, actor, q),
    mine: (actor: Actor) => mine(deps, actor),
    options: (actor: Actor) => options(deps, actor),
    nearby: (actor: Actor) => nearby(deps, actor),
    day: (roomId: string, d?: string) => day(deps, roomId, d),
    checkinPage: (actor: Actor, token: string) => checkinPage(deps, actor, token),
  };
}
export type BookingService = ReturnType<typeof createBookingService>;
