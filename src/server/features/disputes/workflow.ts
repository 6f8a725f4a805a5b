import type { Transaction } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { attachableFiles } from '../files/index.js';
import { nextDisputeStatus, type DisputeAction, type MediationOutcome } from './lifecycle.js';
import { assertMayWrite } from './policy.js';
import * as repo from './repository.js';
import type { HandoverTarget, MediationInputT } from './schemas.js';
import type { DisputesDeps } from './deps.js';

// The actions of the dispute workflow (lifecycle.ts): one transaction each, with its event on the
// timeline and its audit row. Each action's handler writes what is particular to it and names
// the note of its event.

type Dispute = NonNullable<Awaited<ReturnType<typeof repo.lockDispute>>>;
type Handler = (trx: Transaction<Database>, d: Dispute, now: Date) => Promise<{ note: string }>;

async function transition(
  deps: DisputesDeps,
  actor: Actor,
  id: string,
  action: DisputeAction,
  handler: Handler,
  outcome?: MediationOutcome,
) {
  return deps.db.transaction().execute(async (trx) => {
    const d = await repo.lockDispute(trx, id);
    if (!d) throw new AppError('NOT_FOUND');
    assertMayWrite(actor, d.place_path);
    const status = nextDisputeStatus(action, d.status, outcome);
    if (!status) throw new AppError('ACTION_NOT_ALLOWED', { state: d.status, action });
    const now = deps.clock.now();
    const { note } = await handler(trx, d, now);
    await repo.updateDispute(trx, id, { status, updated_at: now });
    await repo.insertEvent(trx, {
      id: newId(),
      tenant_id: d.tenant_id,
      dispute_id: id,
      kind: action,
      note,
      actor_name: actor.displayName,
      at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: `dispute.${action}`,
        entityType: 'dispute',
        entityId: id,
        tenantId: d.tenant_id,
        before: { status: d.status },
        after: { status },
      },
      now,
    );
    return { id, status };
  });
}

const outcomeNotes: Record<MediationOutcome, string> = {
  agreed: '达成协议',
  not_agreed: '未达成协议',
  adjourned: '择日再调',
};

/** 调解: a session with its record and outcome; an agreement needs its text and PNG signatures. */
export const mediate = (deps: DisputesDeps, actor: Actor, id: string, input: MediationInputT) =>
  transition(
    deps,
    actor,
    id,
    'mediate',
    async (trx, d, now) => {
      if (input.outcome === 'agreed' && !input.agreementText) throw invalid('agreementText', 'agreementText');
      const files = await attachableFiles(trx, actor, input.signatureFileIds, { field: 'signatureFileIds' });
      if (files.some((f) => f.mime !== 'image/png')) throw invalid('signatureFileIds', 'signaturesPng');
      await repo.insertSession(trx, {
        id: newId(),
        tenant_id: d.tenant_id,
        dispute_id: d.id,
        held_at: now,
        mediators: input.mediators,
        legal_advisers: input.legalAdvisers,
        record: input.record,
        outcome: input.outcome,
        agreement_text: input.agreementText ?? null,
        signature_file_ids: input.signatureFileIds,
        created_by: actor.userId,
        created_at: now,
      });
      return { note: `${input.mediators.join('、')}主持调解：${outcomeNotes[input.outcome]}` };
    },
    input.outcome,
  );

/** 回访: a visit after the agreement or the handover; the state stays. */
export const followup = (deps: DisputesDeps, actor: Actor, id: string, note: string) =>
  transition(deps, actor, id, 'followup', async () => ({ note }));

/** 移交: to the justice office or the court. */
export const handover = (deps: DisputesDeps, actor: Actor, id: string, to: HandoverTarget, note: string) =>
  transition(deps, actor, id, 'handover', async (trx, d) => {
    await repo.updateDispute(trx, d.id, { handed_to: to });
    return { note: `移交${to === 'court' ? '人民法院' : '司法所'}：${note}` };
  });

/** 结案. */
export const close = (deps: DisputesDeps, actor: Actor, id: string, note: string) =>
  transition(deps, actor, id, 'close', async () => ({ note }));
