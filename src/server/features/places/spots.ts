import { recordAudit } from '../../platform/audit.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertInScope, type Actor } from '../../platform/policy.js';
import { scopeOf } from '../../platform/scope.js';
import { communityCodeOf, pathOf } from './codes.js';
import type { PlacesDeps } from './deps.js';
import { containsPoint } from './geometry.js';
import { assertMayRead } from './policy.js';
import * as repo from './repository.js';
import type { CreateSpot, UpdateSpot } from './schemas.js';

// 地点: named point places under a grid — a park, a market, a square — that residents report
// about by scanning the poster put up there. Code: the community's code, -P and a serial.

const spotSerialDigits = 3;

function nextSpotCode(communityCode: string, taken: string[]): string {
  const highest = taken.reduce((max, code) => Math.max(max, Number(code.slice(communityCode.length + 2)) || 0), 0);
  return `${communityCode}-P${String(highest + 1).padStart(spotSerialDigits, '0')}`;
}

async function gridOf(trx: Parameters<typeof repo.findGrid>[0], gridId: string) {
  const shape = await repo.findGrid(trx, gridId);
  if (!shape) throw new AppError('NOT_FOUND');
  return shape;
}

export async function createSpot(deps: PlacesDeps, actor: Actor, input: CreateSpot) {
  return deps.db.transaction().execute(async (trx) => {
    const grid = await repo.lockByCode(trx, input.gridCode);
    if (!grid || grid.kind !== 'grid') throw new AppError('NOT_FOUND', { gridCode: input.gridCode });
    assertInScope(actor, 'places:write', grid.path);
    if (grid.status !== 'active') throw new AppError('GRID_RETIRED');
    const shape = await gridOf(trx, grid.id);
    if (!containsPoint(shape.boundary, input.lng, input.lat)) throw invalid('lng', 'spotOutsideGrid');
    const communityCode = communityCodeOf(grid.code);
    const code = nextSpotCode(communityCode, await repo.spotCodesOf(trx, communityCode));
    const now = deps.clock.now();
    const place = {
      id: newId(),
      tenant_id: grid.tenant_id,
      code,
      name: input.name,
      kind: 'spot' as const,
      parent_id: grid.id,
      path: pathOf(grid.path, code),
      status: 'active' as const,
      created_at: now,
      updated_at: now,
      retired_at: null,
    };
    await repo.insertPlace(trx, place);
    const details = { spotKind: input.spotKind, lng: input.lng, lat: input.lat, address: input.address };
    await repo.insertSpot(trx, { placeId: place.id, tenantId: grid.tenant_id!, ...details });
    await recordAudit(
      trx,
      actor,
      {
        action: 'spot.create',
        entityType: 'place',
        entityId: code,
        tenantId: grid.tenant_id,
        after: { name: input.name, grid: grid.code, ...details },
      },
      now,
    );
    return { code };
  });
}

export async function updateSpot(deps: PlacesDeps, actor: Actor, code: string, input: UpdateSpot) {
  return deps.db.transaction().execute(async (trx) => {
    const place = await repo.lockByCode(trx, code);
    if (!place || place.kind !== 'spot') throw new AppError('NOT_FOUND');
    assertInScope(actor, 'places:write', place.path);
    const before = (await repo.findSpot(trx, place.id))!;
    const shape = await gridOf(trx, place.parent_id!);
    if (!containsPoint(shape.boundary, input.lng, input.lat)) throw invalid('lng', 'spotOutsideGrid');
    const now = deps.clock.now();
    const details = { spotKind: input.spotKind, lng: input.lng, lat: input.lat, address: input.address };
    await repo.updatePlaceName(trx, place.id, input.name, now);
    await repo.updateSpot(trx, place.id, details);
    await recordAudit(
      trx,
      actor,
      {
        action: 'spot.update',
        entityType: 'place',
        entityId: code,
        tenantId: place.tenant_id,
        before: {
          name: place.name,
          spotKind: before.spot_kind,
          lng: before.lng,
          lat: before.lat,
          address: before.address,
        },
        after: { name: input.name, ...details },
      },
      now,
    );
    return { code };
  });
}

export async function listSpots({ db }: PlacesDeps, actor: Actor, underCode: string) {
  const under = await repo.findByCode(db, underCode);
  if (!under) throw new AppError('NOT_FOUND');
  assertMayRead(actor, under);
  const rows = await repo.listSpotsUnder(db, under.path, scopeOf(actor, 'places:read'));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    spotKind: r.spot_kind,
    lng: r.lng,
    lat: r.lat,
    address: r.address,
    grid: { code: r.grid_code, name: r.grid_name },
  }));
}

/** The number printed on the posters of a community (or of a grid, a building, a spot below it). */
export async function setPlacePhone(deps: PlacesDeps, actor: Actor, code: string, phone: string) {
  return deps.db.transaction().execute(async (trx) => {
    const place = await repo.lockByCode(trx, code);
    if (!place || !['community', 'grid', 'building', 'spot'].includes(place.kind)) throw new AppError('NOT_FOUND');
    assertInScope(actor, 'places:write', place.path);
    const now = deps.clock.now();
    const before = (await repo.placeLabels(trx, [code]))[0]?.phone ?? '';
    await repo.updatePlacePhone(trx, place.id, phone, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'place.phone',
        entityType: 'place',
        entityId: code,
        tenantId: place.tenant_id,
        before: { phone: before },
        after: { phone },
      },
      now,
    );
    return { code, phone };
  });
}
