import QRCode from 'qrcode';
import { defaultRoomTargets } from '../../../../shared/community-rooms.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Config } from '../../../config.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { newCheckinToken, type RoomsDeps } from './bookings.js';
import { assertMayManageRoom, assertMayReadRoom, assertMayReadRooms, roomsShownTo } from './policy.js';
import { presentRoom } from './present.js';
import * as repo from './repository.js';
import type { RoomInputT, RoomPatchT, UsageT } from './schemas.js';
import { periodOf } from './time.js';

// 功能室: rooms and their hours, a community's targets, usage per room against them, and the year's
// numbers per community — all read from the bookings, never typed in.

export interface RoomsServiceDeps extends RoomsDeps {
  config: Pick<Config, 'PUBLIC_URL' | 'PORT'>;
}

async function roomOrNotFound(deps: RoomsDeps, id: string) {
  const room = await repo.findRoom(deps.db, id);
  if (!room) throw new AppError('NOT_FOUND');
  return room;
}

async function listRooms(deps: RoomsDeps, actor: Actor, placeCode?: string) {
  assertMayReadRooms(actor);
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  return (await repo.listRooms(deps.db, roomsShownTo(actor), under?.path ?? null)).map(presentRoom);
}

async function getRoom(deps: RoomsDeps, actor: Actor, id: string) {
  const room = await roomOrNotFound(deps, id);
  assertMayReadRoom(actor, room);
  return presentRoom(room);
}

async function createRoom(deps: RoomsDeps, actor: Actor, input: RoomInputT) {
  const community = await repo.findCommunity(deps.db, input.communityId);
  if (!community?.tenant_id) throw new AppError('NOT_FOUND');
  assertMayManageRoom(actor, community);
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (await repo.roomNamed(trx, community.id, input.name)) throw new AppError('CONFLICT', { field: 'name' });
    await repo.insertRoom(trx, {
      id,
      tenant_id: community.tenant_id!,
      community_id: community.id,
      place_path: community.path,
      name: input.name,
      address: input.address,
      capacity: input.capacity,
      opening_hours: JSON.stringify(input.openingHours),
      facilities: input.facilities,
      active: input.active,
      checkin_token: newCheckinToken(),
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'rooms.room.create',
        entityType: 'community_room',
        entityId: id,
        tenantId: community.tenant_id,
        after: { name: input.name, capacity: input.capacity, community: community.name },
      },
      now,
    );
  });
  return presentRoom((await repo.findRoom(deps.db, id))!);
}

async function updateRoom(deps: RoomsDeps, actor: Actor, id: string, patch: RoomPatchT) {
  const room = await roomOrNotFound(deps, id);
  assertMayManageRoom(actor, room);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (patch.name && patch.name !== room.name && (await repo.roomNamed(trx, room.community_id, patch.name)))
      throw new AppError('CONFLICT', { field: 'name' });
    await repo.updateRoom(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.openingHours !== undefined ? { opening_hours: JSON.stringify(patch.openingHours) } : {}),
      ...(patch.facilities !== undefined ? { facilities: patch.facilities } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'rooms.room.update',
        entityType: 'community_room',
        entityId: id,
        tenantId: room.tenant_id,
        before: { name: room.name, capacity: room.capacity, active: room.active },
        after: patch,
      },
      now,
    );
  });
  return presentRoom((await repo.findRoom(deps.db, id))!);
}

