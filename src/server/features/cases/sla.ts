import type { Transaction } from 'kysely';
import type { Clock as TimeSource } from '../../platform/clock.js';
import type { CaseRow, Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { scheduleJob, type JobRunner } from '../../platform/jobs.js';
import { shanghaiMinute, warningAt } from '../../platform/deadlines.js';
import type { Clock } from './lifecycle.js';
import { assigneeUserIds, onDutyUserIds, type NoticeDeps } from './notices.js';
import { smsUsers, superiorUserIds } from '../../platform/notify/recipients.js';

// Watched deadlines. When a clock starts, two jobs are queued: a yellow warning at 80 % of the
// time and a red mark at the deadline. A job acts only if its clock still runs with the same
// deadline, so stopped, moved or paused clocks make old jobs harmless; dedupe keys make each
// (case, clock, deadline, level) happen once, also across a crash and restart.

type Trx = Transaction<Database>;

export const dueColumn: Record<Clock, 'first_contact_due_at' | 'dispatch_due_at' | 'take_due_at' | 'resolve_due_at'> = {
  firstContact: 'first_contact_due_at',
  dispatch: 'dispatch_due_at',
  take: 'take_due_at',
  resolve: 'resolve_due_at',
};

const clockLabel: Record<Clock, string> = { firstContact: '首次联系', dispatch: '派单', take: '接单', resolve: '办结' };

export async function watchDeadline(trx: Trx, clock: TimeSource, caseId: string, which: Clock, start: Date, due: Date) {
  const payload = { caseId, clock: which, due: due.toISOString() };
  await scheduleJob(
    trx,
    clock,
    'case.sla',
    { ...payload, level: 'yellow' },
    { runAt: warningAt(start, due), dedupeKey: `sla:${caseId}:${which}:${due.toISOString()}:yellow` },
  );
  await scheduleJob(
    trx,
    clock,
    'case.sla',
    { ...payload, level: 'red' },
    { runAt: due, dedupeKey: `sla:${caseId}:${which}:${due.toISOString()}:red` },
  );
}

export async function scheduleAutoClose(trx: Trx, clock: TimeSource, caseId: string, resolvedAt: Date) {
  const runAt = new Date(resolvedAt.getTime() + 7 * 86_400_000);
  await scheduleJob(
    trx,
    clock,
    'case.autoClose',
    { caseId, resolvedAt: resolvedAt.toISOString() },
    { runAt, dedupeKey: `autoclose:${caseId}:${resolvedAt.toISOString()}` },
  );
}

const rank = { ok: 0, yellow: 1, red: 2 } as const;

export function registerCaseJobs(
  jobs: JobRunner,
  deps: NoticeDeps & { close: (trx: Trx, caseId: string, now: Date) => Promise<void> },
) {
  jobs.register('case.sla', async (trx, job, { now }) => {
    const {
      caseId,
      clock: which,
      due,
      level,
    } = job.payload as { caseId: string; clock: Clock; due: string; level: 'yellow' | 'red' };
    const c = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
    const current = c?.[dueColumn[which]];
    if (
      !c ||
      !current ||
      new Date(current).toISOString() !== due ||
      ['suspended', 'resolved', 'closed', 'rejected'].includes(c.state)
    )
      return;
    const newLevel = rank[level] > rank[c.sla_level] ? level : c.sla_level;
    const escalate = level === 'red' && (which === 'take' || which === 'resolve') && c.escalation_level < 2;
    await trx
      .updateTable('cases')
      .set({
        sla_level: newLevel,
        escalation_level: escalate ? c.escalation_level + 1 : c.escalation_level,
        updated_at: now,
      })
      .where('id', '=', caseId)
      .execute();
    await trx
      .insertInto('case_events')
      .values({
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
      })
      .execute();
    const responsible =
      which === 'firstContact' || which === 'dispatch'
        ? await onDutyUserIds(trx, c as CaseRow, now)
        : await assigneeUserIds(trx, c as CaseRow);
    const recipients =
      level === 'red' ? [...new Set([...responsible, ...(await superiorUserIds(trx, c.place_path))])] : responsible;
    const deadline = shanghaiMinute(due);
    await smsUsers(
      trx,
      deps,
      { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id },
      recipients,
      level === 'red' ? 'sla_overdue' : 'sla_warning',
      {
        code: c.tracking_code,
        clock: clockLabel[which],
        deadline,
        level: escalate ? (c.escalation_level === 0 ? '街道' : '区县') : '上级',
      },
      `sla:${caseId}:${which}:${due}:${level}`,
    );
  });

  jobs.register('case.autoClose', async (trx, job, { now }) => {
    const { caseId, resolvedAt } = job.payload as { caseId: string; resolvedAt: string };
    const c = await trx
      .selectFrom('cases')
      .select(['state', 'resolved_at', 'rated_at'])
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!c || c.state !== 'resolved' || !c.resolved_at || new Date(c.resolved_at).toISOString() !== resolvedAt) return;
    await deps.close(trx, caseId, now);
  });
}

export const runningClocks = (c: CaseRow): Clock[] =>
  (Object.keys(dueColumn) as Clock[]).filter((k) => c[dueColumn[k]] !== null);
