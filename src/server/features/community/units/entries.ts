import { chinaDay } from '../../../../shared/hall.js';
import { recordAudit } from '../../../platform/audit.js';
import { awardPoints } from '../../../platform/community/points.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { attachableFiles } from '../../files/index.js';
import { agreementTransition, entryTransition, type AgreementAction, type EntryAction } from './lifecycle.js';
import { assertMayManageUnit, assertMayReadUnit, rolesOn } from './policy.js';
import { getUnit, presentEntry, unitDetail, unitOr404, unitRoles, type Deps } from './present.js';
import * as repo from './repository.js';
import type { AgreementInputT, EntryActionInputT, EntryInputT } from './schemas.js';

// 一书四单: the yearly agreement (drafted, signed, ended) and the entries of its four lists — the
// liaison submits with proof, the community confirms (the entry's score to the unit, once) or returns.
// One transaction and one audit row per operation; the row is locked before its transition.

export async function createAgreement(deps: Deps, actor: Actor, id: string, input: AgreementInputT) {
  const unit = await unitOr404(deps, id);
  assertMayManageUnit(actor, unit);
  if (unit.kind !== 'co_building_unit') throw new AppError('UNIT_NOT_CO_BUILDING');
  const now = deps.clock.now();
  const agreementId = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (input.fileId) await attachableFiles(trx, actor, [input.fileId], { field: 'fileId', county: unit.tenant_id });
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
  return unitDetail(deps, actor, unit, rolesOn(actor, unit, false), input.year);
}

export async function agreementAction(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  action: AgreementAction,
  signedOn: string | undefined,
) {
  const now = deps.clock.now();
  const unitId = await deps.db.transaction().execute(async (trx) => {
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
  return getUnit(deps, actor, unitId.organisationId, unitId.year);
}

export async function addEntry(deps: Deps, actor: Actor, agreementId: string, input: EntryInputT) {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
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
  return entry(deps, actor, result);
}

export async function entry(deps: Deps, actor: Actor, id: string) {
  const entry = await repo.findEntry(deps.db, id);
  if (!entry) throw new AppError('NOT_FOUND');
  const unit = await unitOr404(deps, entry.organisation_id);
  const roles = await unitRoles(deps, actor, unit);
  return presentEntry(entry, roles, chinaDay(deps.clock.now()));
}

/**
 * submit (the liaison, with a note or proof), confirm (the community: the entry's score to the
 * unit, once) or return (the community, with a reason). The entry row is locked first, so two
 * decisions at once queue and the second is refused by the table.
 */
export async function entryAction(deps: Deps, actor: Actor, id: string, action: EntryAction, input: EntryActionInputT) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
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
  return entry(deps, actor, id);
}
