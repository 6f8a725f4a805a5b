import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Clock as TimeSource } from '../../platform/clock.js';
import type { CaseRow, Database } from '../../platform/db/schema.js';
import { defineDeadlineJob, shanghaiMinute, watchDeadline, type DeadlineAlarm } from '../../platform/deadlines.js';
import { newId } from '../../platform/ids.js';
import { defineJob, queueJob } from '../../platform/jobs.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import type { Clock } from './lifecycle.js';
import {
  levelRecipients,
  planClimb,
  responsibleUserIds,
  supervisorName,
  topLevel,
  type EscalationLevel,
} from './escalation.js';
import type { NoticeDeps } from './notices.js';
import * as repo from './repository.js';
import { displayNames } from './supervision/repository.js';

// Watched deadlines of a case (限时督办), through the platform's deadline watcher: when a clock
// starts, a yellow alarm is queued at 80 % of the time and a red one at the deadline. An alarm acts
// only if its clock still runs with the same deadline, so stopped, moved or paused clocks make old
// alarms harmless; dedupe keys make each (case, clock, deadline, level) happen once.

type Trx = Transaction<Database>;

export const dueColumn: Record<Clock, 'first_contact_due_at' | 'dispatch_due_at' | 'take_due_at' | 'resolve_due_at'> = {
  firstContact: 'first_contact_due_at',
  dispatch: 'dispatch_due_at',
  take: 'take_due_at',
  resolve: 'resolve_due_at',
};

export const runningClocks = (c: CaseRow): Clock[] =>
  (Object.keys(dueColumn) as Clock[]).filter((k) => c[dueColumn[k]] !== null);

const clockLabel: Record<Clock, string> = { firstContact: '首次联系', dispatch: '派单', take: '接单', resolve: '办结' };

// The kinds and payloads are declared here, where clocks start; their handlers need the SMS deps
// (and the lifecycle, for closing), so `casesJobs(deps)` in jobs.ts registers them with those.
const unbound = (kind: string) => async () => {
  throw new Error(`${kind} runs with its deps: register casesJobs(deps)`);
};
export const caseSlaAlarm = defineDeadlineJob('case.sla', unbound('case.sla'));
export const caseAutoClose = defineJob({
  kind: 'case.autoClose',
  payload: z.object({ caseId: z.string().min(1), resolvedAt: z.iso.datetime() }),
  handler: unbound('case.autoClose'),
});
export type CaseAutoClosePayload = z.infer<typeof caseAutoClose.payload>;

/** Queues the yellow and red alarms of one case clock, in the caller's transaction. */
export const watchCaseClock = (trx: Trx, clock: TimeSource, caseId: string, which: Clock, start: Date, due: Date) =>
  watchDeadline(trx, clock, caseSlaAlarm, { id: caseId, clock: which, start, due });

/** A resolved case nobody rated closes a week later. */
export async function scheduleAutoClose(trx: Trx, clock: TimeSource, caseId: string, resolvedAt: Date) {
  const runAt = new Date(resolvedAt.getTime() + 7 * 86_400_000);
  await queueJob(
    trx,
    clock,
    caseAutoClose,
    { caseId, resolvedAt: resolvedAt.toISOString() },
    { runAt, dedupeKey: `autoclose:${caseId}:${resolvedAt.toISOString()}` },
  );
}

/** The clock still runs with the deadline the alarm was queued for, on a case someone works. */
function stillRuns(c: CaseRow, which: Clock, due: string): boolean {
  const current = c[dueColumn[which]];
  return (
    current !== null &&
    new Date(current).toISOString() === due &&
    !['suspended', 'resolved', 'closed', 'rejected'].includes(c.state)
  );
}

/** How long the missed clock ran: the category's time for it; another feature's clock gets a day. */
async function clockMinutes(trx: Trx, c: CaseRow, which: Clock): Promise<number> {
  const category = c.category_code ? (await repo.categories(trx)).find((k) => k.code === c.category_code) : undefined;
  const minutes: Record<Clock, number> = {
    firstContact: category?.first_contact_minutes ?? 30,
    dispatch: category?.dispatch_minutes ?? 120,
    take: category?.take_minutes ?? 60,
    resolve: (category?.resolve_hours ?? 72) * 60,
  };
  return minutes[which] ?? 24 * 60;
}

