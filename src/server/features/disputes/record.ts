import { maskIdNumber, parseIdNumber } from '../../../shared/identity.js';
import { cutText } from '../../../shared/text.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PiiCipher } from '../../platform/pii.js';
import type { Actor } from '../../platform/policy.js';
import { canReadCase } from '../../platform/case-access.js';
import { findCase, insertEvent as insertCaseEvent } from '../cases/index.js';
import { whistleOfCase } from '../whistle/index.js';
import { phoneColumns } from '../people/index.js';
import { findResident } from '../people/index.js';
import { findByCode } from '../places/index.js';
import { assertMayRecord, assertMayWrite, mayRecordAbout } from './policy.js';
import * as repo from './repository.js';
import type { DisputeInputT } from './schemas.js';
import type { DisputesDeps } from './deps.js';

// 登记矛盾纠纷: a dispute enters the ledger, from a case or from a screening.

type Place = { id: string; path: string; tenant_id: string | null };

/** The dispute's place: the case's (which must be readable and not yet a dispute), or the named place. */
async function placeOfDispute(deps: DisputesDeps, actor: Actor, input: DisputeInputT): Promise<Place | undefined> {
  if (!input.caseId) return input.placeCode ? findByCode(deps.db, input.placeCode) : undefined;
  const c = await findCase(deps.db, input.caseId);
  if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
  const already = await repo.disputeOfCase(deps.db, c.id);
  if (already) throw new AppError('DISPUTE_EXISTS', { id: already.id, code: already.code });
  return { id: c.place_id, path: c.place_path, tenant_id: c.tenant_id };
}

/** The parties as rows: identity numbers checked and kept encrypted, phones and numbers masked for display. */
function partyRows(pii: PiiCipher, parties: DisputeInputT['parties'], now: Date) {
  return parties.map((p) => {
    let idNumber: string | null = null;
    if (p.idNumber) {
      const parsed = parseIdNumber(p.idNumber, now);
      if (!parsed.ok) throw new AppError('RESIDENT_ID_NUMBER_INVALID', { problem: parsed.problem, party: p.name });
      idNumber = parsed.info.normalized;
    }
    let phone: ReturnType<typeof phoneColumns>;
    try {
      phone = phoneColumns(pii, p.phone);
    } catch {
      throw new AppError('RESIDENT_PHONE_INVALID', { party: p.name });
    }
    return {
      id: newId(),
      role: p.role,
      resident_id: p.residentId ?? null,
      name: p.name,
      phone_enc: phone.phone_enc,
      phone_masked: phone.phone_masked,
      id_number_enc: idNumber ? pii.encrypt(idNumber) : null,
      id_number_masked: idNumber ? maskIdNumber(idNumber) : null,
    };
  });
}

/** 转为纠纷 on the case's own timeline, beside its other steps. */
async function noteOnCase(
  trx: Executor,
  actor: Actor,
  d: { caseId: string; tenantId: string; id: string; code: string },
  now: Date,
) {
  await insertCaseEvent(trx, {
    id: newId(),
    tenant_id: d.tenantId,
    case_id: d.caseId,
    action: 'dispute.record',
    from_state: null,
    to_state: null,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    note: `转为矛盾纠纷 ${d.code}`,
    data: JSON.stringify({ disputeId: d.id, disputeCode: d.code }),
    at: now,
  });
}

export async function recordDispute(deps: DisputesDeps, actor: Actor, input: DisputeInputT) {
  const { db, clock } = deps;
  assertMayRecord(actor);
  const place = await placeOfDispute(deps, actor, input);
  if (!place) throw invalid('placeCode', 'caseOrPlace');
  assertMayWrite(actor, place.path);
  // A party named as a registered resident must be one the actor records disputes for; another
  // community's reads as unknown.
  for (const residentId of new Set(input.parties.flatMap((p) => (p.residentId ? [p.residentId] : [])))) {
    const resident = await findResident(db, residentId);
    if (!resident || !mayRecordAbout(actor, resident.household_path)) throw new AppError('NOT_FOUND', { residentId });
  }
  const now = clock.now();
  const parties = partyRows(deps.pii, input.parties, now);
  return db.transaction().execute(async (trx) => {
    const day = shanghaiDate(now.getTime());
    const serial = await repo.nextDailySerial(trx, `dispute:${place.tenant_id}:${day}`);
    const id = newId();
    const code = `MD-${day.replaceAll('-', '')}-${String(serial).padStart(3, '0')}`;
    await repo.insertDispute(trx, {
      id,
      tenant_id: place.tenant_id!,
      code,
      dispute_type: input.disputeType,
      summary: input.summary,
      place_id: place.id,
      place_path: place.path,
      source: input.caseId ? 'case' : input.source,
      case_id: input.caseId ?? null,
      // A case already whistled on brings its whistle: the ledger shows who was summoned.
      whistle_id: input.caseId ? await whistleOfCase(trx, input.caseId) : null,
      risk: input.risk,
      status: 'open',
      handed_to: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await repo.insertParties(
      trx,
      parties.map((p) => ({ ...p, tenant_id: place.tenant_id!, dispute_id: id })),
    );
    await repo.insertEvent(trx, {
      id: newId(),
      tenant_id: place.tenant_id!,
      dispute_id: id,
      kind: 'recorded',
      note: cutText(input.summary, 100),
      actor_name: actor.displayName,
      at: now,
    });
    if (input.caseId) await noteOnCase(trx, actor, { caseId: input.caseId, tenantId: place.tenant_id!, id, code }, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'dispute.record',
        entityType: 'dispute',
        entityId: id,
        tenantId: place.tenant_id,
        after: {
          code,
          type: input.disputeType,
          risk: input.risk,
          parties: parties.map((p) => ({
            role: p.role,
            name: p.name,
            phone: p.phone_masked,
            idNumber: p.id_number_masked,
          })),
        },
      },
      now,
    );
    return { id, code };
  });
}
