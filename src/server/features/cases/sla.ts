import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Clock as TimeSource } from '../../platform/clock.js';
import type { CaseRow, Database } from '../../platform/db/schema.js';
import { defineDeadlineJob, shanghaiMinute, watchDeadline, type DeadlineAlarm } from '../../platform/deadlines.js';
import { newId } from '../../platform/ids.js';
import { defineJob, queueJob } from '../../platform/jobs.js';
import { smsUsers, superiorUserIds } from '../../platform/notify/recipients.js';
import type { Clock } from './lifecycle.js';
import { assigneeUserIds, onDutyUserIds, type NoticeDeps } from './notices.js';
import * as repo from './repository.js';

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
const rank = { ok: 0, yellow: 1, red: 2 } as const;

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

/** Who must act (on duty before dispatch, the assignee after); a red alarm also tells their superiors. */
async function alarmRecipients(trx: Trx, c: CaseRow, which: Clock, level: 'yellow' | 'red', now: Date) {
  const responsible =
    which === 'firstContact' || which === 'dispatch' ? await onDutyUserIds(trx, c, now) : await assigneeUserIds(trx, c);
  return level === 'red' ? [...new Set([...responsible, ...(await superiorUserIds(trx, c.place_path))])] : responsible;
}

/** The alarm rings: mark the case yellow or red, escalate a red take/resolve, and text who must act. */
export async function raiseAlarm(trx: Trx, deps: NoticeDeps, alarm: DeadlineAlarm, now: Date) {
  const { id: caseId, due, level } = alarm;
  const which = alarm.clock as Clock;
  const c = await repo.lockCase(trx, caseId);
  if (!c || !stillRuns(c, which, due)) return;
  const newLevel = rank[level] > rank[c.sla_level] ? level : c.sla_level;
  const escalate = level === 'red' && (which === 'take' || which === 'resolve') && c.escalation_level < 2;
  await repo.updateCase(trx, caseId, {
    sla_level: newLevel,
    escalation_level: escalate ? c.escalation_level + 1 : c.escalation_level,
    updated_at: now,
  });
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: c.tenant_id,
    case_id: c.id,
    action: level === 'red' ? 'overdue' : 'warning',
    from_state: c.state,
    to_state: c.state,
    actor_id: null,
    actor_name: '系统',
    note: `${clockLabel[which]}${level === 'red' ? '已超时' : '即将超时'}`,
    data: JSON.stringify({ clock: which, due, escalated: escalate }),
    at: now,
  });
  const recipients = await alarmRecipients(trx, c, which, level, now);
  await smsUsers(
    trx,
    deps,
    { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id },
    recipients,
    level === 'red' ? 'sla_overdue' : 'sla_warning',
    {
      code: c.tracking_code,
      clock: clockLabel[which],
      deadline: shanghaiMinute(due),
      level: escalate ? (c.escalation_level === 0 ? '街道' : '区县') : '上级',
    },
    `sla:${caseId}:${which}:${due}:${level}`,
  );
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
