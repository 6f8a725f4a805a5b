import type { Updateable } from 'kysely';
import { textLength } from '../../../shared/text.js';
import { recordAudit } from '../../platform/audit.js';
import { canReadCase } from '../../platform/case-access.js';
import type { CaseRow, CasesTable } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { can, systemActor, type Actor } from '../../platform/policy.js';
import { workdayCalendar } from '../calendar/index.js';
import { applyCaseChange } from '../stats/index.js';
import { hashToken, type ActionEffect, type Performer, type Trx } from './actions/context.js';
import { actionHandlers } from './actions/handlers.js';
import {
  findTransition,
  nextState,
  type CaseAction,
  type CaseState,
  type Clock,
  type Transition,
} from './lifecycle.js';
import { partiesOf } from './policy.js';
import * as repo from './repository.js';
import type { ActionInputT } from './schemas.js';
import type { CasesDeps } from './deps.js';
import { dueColumn, watchCaseClock } from './sla.js';

// One function takes every action: look the row up in the transition table, check the reason the
// row asks for, run the row's handler (actions/handlers.ts), stop and start the clocks the row
// names, write the timeline, audit, and send the handler's notices.

/** The row that allows the action, and the reason it asks for. */
function allowedRow(c: CaseRow, action: CaseAction, input: ActionInputT, who: Performer) {
  const state = c.state as CaseState;
  const transition = findTransition(state, action, who.parties);
  if (!transition) throw new AppError('CASE_ACTION_NOT_ALLOWED', { state, action });
  const reason = input.reason?.trim() ?? '';
  if (transition.needsReason && textLength(reason) < 2) throw invalid('reason', 'reasonRequired');
  return { state, transition, reason };
}

/** The deadline columns: the row's clocks stop, the handler's start; a level restarts when clocks change. */
function clockChanges(transition: Transition, starts: Map<Clock, Date>, c: CaseRow, action: CaseAction) {
  const changes: Updateable<CasesTable> = {};
  for (const k of transition.stops ?? []) changes[dueColumn[k]] = null;
  if (transition.stops?.length || transition.starts?.length)
    changes.sla_level = action === 'resume' ? c.sla_level : 'ok';
  for (const k of transition.starts ?? []) if (!starts.has(k)) throw new Error(`no deadline computed for ${k}`);
  for (const [k, due] of starts) changes[dueColumn[k]] = due;
  return changes;
}

async function runHandler(
  deps: CasesDeps,
  trx: Trx,
  c: CaseRow,
  row: { state: CaseState; transition: Transition },
  input: ActionInputT,
  who: Performer,
  now: Date,
): Promise<ActionEffect> {
  // The limits the case was filed under, not today's: a category edited since reaches new cases only.
  const category = c.category_code ? await repo.categoryAsFiled(trx, c.category_code, c.category_version) : undefined;
  const calendar = await workdayCalendar(trx, c.tenant_id);
  const context = { trx, deps, c, state: row.state, input, who, now, category, calendar };
  return actionHandlers[row.transition.handler](context);
}

export async function applyAction(
  deps: CasesDeps,
  trx: Trx,
  c: CaseRow,
  action: CaseAction,
  input: ActionInputT,
  who: Performer,
): Promise<{ state: CaseState; token?: string }> {
  const { state, transition, reason } = allowedRow(c, action, input, who);
  const now = deps.clock.now();
  const next = nextState(transition, state, c.suspended_from as CaseState | null, c.verify_required);
  const effect = await runHandler(deps, trx, c, { state, transition }, input, who, now);
  const starts = new Map(effect.starts ?? []);
  const changes: Updateable<CasesTable> = {
    state: next,
    updated_at: now,
    ...effect.changes,
    ...clockChanges(transition, starts, c, action),
  };
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
  for (const [k, due] of starts) await watchCaseClock(trx, deps.clock, c.id, k, now, due);
  await effect.after?.({ ...c, ...changes } as CaseRow);
  await applyCaseChange(trx, c, (await repo.findCase(trx, c.id))!);
  const audit = { action: `case.${action}`, entityType: 'case', entityId: c.id, tenantId: c.tenant_id };
  await recordAudit(trx, who.actor, { ...audit, before: { state }, after: { state: next, ...data } }, now);
  return { state: next, token: effect.token };
}

