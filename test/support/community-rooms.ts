import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import type { Session } from './app.js';

// Factories of 功能室 tests: rooms through the API (as staff make them), teams and units in the database.

export const allWeek = (open = '08:00', close = '21:00') => Array.from({ length: 7 }, () => ({ open, close }));

export async function buildRoom(
  staff: Session,
  communityId: string,
  over: Partial<{ name: string; capacity: number; openingHours: unknown[]; active: boolean }> = {},
) {
  const res = await staff.post('/api/v1/community/rooms/rooms', {
    communityId,
    name: over.name ?? '党员活动室',
    address: '和平路 8 号二楼',
    capacity: over.capacity ?? 30,
    openingHours: over.openingHours ?? allWeek(),
    facilities: ['投影仪', '音响'],
    active: over.active ?? true,
  });
  if (res.status !== 201) throw new Error(`room: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string; capacity: number };
}

const userId = async (deps: AppDeps, username: string) =>
  (await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

/** A volunteer team of a place, led by one user, with members. */
export async function buildTeam(deps: AppDeps, placeId: string, name: string, leader: string, members: string[] = []) {
  const id = newId();
  const now = deps.clock.now();
  await deps.db
    .insertInto('volunteer_teams')
    .values({
      id,
      tenant_id: '610899',
      place_id: placeId,
      name,
      leader_user_id: await userId(deps, leader),
      created_at: now,
    })
    .execute();
  for (const m of members)
    await deps.db
      .insertInto('volunteer_team_members')
      .values({ team_id: id, user_id: await userId(deps, m), tenant_id: '610899', created_at: now })
      .execute();
  return { id, name };
}

/** A co-building unit registered at a place, with its liaisons. */
export async function buildUnit(deps: AppDeps, placeId: string, name: string, liaisons: string[] = []) {
  const id = newId();
  const now = deps.clock.now();
  await deps.db
    .insertInto('organisations')
    .values({ id, tenant_id: '610899', kind: 'co_building_unit', name, place_id: placeId, created_at: now })
    .execute();
  for (const l of liaisons)
    await deps.db
      .insertInto('organisation_liaisons')
      .values({ organisation_id: id, user_id: await userId(deps, l), tenant_id: '610899', created_at: now })
      .execute();
  return { id, name };
}

/** Sets a user's 我的社区. */
export async function setHome(deps: AppDeps, username: string, communityId: string) {
  await deps.db.updateTable('users').set({ home_community_id: communityId }).where('username', '=', username).execute();
}

export const bookingBody = (
  roomId: string,
  day: string,
  start: string,
  end: string,
  over: Partial<{ expected: number; for: unknown; purpose: string }> = {},
) => ({
  roomId,
  day,
  start,
  end,
  purpose: over.purpose ?? '党员学习会',
  expected: over.expected ?? 10,
  for: over.for ?? { kind: 'group', name: '和平书画社' },
});