/** A running supervision period: a level is still watching the case, so a new red does not climb. */
const supervising = (c: CaseRow, now: Date) => c.supervision_due_at !== null && new Date(c.supervision_due_at) > now;

/** Yellow: tell whoever must act (on duty before dispatch, the assignee after). */
async function warn(trx: Trx, deps: NoticeDeps, c: CaseRow, which: Clock, due: string, now: Date) {
  await repo.updateCase(trx, c.id, { sla_level: c.sla_level === 'red' ? 'red' : 'yellow', updated_at: now });
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: c.tenant_id,
    case_id: c.id,
    action: 'warning',
    from_state: c.state,
    to_state: c.state,
    actor_id: null,
    actor_name: '系统',
    note: `${clockLabel[which]}即将超时`,
    data: JSON.stringify({ clock: which, due, escalated: false }),
    at: now,
  });
  await smsUsers(
    trx,
    deps,
    { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id },
    await responsibleUserIds(trx, c, now),
    'sla_warning',
    { code: c.tracking_code, clock: clockLabel[which], deadline: shanghaiMinute(due), level: '上级' },
    `sla:${c.id}:${which}:${due}:yellow`,
  );
}

/**
 * Red: the case climbs one level of the escalation chain (escalation.ts) unless a level is already
 * supervising it; then only that level's people are told again. Never more than one level at once.
 */
async function overdue(trx: Trx, deps: NoticeDeps, c: CaseRow, which: Clock, due: string, now: Date) {
  const missed = `的${clockLabel[which]}已超时（${shanghaiMinute(due)}）`;
  const climb = supervising(c, now)
    ? null
    : await planClimb(
        trx,
        deps,
        c,
        { kind: 'late', why: missed, missedMinutes: await clockMinutes(trx, c, which), due },
        now,
      );
  const overdueSince = c.sla_level === 'red' && c.overdue_since ? c.overdue_since : new Date(due);
  await repo.updateCase(trx, c.id, {
    sla_level: 'red',
    overdue_since: overdueSince,
    updated_at: now,
    ...climb?.changes,
  });
  const level = climb ? climb.level : (Math.min(c.escalation_level, topLevel) as EscalationLevel);
  const recipients = climb ? [] : await levelRecipients(trx, c, level, now);
  const supervisor = climb ? climb.supervisor : await supervisorName(trx, c, level);
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: c.tenant_id,
    case_id: c.id,
    action: 'overdue',
    from_state: c.state,
    to_state: c.state,
    actor_id: null,
    actor_name: '系统',
    note: `${clockLabel[which]}已超时${climb ? `，上报${climb.supervisor}督办` : ''}`,
    data: JSON.stringify({
      clock: which,
      due,
      escalated: climb !== null,
      ...(climb ? climb.data : { level, supervisor, told: await displayNames(trx, recipients) }),
    }),
    at: now,
  });
  if (climb) return climb.announce({ ...c, ...climb.changes } as CaseRow);
  await smsUsers(
    trx,
    deps,
    { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id },
    recipients,
    'sla_overdue',
    { code: c.tracking_code, clock: clockLabel[which], deadline: shanghaiMinute(due), level: supervisor },
    `sla:${c.id}:${which}:${due}:red`,
  );
}

/** The alarm rings on a clock that still runs: a yellow warning, or a red overdue that escalates. */
export async function raiseAlarm(trx: Trx, deps: NoticeDeps, alarm: DeadlineAlarm, now: Date) {
  const which = alarm.clock as Clock;
  const c = await repo.lockCase(trx, alarm.id);
  if (!c || !stillRuns(c, which, alarm.due)) return;
  if (alarm.level === 'yellow') await warn(trx, deps, c, which, alarm.due, now);
  else await overdue(trx, deps, c, which, alarm.due, now);
}

/** Still resolved at the same moment and not rated: hand it to `close`. */
export async function closeUnrated(
  trx: Trx,
  payload: CaseAutoClosePayload,
  close: (trx: Trx, caseId: string) => Promise<void>,
) {
  const c = await repo.resolutionOf(trx, payload.caseId);
  if (!c || c.state !== 'resolved' || !c.resolved_at || new Date(c.resolved_at).toISOString() !== payload.resolvedAt)
    return;
  await close(trx, payload.caseId);
}
