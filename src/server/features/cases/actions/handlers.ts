import { summarize, textLength } from '../../../../shared/text.js';
import { addDeadline, shanghaiMinute } from '../../../platform/deadlines.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { randomToken } from '../../../platform/ids.js';
import { canReadCase } from '../../../platform/case-access.js';
import { smsUsers } from '../../../platform/notify/recipients.js';
import { attachableFiles } from '../../files/index.js';
import { COMMUNITY, recordDispatchOutcome } from '../../dispatch/index.js';
import { findTransition, nextState, type CaseHandler } from '../lifecycle.js';
import { movedSupervision, planClimb } from '../escalation.js';
import { assigneeUserIds, smsReporter, trackingLink } from '../notices.js';
import * as repo from '../repository.js';
import { caseAutoClose, dueColumn, runningClocks, scheduleAutoClose } from '../sla.js';
import { queueJob } from '../../../platform/jobs.js';
import { hashToken, type ActionContext, type ActionEffect, type ActionHandler } from './context.js';
import { resolveTarget } from './target.js';

// One small function per lifecycle handler (lifecycle.ts names them): what the action sets on the
// case, which deadlines it computes, what the timeline shows, and which notices go out.

const businessDays = (ctx: ActionContext) => ctx.category?.business_days ?? false;

/** The dispatcher must send it (again) in time: the dispatch clock restarts. */
const dispatchDeadline = (ctx: ActionContext): [['dispatch', Date]] => [
  ['dispatch', addDeadline(ctx.now, ctx.category?.dispatch_minutes ?? 120, businessDays(ctx), ctx.calendar)],
];

const markAccepted: ActionHandler = ({ now }) => ({ changes: { accepted_at: now } });

const reject: ActionHandler = async ({ trx, input, who }) => {
  const data: Record<string, unknown> = { kind: input.kind ?? 'invalid' };
  if (input.duplicateOf) {
    // The case it repeats must be one the actor can read: another community's code reads as unknown.
    const original = await repo.findByTrackingCode(trx, input.duplicateOf.trim().toUpperCase());
    if (!original || !canReadCase(who.actor, original))
      throw new AppError('NOT_FOUND', { duplicateOf: input.duplicateOf });
    data.duplicateOf = input.duplicateOf;
  }
  return { changes: { valid: false }, data };
};

const recordContact: ActionHandler = ({ c, now }) =>
  c.first_contact_at
    ? {}
    : {
        changes: {
          first_contact_at: now,
          first_contact_on_time: c.first_contact_due_at ? now <= new Date(c.first_contact_due_at) : true,
        },
      };

const dispatch: ActionHandler = async (ctx) => {
  const { trx, deps, c, input, now, category, calendar } = ctx;
  if (!input.target) throw invalid('target', 'recipientRequired');
  const assignee = await resolveTarget(trx, c, input.target);
  const resolveMinutes = (input.resolveHours ?? category?.resolve_hours ?? 72) * 60;
  // 核查: the dispatcher decides; a volunteer team's home service is checked on site unless told not to.
  const verify = input.verify ?? input.target.kind === 'team';
  return {
    changes: {
      assignee_kind: input.target.kind,
      assignee_user_id: assignee.userId,
      assignee_department_id: assignee.departmentId,
      assignee_team_id: assignee.teamId,
      assignee_name: assignee.name,
      dispatched_at: now,
      taken_at: null,
      verify_required: verify,
    },
    starts: [
      ['take', addDeadline(now, category?.take_minutes ?? 60, false, calendar)],
      ['resolve', addDeadline(now, resolveMinutes, businessDays(ctx), calendar)],
    ],
    data: {
      assignee: assignee.name,
      assigneeKind: input.target.kind,
      holder: assignee.holder,
      ...(verify ? { verify: true } : {}),
    },
    after: async (updated) => {
      await recordDispatchOutcome(trx, {
        caseId: c.id,
        tenantId: c.tenant_id,
        chosen: assignee.departmentId ?? COMMUNITY,
        actor: ctx.who.actor,
        now,
      });
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
    },
  };
};

