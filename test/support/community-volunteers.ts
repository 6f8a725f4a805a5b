import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import type { Session } from './app.js';
import type { BuiltPlace } from './factories.js';
import { buildResident } from './services.js';

// Factories of 志愿服务 · 双报到认岗: an activity through the API, a resident logged in by phone code,
// an in-service party member of a unit with its liaison.

let serial = 0;

/** A published activity of a community (made and published by `staff`), starting at `startsAt`. */
export async function buildActivity(
  staff: Session,
  communityCode: string,
  input: Partial<{
    title: string;
    capacity: number;
    startsAt: string;
    endsAt: string;
    signupDeadline: string;
    location: { lng: number; lat: number } | null;
    radiusM: number;
    attendPoints: number | null;
    publish: boolean;
  }> = {},
) {
  serial += 1;
  const { publish = true, ...rest } = input;
  const created = await staff.post('/api/v1/community/volunteers/activities', {
    communityCode,
    title: `志愿活动${serial}`,
    address: '和平路 8 号',
    startsAt: '2026-11-28T01:00:00Z',
    endsAt: '2026-11-28T03:00:00Z',
    capacity: 10,
    ...rest,
  });
  if (created.status !== 201) throw new Error(`activity: ${created.status} ${JSON.stringify(created.body)}`);
  if (publish) {
    const done = await staff.post(`/api/v1/community/volunteers/activities/${created.body.id}/publish`);
    if (done.status !== 200) throw new Error(`publish: ${done.status} ${JSON.stringify(done.body)}`);
  }
  return created.body as { id: string; title: string };
}

const idOf = (first17: string) => first17 + idNumberCheckChar(first17);

/**
 * An in-service party member (在职党员): a registry resident of `household` with `phone`, reported to
 * `community`, working at a co-building unit (made if `organisationId` is not given).
 */
export async function buildInServiceMember(
  deps: AppDeps,
  input: { household: BuiltPlace; community: BuiltPlace; phone: string; name: string; organisationId: string },
) {
  serial += 1;
  const residentId = await buildResident(deps, input.household, {
    name: input.name,
    idNumber: idOf(`6108991980010${String(1000 + serial).slice(-4)}`),
    phone: input.phone,
  });
  await deps.db
    .insertInto('in_service_members')
    .values({
      resident_id: residentId,
      tenant_id: '610899',
      work_unit: '县供电公司城关供电所',
      community_id: input.community.id,
      organisation_id: input.organisationId,
      registered_at: deps.clock.now(),
    })
    .execute();
  return residentId;
}

/** A co-building unit of a place, and (optionally) the user who acts for it. */
export async function buildUnit(deps: AppDeps, place: BuiltPlace, name: string, liaisonUsername?: string) {
  const id = newId();
  await deps.db
    .insertInto('organisations')
    .values({
      id,
      tenant_id: '610899',
      kind: 'co_building_unit',
      name,
      place_id: place.id,
      created_at: deps.clock.now(),
    })
    .execute();
  if (liaisonUsername) {
    const user = await deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', liaisonUsername)
      .executeTakeFirstOrThrow();
    await deps.db
      .insertInto('organisation_liaisons')
      .values({ organisation_id: id, user_id: user.id, tenant_id: '610899', created_at: deps.clock.now() })
      .execute();
  }
  return id;
}

/** The points entries of a user, by rule. */
export async function pointsOf(deps: AppDeps, userId: string) {
  return deps.db
    .selectFrom('points_entries as e')
    .innerJoin('points_accounts as a', 'a.id', 'e.account_id')
    .select(['e.rule', 'e.points', 'e.source_kind', 'e.source_id'])
    .where('a.user_id', '=', userId)
    .orderBy('e.created_at')
    .execute();
}
