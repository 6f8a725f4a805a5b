import type { Insertable } from 'kysely';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { ResidentsTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { newId } from '../../platform/ids.js';
import type { PiiCipher } from '../../platform/pii.js';
import { assertInScope, assertPermission, type Actor } from '../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { classifyQuery, idNumberColumns, nameColumns, phoneColumns } from './identity-fields.js';
import { residentActions } from './policy.js';
import * as repo from './repository.js';
import type { ResidentFiltersT, ResidentInputT, ResidentQueryT, ResidentUpdateT } from './schemas.js';

export interface PeopleDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
}

type ResidentRow = NonNullable<Awaited<ReturnType<typeof repo.findResident>>>;

export const gridCodeOfPath = (path: string): string | null => path.split('/').find((c) => /^\d{15}$/.test(c)) ?? null;

function ageOn(birthDate: string | null, today: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

export const dateText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);

export function createPeopleService({ db, clock, pii }: PeopleDeps) {
  async function present(actor: Actor, rows: ResidentRow[]) {
    const gridCodes = [
      ...new Set(rows.map((r) => gridCodeOfPath(r.household_path)).filter((c): c is string => c !== null)),
    ];
    const grids = new Map((await repo.gridNames(db, gridCodes)).map((g) => [g.code, g.name]));
    const today = clock.now();
    return rows.map((r) => {
      const gridCode = gridCodeOfPath(r.household_path);
      const birthDate = dateText(r.birth_date);
      return {
        id: r.id,
        name: r.name,
        gender: r.gender,
        birthDate,
        age: ageOn(birthDate, today),
        idNumber: r.id_number_masked,
        phone: r.phone_masked,
        relation: r.relation as 'other',
        residence: r.residence,
        tags: r.tags,
        notes: r.notes,
        status: r.status,
        household: { code: r.household_code, address: r.address },
        grid: gridCode ? { code: gridCode, name: grids.get(gridCode) ?? gridCode } : null,
        party: Boolean(r.is_party),
        volunteer: Boolean(r.is_volunteer),
        actions: residentActions(actor, r),
      };
    });
  }

  /** A resident the actor may see, or NOT_FOUND. */
  async function visible(actor: Actor, id: string) {
    const row = await repo.findResident(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(actor, 'people:read', row.household_path);
    return row;
  }

  async function writableHousehold(actor: Actor, code: string) {
    const household = await repo.findHousehold(db, code);
    if (!household || household.status !== 'active') throw new AppError('HOUSEHOLD_REQUIRED', { householdCode: code });
    assertInScope(actor, 'people:write', household.path);
    return household;
  }

  /** Locks a resident the actor may change; out of scope reads as not found. */
  async function lockActiveResident(trx: Executor, actor: Actor, residentId: string) {
    const current = await repo.lockResident(trx, residentId);
    if (!current) throw new AppError('NOT_FOUND');
    const household = await repo.householdOf(trx, current.household_id);
    assertInScope(actor, 'people:read', household.path);
    assertInScope(actor, 'people:write', household.path);
    if (current.status !== 'active') throw new AppError('RESIDENT_NOT_ACTIVE');
    return { current, household };
  }

  async function checkTags(tags: string[]) {
    const known = new Set((await repo.listTags(db)).map((t) => t.code));
    const unknown = tags.filter((t) => !known.has(t));
    if (unknown.length) throw new AppError('RESIDENT_TAG_UNKNOWN', { tags: unknown });
  }

  async function searchSpec(actor: Actor, filters: ResidentFiltersT): Promise<repo.ResidentSearch> {
    assertPermission(actor, 'people:read');
    const underPath = (await resolveUnder(db, actor, 'people:read', filters.under))?.path ?? null;
    let match: repo.ResidentSearch['match'];
    if (filters.q) {
      const c = classifyQuery(filters.q);
      if ('normalized' in c) {
        match = {
          column: c.kind === 'idNumber' ? 'id_number_hash' : 'phone_hash',
          value: pii.lookupHash(c.normalized),
        };
      } else {
        match = { column: c.kind, value: c.text };
      }
    }
    return {
      scope: scopeOf(actor, 'people:read'),
      underPath,
      tag: filters.tag,
      residence: filters.residence,
      status: filters.status,
      match,
    };
  }

  return {
    searchSpec,
    present,

    async search(actor: Actor, query: ResidentQueryT) {
      const spec = await searchSpec(actor, query);
      const { rows, total } = await repo.searchResidents(db, spec, {
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items: await present(actor, rows), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      const row = await visible(actor, id);
      const [presented] = await present(actor, [row]);
      const history = (await repo.listEvents(db, id)).map((e) => ({
        kind: e.kind,
        note: e.note,
        at: new Date(e.at).toISOString(),
        actorName: e.actor_name,
        fromAddress: e.from_address,
        toAddress: e.to_address,
      }));
      return { ...presented, history };
    },

    async register(actor: Actor, input: ResidentInputT) {
      const household = await writableHousehold(actor, input.householdCode);
      await checkTags(input.tags);
      const now = clock.now();
      const id = idNumberColumns(pii, input.idNumber, now);
      const row: Insertable<ResidentsTable> = {
        id: newId(),
        tenant_id: household.tenant_id!,
        household_id: household.id,
        ...nameColumns(input.name),
        gender: id.gender ?? input.gender ?? null,
        birth_date: id.birth_date ?? input.birthDate ?? null,
        id_number_enc: id.id_number_enc,
        id_number_hash: id.id_number_hash,
        id_number_masked: id.id_number_masked,
        ...phoneColumns(pii, input.phone),
        relation: input.relation,
        residence: input.residence,
        tags: input.tags,
        notes: input.notes,
        created_at: now,
        updated_at: now,
      };
      return db.transaction().execute(async (trx) => {
        if (row.id_number_hash && (await repo.findIdNumberOwner(trx, row.tenant_id, row.id_number_hash)))
          throw new AppError('RESIDENT_ID_NUMBER_TAKEN');
        await repo.insertResidents(trx, [row]);
        await repo.insertEvents(trx, [
          {
            id: newId(),
            tenant_id: row.tenant_id,
            resident_id: row.id,
            kind: 'registered',
            from_household_id: null,
            to_household_id: household.id,
            actor_id: actor.userId,
            at: now,
          },
        ]);
        await recordAudit(
          trx,
          actor,
          {
            action: 'resident.register',
            entityType: 'resident',
            entityId: row.id,
            tenantId: row.tenant_id,
            after: auditView(row),
          },
          now,
        );
        return { id: row.id };
      });
    },

    async update(actor: Actor, residentId: string, input: ResidentUpdateT) {
      if (input.tags) await checkTags(input.tags);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const { current, household } = await lockActiveResident(trx, actor, residentId);
        const changes: Partial<Insertable<ResidentsTable>> = { updated_at: now };
        if (input.name !== undefined) Object.assign(changes, nameColumns(input.name));
        if (input.idNumber !== undefined) {
          const id = idNumberColumns(pii, input.idNumber || undefined, now);
          if (id.id_number_hash && id.id_number_hash !== current.id_number_hash) {
            const owner = await repo.findIdNumberOwner(trx, current.tenant_id, id.id_number_hash);
            if (owner && owner.id !== current.id) throw new AppError('RESIDENT_ID_NUMBER_TAKEN');
          }
          Object.assign(changes, {
            id_number_enc: id.id_number_enc,
            id_number_hash: id.id_number_hash,
            id_number_masked: id.id_number_masked,
          });
          if (id.birth_date) Object.assign(changes, { birth_date: id.birth_date, gender: id.gender });
        }
        if (input.phone !== undefined) Object.assign(changes, phoneColumns(pii, input.phone || undefined));
        for (const key of ['relation', 'residence', 'tags', 'notes'] as const) {
          if (input[key] !== undefined) Object.assign(changes, { [key]: input[key] });
        }
        await repo.updateResident(trx, residentId, changes);
        await repo.insertEvents(trx, [
          {
            id: newId(),
            tenant_id: current.tenant_id,
            resident_id: residentId,
            kind: 'edited',
            from_household_id: null,
            to_household_id: null,
            note: Object.keys(input).join(','),
            actor_id: actor.userId,
            at: now,
          },
        ]);
        await recordAudit(
          trx,
          actor,
          {
            action: 'resident.update',
            entityType: 'resident',
            entityId: residentId,
            tenantId: current.tenant_id,
            before: auditView(current),
            after: auditView({ ...current, ...changes }),
          },
          now,
        );
        return { id: residentId };
      });
    },

    /** Moves house, moves out of the community, or records a death: kept as history, never deleted. */
    async changeResidence(
      actor: Actor,
      residentId: string,
      change: { kind: 'moved'; householdCode: string; note: string } | { kind: 'moved_out' | 'deceased'; note: string },
    ) {
      const now = clock.now();
      const target = change.kind === 'moved' ? await writableHousehold(actor, change.householdCode) : null;
      return db.transaction().execute(async (trx) => {
        const { current, household } = await lockActiveResident(trx, actor, residentId);
        const changes = target
          ? { household_id: target.id, updated_at: now }
          : { status: change.kind as 'moved_out' | 'deceased', updated_at: now };
        await repo.updateResident(trx, residentId, changes);
        await repo.insertEvents(trx, [
          {
            id: newId(),
            tenant_id: current.tenant_id,
            resident_id: residentId,
            kind: change.kind,
            from_household_id: current.household_id,
            to_household_id: target?.id ?? null,
            note: change.note,
            actor_id: actor.userId,
            at: now,
          },
        ]);
        await recordAudit(
          trx,
          actor,
          {
            action: `resident.${change.kind}`,
            entityType: 'resident',
            entityId: residentId,
            tenantId: current.tenant_id,
            before: { household: household.code, status: current.status },
            after: {
              household: target?.code ?? household.code,
              status: target ? 'active' : change.kind,
              note: change.note,
            },
          },
          now,
        );
        return { id: residentId };
      });
    },

    /** One full value, to fewer roles, audited with the reason. */
    async reveal(actor: Actor, residentId: string, field: 'idNumber' | 'phone', reason: string) {
      const row = await visible(actor, residentId);
      assertInScope(actor, 'people:reveal', row.household_path);
      const sealed = await repo.sealedField(db, residentId, field === 'idNumber' ? 'id_number_enc' : 'phone_enc');
      const value = sealed ? (field === 'idNumber' ? sealed.id_number_enc : sealed.phone_enc) : null;
      if (!value) throw new AppError('REVEAL_NOTHING');
      const now = clock.now();
      await recordAudit(
        db,
        actor,
        {
          action: 'resident.reveal',
          entityType: 'resident',
          entityId: residentId,
          tenantId: row.tenant_id,
          after: { field, reason },
        },
        now,
      );
      return { field, value: pii.decrypt(value) };
    },

    async tags(locale: Locale) {
      return (await repo.listTags(db)).map((t) => ({
        code: t.code,
        label: locale === 'en' ? t.label_en : t.label_zh,
        needsVisit: t.needs_visit,
      }));
    },

    async householdSummaries(actor: Actor, underCode: string) {
      const place = (await resolveUnder(db, actor, 'people:read', underCode))!;
      const needsVisit = new Set((await repo.listTags(db)).filter((t) => t.needs_visit).map((t) => t.code));
      const rows = await repo.householdSummaries(db, place.path, scopeOf(actor, 'people:read'));
      return rows.map((r) => ({
        code: r.code,
        members: r.members,
        tags: r.tags,
        needsVisit: r.tags.some((t) => needsVisit.has(t)),
        lastVisitAt: r.last_visit_at ? new Date(r.last_visit_at).toISOString() : null,
      }));
    },
  };
}

/** What the audit log may hold of a resident: masked values only, never the sealed ones. */
function auditView(row: Partial<Insertable<ResidentsTable>>) {
  return {
    name: row.name,
    idNumber: row.id_number_masked,
    phone: row.phone_masked,
    relation: row.relation,
    residence: row.residence,
    tags: row.tags,
    notes: row.notes,
    household_id: row.household_id,
    status: row.status,
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