const markTaken: ActionHandler = ({ now }) => ({ changes: { taken_at: now } });

const returnToDispatcher: ActionHandler = (ctx) => ({
  changes: {
    assignee_kind: null,
    assignee_user_id: null,
    assignee_department_id: null,
    assignee_team_id: null,
    assignee_name: null,
  },
  starts: dispatchDeadline(ctx),
  data: { from: ctx.c.assignee_name },
});

const suspend: ActionHandler = ({ state, now }) => ({ changes: { suspended_from: state, suspended_at: now } });

/** The clock stood still while suspended: every running deadline moves by the pause. */
const resume: ActionHandler = ({ trx, deps, c, now }) => {
  const paused = now.getTime() - new Date(c.suspended_at ?? now).getTime();
  // A 督办 period stood still too: it moves by the pause and is watched again (escalation.ts).
  const supervision = movedSupervision(trx, deps, c, paused);
  return {
    changes: { suspended_from: null, suspended_at: null, ...supervision.changes },
    starts: runningClocks(c).map((k) => [k, new Date(new Date(c[dueColumn[k]]!).getTime() + paused)]),
    data: { pausedMinutes: Math.round(paused / 60_000) },
    after: supervision.after,
  };
};

const requestExtension: ActionHandler = ({ input }) => {
  if (!input.extensionHours) throw invalid('extensionHours', 'extraHours');
  return { changes: { extension_requested_hours: input.extensionHours }, data: { hours: input.extensionHours } };
};

const approveExtension: ActionHandler = (ctx) => {
  const { c, state, input, now, calendar } = ctx;
  const hours = input.extensionHours ?? c.extension_requested_hours;
  if (!hours)
    throw new AppError('CASE_ACTION_NOT_ALLOWED', {
      state,
      action: 'approveExtension',
      reason: 'no extension was requested',
    });
  const base = new Date(c.resolve_due_at ?? now);
  return {
    starts: [['resolve', addDeadline(base, hours * 60, businessDays(ctx), calendar)]],
    changes: { extension_requested_hours: null, sla_level: 'ok' },
    data: { hours },
  };
};

/** 上报: one level up the same chain the deadlines climb (escalation.ts), with its texts and period. */
const escalate: ActionHandler = async ({ trx, deps, c, state, input, who, now }) => {
  const why = `经${who.name}上报（${summarize(input.reason?.trim() ?? '', 30)}）`;
  const climb = await planClimb(trx, deps, c, { kind: 'manual', why }, now);
  if (!climb)
    throw new AppError('CASE_ACTION_NOT_ALLOWED', { state, action: 'escalate', reason: 'already at the county' });
  return { changes: climb.changes, data: climb.data, after: climb.announce };
};

/**
 * The result goes to the reporter: a rating token, the SMS with the tracking link, and the auto-close
 * a week later. Right at resolve, or after the on-site check (核查) when the case needs one.
 */
function toReporter(ctx: ActionContext, resultText: string, resolvedAt: Date): ActionEffect {
  const { trx, deps, c, now } = ctx;
  const token = randomToken(18);
  return {
    changes: { rating_token_hash: hashToken(token) },
    token,
    after: async (updated) => {
      await smsReporter(
        trx,
        deps,
        updated,
        'case_resolved',
        { code: c.tracking_code, result: summarize(resultText, 40), link: trackingLink(deps, c.tracking_code, token) },
        `resolved:${c.id}:${now.toISOString()}`,
      );
      await autoCloseLater(ctx, resolvedAt);
    },
  };
}

/**
 * A week after the reporter was asked, an unrated case closes. The job knows the case by the moment it
 * was resolved; after a check that moment lies before the asking, so the week counts from the check.
 */
