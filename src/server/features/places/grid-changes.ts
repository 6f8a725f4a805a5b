import { recordAudit, type Executor } from '../../platform/audit.js';
import type { GeoJsonPolygon, GridCarried } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { pathOf } from './codes.js';
import { approxEqual, areaOf, bboxOf, containsPoint, unionOf } from './geometry.js';
import { assertMayChangeGrids } from './policy.js';
import * as repo from './repository.js';
import type { CreateGrid, MergeGrids, SplitGrid } from './schemas.js';
import type { PlacesDeps } from './deps.js';

// Grids are created, merged and split (never deleted): the old ones are retired, their buildings
// and workers move, and each change is kept in grid_changes. Each operation is one transaction
// with its audit row, bumps the grids' version and makes this process's locator reload.

export function assertPolygon(polygon: GeoJsonPolygon): void {
  const ring = polygon.coordinates[0];
  if (ring.length < 4 || !(areaOf(polygon) > 1)) throw new AppError('GRID_BOUNDARY_INVALID');
}

/**
 * What the retired grids held moves to the new grid `to`: their party organisations (网格党支部 …, with
 * their members and sub-groups) and the memberships of their workers; a worker of two merged grids keeps
 * one membership. Recorded in grid_changes.carried and the audit row, so the operator can reassign.
 */
async function carry(deps: PlacesDeps, trx: Executor, fromIds: string[], to: { id: string; code: string }) {
  const orgs = deps.carryPartyOrgs ? await deps.carryPartyOrgs(trx, fromIds, to.id) : [];
  const moved = await repo.moveGridWorkers(trx, fromIds, to.id);
  await repo.dropDuplicateMemberships(trx, to.id);
  const carried: Required<GridCarried> = {
    partyOrgs: orgs.map((o) => ({ id: o.id, name: o.name, to: to.code })),
    memberships: moved.map((m) => ({ userId: m.user_id, name: m.name, role: m.role, to: to.code })),
  };
  return carried;
}

type Community = { id: string; code: string; path: string; tenant_id: string | null };

/** A new grid in the community with the next serial code: its place row and its grid row. */
async function addGrid(
  trx: Executor,
  community: Community,
  grid: {
    name: string;
    gridKind: 'comprehensive' | 'dedicated';
    dedicatedFor: string | null;
    boundary: GeoJsonPolygon;
  },
  now: Date,
) {
  const code = await repo.nextSerialCode(trx, community.id, community.code, 3);
  const id = newId();
  const path = pathOf(community.path, code);
  await repo.insertPlace(trx, {
    id,
    tenant_id: community.tenant_id,
    code,
    name: grid.name,
    kind: 'grid',
    parent_id: community.id,
    path,
    status: 'active',
    created_at: now,
    updated_at: now,
    retired_at: null,
  });
  await repo.insertGrid(trx, {
    placeId: id,
    tenantId: community.tenant_id!,
    gridKind: grid.gridKind,
    dedicatedFor: grid.dedicatedFor,
    boundary: grid.boundary,
    box: bboxOf(grid.boundary),
  });
  return { id, code, path };
}

export async function createGrid({ db, clock, locator }: PlacesDeps, actor: Actor, input: CreateGrid) {
  return db
    .transaction()
    .execute(async (trx) => {
      const community = await repo.lockByCode(trx, input.communityCode);
      if (!community) throw new AppError('NOT_FOUND', { communityCode: input.communityCode });
      assertMayChangeGrids(actor, community.path);
      if (community.kind !== 'community' || community.status !== 'active') throw new AppError('PLACE_PARENT_INVALID');
      assertPolygon(input.boundary);
      const now = clock.now();
      const { code } = await addGrid(
        trx,
        community,
        {
          name: input.name,
          gridKind: input.gridKind,
          dedicatedFor: input.dedicatedFor ?? null,
          boundary: input.boundary,
        },
        now,
      );
      await repo.bumpGridsVersion(trx);
      await recordAudit(
        trx,
        actor,
        {
          action: 'grid.create',
          entityType: 'place',
          entityId: code,
          tenantId: community.tenant_id,
          after: { code, ...input },
        },
        now,
      );
      return { code };
    })
    .finally(() => locator.invalidate());
}

/** The grids to merge, locked: two or more active grids of one community, all in the actor's scope. */
async function lockMergeable(trx: Executor, actor: Actor, codes: string[]) {
  const grids = await Promise.all(codes.map((c) => repo.lockByCode(trx, c)));
  if (grids.some((g) => !g)) throw new AppError('NOT_FOUND');
  const found = grids.map((g) => g!);
  for (const g of found) assertMayChangeGrids(actor, g.path);
  const parentIds = new Set(found.map((g) => g.parent_id));
  if (codes.length < 2 || parentIds.size !== 1 || found.some((g) => g.kind !== 'grid' || g.status !== 'active')) {
    throw new AppError('GRID_MERGE_INVALID');
  }
  return found;
}

