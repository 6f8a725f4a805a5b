import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  CommunityRoomBookingsTable,
  CommunityRoomsTable,
  CommunityRoomTargetsTable,
} from '../../../platform/db/schema-rooms.js';
import { inScope, pathUnder, type Scope } from '../../../platform/scope.js';
import { holdingStates, usedStates } from './lifecycle.js';

// Queries only, for 功能室: rooms, targets, bookings, the booker's teams and units, usage.

// ---- rooms

const roomColumns = [
  'r.id',
  'r.tenant_id',
  'r.community_id',
  'r.place_path',
  'r.name',
  'r.address',
  'r.capacity',
  'r.opening_hours',
  'r.facilities',
  'r.active',
  'r.created_at',
  'r.updated_at',
] as const;

export async function insertRoom(db: Executor, row: Insertable<CommunityRoomsTable>) {
  await db.insertInto('community_rooms').values(row).execute();
}

export async function updateRoom(db: Executor, id: string, set: Updateable<CommunityRoomsTable>) {
  await db.updateTable('community_rooms').set(set).where('id', '=', id).execute();
}

/** One room with its community's name (the token is not read). */
export function findRoom(db: Executor, id: string) {
  return db
    .selectFrom('community_rooms as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .select(roomColumns)
    .select('p.name as community_name')
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Locks the room row: bookings of one room queue here, so two overlapping ones cannot both pass. */
export function lockRoom(db: Executor, id: string) {
  return db
    .selectFrom('community_rooms')
    .select(['id', 'tenant_id', 'place_path', 'capacity', 'opening_hours', 'active'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function roomCheckinToken(db: Executor, id: string) {
  return db.selectFrom('community_rooms').select('checkin_token').where('id', '=', id).executeTakeFirst();
}

export function roomByCheckinToken(db: Executor, token: string) {
  return db
    .selectFrom('community_rooms as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .select(roomColumns)
    .select('p.name as community_name')
    .where('r.checkin_token', '=', token)
    .executeTakeFirst();
}

/** Rooms in the scope (under one place when given), with their community's name. */
export function listRooms(db: Executor, scope: Scope, under: string | null) {
  let q = db
    .selectFrom('community_rooms as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .select(roomColumns)
    .select('p.name as community_name')
    .where(inScope('r.place_path', scope));
  if (under) q = q.where(pathUnder('r.place_path', under));
  return q.orderBy('r.place_path').orderBy('r.name').execute();
}

/** The active rooms of one community, for a resident choosing one. */
export function activeRoomsOf(db: Executor, communityId: string) {
  return db
    .selectFrom('community_rooms as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .select(roomColumns)
    .select('p.name as community_name')
    .where('r.community_id', '=', communityId)
    .where('r.active', '=', true)
    .orderBy('r.name')
    .execute();
}

// ---- targets

export function targetsOf(db: Executor, communityIds: string[]) {
  if (communityIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('community_room_targets').selectAll().where('community_id', 'in', communityIds).execute();
}

export async function upsertTargets(db: Executor, row: Insertable<CommunityRoomTargetsTable>) {
  await db
    .insertInto('community_room_targets')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'tenant_id']).doUpdateSet({
        min_days_used: row.min_days_used,
        min_participation_pct: row.min_participation_pct,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

// ---- bookings

export async function insertBooking(db: Executor, row: Insertable<CommunityRoomBookingsTable>) {
  await db.insertInto('community_room_bookings').values(row).execute();
}

export async function updateBooking(db: Executor, id: string, set: Updateable<CommunityRoomBookingsTable>) {
  await db.updateTable('community_room_bookings').set(set).where('id', '=', id).execute();
}

export function lockBooking(db: Executor, id: string) {
  return db.selectFrom('community_room_bookings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The bookings of a room on a day that hold time overlapping [start, end). Run under the room's lock. */
export function overlapping(db: Executor, roomId: string, day: string, start: number, end: number) {
  return db
    .selectFrom('community_room_bookings')
    .select(['id', 'start_minute', 'end_minute'])
    .where('room_id', '=', roomId)
    .where('day', '=', day)
    .where('state', 'in', holdingStates)
    .where('start_minute', '<', end)
    .where('end_minute', '>', start)
    .execute();
}

/** What a booking shows: the room, who it is for (team or unit name) and who booked it. */
const bookingView = (db: Executor) =>
  db
    .selectFrom('community_room_bookings as b')
    .innerJoin('community_rooms as r', 'r.id', 'b.room_id')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .innerJoin('users as u', 'u.id', 'b.booked_by')
    .leftJoin('volunteer_teams as t', 't.id', 'b.team_id')
    .leftJoin('organisations as o', 'o.id', 'b.organisation_id')
    .selectAll('b')
    .select([
      'r.name as room_name',
      'r.address as room_address',
      'p.name as community_name',
      'u.display_name as booker_name',
      't.name as team_name',
      'o.name as organisation_name',
    ]);

export function findBookingView(db: Executor, id: string) {
  return bookingView(db).where('b.id', '=', id).executeTakeFirst();
}

export interface BookingFilter {
  scope: Scope;
  under: string | null;
  roomId: string | null;
  from: string;
  to: string;
}

/** Bookings in the scope from one day to another (inclusive), for staff. */
export function listBookings(db: Executor, f: BookingFilter) {
  let q = bookingView(db)
    .where(inScope('b.place_path', f.scope))
    .where('b.day', '>=', f.from)
    .where('b.day', '<=', f.to);
  if (f.under) q = q.where(pathUnder('b.place_path', f.under));
  if (f.roomId) q = q.where('b.room_id', '=', f.roomId);
  return q.orderBy('b.day').orderBy('b.start_minute').orderBy('r.name').limit(1000).execute();
}

/** A person's own bookings from a day on (latest first beyond it is not needed on the phone). */
export function myBookings(db: Executor, userId: string, from: string) {
  return bookingView(db)
    .where('b.booked_by', '=', userId)
    .where('b.day', '>=', from)
    .orderBy('b.day')
    .orderBy('b.start_minute')
    .limit(200)
    .execute();
}

/** A room's bookings of one day that hold time: what the phone shows as taken (no names). */
export function takenOfDay(db: Executor, roomId: string, day: string) {
  return db
    .selectFrom('community_room_bookings')
    .select(['start_minute', 'end_minute'])
    .where('room_id', '=', roomId)
    .where('day', '=', day)
    .where('state', 'in', holdingStates)
    .orderBy('start_minute')
    .execute();
}

// ---- who the booker acts for

/** The volunteer teams the user leads or belongs to. */
export function teamsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('volunteer_teams as t')
    .select(['t.id', 't.name', 't.tenant_id'])
    .where((eb) =>
      eb.or([
        eb('t.leader_user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('volunteer_team_members as m')
            .select('m.user_id')
            .whereRef('m.team_id', '=', 't.id')
            .where('m.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('t.name')
    .execute();
}

/** The organisations the user acts for (共建单位联络员). */
export function unitsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('organisation_liaisons as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['o.id', 'o.name', 'o.tenant_id'])
    .where('l.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

export function findTeam(db: Executor, id: string) {
  return db.selectFrom('volunteer_teams').select(['id', 'name', 'tenant_id']).where('id', '=', id).executeTakeFirst();
}

export function findOrganisation(db: Executor, id: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'tenant_id']).where('id', '=', id).executeTakeFirst();
}

// ---- usage

/**
 * Per room of the scope, for the days [from, to]: distinct days used (a checked-in or completed
 * booking), booked seats of the bookings that fell due (used or no-show), attended seats (completed).
 */
export function usageByRoom(db: Executor, scope: Scope, under: string | null, from: string, to: string) {
  let q = db
    .selectFrom('community_rooms as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .leftJoin('community_room_bookings as b', (join) =>
      join.onRef('b.room_id', '=', 'r.id').on('b.day', '>=', from).on('b.day', '<=', to),
    )
    .select([
      'r.id',
      'r.name',
      'r.capacity',
      'r.active',
      'r.community_id',
      'r.place_path',
      'p.name as community_name',
      'p.code as community_code',
    ])
    .select([
      sql<number>`count(DISTINCT b.day) FILTER (WHERE b.state IN (${sql.join([...usedStates])}))`.as('days_used'),
      sql<number>`count(b.id) FILTER (WHERE b.state IN ('checked_in','completed','no_show'))`.as('bookings_held'),
      sql<number>`count(b.id) FILTER (WHERE b.state = 'no_show')`.as('no_shows'),
      sql<number>`coalesce(sum(b.expected) FILTER (WHERE b.state IN ('checked_in','completed','no_show')), 0)`.as(
        'booked_seats',
      ),
      sql<number>`coalesce(sum(b.attended) FILTER (WHERE b.state = 'completed'), 0)`.as('attended'),
    ])
    .where(inScope('r.place_path', scope));
  if (under) q = q.where(pathUnder('r.place_path', under));
  return q
    .groupBy(['r.id', 'r.name', 'r.capacity', 'r.active', 'r.community_id', 'r.place_path', 'p.name', 'p.code'])
    .orderBy('r.place_path')
    .orderBy('r.name')
    .execute();
}

// ---- communities

export function findCommunity(db: Executor, id: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'code', 'path', 'tenant_id'])
    .where('id', '=', id)
    .where('kind', '=', 'community')
    .executeTakeFirst();
}

/** The communities of the scope (under one place when given), for targets and numbers. */
export function communitiesInScope(db: Executor, scope: Scope, under: string | null) {
  let q = db
    .selectFrom('places')
    .select(['id', 'name', 'code', 'path', 'tenant_id'])
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .where(inScope('path', scope));
  if (under) q = q.where(pathUnder('path', under));
  return q.orderBy('path').limit(2000).execute();
}

/** A room of the community by name (names are unique per community). */
export function roomNamed(db: Executor, communityId: string, name: string) {
  return db
    .selectFrom('community_rooms')
    .select('id')
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .executeTakeFirst();
}
