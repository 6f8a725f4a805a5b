import type { Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/database.js';
import type { GeoJsonPolygon } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { scopeOf } from '../../platform/scope.js';
import { childCode, childKindOf, isValidCode, pathOf } from './codes.js';
import { approxEqual, areaOf, bboxOf, containsPoint, unionOf } from './geometry.js';
import type { GridLocator } from './locator.js';
import { createPermissionFor, placeActions, readPermissionFor } from './policy.js';
import * as repo from './repository.js';
import type { CreateGrid, CreatePlace, HouseholdsPage, MergeGrids, SplitGrid } from './schemas.js';

export interface PlacesDeps {
  db: Db;
  clock: Clock;
  locator: GridLocator;
}

export function createPlacesService({ db, clock, locator }: PlacesDeps) {
  async function readable(actor: Actor, code: string) {
    const place = await repo.findByCode(db, code);
    if (!place) throw new AppError('NOT_FOUND');
    assertInScope(actor, readPermissionFor(place.kind), place.path);
    return place;
  }

  return {
    /** Children of a place, or the roots of the actor's scope. */
    async listChildren(actor: Actor, parentCode: string | undefined, includeRetired: boolean) {
      assertPermission(actor, 'places:read');
      const scope = scopeOf(actor, 'places:read');
      if (!parentCode) {
        const roots = await repo.findByCodes(
          db,
          scope.paths.map((p) => p.split('/').filter(Boolean).at(-1)!),
        );
        const children = await Promise.all(roots.map((r) => repo.childrenOf(db, r.id)));
        return roots.map((r, i) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          kind: r.kind,
          status: r.status,
          hasChildren: children[i].length > 0,
        }));
      }
      const parent = await readable(actor, parentCode);
      const rows = await repo.listChildren(db, parent.id, scope, scopeOf(actor, 'households:read'), includeRetired);
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        status: r.status,
        hasChildren: Boolean(r.has_children),
      }));
    },

    async getPlace(actor: Actor, code: string) {
      const place = await readable(actor, code);
      const [ancestors, counts, building, household, grid] = await Promise.all([
        repo.ancestorsOf(db, place.path),
        repo.countDescendants(db, place.path),
        place.kind === 'building' ? repo.findBuilding(db, place.id) : undefined,
        place.kind === 'household' ? repo.findHousehold(db, place.id) : undefined,
        place.kind === 'grid' ? repo.findGrid(db, place.id) : undefined,
      ]);
      return {
        id: place.id,
        code: place.code,
        name: place.name,
        kind: place.kind,
        status: place.status,
        path: place.path,
        ancestors: ancestors.filter((a) => a.code !== place.code),
        counts,
        building: building
          ? { lng: building.lng, lat: building.lat, floors: building.floors, address: building.address }
          : null,
        household: household ? { address: household.address, room: household.room, floor: household.floor } : null,
        grid: grid ? { gridKind: grid.grid_kind, dedicatedFor: grid.dedicated_for, boundary: grid.boundary } : null,
        actions: placeActions(actor, place),
      };
    },

    async createPlace(actor: Actor, input: CreatePlace) {
      return db.transaction().execute(async (trx) => {
        const parent = await repo.lockByCode(trx, input.parentCode);
        if (!parent) throw new AppError('NOT_FOUND', { parentCode: input.parentCode });
        assertInScope(actor, createPermissionFor(input.kind), parent.path);
        if (childKindOf[parent.kind] !== input.kind || parent.status !== 'active') {
          throw new AppError('PLACE_PARENT_INVALID', { parentKind: parent.kind, kind: input.kind });
        }
        const serialDigits = 3;
        const code = input.localCode
          ? childCode(parent, input.kind, input.localCode)
          : input.kind === 'street' || input.kind === 'community'
            ? await repo.nextSerialCode(trx, parent.id, parent.code, serialDigits)
            : null;
        if (!code)
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'localCode', message: 'required for this kind' }],
          });
        if (!isValidCode(input.kind, code)) throw new AppError('PLACE_CODE_INVALID', { code });
        if (await repo.findByCode(trx, code)) throw new AppError('CONFLICT', { code });
        if (input.kind === 'building' && (input.lng === undefined || input.lat === undefined)) {
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'lng', message: 'a building needs its location' }],
          });
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
        if (input.kind === 'building') {
          await repo.insertBuilding(trx, {
            placeId: place.id,
            tenantId,
            lng: input.lng!,
            lat: input.lat!,
            floors: input.floors ?? 1,
            address: input.address ?? '',
          });
        }
        if (input.kind === 'household') {
          await repo.insertHousehold(trx, {
            placeId: place.id,
            tenantId,
            address: input.address ?? '',
            room: input.localCode!,
            floor: input.floor ?? null,
          });
        }
        await recordAudit(
          trx,
          actor,
          { action: 'place.create', entityType: 'place', entityId: code, tenantId, after: { ...place, ...input } },
          now,
        );
        return { code, path: place.path };
      });
    },

    async renamePlace(actor: Actor, code: string, name: string) {
      return db
        .transaction()
        .execute(async (trx) => {
          const place = await repo.lockByCode(trx, code);
          if (!place) throw new AppError('NOT_FOUND');
          assertInScope(actor, place.kind === 'household' ? 'households:read' : 'places:read', place.path);
          if (!placeActions(actor, place).includes('rename')) throw new AppError('FORBIDDEN');
          const now = clock.now();
          await repo.updatePlaceName(trx, place.id, name, now);
          if (place.kind === 'grid') await repo.bumpGridsVersion(trx);
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
    },

    async listGrids(actor: Actor, underCode: string, includeRetired: boolean) {
      const under = await readable(actor, underCode);
      const rows = await repo.listGridsUnder(db, under.path, scopeOf(actor, 'places:read'), includeRetired);
      const workers = await repo.gridWorkers(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        status: r.status,
        gridKind: r.grid_kind,
        dedicatedFor: r.dedicated_for,
        boundary: r.boundary,
        community: { code: r.community_code, name: r.community_name },
        householdCount: r.household_count ?? 0,
        workers: workers.filter((w) => w.place_id === r.id).map((w) => ({ id: w.id, name: w.display_name })),
      }));
    },

    async createGrid(actor: Actor, input: CreateGrid) {
      return db
        .transaction()
        .execute(async (trx) => {
          const community = await repo.lockByCode(trx, input.communityCode);
          if (!community) throw new AppError('NOT_FOUND', { communityCode: input.communityCode });
          assertInScope(actor, 'grids:write', community.path);
          if (community.kind !== 'community' || community.status !== 'active')
            throw new AppError('PLACE_PARENT_INVALID');
          assertPolygon(input.boundary);
          const code = await repo.nextSerialCode(trx, community.id, community.code, 3);
          const now = clock.now();
          const id = newId();
          await repo.insertPlace(trx, {
            id,
            tenant_id: community.tenant_id,
            code,
            name: input.name,
            kind: 'grid',
            parent_id: community.id,
            path: pathOf(community.path, code),
            status: 'active',
            created_at: now,
            updated_at: now,
            retired_at: null,
          });
          await repo.insertGrid(trx, {
            placeId: id,
            tenantId: community.tenant_id!,
            gridKind: input.gridKind,
            dedicatedFor: input.dedicatedFor ?? null,
            boundary: input.boundary,
            box: bboxOf(input.boundary),
          });
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
    },

    /** Merges grids of one community into a new grid; the old ones are retired, their buildings and workers move. */
    async mergeGrids(actor: Actor, input: MergeGrids) {
      return db
        .transaction()
        .execute(async (trx) => {
          const codes = [...new Set(input.codes)];
          const grids = await Promise.all(codes.map((c) => repo.lockByCode(trx, c)));
          if (grids.some((g) => !g)) throw new AppError('NOT_FOUND');
          const found = grids.map((g) => g!);
          for (const g of found) assertInScope(actor, 'grids:write', g.path);
          const parentIds = new Set(found.map((g) => g.parent_id));
          if (
            codes.length < 2 ||
            parentIds.size !== 1 ||
            found.some((g) => g.kind !== 'grid' || g.status !== 'active')
          ) {
            throw new AppError('GRID_MERGE_INVALID');
          }
          const shapes = await Promise.all(found.map((g) => repo.findGrid(trx, g.id)));
          const boundary = unionOf(shapes.map((s) => s!.boundary));
          if (!boundary) throw new AppError('GRID_MERGE_INVALID', { reason: 'grids do not touch' });
          const community = (await repo.listByIds(trx, [found[0].parent_id!]))[0];
          const now = clock.now();
          const code = await repo.nextSerialCode(trx, community.id, community.code, 3);
          const id = newId();
          const target = { id, path: pathOf(community.path, code) };
          await repo.insertPlace(trx, {
            id,
            tenant_id: community.tenant_id,
            code,
            name: input.name,
            kind: 'grid',
            parent_id: community.id,
            path: target.path,
            status: 'active',
            created_at: now,
            updated_at: now,
            retired_at: null,
          });
          await repo.insertGrid(trx, {
            placeId: id,
            tenantId: community.tenant_id!,
            gridKind: shapes[0]!.grid_kind,
            dedicatedFor: shapes[0]!.dedicated_for,
            boundary,
            box: bboxOf(boundary),
          });
          for (const old of found) {
            for (const child of await repo.childrenOf(trx, old.id))
              await repo.moveSubtree(trx, child, target, child.code, now);
            await repo.retirePlace(trx, old.id, now);
          }
          await repo.moveGridWorkers(
            trx,
            found.map((g) => g.id),
            id,
          );
          await repo.insertGridChange(trx, {
            id: newId(),
            tenantId: community.tenant_id!,
            kind: 'merge',
            from: codes,
            to: [code],
            reason: input.reason,
            actorId: actor.userId,
            at: now,
          });
          await repo.bumpGridsVersion(trx);
          await recordAudit(
            trx,
            actor,
            {
              action: 'grid.merge',
              entityType: 'place',
              entityId: code,
              tenantId: community.tenant_id,
              before: { codes },
              after: { code, name: input.name },
            },
            now,
          );
          return { code, retired: codes };
        })
        .finally(() => locator.invalidate());
    },

    /** Splits a grid into parts that tile it; each building goes to the part that holds its point. */
    async splitGrid(actor: Actor, code: string, input: SplitGrid) {
      return db
        .transaction()
        .execute(async (trx) => {
          const old = await repo.lockByCode(trx, code);
          if (!old || old.kind !== 'grid') throw new AppError('NOT_FOUND');
          assertInScope(actor, 'grids:write', old.path);
          if (old.status !== 'active') throw new AppError('GRID_RETIRED');
          const shape = (await repo.findGrid(trx, old.id))!;
          const parts = input.parts.map((p) => p.boundary as GeoJsonPolygon);
          parts.forEach(assertPolygon);
          const partsArea = parts.reduce((sum, p) => sum + areaOf(p), 0);
          const covered = unionOf([...parts]);
          const oldArea = areaOf(shape.boundary);
          // The parts must not overlap (their areas add up to their union) and must tile the old grid.
          if (
            !covered ||
            !approxEqual(areaOf(covered), partsArea) ||
            !approxEqual(areaOf(covered), oldArea) ||
            !unionOf([covered, shape.boundary]) ||
            !approxEqual(areaOf(unionOf([covered, shape.boundary])!), oldArea)
          ) {
            throw new AppError('GRID_SPLIT_INVALID');
          }
          const community = (await repo.listByIds(trx, [old.parent_id!]))[0];
          const now = clock.now();
          const created: { id: string; code: string; path: string; boundary: GeoJsonPolygon }[] = [];
          for (const [i, part] of input.parts.entries()) {
            const newCode = await repo.nextSerialCode(trx, community.id, community.code, 3);
            const id = newId();
            const path = pathOf(community.path, newCode);
            await repo.insertPlace(trx, {
              id,
              tenant_id: community.tenant_id,
              code: newCode,
              name: part.name,
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
              gridKind: shape.grid_kind,
              dedicatedFor: shape.dedicated_for,
              boundary: parts[i],
              box: bboxOf(parts[i]),
            });
            created.push({ id, code: newCode, path, boundary: parts[i] });
          }
          for (const building of await repo.buildingsOfGrid(trx, old.id)) {
            const home = created.find((c) => containsPoint(c.boundary, building.lng, building.lat)) ?? created[0];
            await repo.moveSubtree(trx, building, home, building.code, now);
          }
          await repo.retirePlace(trx, old.id, now);
          // Workers follow the first part until the community reassigns them.
          await repo.moveGridWorkers(trx, [old.id], created[0].id);
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
              after: { codes: toCodes },
            },
            now,
          );
          return { retired: code, codes: toCodes };
        })
        .finally(() => locator.invalidate());
    },

    async listGridChanges(actor: Actor, underCode: string) {
      const under = await readable(actor, underCode);
      if (!under.tenant_id) return [];
      const rows = await repo.listGridChanges(db, under.tenant_id, under.code);
      return rows.map((r) => ({
        id: r.id,
        changeKind: r.change_kind,
        fromCodes: r.from_codes,
        toCodes: r.to_codes,
        reason: r.reason,
        changedAt: new Date(r.changed_at).toISOString(),
        actorName: r.actor_name,
      }));
    },

    async locate(actor: Actor, lng: number, lat: number) {
      assertPermission(actor, 'places:read');
      const found = await locator.locate(lng, lat);
      if (!found || !can(actor, 'places:read', found.path)) throw new AppError('LOCATE_OUTSIDE');
      return { grid: found.grid, community: found.community, street: found.street };
    },

    async listHouseholds(actor: Actor, code: string, page: HouseholdsPage) {
      const place = await readable(actor, code);
      assertPermission(actor, 'households:read');
      const { rows, total } = await repo.listHouseholdsUnder(db, place.path, scopeOf(actor, 'households:read'), {
        offset: (page.page - 1) * page.pageSize,
        limit: page.pageSize,
        q: page.q,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          address: r.address,
          room: r.room,
          floor: r.floor,
          building: { code: r.building_code, name: r.building_name },
          unitName: r.unit_name,
        })),
        total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },

    async listDepartments(actor: Actor) {
      assertPermission(actor, 'departments:read');
      const rows = await repo.listDepartments(db, actor.tenantId ? [actor.tenantId] : []);
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        streetCode: r.street_code,
        streetName: r.street_name,
        phone: r.phone,
      }));
    },
  };
}

function assertPolygon(polygon: GeoJsonPolygon): void {
  const ring = polygon.coordinates[0];
  if (ring.length < 4 || !(areaOf(polygon) > 1)) throw new AppError('GRID_BOUNDARY_INVALID');
}

export type PlacesService = ReturnType<typeof createPlacesService>;
