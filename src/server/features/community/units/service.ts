import { recordAudit } from '../../../platform/audit.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { isUnder, resolveUnder, scopeOf } from '../../../platform/scope.js';
import { findByCode } from '../../places/index.js';
import { chinaDay } from '../../../../shared/hall.js';
import * as entries from './entries.js';
import { assertMayLiaise, assertMayManageUnit, rolesOn, unitsShownTo } from './policy.js';
import {
  getUnit,
  presentEntry,
  presentUnits,
  rankRows,
  thisYear,
  unitDetail,
  unitOr404,
  type Deps,
} from './present.js';
import * as repo from './repository.js';
import type { ServiceInputT, UnitInputT, UnitPatchT } from './schemas.js';

// 共驻共建 · 一书四单: units registered with a community and their liaisons, the property companies'
// term and buildings, what waits for the community, the liaison's home, the ranking and the numbers.
// One transaction and one audit row per operation.

export async function list(
  deps: Deps,
  actor: Actor,
  query: { placeCode?: string; kind?: repo.OrgKind; year?: number },
) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(deps.db, actor, 'community:read', query.placeCode);
  const kinds: repo.OrgKind[] = query.kind ? [query.kind] : ['co_building_unit'];
  const units = await repo.listUnits(deps.db, unitsShownTo(actor), kinds, under?.path ?? null);
  return presentUnits(deps, units, actor, query.year ?? thisYear(deps));
}

export async function register(deps: Deps, actor: Actor, input: UnitInputT) {
  const place = await findByCode(deps.db, input.placeCode);
  if (!place) throw invalid('placeCode', 'noSuchPlace');
  assertMayManageUnit(actor, { place_path: place.path });
  if (place.kind !== 'community') throw new AppError('UNIT_PLACE_INVALID');
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (await repo.findUnitByName(trx, place.id, input.kind, input.name)) throw new AppError('UNIT_NAME_TAKEN');
    await repo.insertOrganisation(trx, {
      id,
      tenant_id: place.tenant_id!,
      kind: input.kind,
      name: input.name,
      place_id: place.id,
      contact_name: input.contactName,
      phone: input.phone,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'unit.register',
        entityType: 'organisation',
        entityId: id,
        tenantId: place.tenant_id,
        after: input,
      },
      now,
    );
  });
  const [unit] = await presentUnits(deps, [(await repo.findUnit(deps.db, id))!], actor, thisYear(deps));
  return unit;
}

export async function update(deps: Deps, actor: Actor, id: string, patch: UnitPatchT) {
  const unit = await unitOr404(deps, id);
  assertMayManageUnit(actor, unit);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (
      patch.name &&
      patch.name !== unit.name &&
      (await repo.findUnitByName(trx, unit.place_id, unit.kind as repo.OrgKind, patch.name))
    )
      throw new AppError('UNIT_NAME_TAKEN');
    await repo.updateOrganisation(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.contactName !== undefined ? { contact_name: patch.contactName } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'unit.update',
        entityType: 'organisation',
        entityId: id,
        tenantId: unit.tenant_id,
        before: { name: unit.name, contactName: unit.contact_name, phone: unit.phone },
        after: patch,
      },
      now,
    );
  });
  const [presented] = await presentUnits(deps, [(await repo.findUnit(deps.db, id))!], actor, thisYear(deps));
  return presented;
}

/** The users holding unit_liaison at the unit's community (or above it). */
export async function candidates(deps: Deps, actor: Actor, id: string) {
  const unit = await unitOr404(deps, id);
  assertMayManageUnit(actor, unit);
  return (await repo.liaisonCandidates(deps.db, unit.place_path)).map((u) => ({
    userId: u.id,
    displayName: u.display_name,
    username: u.username,
  }));
}

export async function addLiaison(deps: Deps, actor: Actor, id: string, userId: string) {
  const unit = await unitOr404(deps, id);
  assertMayManageUnit(actor, unit);
  const candidates = await repo.liaisonCandidates(deps.db, unit.place_path);
  if (!candidates.some((c) => c.id === userId)) throw new AppError('UNIT_LIAISON_INVALID');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertLiaison(trx, {
      organisation_id: id,
      user_id: userId,
      tenant_id: unit.tenant_id,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'unit.liaison.add',
        entityType: 'organisation',
        entityId: id,
        tenantId: unit.tenant_id,
        after: { userId },
      },
      now,
    );
  });
  return getUnit(deps, actor, id, null);
}

export async function removeLiaison(deps: Deps, actor: Actor, id: string, userId: string) {
  const unit = await unitOr404(deps, id);
  assertMayManageUnit(actor, unit);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.deleteLiaison(trx, id, userId)) === 0) throw new AppError('NOT_FOUND');
    await recordAudit(
      trx,
      actor,
      {
        action: 'unit.liaison.remove',
        entityType: 'organisation',
        entityId: id,
        tenantId: unit.tenant_id,
        before: { userId },
      },
      now,
    );
  });
  return getUnit(deps, actor, id, null);
}

