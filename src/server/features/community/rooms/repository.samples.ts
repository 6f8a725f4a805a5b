import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const roomId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c10';
const bookingId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c11';
const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const teamId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c12';
const orgId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c13';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };
const hours = JSON.stringify(Array.from({ length: 7 }, () => ({ open: '08:00', close: '21:00' })));

export const samples: SqlSamples<typeof repo> = {
  insertRoom: (db) =>
    repo.insertRoom(db, {
      id: roomId,
      tenant_id: '610899',
      community_id: communityId,
      place_path: path,
      name: '党员活动室',
      address: '和平路 8 号',
      capacity: 30,
      opening_hours: hours,
      facilities: ['投影仪'],
      active: true,
      checkin_token: 'room-token-sample-0000000000000000',
      created_at: now,
      updated_at: now,
    }),
  updateRoom: (db) => repo.updateRoom(db, roomId, { capacity: 40, updated_at: now }),
  findRoom: (db) => repo.findRoom(db, roomId),
  lockRoom: (db) => repo.lockRoom(db, roomId),
  roomCheckinToken: (db) => repo.roomCheckinToken(db, roomId),
  roomByCheckinToken: (db) => repo.roomByCheckinToken(db, 'room-token-sample-0000000000000000'),
  listRooms: (db) => repo.listRooms(db, scope, path),
  activeRoomsOf: (db) => repo.activeRoomsOf(db, communityId),
  roomNamed: (db) => repo.roomNamed(db, communityId, '党员活动室'),
  targetsOf: (db) => repo.targetsOf(db, [communityId]),
  upsertTargets: (db) =>
    repo.upsertTargets(db, {
      community_id: communityId,
      tenant_id: '610899',
      min_days_used: 50,
      min_participation_pct: 60,
      updated_by: userId,
      updated_at: now,
    }),
  insertBooking: (db) =>
    repo.insertBooking(db, {
      id: bookingId,
      tenant_id: '610899',
      room_id: roomId,
      place_path: path,
      day: '2026-11-25',
      start_minute: 540,
      end_minute: 660,
      ends_at: new Date('2026-11-25T03:00:00Z'),
      for_kind: 'team',
      team_id: teamId,
      organisation_id: null,
      group_name: '',
      purpose: '党员学习会',
      expected: 10,
      attended: null,
      state: 'booked',
      booked_by: userId,
      created_at: now,
      updated_at: now,
    }),
  updateBooking: (db) =>
    repo.updateBooking(db, bookingId, { state: 'checked_in', checked_in_at: now, updated_at: now }),
  lockBooking: (db) => repo.lockBooking(db, bookingId),
  overlapping: (db) => repo.overlapping(db, roomId, '2026-11-25', 540, 660),
  findBookingView: (db) => repo.findBookingView(db, bookingId),
  listBookings: (db) => repo.listBookings(db, { scope, under: path, roomId, from: '2026-11-24', to: '2026-11-30' }),
  myBookings: (db) => repo.myBookings(db, userId, '2026-11-24'),
  takenOfDay: (db) => repo.takenOfDay(db, roomId, '2026-11-25'),
  teamsOfUser: (db) => repo.teamsOfUser(db, userId),
  unitsOfUser: (db) => repo.unitsOfUser(db, userId),
  findTeam: (db) => repo.findTeam(db, teamId),
  findOrganisation: (db) => repo.findOrganisation(db, orgId),
  usageByRoom: (db) => repo.usageByRoom(db, scope, path, '2026-01-01', '2026-12-31'),
  findCommunity: (db) => repo.findCommunity(db, communityId),
  communitiesInScope: (db) => repo.communitiesInScope(db, scope, null),
};
