import { chinaDay } from '../../../../shared/hall.js';
import type { AppDeps } from '../../../deps.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { agreementActionsFor, entryActionsFor } from './lifecycle.js';
import { assertMayReadUnit, rolesOn } from './policy.js';
import * as repo from './repository.js';

// 共驻共建 · 一书四单: how units, agreements and entries are shown — with the actions the reader may
// take, the unit's points and its rank in its community.

export type Deps = Pick<AppDeps, 'db' | 'clock'>;
export type Unit = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;
type Entry = NonNullable<Awaited<ReturnType<typeof repo.findEntry>>>;
type Agreement = Awaited<ReturnType<typeof repo.agreementsOf>>[number];
type RankingRow = Awaited<ReturnType<typeof repo.unitRanking>>[number];
type UnitsActorRoles = ReturnType<typeof rolesOn>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentEntry(e: Entry, roles: UnitsActorRoles, today: string) {
  return {
    id: e.id,
    agreementId: e.agreement_id,
    organisationId: e.organisation_id,
    list: e.list,
    title: e.title,
    description: e.description,
    dueOn: e.due_on,
    score: e.score,
    state: e.state,
    overdue: (e.state === 'open' || e.state === 'returned') && e.due_on < today,
    fulfilmentNote: e.fulfilment_note,
    proofFileIds: e.proof_file_ids,
    submittedAt: iso(e.submitted_at),
    returnReason: e.return_reason,
    decidedAt: iso(e.decided_at),
    pointsAwarded: e.points_awarded,
    actions: entryActionsFor(e.state, roles),
  };
}

function presentAgreement(a: Agreement, entries: Entry[], roles: UnitsActorRoles, today: string) {
  return {
    id: a.id,
    organisationId: a.organisation_id,
    year: a.year,
    state: a.state,
    signedOn: a.signed_on,
    termStart: a.term_start,
    termEnd: a.term_end,
    fileId: a.file_id,
    note: a.note,
    actions: agreementActionsFor(a.state, roles),
    entries: entries.filter((e) => e.agreement_id === a.id).map((e) => presentEntry(e, roles, today)),
  };
}

/** Ranked by points, then entries confirmed, on time, then name; equal figures share a rank. */
export function rankRows(rows: RankingRow[]) {
  const figures = rows.map((r) => ({
    id: r.id,
    name: r.name,
    placeCode: r.place_code,
    placeName: r.place_name,
    points: r.points ?? 0,
    entries: r.entries ?? 0,
    confirmed: r.confirmed ?? 0,
    onTime: r.on_time ?? 0,
  }));
  const sorted = figures.sort(
    (a, b) =>
      b.points - a.points || b.confirmed - a.confirmed || b.onTime - a.onTime || a.name.localeCompare(b.name, 'zh-CN'),
  );
  let rank = 0;
  return sorted.map((r, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.points !== r.points || prev.confirmed !== r.confirmed || prev.onTime !== r.onTime) rank = i + 1;
    return { rank, ...r };
  });
}

export const thisYear = (deps: Deps) => Number(chinaDay(deps.clock.now()).slice(0, 4));

export async function unitOr404(deps: Deps, id: string) {
  const unit = await repo.findUnit(deps.db, id);
  if (!unit) throw new AppError('NOT_FOUND');
  return unit;
}

export async function unitRoles(deps: Deps, actor: Actor, unit: Unit) {
  const liaison = actor.userId !== null && (await repo.isLiaison(deps.db, unit.id, actor.userId));
  assertMayReadUnit(actor, unit, liaison);
  return rolesOn(actor, unit, liaison);
}

export async function presentUnits(deps: Deps, units: Unit[], actor: Actor, year: number) {
  const ids = units.map((u) => u.id);
  const [liaisons, services, agreements] = await Promise.all([
    repo.liaisonsOf(deps.db, ids),
    repo.servicesOf(deps.db, ids),
    repo.agreementsOf(deps.db, ids, year),
  ]);
  const buildingIds = [...new Set(services.flatMap((s) => s.building_ids))];
  const buildings = await repo.buildingsByIds(deps.db, buildingIds);
  const points = new Map<string, number>();
  for (const path of [...new Set(units.map((u) => u.place_path))])
    for (const r of await repo.unitRanking(
      deps.db,
      { paths: [], departmentIds: [], userId: null, all: true },
      path,
      year,
    ))
      points.set(r.id, r.points ?? 0);
  return units.map((u) => {
    const service = services.find((s) => s.organisation_id === u.id);
    return {
      id: u.id,
      kind: u.kind as 'co_building_unit' | 'property_company' | 'owners_committee',
      name: u.name,
      contactName: u.contact_name,
      phone: u.phone,
      placeCode: u.place_code,
      placeName: u.place_name,
      liaisons: liaisons
        .filter((l) => l.organisation_id === u.id)
        .map((l) => ({ userId: l.user_id, displayName: l.display_name })),
      service: service
        ? {
            termStart: service.term_start,
            termEnd: service.term_end,
            buildings: buildings
              .filter((b) => service.building_ids.includes(b.id))
              .map((b) => ({ id: b.id, name: b.name })),
            note: service.note,
          }
        : null,
      agreementState: agreements.find((a) => a.organisation_id === u.id)?.state ?? null,
      points: points.get(u.id) ?? 0,
      canManage: rolesOn(actor, u, false).includes('community'),
    };
  });
}

export async function unitDetail(deps: Deps, actor: Actor, unit: Unit, roles: UnitsActorRoles, year: number | null) {
  const [base] = await presentUnits(deps, [unit], actor, year ?? thisYear(deps));
  const agreements = await repo.agreementsOf(deps.db, [unit.id], year);
  const entries = await repo.entriesOfAgreements(
    deps.db,
    agreements.map((a) => a.id),
  );
  const today = chinaDay(deps.clock.now());
  const ranking = rankRows(
    await repo.unitRanking(
      deps.db,
      { paths: [], departmentIds: [], userId: null, all: true },
      unit.place_path,
      year ?? thisYear(deps),
    ),
  );
  return {
    ...base,
    agreements: agreements.map((a) => presentAgreement(a, entries, roles, today)),
    rank: ranking.find((r) => r.id === unit.id)?.rank ?? null,
    unitsRanked: ranking.length,
  };
}

export async function getUnit(deps: Deps, actor: Actor, id: string, year: number | null) {
  const unit = await unitOr404(deps, id);
  const roles = await unitRoles(deps, actor, unit);
  return unitDetail(deps, actor, unit, roles, year);
}