/** 物业与业委会: the term and the buildings served (buildings of the unit's community only). */
export async function setService(deps: Deps, actor: Actor, id: string, input: ServiceInputT) {
  const unit = await unitOr404(deps, id);
  assertMayManageUnit(actor, unit);
  const ids = [...new Set(input.buildingIds)];
  const buildings = await repo.buildingsByIds(deps.db, ids);
  if (buildings.length !== ids.length || buildings.some((b) => !isUnder(b.path, unit.place_path)))
    throw new AppError('UNIT_BUILDING_INVALID');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertService(trx, {
      organisation_id: id,
      tenant_id: unit.tenant_id,
      term_start: input.termStart,
      term_end: input.termEnd,
      building_ids: ids,
      note: input.note,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      { action: 'unit.service', entityType: 'organisation', entityId: id, tenantId: unit.tenant_id, after: input },
      now,
    );
  });
  const [presented] = await presentUnits(deps, [unit], actor, thisYear(deps));
  return presented;
}

export async function buildings(deps: Deps, actor: Actor, placeCode: string) {
  const place = await resolveUnder(deps.db, actor, 'community:manage', placeCode);
  return (await repo.buildingsUnder(deps.db, place!.path)).map((b) => ({ id: b.id, code: b.code, name: b.name }));
}

/** What waits for the community: entries submitted by the units in scope. */
export async function pending(deps: Deps, actor: Actor, placeCode: string | undefined) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  const rows = await repo.submittedEntries(
    deps.db,
    scopeOf(actor, 'community:read', { placesOnly: true }),
    under?.path ?? null,
  );
  const today = chinaDay(deps.clock.now());
  return rows.map((r) => ({
    ...presentEntry(r, rolesOn(actor, r, false), today),
    organisationName: r.organisation_name,
  }));
}

/** The liaison's phone home: the units they act for, each with this year's agreement and lists. */
export async function mine(deps: Deps, actor: Actor, year: number | undefined) {
  assertMayLiaise(actor);
  const units = await repo.unitsOfLiaison(deps.db, actor.userId!);
  const out = [];
  for (const unit of units) {
    const roles = rolesOn(actor, unit, true);
    if (!roles.includes('liaison')) continue;
    out.push(await unitDetail(deps, actor, unit, roles, year ?? thisYear(deps)));
  }
  return out;
}

export async function ranking(deps: Deps, actor: Actor, query: { year?: number; placeCode?: string }) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(deps.db, actor, 'community:read', query.placeCode);
  const year = query.year ?? thisYear(deps);
  const rows = await repo.unitRanking(deps.db, unitsShownTo(actor), under?.path ?? null, year);
  return { year, placeName: under?.name ?? null, items: rankRows(rows) };
}

export async function numbers(deps: Deps, actor: Actor, query: { year?: number; placeCode?: string }) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(deps.db, actor, 'community:read', query.placeCode);
  const year = query.year ?? thisYear(deps);
  const rows = await repo.numbersPerCommunity(deps.db, unitsShownTo(actor), under?.path ?? null, year);
  return {
    year,
    items: rows.map((r) => ({
      placeCode: r.code,
      placeName: r.name,
      units: r.units ?? 0,
      agreements: r.agreements ?? 0,
      entries: r.entries ?? 0,
      confirmed: r.confirmed ?? 0,
      points: r.points ?? 0,
    })),
  };
}

/** The area's operations bound to the app's deps, for the routes. */
export function createUnitsService(deps: Deps) {
  return {
    list: (actor: Actor, query: Parameters<typeof list>[2]) => list(deps, actor, query),
    register: (actor: Actor, input: UnitInputT) => register(deps, actor, input),
    update: (actor: Actor, id: string, patch: UnitPatchT) => update(deps, actor, id, patch),
    get: (actor: Actor, id: string, year: number | null) => getUnit(deps, actor, id, year),
    candidates: (actor: Actor, id: string) => candidates(deps, actor, id),
    addLiaison: (actor: Actor, id: string, userId: string) => addLiaison(deps, actor, id, userId),
    removeLiaison: (actor: Actor, id: string, userId: string) => removeLiaison(deps, actor, id, userId),
    setService: (actor: Actor, id: string, input: ServiceInputT) => setService(deps, actor, id, input),
    buildings: (actor: Actor, placeCode: string) => buildings(deps, actor, placeCode),
    createAgreement: (actor: Actor, id: string, input: Parameters<typeof entries.createAgreement>[3]) =>
      entries.createAgreement(deps, actor, id, input),
    agreementAction: (
      actor: Actor,
      id: string,
      action: Parameters<typeof entries.agreementAction>[3],
      signedOn?: string,
    ) => entries.agreementAction(deps, actor, id, action, signedOn),
    addEntry: (actor: Actor, id: string, input: Parameters<typeof entries.addEntry>[3]) =>
      entries.addEntry(deps, actor, id, input),
    entry: (actor: Actor, id: string) => entries.entry(deps, actor, id),
    entryAction: (
      actor: Actor,
      id: string,
      action: Parameters<typeof entries.entryAction>[3],
      input: Parameters<typeof entries.entryAction>[4],
    ) => entries.entryAction(deps, actor, id, action, input),
    pending: (actor: Actor, placeCode: string | undefined) => pending(deps, actor, placeCode),
    mine: (actor: Actor, year: number | undefined) => mine(deps, actor, year),
    ranking: (actor: Actor, query: { year?: number; placeCode?: string }) => ranking(deps, actor, query),
    numbers: (actor: Actor, query: { year?: number; placeCode?: string }) => numbers(deps, actor, query),
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
