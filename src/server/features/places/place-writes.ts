import { recordAudit, type Executor } from '../../platform/audit.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { childCode, childKindOf, isValidCode, pathOf } from './codes.js';
import { assertMayCreateUnder, assertMayRename } from './policy.js';
import * as repo from './repository.js';
import type { CreatePlace } from './schemas.js';
import type { PlacesDeps } from './deps.js';

// Creating and renaming places (streets, communities, buildings, units, households); grids have
// their own operations in grid-changes.ts.

type Parent = NonNullable<Awaited<ReturnType<typeof repo.lockByCode>>>;

/** The new place's code: the local code under the parent, or the next serial for a street or community. */
async function newPlaceCode(trx: Executor, parent: Parent, input: CreatePlace) {
  const serialDigits = 3;
  const code = input.localCode
    ? childCode(parent, input.kind, input.localCode)
    : input.kind === 'street' || input.kind === 'community'
      ? await repo.nextSerialCode(trx, parent.id, parent.code, serialDigits)
      : null;
  if (!code) throw invalid('localCode', 'requiredForKind');
  if (!isValidCode(input.kind, code)) throw new AppError('PLACE_CODE_INVALID', { code });
  if (await repo.findByCode(trx, code)) throw new AppError('CONFLICT', { code });
  return code;
}

/** A building's or a household's own row beside its place row. */
async function insertDetails(trx: Executor, placeId: string, tenantId: string, input: CreatePlace) {
  if (input.kind === 'building') {
    await repo.insertBuilding(trx, {
      placeId,
      tenantId,
      lng: input.lng!,
      lat: input.lat!,
      floors: input.floors ?? 1,
      address: input.address ?? '',
    });
  }
  if (input.kind === 'household') {
    await repo.insertHousehold(trx, {
      placeId,
      tenantId,
      address: input.address ?? '',
      room: input.localCode!,
      floor: input.floor ?? null,
    });
  }
}

export async function createPlace({ db, clock }: PlacesDeps, actor: Actor, input: CreatePlace) {
  return db.transaction().execute(async (trx) => {
    const parent = await repo.lockByCode(trx, input.parentCode);
    if (!parent) throw new AppError('NOT_FOUND', { parentCode: input.parentCode });
    assertMayCreateUnder(actor, input.kind, parent.path);
    if (childKindOf[parent.kind] !== input.kind || parent.status !== 'active') {
      throw new AppError('PLACE_PARENT_INVALID', { parentKind: parent.kind, kind: input.kind });
    }
    const code = await newPlaceCode(trx, parent, input);
    if (input.kind === 'building' && (input.lng === undefined || input.lat === undefined)) {
      throw invalid('lng', 'buildingLocation');
    }
    const now = clock.now();
    const place = {
      id: newId(),
      tenant_id: parent.tenant_id,
      code,
      name: input.name,
      kind: input.kind,
      parent_id: parent.id,
      path: pathOf(parent.path, code),
      status: 'active' as const,
      created_at: now,
      updated_at: now,
      retired_at: null,
    };
    await repo.insertPlace(trx, place);
    const tenantId = parent.tenant_id!;
    await insertDetails(trx, place.id, tenantId, input);
    await recordAudit(
      trx,
      actor,
      { action: 'place.create', entityType: 'place', entityId: code, tenantId, after: { ...place, ...input } },
      now,
    );
    return { code, path: place.path };
  });
}

export async function renamePlace({ db, clock, locator }: PlacesDeps, actor: Actor, code: string, name: string) {
  return db
    .transaction()
    .execute(async (trx) => {
      const place = await repo.lockByCode(trx, code);
      if (!place) throw new AppError('NOT_FOUND');
      assertMayRename(actor, place);
      const now = clock.now();
      await repo.updatePlaceName(trx, place.id, name, now);
      // Point → grid answers with the grid's, its community's and its street's names: every process's
      // locator reloads when one of them changes, not only the one of this process.
      if (['grid', 'community', 'street'].includes(place.kind)) await repo.bumpGridsVersion(trx);
      await recordAudit(
        trx,
        actor,
        {
          action: 'place.rename',
          entityType: 'place',
          entityId: code,
          tenantId: place.tenant_id,
          before: { name: place.name },
          after: { name },
        },
        now,
      );
      return { code, name };
    })
    .finally(() => locator.invalidate());
}
