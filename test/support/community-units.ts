import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import { buildUser } from './factories.js';

// 共驻共建 (issue 16, units): a unit registered with a community, and a liaison acting for it.

export async function buildUnit(
  deps: AppDeps,
  input: { placeCode: string; name: string; kind?: 'co_building_unit' | 'property_company' | 'owners_committee' },
) {
  const place = await deps.db
    .selectFrom('places')
    .select(['id', 'tenant_id'])
    .where('code', '=', input.placeCode)
    .executeTakeFirstOrThrow();
  const id = newId();
  await deps.db
    .insertInto('organisations')
    .values({
      id,
      tenant_id: place.tenant_id!,
      kind: input.kind ?? 'co_building_unit',
      name: input.name,
      place_id: place.id,
      created_at: deps.clock.now(),
    })
    .execute();
  return id;
}

/** A user with the unit_liaison role at the place, linked to the unit. */
export async function buildLiaison(deps: AppDeps, username: string, placeCode: string, unitId: string) {
  const user = await buildUser(deps, username, 'unit_liaison', placeCode);
  const userId = (
    await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
  ).id;
  await deps.db
    .insertInto('organisation_liaisons')
    .values({ organisation_id: unitId, user_id: userId, tenant_id: '610899', created_at: deps.clock.now() })
    .execute();
  return { user, userId };
}