/** The room's check-in QR (an SVG of the phone URL carrying its code), for staff to print. */
async function qr(deps: RoomsServiceDeps, actor: Actor, id: string) {
  const room = await roomOrNotFound(deps, id);
  assertMayManageRoom(actor, room);
  const token = (await repo.roomCheckinToken(deps.db, id))!.checkin_token;
  const base = deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`;
  const url = `${base.replace(/\/$/, '')}/m/room-checkin/${token}`;
  return { url, svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
}

const targetsByCommunity = async (deps: RoomsDeps, ids: string[]) =>
  new Map((await repo.targetsOf(deps.db, ids)).map((t) => [t.community_id, t]));

async function listTargets(deps: RoomsDeps, actor: Actor, placeCode?: string) {
  assertMayReadRooms(actor);
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  const communities = await repo.communitiesInScope(deps.db, roomsShownTo(actor), under?.path ?? null);
  const set = await targetsByCommunity(
    deps,
    communities.map((c) => c.id),
  );
  return communities.map((c) => ({
    communityId: c.id,
    communityName: c.name,
    minDaysUsed: set.get(c.id)?.min_days_used ?? defaultRoomTargets.minDaysUsed,
    minParticipationPct: set.get(c.id)?.min_participation_pct ?? defaultRoomTargets.minParticipationPct,
    isDefault: !set.has(c.id),
  }));
}

async function setTargets(
  deps: RoomsDeps,
  actor: Actor,
  communityId: string,
  input: { minDaysUsed: number; minParticipationPct: number },
) {
  const community = await repo.findCommunity(deps.db, communityId);
  if (!community?.tenant_id) throw new AppError('NOT_FOUND');
  assertMayManageRoom(actor, community);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertTargets(trx, {
      community_id: community.id,
      tenant_id: community.tenant_id!,
      min_days_used: input.minDaysUsed,
      min_participation_pct: input.minParticipationPct,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'rooms.targets.set',
        entityType: 'community_room_targets',
        entityId: community.id,
        tenantId: community.tenant_id,
        after: input,
      },
      now,
    );
  });
  return { communityId: community.id, communityName: community.name, ...input, isDefault: false };
}

const pct = (attended: number, seats: number) => (seats > 0 ? Math.round((attended / seats) * 1000) / 10 : null);

/** 使用率: per room, days used, booked seats, attended and participation; judged against targets for a year. */
async function usage(deps: RoomsDeps, actor: Actor, q: { year: number; month?: number; placeCode?: string }) {
  assertMayReadRooms(actor);
  const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
  const { from, to } = periodOf(q.year, q.month);
  const rows = await repo.usageByRoom(deps.db, roomsShownTo(actor), under?.path ?? null, from, to);
  const targets = await targetsByCommunity(deps, [...new Set(rows.map((r) => r.community_id))]);
  const yearly = !q.month;
  const out: UsageT = {
    year: q.year,
    month: q.month ?? null,
    from,
    to,
    rows: rows.map((r) => {
      const t = targets.get(r.community_id);
      const target = {
        minDaysUsed: t?.min_days_used ?? defaultRoomTargets.minDaysUsed,
        minParticipationPct: t?.min_participation_pct ?? defaultRoomTargets.minParticipationPct,
      };
      const participationPct = pct(Number(r.attended), Number(r.booked_seats));
      const daysMet = yearly ? Number(r.days_used) >= target.minDaysUsed : null;
      const participationMet = yearly
        ? participationPct !== null && participationPct >= target.minParticipationPct
        : null;
      return {
        roomId: r.id,
        roomName: r.name,
        communityId: r.community_id,
        communityName: r.community_name,
        capacity: r.capacity,
        active: r.active,
        daysUsed: Number(r.days_used),
        bookingsHeld: Number(r.bookings_held),
        noShows: Number(r.no_shows),
        bookedSeats: Number(r.booked_seats),
        attended: Number(r.attended),
        participationPct,
        target,
        daysMet,
        participationMet,
        met: yearly ? Boolean(daysMet && participationMet) : null,
      };
    }),
  };
  return out;
}

/** The year's figures per community in scope (rooms without bookings count as rooms). */
async function numbers(deps: RoomsDeps, actor: Actor, q: { year: number; placeCode?: string }) {
  const report = await usage(deps, actor, { year: q.year, placeCode: q.placeCode });
  const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
  const communities = await repo.communitiesInScope(deps.db, roomsShownTo(actor), under?.path ?? null);
  return {
    year: q.year,
    communities: communities.map((c) => {
      const rows = report.rows.filter((r) => r.communityId === c.id);
      const sum = (k: 'daysUsed' | 'bookingsHeld' | 'noShows' | 'bookedSeats' | 'attended') =>
        rows.reduce((n, r) => n + r[k], 0);
      return {
        communityId: c.id,
        communityCode: c.code,
        communityName: c.name,
        rooms: rows.length,
        roomsMeetingTargets: rows.filter((r) => r.met).length,
        daysUsed: sum('daysUsed'),
        bookingsHeld: sum('bookingsHeld'),
        noShows: sum('noShows'),
        bookedSeats: sum('bookedSeats'),
        attended: sum('attended'),
        participationPct: pct(sum('attended'), sum('bookedSeats')),
      };
    }),
  };
}

export function createRoomsService(deps: RoomsServiceDeps) {
  return {
    listRooms: (actor: Actor, placeCode?: string) => listRooms(deps, actor, placeCode),
    getRoom: (actor: Actor, id: string) => getRoom(deps, actor, id),
    createRoom: (actor: Actor, input: RoomInputT) => createRoom(deps, actor, input),
    updateRoom: (actor: Actor, id: string, patch: RoomPatchT) => updateRoom(deps, actor, id, patch),
    qr: (actor: Actor, id: string) => qr(deps, actor, id),
    listTargets: (actor: Actor, placeCode?: string) => listTargets(deps, actor, placeCode),
    setTargets: (actor: Actor, communityId: string, input: { minDaysUsed: number; minParticipationPct: number }) =>
      setTargets(deps, actor, communityId, input),
    usage: (actor: Actor, q: { year: number; month?: number; placeCode?: string }) => usage(deps, actor, q),
    numbers: (actor: Actor, q: { year: number; placeCode?: string }) => numbers(deps, actor, q),
  };
}
export type RoomsService = ReturnType<typeof createRoomsService>;