/** Merges grids of one community into a new grid; the old ones are retired, their buildings and workers move. */
export async function mergeGrids(deps: PlacesDeps, actor: Actor, input: MergeGrids) {
  const { db, clock, locator } = deps;
  return db
    .transaction()
    .execute(async (trx) => {
      const codes = [...new Set(input.codes)];
      const found = await lockMergeable(trx, actor, codes);
      const shapes = await Promise.all(found.map((g) => repo.findGrid(trx, g.id)));
      const boundary = unionOf(shapes.map((s) => s!.boundary));
      if (!boundary) throw new AppError('GRID_MERGE_INVALID', { reason: 'grids do not touch' });
      const community = (await repo.listByIds(trx, [found[0].parent_id!]))[0];
      const now = clock.now();
      const target = await addGrid(
        trx,
        community,
        { name: input.name, gridKind: shapes[0]!.grid_kind, dedicatedFor: shapes[0]!.dedicated_for, boundary },
        now,
      );
      for (const old of found) {
        for (const child of await repo.childrenOf(trx, old.id))
          await repo.moveSubtree(trx, child, target, child.code, now);
        await repo.retirePlace(trx, old.id, now);
      }
      const carried = await carry(
        deps,
        trx,
        found.map((g) => g.id),
        target,
      );
      await repo.insertGridChange(trx, {
        id: newId(),
        tenantId: community.tenant_id!,
        kind: 'merge',
        from: codes,
        to: [target.code],
        reason: input.reason,
        actorId: actor.userId,
        at: now,
        carried,
      });
      await repo.bumpGridsVersion(trx);
      await recordAudit(
        trx,
        actor,
        {
          action: 'grid.merge',
          entityType: 'place',
          entityId: target.code,
          tenantId: community.tenant_id,
          before: { codes },
          after: { code: target.code, name: input.name, carried },
        },
        now,
      );
      return { code: target.code, retired: codes };
    })
    .finally(() => locator.invalidate());
}

/** The parts must not overlap (their areas add up to their union) and must tile the old grid. */
function assertTiles(parts: GeoJsonPolygon[], old: GeoJsonPolygon): void {
  parts.forEach(assertPolygon);
  const partsArea = parts.reduce((sum, p) => sum + areaOf(p), 0);
  const covered = unionOf([...parts]);
  const oldArea = areaOf(old);
  if (
    !covered ||
    !approxEqual(areaOf(covered), partsArea) ||
    !approxEqual(areaOf(covered), oldArea) ||
    !unionOf([covered, old]) ||
    !approxEqual(areaOf(unionOf([covered, old])!), oldArea)
  ) {
    throw new AppError('GRID_SPLIT_INVALID');
  }
}

/** Splits a grid into parts that tile it; each building and spot goes to the part that holds its point. */
export async function splitGrid(deps: PlacesDeps, actor: Actor, code: string, input: SplitGrid) {
  const { db, clock, locator } = deps;
  return db
    .transaction()
    .execute(async (trx) => {
      const old = await repo.lockByCode(trx, code);
      if (!old || old.kind !== 'grid') throw new AppError('NOT_FOUND');
      assertMayChangeGrids(actor, old.path);
      if (old.status !== 'active') throw new AppError('GRID_RETIRED');
      const shape = (await repo.findGrid(trx, old.id))!;
      const parts = input.parts.map((p) => p.boundary as GeoJsonPolygon);
      assertTiles(parts, shape.boundary);
      const community = (await repo.listByIds(trx, [old.parent_id!]))[0];
      const now = clock.now();
      const created: { id: string; code: string; path: string; boundary: GeoJsonPolygon }[] = [];
      for (const [i, part] of input.parts.entries()) {
        const grid = { name: part.name, gridKind: shape.grid_kind, dedicatedFor: shape.dedicated_for };
        const added = await addGrid(trx, community, { ...grid, boundary: parts[i] }, now);
        created.push({ ...added, boundary: parts[i] });
      }
      const pointPlaces = [...(await repo.buildingsOfGrid(trx, old.id)), ...(await repo.spotsOfGrid(trx, old.id))];
      for (const building of pointPlaces) {
        const home = created.find((c) => containsPoint(c.boundary, building.lng, building.lat)) ?? created[0];
        await repo.moveSubtree(trx, building, home, building.code, now);
      }
      await repo.retirePlace(trx, old.id, now);
      // Party organisations and workers follow the first part until the community reassigns them;
      // grid_changes.carried lists them for that.
      const carried = await carry(deps, trx, [old.id], created[0]);
      const toCodes = created.map((c) => c.code);
      await repo.insertGridChange(trx, {
        id: newId(),
        tenantId: community.tenant_id!,
        kind: 'split',
        from: [code],
        to: toCodes,
        reason: input.reason,
        actorId: actor.userId,
        at: now,
        carried,
      });
      await repo.bumpGridsVersion(trx);
      await recordAudit(
        trx,
        actor,
        {
          action: 'grid.split',
          entityType: 'place',
          entityId: code,
          tenantId: community.tenant_id,
          before: { code },
          after: { codes: toCodes, carried },
        },
        now,
      );
      return { retired: code, codes: toCodes };
    })
    .finally(() => locator.invalidate());
}
