import { chinaDay } from '../../../../shared/hall.js';
import type { AppDeps } from '../../../deps.js';
import { recordAudit } from '../../../platform/audit.js';
import { awardPoints } from '../../../platform/community/points.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import { attachableFiles } from '../../files/index.js';
import { findByCode } from '../../places/index.js';
import { agreementActionsFor, agreementTransition, entryActionsFor, entryTransition } from './lifecycle.js';
import type { AgreementAction, EntryAction } from './lifecycle.js';
import { assertMayLiaise, assertMayManageUnit, assertMayReadUnit, rolesOn, unitsShownTo } from './policy.js';
import * as repo from './repository.js';
import type {
  AgreementInputT,
  EntryActionInputT,
  EntryInputT,
  ServiceInputT,
  UnitInputT,
  UnitPatchT,
} from './schemas.js';

// 共驻共建 · 一书四单: units registered with a community, their liaisons, the yearly agreement and
// its four lists; the liaison records fulfilment, the community confirms (points to the unit) or
// returns. One transaction and one audit row per operation.

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type Unit = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;
type Entry = NonNullable<Awaited<ReturnType<typeof repo.findEntry>>>;
type Agreement = Awaited<ReturnType<typeof repo.agreementsOf>>[number];
type RankingRow = Awaited<ReturnType<typeof repo.unitRanking>>[number];
type UnitsActorRoles = ReturnType<typeof rolesOn>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function presentEntry(e: Entry, roles: UnitsActorRoles, today: string) {
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

export function createUnitsService({ db, clock }: Deps) {
  const thisYear = () => Number(chinaDay(clock.now()).slice(0, 4));

  async function unitOr404(id: string) {
    const unit = await repo.findUnit(db, id);
    if (!unit) throw new AppError('NOT_FOUND');
    return unit;
  }

  async function unitRoles(actor: Actor, unit: Unit) {
    const liaison = actor.userId !== null && (await repo.isLiaison(db, unit.id, actor.userId));
    assertMayReadUnit(actor, unit, liaison);
    return rolesOn(actor, unit, liaison);
  }

  async function present(units: Unit[], actor: Actor, year: number) {
    const ids = units.map((u) => u.id);
    const [liaisons, services, agreements] = await Promise.all([
      repo.liaisonsOf(db, ids),
      repo.servicesOf(db, ids),
      repo.agreementsOf(db, ids, year),
    ]);
    const buildingIds = [...new Set(services.flatMap((s) => s.building_ids))];
    const buildings = await repo.buildingsByIds(db, buildingIds);
    const points = new Map<string, number>();
    for (const path of [...new Set(units.map((u) => u.place_path))])
      for (const r of await repo.unitRanking(db, { paths: [], departmentIds: [], userId: null, all: true }, path, year))
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

  async function detail(actor: Actor, unit: Unit, roles: UnitsActorRoles, year: number | null) {
    const [base] = await present([unit], actor, year ?? thisYear());
    const agreements = await repo.agreementsOf(db, [unit.id], year);
    const entries = await repo.entriesOfAgreements(
      db,
      agreements.map((a) => a.id),
    );
    const today = chinaDay(clock.now());
    const ranking = rankRows(
      await repo.unitRanking(
        db,
        { paths: [], departmentIds: [], userId: null, all: true },
        unit.place_path,
        year ?? thisYear(),
      ),
    );
    return {
      ...base,
      agreements: agreements.map((a) => presentAgreement(a, entries, roles, today)),
      rank: ranking.find((r) => r.id === unit.id)?.rank ?? null,
      unitsRanked: ranking.length,
    };
  }

  return {
    async list(actor: Actor, query: { placeCode?: string; kind?: repo.OrgKind; year?: number }) {
      assertPermission(actor, 'community:read');
      const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
      const kinds: repo.OrgKind[] = query.kind ? [query.kind] : ['co_building_unit'];
      const units = await repo.listUnits(db, unitsShownTo(actor), kinds, under?.path ?? null);
      return present(units, actor, query.year ?? thisYear());
    },

    async register(actor: Actor, input: UnitInputT) {
      const place = await findByCode(db, input.placeCode);
      if (!place) throw invalid('placeCode', 'noSuchPlace');
      assertMayManageUnit(actor, { place_path: place.path });
      if (place.kind !== 'community') throw new AppError('UNIT_PLACE_INVALID');
      const now = clock.now();
      const id = newId();
      await db.transaction().execute(async (trx) => {
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
      const [unit] = await present([(await repo.findUnit(db, id))!], actor, thisYear());
      return unit;
    },

    async update(actor: Actor, id: string, patch: UnitPatchT) {
      const unit = await unitOr404(id);
      assertMayManageUnit(actor, unit);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
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
      const [presented] = await present([(await repo.findUnit(db, id))!], actor, thisYear());
      return presented;
    },

    async get(actor: Actor, id: string, year: number | null) {
      const unit = await unitOr404(id);
      const roles = await unitRoles(actor, unit);
      return detail(actor, unit, roles, year);
    },

    /** The users holding unit_liaison at the unit's community (or above it). */
    async candidates(actor: Actor, id: string) {
      const unit = await unitOr404(id);
      assertMayManageUnit(actor, unit);
      return (await repo.liaisonCandidates(db, unit.place_path)).map((u) => ({
        userId: u.id,
        displayName: u.display_name,
        username: u.username,
      }));
    },

    async addLiaison(actor: Actor, id: string, userId: string) {
      const unit = await unitOr404(id);
      assertMayManageUnit(actor, unit);
      const candidates = await repo.liaisonCandidates(db, unit.place_path);
      if (!candidates.some((c) => c.id === userId)) throw new AppError('UNIT_LIAISON_INVALID');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
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
      return this.get(actor, id, null);
    },

    async removeLiaison(actor: Actor, id: string, userId: string) {
      const unit = await unitOr404(id);
      assertMayManageUnit(actor, unit);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
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
      return this.get(actor, id, null);
    },

    /** 物业与业委会: the term and the buildings served (buildings of the unit's community only). */
    async setService(actor: Actor, id: string, input: ServiceInputT) {
      const unit = await unitOr404(id);
      assertMayManageUnit(actor, unit);
      const ids = [...new Set(input.buildingIds)];
      const buildings = await repo.buildingsByIds(db, ids);
      if (buildings.length !== ids.length || buildings.some((b) => !b.path.startsWith(unit.place_path)))
        throw new AppError('UNIT_BUILDING_INVALID');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
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
      const [presented] = await present([unit], actor, thisYear());
      return presented;
    },

    async buildings(actor: Actor, placeCode: string) {
      const place = await resolveUnder(db, actor, 'community:manage', placeCode);
      return (await repo.buildingsUnder(db, place!.path)).map((b) => ({ id: b.id, code: b.code, name: b.name }));
    },

    async createAgreement(actor: Actor, id: string, input: AgreementInputT) {
      const unit = await unitOr404(id);
      assertMayManageUnit(actor, unit);
      if (unit.kind !== 'co_building_unit') throw new AppError('UNIT_NOT_CO_BUILDING');
      const now = clock.now();
      const agreementId = newId();
      await db.transaction().execute(async (trx) => {
        if (input.fileId) await attachableFiles(trx, actor, [input.fileId], { field: 'fileId' });
        const inserted = await repo.insertAgreement(trx, {
          id: agreementId,
          tenant_id: unit.tenant_id,
          organisation_id: unit.id,
          community_id: unit.place_id,
          place_path: unit.place_path,
          year: input.year,
          state: input.signedOn ? 'signed' : 'draft',
          signed_on: input.signedOn,
          term_start: input.termStart,
          term_end: input.termEnd,
          file_id: input.fileId,
          note: input.note,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        if (!inserted) throw new AppError('UNIT_AGREEMENT_EXISTS', { year: input.year });
        await recordAudit(
          trx,
          actor,
          {
            action: 'unit.agreement.create',
            entityType: 'unit_agreement',
            entityId: agreementId,
            tenantId: unit.tenant_id,
            after: { organisationId: unit.id, ...input },
          },
          now,
        );
      });
      return detail(actor, unit, rolesOn(actor, unit, false), input.year);
    },

    async agreementAction(actor: Actor, agreementId: string, action: AgreementAction, signedOn: string | undefined) {
      const now = clock.now();
      const unitId = await db.transaction().execute(async (trx) => {
        const agreement = await repo.lockAgreement(trx, agreementId);
        if (!agreement) throw new AppError('NOT_FOUND');
        assertMayManageUnit(actor, agreement);
        const t = agreementTransition(agreement.state, action);
        if (!t) throw new AppError('UNIT_ACTION_NOT_ALLOWED', { state: agreement.state, action });
        await repo.updateAgreement(trx, agreementId, {
          state: t.to,
          ...(action === 'sign' ? { signed_on: signedOn ?? chinaDay(now) } : {}),
          updated_at: now,
        });
        await recordAudit(
          trx,
          actor,
          {
            action: `unit.agreement.${action}`,
            entityType: 'unit_agreement',
            entityId: agreementId,
            tenantId: agreement.tenant_id,
            before: { state: agreement.state },
            after: { state: t.to },
          },
          now,
        );
        return { organisationId: agreement.organisation_id, year: agreement.year };
      });
      return this.get(actor, unitId.organisationId, unitId.year);
    },

    async addEntry(actor: Actor, agreementId: string, input: EntryInputT) {
      const now = clock.now();
      const result = await db.transaction().execute(async (trx) => {
        const agreement = await repo.lockAgreement(trx, agreementId);
        if (!agreement) throw new AppError('NOT_FOUND');
        assertMayManageUnit(actor, agreement);
        if (agreement.state === 'ended') throw new AppError('UNIT_AGREEMENT_ENDED');
        const id = newId();
        await repo.insertEntry(trx, {
          id,
          tenant_id: agreement.tenant_id,
          agreement_id: agreement.id,
          organisation_id: agreement.organisation_id,
          community_id: agreement.community_id,
          place_path: agreement.place_path,
          list: input.list,
          title: input.title,
          description: input.description,
          due_on: input.dueOn,
          score: input.score,
          state: 'open',
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await recordAudit(
          trx,
          actor,
          {
            action: 'unit.entry.create',
            entityType: 'unit_entry',
            entityId: id,
            tenantId: agreement.tenant_id,
            after: { agreementId, ...input },
          },
          now,
        );
        return id;
      });
      return this.entry(actor, result);
    },

    async entry(actor: Actor, id: string) {
      const entry = await repo.findEntry(db, id);
      if (!entry) throw new AppError('NOT_FOUND');
      const unit = await unitOr404(entry.organisation_id);
      const roles = await unitRoles(actor, unit);
      return presentEntry(entry, roles, chinaDay(clock.now()));
    },

    /**
     * submit (the liaison, with a note or proof), confirm (the community: the entry's score to the
     * unit, once) or return (the community, with a reason). The entry row is locked first, so two
     * decisions at once queue and the second is refused by the table.
     */
    async entryAction(actor: Actor, id: string, action: EntryAction, input: EntryActionInputT) {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const entry = await repo.lockEntry(trx, id);
        if (!entry) throw new AppError('NOT_FOUND');
        const unit = (await repo.findUnit(trx, entry.organisation_id))!;
        const liaison = actor.userId !== null && (await repo.isLiaison(trx, unit.id, actor.userId));
        assertMayReadUnit(actor, unit, liaison);
        const roles = rolesOn(actor, unit, liaison);
        const t = entryTransition(entry.state, action);
        if (!t) throw new AppError('UNIT_ACTION_NOT_ALLOWED', { state: entry.state, action });
        if (!roles.includes(t.by)) throw new AppError('FORBIDDEN');
        let after: Record<string, unknown> = { state: t.to };
        if (action === 'submit') {
          if (input.note === '' && input.proofFileIds.length === 0) throw new AppError('UNIT_PROOF_REQUIRED');
          await attachableFiles(trx, actor, input.proofFileIds, { field: 'proofFileIds' });
          const proof = [...new Set(input.proofFileIds)];
          await repo.updateEntry(trx, id, {
            state: t.to,
            fulfilment_note: input.note,
            proof_file_ids: proof,
            submitted_by: actor.userId,
            submitted_at: now,
            updated_at: now,
          });
          after = { ...after, note: input.note, proofFileIds: proof };
        } else if (action === 'return') {
          if (input.reason === '') throw new AppError('UNIT_REASON_REQUIRED');
          await repo.updateEntry(trx, id, {
            state: t.to,
            return_reason: input.reason,
            decided_by: actor.userId,
            decided_at: now,
            updated_at: now,
          });
          after = { ...after, reason: input.reason };
        } else {
          const credited = await awardPoints(
            trx,
            {
              tenantId: entry.tenant_id,
              holder: { organisationId: entry.organisation_id },
              communityId: entry.community_id,
              rule: 'unit_entry',
              source: { kind: 'unit_entry', id: entry.id },
              points: entry.score,
              note: entry.title,
              createdBy: actor.userId,
            },
            now,
          );
          await repo.updateEntry(trx, id, {
            state: t.to,
            decided_by: actor.userId,
            decided_at: now,
            points_awarded: credited?.points ?? 0,
            updated_at: now,
          });
          after = { ...after, points: credited?.points ?? 0 };
        }
        await recordAudit(
          trx,
          actor,
          {
            action: `unit.entry.${action}`,
            entityType: 'unit_entry',
            entityId: id,
            tenantId: entry.tenant_id,
            before: { state: entry.state },
            after,
          },
          now,
        );
      });
      return this.entry(actor, id);
    },

    /** What waits for the community: entries submitted by the units in scope. */
    async pending(actor: Actor, placeCode: string | undefined) {
      assertPermission(actor, 'community:read');
      const under = await resolveUnder(db, actor, 'community:read', placeCode);
      const rows = await repo.submittedEntries(
        db,
        scopeOf(actor, 'community:read', { placesOnly: true }),
        under?.path ?? null,
      );
      const today = chinaDay(clock.now());
      return rows.map((r) => ({
        ...presentEntry(r, rolesOn(actor, r, false), today),
        organisationName: r.organisation_name,
      }));
    },

    /** The liaison's phone home: the units they act for, each with this year's agreement and lists. */
    async mine(actor: Actor, year: number | undefined) {
      assertMayLiaise(actor);
      const units = await repo.unitsOfLiaison(db, actor.userId!);
      const out = [];
      for (const unit of units) {
        const roles = rolesOn(actor, unit, true);
        if (!roles.includes('liaison')) continue;
        out.push(await detail(actor, unit, roles, year ?? thisYear()));
      }
      return out;
    },

    async ranking(actor: Actor, query: { year?: number; placeCode?: string }) {
      assertPermission(actor, 'community:read');
      const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
      const year = query.year ?? thisYear();
      const rows = await repo.unitRanking(db, unitsShownTo(actor), under?.path ?? null, year);
      return { year, placeName: under?.name ?? null, items: rankRows(rows) };
    },

    async numbers(actor: Actor, query: { year?: number; placeCode?: string }) {
      assertPermission(actor, 'community:read');
      const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
      const year = query.year ?? thisYear();
      const rows = await repo.numbersPerCommunity(db, unitsShownTo(actor), under?.path ?? null, year);
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
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
