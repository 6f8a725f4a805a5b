import { recordAudit } from '../../../platform/audit.js';
import { AppError, invalid } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { applyApplicationRow, type StepContext } from './act.js';
import { pauseClocks } from './clocks.js';
import type { ApplicationsDeps } from './deps.js';
import {
  findApplicationTransition,
  findPartTransition,
  settledOutcome,
  type PartState,
  type PartTransition,
  type RequestedPartAction,
} from './lifecycle.js';
import { partPartiesOf } from './policy.js';
import * as repo from './repository.js';
import type { PartActionInputT } from './schemas.js';
import { recordEvent } from './timeline.js';

// A part's review by its handler (审核): take, approve, refuse with the reason, or ask for 补正 —
// which pauses every clock of the application and puts it back to the applicant. When no part is
// left open the application is settled: approved when one part is, refused when all are.

const actionNames: Record<RequestedPartAction, string> = {
  take: '接件审核',
  approve: '审核通过',
  refuse: '不予办理',
  supplement: '要求补正',
};

type Parts = StepContext['parts'];

/** What the application does after a part's step, by the row's `application` column; returns its state. */
async function followApplication(ctx: StepContext, t: PartTransition, partId: string, note: string) {
  const { trx, a, parts, now } = ctx;
  const follow = async (
    action: 'startReview' | 'supplement' | 'conclude' | 'concludeRefused',
    changes = {},
    sms?: Record<string, string>,
  ) => {
    const row = findApplicationTransition(a.state, action, ['system']);
    return row ? applyApplicationRow(ctx, row, changes, sms?.note ?? sms?.reason ?? '', sms) : a.state;
  };
  if (t.application === 'startReview') return follow('startReview');
  if (t.application === 'supplement') {
    await pauseClocks(trx, parts, now);
    return follow('supplement', { paused_at: now, supplement_note: note }, { note });
  }
  const outcome = t.application === 'settle' ? settledOutcome(parts) : null;
  if (!outcome) return a.state;
  const reasons = parts
    .filter((x) => x.state === 'refused')
    .map((x) => (x.id === partId ? note : (x.decision_note ?? '')))
    .filter(Boolean)
    .join('；');
  return follow(outcome, { decided_at: now }, outcome === 'concludeRefused' ? { reason: reasons } : undefined);
}

/** The part's own columns after the step. */
function partChanges(
  action: RequestedPartAction,
  to: PartState,
  p: Parts[number],
  actor: Actor,
  note: string,
  now: Date,
) {
  return {
    state: to,
    ...(action === 'take' ? { reviewer_id: actor.userId } : {}),
    ...(action === 'approve' || action === 'refuse'
      ? { decided_at: now, decision_note: note || null, reviewer_id: p.reviewer_id ?? actor.userId }
      : {}),
    updated_at: now,
  };
}

export async function actOnPart(
  deps: ApplicationsDeps,
  actor: Actor,
  partId: string,
  action: RequestedPartAction,
  input: PartActionInputT,
) {
  return deps.db.transaction().execute(async (trx) => {
    const seen = await repo.findPart(trx, partId);
    if (!seen || !partPartiesOf(actor, seen).length) throw new AppError('NOT_FOUND');
    const a = (await repo.lockApplication(trx, seen.application_id))!;
    const parts = await repo.lockPartsOf(trx, a.id);
    const p = parts.find((x) => x.id === partId)!;
    const t = findPartTransition(p.state, action, partPartiesOf(actor, p));
    // While the application waits for 补正 nobody reviews: its clocks stand still.
    if (!t || !['accepted', 'in_review'].includes(a.state))
      throw new AppError('ACTION_NOT_ALLOWED', { state: p.state, applicationState: a.state, action });
    const note = input.note?.trim() ?? '';
    if (t.needsNote && !note) throw invalid('note', 'reasonRequired');
    const now = deps.clock.now();
    const to = t.to as PartState;
    const changes = partChanges(action, to, p, actor, note, now);
    await repo.updatePart(trx, p.id, changes);
    const item = (await repo.itemsByIds(trx, [p.item_id]))[0];
    const said = `${item?.name ?? ''}${actionNames[action]}${note ? `：${note}` : ''}`;
    await recordEvent(trx, a, { action, from: p.state, to, partId: p.id, note: said }, actor, now);
    const after = parts.map((x) => (x.id === p.id ? { ...x, ...changes } : x));
    const ctx: StepContext = { trx, deps, actor, a, parts: after, input: {}, now, byClerk: false };
    const applicationState = await followApplication(ctx, t, p.id, note);
    await recordAudit(
      trx,
      actor,
      {
        action: `serviceApplicationPart.${action}`,
        entityType: 'service_application_part',
        entityId: p.id,
        tenantId: a.tenant_id,
        before: { state: p.state },
        after: { state: to, note, applicationState },
      },
      now,
    );
    return { id: p.id, state: to, applicationState };
  });
}
