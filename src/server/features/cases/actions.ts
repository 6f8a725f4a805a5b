import { createHash } from 'node:crypto';
import type { Transaction, Updateable } from 'kysely';
import { textLength } from '../../../shared/text.js';
import { recordAudit } from '../../platform/audit.js';
import type { CaseRow, CasesTable, Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { can, systemActor, type Actor } from '../../platform/policy.js';
import { attachableFiles } from '../files/access.js';
import { canReadCase } from '../../platform/case-access.js';
import { partiesOf } from './policy.js';
import { addDeadline, shanghaiMinute } from '../../platform/deadlines.js';
import { findTransition, nextState, type CaseAction, type CaseState, type Clock, type Party } from './lifecycle.js';
import { assigneeUserIds, smsReporter, trackingLink } from './notices.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import { summarize } from '../../../shared/text.js';
import * as repo from './repository.js';
import type { ActionInputT } from './schemas.js';
import type { CasesDeps } from './service.js';
import { dueColumn, runningClocks, scheduleAutoClose, watchDeadline } from './sla.js';
import { applyCaseChange } from '../stats/rollup.js';

// One function takes every action: look the row up in the transition table, check the input the
// action needs, apply it, start and stop the clocks the row names, write the timeline, audit, notify.

type Trx = Transaction<Database>;
export interface Performer {
  actor: Actor;
  parties: Party[];
  name: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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
    if (transition.needsReason && textLength(reason) < 2)
      throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'reason', message: 'a reason is required' }] });
    const now = clock.now();
    const next = nextState(transition, state, c.suspended_from as CaseState | null);
    const changes: Updateable<CasesTable> = { state: next, updated_at: now };
    const category = c.category_code ? (await repo.categories(trx)).find((k) => k.code === c.category_code) : undefined;
    const calendar = await repo.calendar(trx);
    const data: Record<string, unknown> = {};
    let token: string | undefined;
    const starts = new Map<Clock, Date>();

    switch (action) {
      case 'accept':
        changes.accepted_at = now;
        break;
      case 'reject':
        changes.valid = false;
        data.kind = input.kind ?? 'invalid';
        if (input.duplicateOf) {
          // The case it repeats must be one the actor can read: another community's code reads as unknown.
          const original = await repo.findByTrackingCode(trx, input.duplicateOf.trim().toUpperCase());
          if (!original || !canReadCase(who.actor, original))
            throw new AppError('NOT_FOUND', { duplicateOf: input.duplicateOf });
          data.duplicateOf = input.duplicateOf;
        }
        break;
      case 'contact':
        if (!c.first_contact_at) {
          changes.first_contact_at = now;
          changes.first_contact_on_time = c.first_contact_due_at ? now <= new Date(c.first_contact_due_at) : true;
        }
        break;
      case 'dispatch': {
        if (!input.target)
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'target', message: 'choose whom to send it to' }],
          });
        const assignee = await resolveTarget(trx, c, input.target);
        Object.assign(changes, {
          assignee_kind: input.target.kind,
          assignee_user_id: assignee.userId,
          assignee_department_id: assignee.departmentId,
          assignee_name: assignee.name,
          dispatched_at: now,
          taken_at: null,
        });
        starts.set('take', addDeadline(now, category?.take_minutes ?? 60, false, calendar));
        starts.set(
          'resolve',
          addDeadline(
            now,
            (input.resolveHours ?? category?.resolve_hours ?? 72) * 60,
            category?.business_days ?? false,
            calendar,
          ),
        );
        data.assignee = assignee.name;
        break;
      }
      case 'take':
        changes.taken_at = now;
        break;
      case 'return':
        Object.assign(changes, {
          assignee_kind: null,
          assignee_user_id: null,
          assignee_department_id: null,
          assignee_name: null,
        });
        starts.set(
          'dispatch',
          addDeadline(now, category?.dispatch_minutes ?? 120, category?.business_days ?? false, calendar),
        );
        data.from = c.assignee_name;
        break;
      case 'suspend':
        Object.assign(changes, { suspended_from: state, suspended_at: now });
        break;
      case 'resume': {
        // The clock stood still while suspended: every running deadline moves by the pause.
        const paused = now.getTime() - new Date(c.suspended_at ?? now).getTime();
        Object.assign(changes, { suspended_from: null, suspended_at: null });
        for (const k of runningClocks(c)) starts.set(k, new Date(new Date(c[dueColumn[k]]!).getTime() + paused));
        data.pausedMinutes = Math.round(paused / 60_000);
        break;
      }
      case 'requestExtension':
        if (!input.extensionHours)
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'extensionHours', message: 'how many hours more' }],
          });
        changes.extension_requested_hours = input.extensionHours;
        data.hours = input.extensionHours;
        break;
      case 'approveExtension': {
        const hours = input.extensionHours ?? c.extension_requested_hours;
        if (!hours)
          throw new AppError('CASE_ACTION_NOT_ALLOWED', { state, action, reason: 'no extension was requested' });
        const base = new Date(c.resolve_due_at ?? now);
        starts.set('resolve', addDeadline(base, hours * 60, category?.business_days ?? false, calendar));
        Object.assign(changes, { extension_requested_hours: null, sla_level: 'ok' });
        data.hours = hours;
        break;
      }
      case 'escalate':
        if (c.escalation_level >= 2)
          throw new AppError('CASE_ACTION_NOT_ALLOWED', { state, action, reason: 'already at the county' });
        changes.escalation_level = c.escalation_level + 1;
        data.level = c.escalation_level + 1;
        break;
      case 'resolve': {
        const result = input.result?.trim() ?? '';
        if (textLength(result) < 2)
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'result', message: 'describe what was done' }] });
        await attachableFiles(trx, who.actor, input.photoIds ?? [], { field: 'photoIds' });
        token = randomToken(18);
        Object.assign(changes, {
          result_text: result,
          result_photo_ids: input.photoIds ?? [],
          resolved_at: now,
          rating_token_hash: hashToken(token),
          resolved_on_time: c.resolve_due_at ? now <= new Date(c.resolve_due_at) : true,
        });
        break;
      }
      case 'rateReopen':
      case 'rateEscalate':
        // Back to the dispatcher, who must send it again in time.
        starts.set(
          'dispatch',
          addDeadline(now, category?.dispatch_minutes ?? 120, category?.business_days ?? false, calendar),
        );
        break;
      case 'rateSatisfied':
        break; // the rating columns are set by rate(), which picks the action
      case 'callback':
        data.note = input.note ?? '';
        break;
      case 'close':
        changes.closed_at = now;
        break;
    }
    for (const k of transition.stops ?? []) changes[dueColumn[k]] = null;
    if (transition.stops?.length || transition.starts?.length)
      changes.sla_level = action === 'resume' ? c.sla_level : 'ok';
    for (const k of transition.starts ?? []) if (!starts.has(k)) throw new Error(`no deadline computed for ${k}`);
    for (const [k, due] of starts) changes[dueColumn[k]] = due;
    if (action === 'rateSatisfied') changes.closed_at = now;

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
    for (const [k, due] of starts) await watchDeadline(trx, clock, c.id, k, now, due);
    const updated = { ...c, ...changes } as CaseRow;
    if (action === 'dispatch') {
      const deadline = shanghaiMinute(updated.resolve_due_at!);
      await smsUsers(
        trx,
        deps,
        { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id },
        await assigneeUserIds(trx, updated),
        'case_dispatched',
        { code: c.tracking_code, summary: summarize(c.description), deadline },
        `dispatch:${c.id}:${now.toISOString()}`,
      );
    }
    if (action === 'resolve') {
      await smsReporter(
        trx,
        deps,
        updated,
        'case_resolved',
        {
          code: c.tracking_code,
          result: summarize(input.result!, 40),
          link: trackingLink(deps, c.tracking_code, token),
        },
        `resolved:${c.id}:${now.toISOString()}`,
      );
      await scheduleAutoClose(trx, clock, c.id, now);
    }
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
    return { state: next, token };
  }

  async function resolveTarget(trx: Trx, c: CaseRow, target: { kind: 'user' | 'department'; id: string }) {
    if (target.kind === 'department') {
      const dept = await repo.department(trx, target.id);
      if (!dept || dept.tenant_id !== c.tenant_id)
        throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'target', message: 'unknown department' }] });
      return { userId: null, departmentId: dept.id, name: dept.name };
    }
    const rows = await repo.userMemberships(trx, target.id);
    const community = c.place_path.split('/').find((p) => /^\d{12}$/.test(p));
    const fits = rows.find(
      (r) =>
        r.path &&
        community &&
        ['grid_worker', 'community_worker'].includes(r.role) &&
        r.path.includes(`/${community}/`),
    );
    if (!fits)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'target', message: 'this person does not work in the case’s community' }],
      });
    return { userId: fits.id, departmentId: null, name: fits.display_name };
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
        await trx
          .updateTable('cases')
          .set({
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
          })
          .where('id', '=', c.id)
          .execute();
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
