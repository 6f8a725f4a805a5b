import type { Insertable } from 'kysely';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { ResidentsTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PiiCipher } from '../../platform/pii.js';
import type { Actor } from '../../platform/policy.js';
import type { PeopleDeps } from './deps.js';
import { idNumberColumns, nameColumns, phoneColumns } from './identity-fields.js';
import { assertMayReadResident, assertMayWriteResident } from './policy.js';
import * as repo from './repository.js';
import { settleTags } from './tags.js';
import type { ResidentInputT, ResidentUpdateT } from './schemas.js';

// Writes to the roster: register, edit, move house, move out, death. Each is one transaction with
// its resident event and its audit row; nothing is ever deleted.

export type ResidenceChange =
  { kind: 'moved'; householdCode: string; note: string } | { kind: 'moved_out' | 'deceased'; note: string };

async function writableHousehold(db: Executor, actor: Actor, code: string) {
  const household = await repo.findHousehold(db, code);
  if (!household || household.status !== 'active') throw new AppError('HOUSEHOLD_REQUIRED', { householdCode: code });
  assertMayWriteResident(actor, household.path);
  return household;
}

/** Locks a resident the actor may change; out of scope reads as not found. */
async function lockActiveResident(trx: Executor, actor: Actor, residentId: string) {
  const current = await repo.lockResident(trx, residentId);
  if (!current) throw new AppError('NOT_FOUND');
  const household = await repo.householdOf(trx, current.household_id);
  assertMayReadResident(actor, household.path);
  assertMayWriteResident(actor, household.path);
  if (current.status !== 'active') throw new AppError('RESIDENT_NOT_ACTIVE');
  return { current, household };
}

export async function registerResident({ db, clock, pii }: PeopleDeps, actor: Actor, input: ResidentInputT) {
  const household = await writableHousehold(db, actor, input.householdCode);
  const tags = await settleTags(db, actor, household.path, input.tags);
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
    tags,
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
}

/** The columns an edit changes; a new ID number must not be another resident's in the county. */
async function editedColumns(
  trx: Executor,
  pii: PiiCipher,
  current: { id: string; tenant_id: string; id_number_hash: string | null },
  input: ResidentUpdateT,
  now: Date,
) {
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
  return changes;
}

export async function updateResident(
  { db, clock, pii }: PeopleDeps,
  actor: Actor,
  residentId: string,
  input: ResidentUpdateT,
) {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const { current, household } = await lockActiveResident(trx, actor, residentId);
    const tags = input.tags && (await settleTags(trx, actor, household.path, input.tags, current.tags));
    const changes = await editedColumns(trx, pii, current, { ...input, tags }, now);
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
}

/** Moves house, moves out of the community, or records a death: kept as history, never deleted. */
export async function changeResidence(
  { db, clock }: PeopleDeps,
  actor: Actor,
  residentId: string,
  change: ResidenceChange,
) {
  const now = clock.now();
  const target = change.kind === 'moved' ? await writableHousehold(db, actor, change.householdCode) : null;
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
