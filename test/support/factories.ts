import type { AppDeps } from '../../src/server/deps.js';
import { createAccountService } from '../../src/server/features/account/service.js';
import { pathOf } from '../../src/server/features/places/codes.js';
import { bboxOf } from '../../src/server/features/places/geometry.js';
import type { GeoJsonPolygon, PlaceKind } from '../../src/server/platform/db/schema.js';
import { newId } from '../../src/server/platform/ids.js';
import { Session, type TestContext } from './app.js';
import { loginCodeOf } from './handset.js';

// Factories write real rows with sensible defaults; tests state only what matters to them.

export const TEST_PASSWORD = 'Passw0rd!';

export interface BuiltPlace {
  id: string;
  code: string;
  path: string;
  tenantId: string | null;
}

export async function buildPlace(
  deps: AppDeps,
  input: { kind: PlaceKind; code: string; name?: string; parent?: BuiltPlace | null; tenantId?: string | null },
): Promise<BuiltPlace> {
  const now = deps.clock.now();
  const place = {
    id: newId(),
    tenant_id: input.tenantId !== undefined ? input.tenantId : (input.parent?.tenantId ?? null),
    code: input.code,
    name: input.name ?? `${input.kind} ${input.code}`,
    kind: input.kind,
    parent_id: input.parent?.id ?? null,
    path: pathOf(input.parent?.path ?? null, input.code),
    status: 'active' as const,
    created_at: now,
    updated_at: now,
    retired_at: null,
  };
  await deps.db.insertInto('places').values(place).execute();
  return { id: place.id, code: place.code, path: place.path, tenantId: place.tenant_id };
}

export const square = (lng: number, lat: number, size = 0.01): GeoJsonPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

