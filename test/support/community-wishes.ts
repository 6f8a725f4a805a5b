import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import { buildUser, type BuiltPlace } from './factories.js';

// Factories of 微心愿 · 微行动: registry residents to post for, and a co-building unit with its liaison.

/** A registry resident of a household, optionally carrying a phone (so a phone login finds them). */
export async function buildResidentIn(
  deps: AppDeps,
  household: BuiltPlace,
  input: { name: string; birthDate?: string; phone?: string },
) {
  const id = newId();
  const now = deps.clock.now();
  await deps.db
    .insertInto('residents')
    .values({
      id,
      tenant_id: household.tenantId!,
      household_id: household.id,
      name: input.name,
      name_pinyin: '',
      name_initials: '',
      gender: null,
      birth_date: input.birthDate ?? null,
      id_number_enc: null,
      id_number_hash: null,
      id_number_masked: null,
      phone_enc: input.phone ? deps.pii.encrypt(input.phone) : null,
      phone_hash: input.phone ? deps.pii.lookupHash(input.phone) : null,
      phone_masked: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, name: input.name };
}

/** A co-building unit registered with a community, and a liaison user acting for it. */
export async function buildUnitWithLiaison(deps: AppDeps, community: BuiltPlace, name: string, username: string) {
  const id = newId();
  const now = deps.clock.now();
  await deps.db
    .insertInto('organisations')
    .values({
      id,
      tenant_id: community.tenantId!,
      kind: 'co_building_unit',
      name,
      place_id: community.id,
      created_at: now,
    })
    .execute();
  const user = await buildUser(deps, username, 'unit_liaison', community.code);
  const userId = (
    await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
  ).id;
  await deps.db
    .insertInto('organisation_liaisons')
    .values({ organisation_id: id, user_id: userId, tenant_id: community.tenantId!, created_at: now })
    .execute();
  return { id, name, user };
}

/** The points entries of a user's or an organisation's account. */
export async function pointsEntriesOf(deps: AppDeps, holder: { userId: string } | { organisationId: string }) {
  return deps.db
    .selectFrom('points_entries as e')
    .innerJoin('points_accounts as a', 'a.id', 'e.account_id')
    .select(['e.points', 'e.rule', 'e.source_kind', 'e.source_id'])
    .where(
      'userId' in holder ? 'a.user_id' : 'a.organisation_id',
      '=',
      'userId' in holder ? holder.userId : holder.organisationId,
    )
    .execute();
}
