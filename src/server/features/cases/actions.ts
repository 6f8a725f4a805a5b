import type { Updateable } from 'kysely';
import { textLength } from '../../../shared/text.js';
import { recordAudit } from '../../platform/audit.js';
import { canReadCase } from '../../platform/case-access.js';
import type { CaseRow, CasesTable } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { can, systemActor, type Actor } from '../../platform/policy.js';
import { applyCaseChange } from '../stats/rollup.js';
import { hashToken, type Performer, type Trx } from './actions/context.js';
import { actionHandlers } from './actions/handlers.js';
import { findTransition, nextState, type CaseAction, type CaseState } from './lifecycle.js';
import { partiesOf } from './policy.js';
import * as repo from './repository.js';
import type { ActionInputT } from './schemas.js';
import type { CasesDeps } from './deps.js';
import { dueColumn, watchCaseClock } from './sla.js';

// One function takes every action: look the row up in the transition table, check the reason the
// row asks for, run the row's handler (actions/handlers.ts), stop and start the clocks the row
// names, write the timeline, audit, and send the handler's notices.

export function createActions(deps: CasesDeps) {
  const { db, clock } = deps;

  async function apply(
    trx: Trx,
    c: CaseRow,
    action: CaseAction,
    input: ActionInputT,
    who: Performer,
  ): Promise<{ state: CaseState; token?: string }> {
    const state = c.state as CaseState;
    const transition = findTransition(state, action, who.parties);
    if (!transition) throw new AppError('CASE_ACTION_NOT_ALLOWED', { state, action });
    const reason = input.reason?.trim() ?? '';
    if (transition.needsReason && textLength(reason) < 2) throw invalid('reason', 'reasonRequired');
    const now = clock.now();
    const next = nextState(transition, state, c.suspended_from as CaseState | null);
    const category = c.category_code ? (await repo.categories(trx)).find((k) => k.code === c.category_code) : undefined;
    const calendar = await repo.calendar(trx);
    const effect = await actionHandlers[transition.handler]({
      trx,
      deps,
      c,
      state,
      input,
      who,
      now,
      category,
      calendar,
    });
    const starts = new Map(effect.starts ?? []);
    const changes: Updateable<CasesTable> = { state: next, updated_at: now, ...effect.changes };
    for (const k of transition.stops ?? []) changes[dueColumn[k]] = null;
    if (transition.stops?.length || transition.starts?.length)
      changes.sla_level = action === 'resume' ? c.sla_level : 'ok';
    for (const k of transition.starts ?? []) if (!starts.has(k)) throw new Error(`no deadline computed for ${k}`);
    for (const [k, due] of starts) changes[dueColumn[k]] = due;
    const data = effect.data ?? {};

    await repo.updateCase(trx, c.id, changes);
    await repo.insertEvent(trx, {
      id: newId(),
      tenant_id: c.tenant_id,
      case_id: c.id,
      action,
      from_state: state,
      to_state: next,
      actor_id: who.actor.userId,
      actor_name: who.name,
      note: reason || input.note?.trim() || input.result?.trim() || '',
      data: JSON.stringify(data),
      at: now,
    });
    for (const [k, due] of starts) await watchCaseClock(trx, clock, c.id, k, now, due);
    await effect.after?.({ ...c, ...changes } as CaseRow);
    await applyCaseChange(trx, c, (await repo.findCase(trx, c.id))!);
    await recordAudit(
      trx,
      who.actor,
      {
        action: `case.${action}`,
        entityType: 'case',
        entityId: c.id,
        tenantId: c.tenant_id,
        before: { state },
        after: { state: next, ...data },
      },
      now,
    );
    return { state: next, token: effect.token };
  }

  return {
    apply,

    /** A staff member takes an action on a case they can see. */
    async act(actor: Actor, caseId: string, action: CaseAction, input: ActionInputT) {
      return db.transaction().execute(async (trx) => {
        const c = await repo.lockCase(trx, caseId);
        if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
        const parties = partiesOf(actor, c);
        if (parties.length === 0 && !can(actor, 'cases:handle')) throw new AppError('FORBIDDEN');
        const result = await apply(trx, c, action, input, { actor, parties, name: actor.displayName });
        return { id: c.id, state: result.state };
      });
    },

    /**
     * The reporter rates the result: satisfied closes; not satisfied reopens once, then escalates.
     * Proof is the token of the SMS link or a session of the phone the report was made with
     * (`userId`); the last 4 digits of the phone are not enough — every case worker sees them.
     */
    async rate(
      trackingCode: string,
      proof: { token?: string; userId?: string | null },
      rating: { rating: 'satisfied' | 'basic' | 'unsatisfied'; solved: boolean; comment: string },
    ) {
      const phoneHash = proof.userId ? await repo.provenPhoneHash(db, proof.userId) : null;
      if (!proof.token && !phoneHash) throw new AppError('CASE_RATING_PROOF_REQUIRED');
      return db.transaction().execute(async (trx) => {
        const found = await repo.findByTrackingCode(trx, trackingCode);
        const c = found ? await repo.lockCase(trx, found.id) : undefined;
        const proven =
          c &&
          ((proof.token && c.rating_token_hash === hashToken(proof.token)) ||
            (phoneHash && c.reporter_phone_hash === phoneHash));
        if (!c || !proven) throw new AppError('NOT_FOUND');
        const action: CaseAction =
          rating.rating !== 'unsatisfied' ? 'rateSatisfied' : c.reopen_count === 0 ? 'rateReopen' : 'rateEscalate';
        const now = clock.now();
        await repo.updateCase(trx, c.id, {
          rating: rating.rating,
          rating_solved: rating.solved,
          rating_comment: rating.comment,
          rated_at: now,
          reopen_count: action === 'rateSatisfied' ? c.reopen_count : c.reopen_count + 1,
          escalation_level: action === 'rateEscalate' ? Math.min(2, c.escalation_level + 1) : c.escalation_level,
          ...(action === 'rateSatisfied'
            ? {}
            : {
                assignee_kind: null,
                assignee_user_id: null,
                assignee_department_id: null,
                assignee_name: null,
                rating_token_hash: null,
              }),
        });
        const result = await apply(
          trx,
          c,
          action,
          { note: rating.comment || undefined },
          { actor: systemActor(), parties: ['reporter'], name: c.reporter_name || '反映人' },
        );
        return { state: result.state };
      });
    },

    /** Auto-close a week after resolution when nobody rated. */
    async autoClose(trx: Trx, caseId: string) {
      const c = await repo.lockCase(trx, caseId);
      if (!c) return;
      await apply(
        trx,
        c,
        'close',
        { note: '7天未评价，自动归档' },
        { actor: systemActor(), parties: ['system'], name: '系统' },
      );
    },
  };
}

export type CaseActions = ReturnType<typeof createActions>;