export async function buildGrid(
  deps: AppDeps,
  community: BuiltPlace,
  serial: string,
  boundary: GeoJsonPolygon,
  name?: string,
) {
  const grid = await buildPlace(deps, {
    kind: 'grid',
    code: community.code + serial,
    name: name ?? `网格${serial}`,
    parent: community,
  });
  const box = bboxOf(boundary);
  await deps.db
    .insertInto('grids')
    .values({
      place_id: grid.id,
      tenant_id: grid.tenantId!,
      grid_kind: 'comprehensive',
      dedicated_for: null,
      boundary: JSON.stringify(boundary),
      min_lng: box.minLng,
      min_lat: box.minLat,
      max_lng: box.maxLng,
      max_lat: box.maxLat,
    })
    .execute();
  await deps.db
    .updateTable('system_counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'grids')
    .execute();
  return grid;
}

/** A building with one unit and `rooms` households. */
export async function buildBuilding(
  deps: AppDeps,
  grid: BuiltPlace,
  no: string,
  at: [number, number],
  rooms = ['101', '102'],
) {
  const communityCode = grid.code.slice(0, 12);
  const building = await buildPlace(deps, {
    kind: 'building',
    code: `${communityCode}-${no}`,
    name: `${no}号楼`,
    parent: grid,
  });
  await deps.db
    .insertInto('buildings')
    .values({
      place_id: building.id,
      tenant_id: building.tenantId!,
      lng: at[0],
      lat: at[1],
      floors: 6,
      address: `${no}号楼`,
    })
    .execute();
  const unit = await buildPlace(deps, { kind: 'unit', code: `${building.code}-1`, name: '1单元', parent: building });
  const households: BuiltPlace[] = [];
  for (const room of rooms) {
    const household = await buildPlace(deps, {
      kind: 'household',
      code: `${unit.code}-${room}`,
      name: room,
      parent: unit,
    });
    await deps.db
      .insertInto('households')
      .values({
        place_id: household.id,
        tenant_id: household.tenantId!,
        address: `${no}号楼1单元${room}室`,
        room,
        floor: Number(room[0]),
      })
      .execute();
    households.push(household);
  }
  return { building, unit, households };
}

export async function buildDepartment(deps: AppDeps, code: string, name: string, tenantId = '610899') {
  await deps.db
    .insertInto('departments')
    .values({
      id: newId(),
      tenant_id: tenantId,
      code,
      name,
      kind: 'justice',
      street_code: null,
      created_at: deps.clock.now(),
    })
    .execute();
  return { code };
}

/** The id of a user by username. */
export async function userIdOf(deps: AppDeps, username: string) {
  return (await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/**
 * A person logged in on the phone by SMS code (a new user on their first login: a resident without
 * memberships), with 我的社区 set when a community id is given. The login rate limits are cleared after,
 * so a test may log many people in.
 */
export async function phoneLogin(ctx: TestContext, phone: string, homeCommunityId?: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  const res = await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
  if (res.status !== 200) throw new Error(`phone login ${phone}: ${res.status} ${JSON.stringify(res.body)}`);
  await ctx.deps.db.deleteFrom('rate_limits').execute();
  if (homeCommunityId) {
    const home = await s.request('PUT', '/api/v1/community/me/home', { communityId: homeCommunityId });
    if (home.status !== 200) throw new Error(`home: ${home.status} ${JSON.stringify(home.body)}`);
  }
  return s;
}

export async function buildUser(deps: AppDeps, username: string, role: string, scope: string) {
  return createAccountService(deps).createUser({
    username,
    password: TEST_PASSWORD,
    role,
    scope,
    displayName: username,
  });
}

/**
 * A small county: street S with communities C1 (grids A and B, side by side) and C2 (grid C);
 * one building per grid with two households; one user per interesting role.
 */
export async function buildWorld(deps: AppDeps) {
  const province = await buildPlace(deps, { kind: 'province', code: '61', name: '陕西省', tenantId: null });
  const city = await buildPlace(deps, { kind: 'city', code: '6108', name: '榆林市', parent: province });
  const county = await buildPlace(deps, {
    kind: 'county',
    code: '610899',
    name: '和宁县',
    parent: city,
    tenantId: '610899',
  });
  const street = await buildPlace(deps, { kind: 'street', code: '610899001', name: '城关街道', parent: county });
  const c1 = await buildPlace(deps, { kind: 'community', code: '610899001001', name: '和平社区', parent: street });
  const c2 = await buildPlace(deps, { kind: 'community', code: '610899001002', name: '文化社区', parent: street });
  const gridA = await buildGrid(deps, c1, '001', square(108.0, 37.0), '和平一网格');
  const gridB = await buildGrid(deps, c1, '002', square(108.01, 37.0), '和平二网格');
  const gridC = await buildGrid(deps, c2, '001', square(108.02, 37.0), '文化一网格');
  const inA = await buildBuilding(deps, gridA, '1', [108.005, 37.005]);
  const inB = await buildBuilding(deps, gridB, '2', [108.015, 37.005]);
  const inC = await buildBuilding(deps, gridC, '1', [108.025, 37.005]);
  await buildDepartment(deps, 'D61089901', '城关司法所');
  await buildUser(deps, 'admin', 'admin', county.code);
  await buildUser(deps, 'officer', 'street_officer', street.code);
  await buildUser(deps, 'worker1', 'community_worker', c1.code);
  await buildUser(deps, 'worker2', 'community_worker', c2.code);
  await buildUser(deps, 'gridA', 'grid_worker', gridA.code);
  await buildUser(deps, 'gridB', 'grid_worker', gridB.code);
  await buildUser(deps, 'receiver', 'department_receiver', 'D61089901');
  return { province, city, county, street, c1, c2, gridA, gridB, gridC, inA, inB, inC };
}

/** Gives a user a mobile number (encrypted like every phone) so they can get SMS. */
export async function givePhone(deps: AppDeps, username: string, phone: string) {
  const { maskPhone } = await import('../../src/shared/identity.js');
  await deps.db
    .updateTable('users')
    .set({ phone_enc: deps.pii.encrypt(phone), phone_masked: maskPhone(phone) })
    .where('username', '=', username)
    .execute();
}

export async function putOnDuty(deps: AppDeps, username: string, communityCode: string) {
  const user = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const community = await deps.db
    .selectFrom('places')
    .select(['id', 'tenant_id'])
    .where('code', '=', communityCode)
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('duty_roster')
    .values({
      id: newId(),
      tenant_id: community.tenant_id!,
      community_id: community.id,
      user_id: user.id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      created_at: deps.clock.now(),
    })
    .execute();
}

/** Gives a user one more membership (role, place): a worker who serves two communities. */
export async function addMembership(deps: AppDeps, username: string, role: string, placeCode: string) {
  const user = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const place = await deps.db
    .selectFrom('places')
    .select(['id', 'tenant_id'])
    .where('code', '=', placeCode)
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('memberships')
    .values({
      id: newId(),
      tenant_id: place.tenant_id!,
      user_id: user.id,
      role,
      place_id: place.id,
      department_id: null,
      created_at: deps.clock.now(),
    })
    .execute();
}