async function autoCloseLater({ trx, deps, c, now }: ActionContext, resolvedAt: Date) {
  if (resolvedAt.getTime() === now.getTime()) return scheduleAutoClose(trx, deps.clock, c.id, now);
  const payload = { caseId: c.id, resolvedAt: resolvedAt.toISOString() };
  await queueJob(trx, deps.clock, caseAutoClose, payload, {
    runAt: new Date(now.getTime() + 7 * 86_400_000),
    dedupeKey: `autoclose:${c.id}:${resolvedAt.toISOString()}:checked:${now.toISOString()}`,
  });
}

const resolve: ActionHandler = async (ctx) => {
  const { trx, c, state, input, who, now } = ctx;
  const result = input.result?.trim() ?? '';
  if (textLength(result) < 2) throw invalid('result', 'resultRequired');
  await attachableFiles(trx, who.actor, input.photoIds ?? [], { field: 'photoIds' });
  const changes = {
    result_text: result,
    result_photo_ids: input.photoIds ?? [],
    resolved_at: now,
    resolved_on_time: c.resolve_due_at ? now <= new Date(c.resolve_due_at) : true,
  };
  const row = findTransition(state, 'resolve', who.parties);
  // Waiting for 核查: the reporter hears of the result once it has been checked.
  if (row && nextState(row, state, null, c.verify_required) === 'verifying') return { changes };
  const toResident = toReporter(ctx, result, now);
  return { ...toResident, changes: { ...changes, ...toResident.changes } };
};

/** 核查 passed: what the verifier saw and the photos, then the result goes to the reporter as on resolve. */
const verify: ActionHandler = async (ctx) => {
  const { trx, c, input, who } = ctx;
  const note = input.note?.trim() ?? '';
  if (textLength(note) < 2) throw invalid('note', 'verifyNoteRequired');
  await attachableFiles(trx, who.actor, input.photoIds ?? [], { field: 'photoIds' });
  const toResident = toReporter(ctx, c.result_text ?? note, new Date(c.resolved_at ?? ctx.now));
  return {
    ...toResident,
    changes: { ...toResident.changes, verify_photo_ids: input.photoIds ?? [] },
    data: { photos: (input.photoIds ?? []).length },
  };
};

/** 核查 failed: back to the handler with the reason, and a new resolve deadline of the category's time. */
const failVerification: ActionHandler = async (ctx) => {
  const { trx, deps, c, input, now, category, calendar } = ctx;
  const due = addDeadline(now, (category?.resolve_hours ?? 72) * 60, businessDays(ctx), calendar);
  return {
    changes: { resolved_at: null, resolved_on_time: null },
    starts: [['resolve', due]],
    after: async (updated) => {
      await smsUsers(
        trx,
        deps,
        { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id },
        await assigneeUserIds(trx, updated),
        'case_verify_failed',
        { code: c.tracking_code, reason: summarize(input.reason ?? ''), deadline: shanghaiMinute(due) },
        `failVerify:${c.id}:${now.toISOString()}`,
      );
    },
  };
};

const noteCallback: ActionHandler = ({ input }) => ({ data: { note: input.note ?? '' } });

/** The rating columns are set by rate(), which picks the action; satisfied closes the case. */
const closeRated: ActionHandler = ({ now }) => ({ changes: { closed_at: now } });

/** Not satisfied: back to the dispatcher, who must send it again in time. */
const sendBack: ActionHandler = (ctx) => ({ starts: dispatchDeadline(ctx) });

const close: ActionHandler = ({ now }) => ({ changes: { closed_at: now } });

/** 备注: the note is the timeline's text; an empty one is refused. */
const addNote: ActionHandler = ({ input }) => {
  if (textLength(input.note?.trim() ?? '') < 2) throw invalid('note', 'noteRequired');
  return {};
};

export const actionHandlers: Record<CaseHandler, ActionHandler> = {
  markAccepted,
  reject,
  recordContact,
  dispatch,
  markTaken,
  returnToDispatcher,
  suspend,
  resume,
  requestExtension,
  approveExtension,
  escalate,
  resolve,
  noteCallback,
  closeRated,
  sendBack,
  close,
  addNote,
  verify,
  failVerification,
};