/** A staff member takes an action on a case they can see. */
export async function act(deps: CasesDeps, actor: Actor, caseId: string, action: CaseAction, input: ActionInputT) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await repo.lockCase(trx, caseId);
    if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
    const parties = partiesOf(actor, c, await repo.enteredBy(trx, c.id));
    if (parties.length === 0 && !can(actor, 'cases:handle')) throw new AppError('FORBIDDEN');
    const result = await applyAction(deps, trx, c, action, input, { actor, parties, name: actor.displayName });
    return { id: c.id, state: result.state };
  });
}

type Rating = { rating: 'satisfied' | 'basic' | 'unsatisfied'; solved: boolean; comment: string };

/** The rating columns; not satisfied also takes the case back from its assignee and voids the link. */
function ratingChanges(c: CaseRow, action: CaseAction, rating: Rating, now: Date): Updateable<CasesTable> {
  return {
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
          assignee_team_id: null,
          assignee_name: null,
          rating_token_hash: null,
        }),
  };
}

/**
 * The reporter rates the result: satisfied closes; not satisfied reopens once, then escalates.
 * Proof is the token of the SMS link or a session of the phone the report was made with
 * (`userId`); the last 4 digits of the phone are not enough — every case worker sees them.
 */
export async function rate(
  deps: CasesDeps,
  trackingCode: string,
  proof: { token?: string; userId?: string | null },
  rating: Rating,
) {
  const phoneHash = proof.userId ? await repo.provenPhoneHash(deps.db, proof.userId) : null;
  if (!proof.token && !phoneHash) throw new AppError('CASE_RATING_PROOF_REQUIRED');
  return deps.db.transaction().execute(async (trx) => {
    const found = await repo.findByTrackingCode(trx, trackingCode);
    const c = found ? await repo.lockCase(trx, found.id) : undefined;
    const proven =
      c &&
      ((proof.token && c.rating_token_hash === hashToken(proof.token)) ||
        (phoneHash && c.reporter_phone_hash === phoneHash));
    if (!c || !proven) throw new AppError('NOT_FOUND');
    const action: CaseAction =
      rating.rating !== 'unsatisfied' ? 'rateSatisfied' : c.reopen_count === 0 ? 'rateReopen' : 'rateEscalate';
    await repo.updateCase(trx, c.id, ratingChanges(c, action, rating, deps.clock.now()));
    const result = await applyAction(
      deps,
      trx,
      c,
      action,
      { note: rating.comment || undefined },
      { actor: systemActor(), parties: ['reporter'], name: c.reporter_name || '反映人' },
    );
    return { state: result.state };
  });
}

/** Auto-close a week after resolution when nobody rated. */
export async function autoClose(deps: CasesDeps, trx: Trx, caseId: string) {
  const c = await repo.lockCase(trx, caseId);
  if (!c) return;
  await applyAction(
    deps,
    trx,
    c,
    'close',
    { note: '7天未评价，自动归档' },
    { actor: systemActor(), parties: ['system'], name: '系统' },
  );
}

export function createActions(deps: CasesDeps) {
  return {
    apply: (trx: Trx, c: CaseRow, action: CaseAction, input: ActionInputT, who: Performer) =>
      applyAction(deps, trx, c, action, input, who),
    act: (actor: Actor, caseId: string, action: CaseAction, input: ActionInputT) =>
      act(deps, actor, caseId, action, input),
    rate: (trackingCode: string, proof: { token?: string; userId?: string | null }, rating: Rating) =>
      rate(deps, trackingCode, proof, rating),
    autoClose: (trx: Trx, caseId: string) => autoClose(deps, trx, caseId),
  };
}

export type CaseActions = ReturnType<typeof createActions>;
