import type { Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import type { Role } from '../../../shared/roles.js';
import { summarize } from '../../../shared/text.js';
import type { CaseRow, CasesTable, Database } from '../../platform/db/schema.js';
import { shanghaiMinute } from '../../platform/deadlines.js';
import { newId } from '../../platform/ids.js';
import { defineJob, queueJob } from '../../platform/jobs.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import type { SmsTemplate } from '../../platform/notify/templates.js';
import { assigneeUserIds, onDutyUserIds, smsReporter, trackingLink, type NoticeDeps } from './notices.js';
import * as repo from './repository.js';
import * as supervisionRepo from './supervision/repository.js';

// 督办 (supervision): the escalation chain of a late case, community (0) → street (1) → county (2).
// A missed deadline lifts the case ONE level and starts that level's supervision period; if the case
// is still late when the period ends, it climbs again, up to the county. Manual 上报 (the escalate
// action) climbs the same chain. Who is told, what they are texted and how long each level has are
// the columns of the table below, not ifs elsewhere.

type Trx = Transaction<Database>;

export type EscalationLevel = 0 | 1 | 2;
export const topLevel: EscalationLevel = 2;

export interface Rung {
  level: EscalationLevel;
  /** The supervising place: the segment of the case's place path with this many digits. */
  placeDigits: 12 | 9 | 6;
  /** Who on that place is told when the case reaches the level; the dispatcher and assignee always are. */
  supervisorRoles: readonly Role[];
  /** The text the staff get when the case climbs here. */
  staffSms: SmsTemplate | null;
  /** The text the reporter gets, once per case, when a late case first climbs. */
  reporterSms: SmsTemplate | null;
  /**
   * How long this level has before a still-late case climbs again: as long as the deadline that
   * was missed, within these bounds; null at the top (the county has no one above it here).
   */
  period: { minMinutes: number; maxMinutes: number; manualMinutes: number } | null;
}

const DAY_MINUTES = 24 * 60;

export const escalationChain: Record<EscalationLevel, Rung> = {
  // The community works the case on its own clocks (首次联系, 派单, 接单, 办结).
  0: { level: 0, placeDigits: 12, supervisorRoles: [], staffSms: null, reporterSms: null, period: null },
  1: {
    level: 1,
    placeDigits: 9,
    supervisorRoles: ['street_officer'],
    staffSms: 'case_escalated',
    reporterSms: 'case_supervised',
    period: { minMinutes: 60, maxMinutes: 3 * DAY_MINUTES, manualMinutes: DAY_MINUTES },
  },
  2: {
    level: 2,
    placeDigits: 6,
    supervisorRoles: ['admin', 'street_officer'],
    staffSms: 'case_escalated',
    reporterSms: 'case_supervised',
    period: null,
  },
};

const levelOf = (n: number): EscalationLevel => (n <= 0 ? 0 : n >= topLevel ? topLevel : 1) as EscalationLevel;

/** The code of the place that supervises the case at a level (its community, street or county). */
export const supervisingCode = (c: Pick<CaseRow, 'place_path'>, level: EscalationLevel): string | null =>
  c.place_path.split('/').find((p) => p.length === escalationChain[level].placeDigits && /^\d+$/.test(p)) ?? null;

export async function supervisorName(trx: Trx, c: CaseRow, level: EscalationLevel): Promise<string> {
  const code = supervisingCode(c, level);
  return (code && (await supervisionRepo.placeName(trx, code))) || ['社区', '街道', '区县'][level];
}

/** Who must act on the case now: the on-duty cadres before it is sent, its assignee after. */
export async function responsibleUserIds(trx: Trx, c: CaseRow, now: Date): Promise<string[]> {
  return c.assignee_user_id || c.assignee_department_id ? assigneeUserIds(trx, c) : onDutyUserIds(trx, c, now);
}

/** Everyone told at a level: its supervisors, the dispatcher who sent the case, and whoever must act. */
export async function levelRecipients(trx: Trx, c: CaseRow, level: EscalationLevel, now: Date): Promise<string[]> {
  const rung = escalationChain[level];
  const code = supervisingCode(c, level);
  const supervisors = code ? await supervisionRepo.staffOnPlace(trx, code, rung.supervisorRoles) : [];
  const dispatcher = await supervisionRepo.lastDispatcherId(trx, c.id);
  const responsible = await responsibleUserIds(trx, c, now);
  return [...new Set([...supervisors, ...(dispatcher ? [dispatcher] : []), ...responsible])];
}

/** Why the case climbs: a missed deadline, a supervision period that ran out, or someone's 上报. */
export type ClimbCause =
  | { kind: 'late'; why: string; missedMinutes: number; due: string }
  | { kind: 'period'; why: string; missedMinutes: number; due: string }
  | { kind: 'manual'; why: string };

export interface Climb {
  level: EscalationLevel;
  supervisor: string;
  changes: Updateable<CasesTable>;
  /** On the timeline: the level reached, who supervises now, who was told, until when. */
  data: { level: number; supervisor: string; told: string[]; supervisionDue: string | null };
  /** Texts the staff (and once the reporter) and starts the next period; after the case is written. */
  announce: (updated: CaseRow) => Promise<void>;
}

export const caseSupervision = defineJob({
  kind: 'case.supervision',
  payload: z.object({ caseId: z.string().min(1), level: z.number().int().min(1).max(2), due: z.iso.datetime() }),
  handler: async () => {
    throw new Error('case.supervision runs with its deps: register casesJobs(deps)');
  },
});
export type CaseSupervisionPayload = z.infer<typeof caseSupervision.payload>;

function periodEnd(rung: Rung, cause: ClimbCause, now: Date): Date | null {
  if (!rung.period) return null;
  const { minMinutes, maxMinutes, manualMinutes } = rung.period;
  const minutes = cause.kind === 'manual' ? manualMinutes : cause.missedMinutes;
  return new Date(now.getTime() + Math.min(maxMinutes, Math.max(minMinutes, minutes)) * 60_000);
}

/** The next rung up and what reaching it does; null when the case is already at the county. */
export async function planClimb(
  trx: Trx,
  deps: NoticeDeps,
  c: CaseRow,
  cause: ClimbCause,
  now: Date,
): Promise<Climb | null> {
  if (c.escalation_level >= topLevel) return null;
  const level = levelOf(c.escalation_level + 1);
  const rung = escalationChain[level];
  const supervisor = await supervisorName(trx, c, level);
  const recipients = await levelRecipients(trx, c, level, now);
  const due = periodEnd(rung, cause, now);
  const changes: Updateable<CasesTable> = {
    escalation_level: level,
    escalated_at: now,
    supervision_due_at: due,
  };
  const data = {
    level,
    supervisor,
    told: await supervisionRepo.displayNames(trx, recipients),
    supervisionDue: due ? due.toISOString() : null,
  };
  const announce = async (updated: CaseRow) => {
    const about = { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id };
    if (rung.staffSms)
      await smsUsers(
        trx,
        deps,
        about,
        recipients,
        rung.staffSms,
        {
          code: c.tracking_code,
          why: cause.why,
          supervisor,
          ask: due ? `请在${shanghaiMinute(due)}前办好。` : '请尽快办好。',
        },
        `escalate:${c.id}:${level}:${now.toISOString()}`,
      );
    // The reporter hears once that their case is late and who supervises it: a place, no one's name.
    if (rung.reporterSms && cause.kind !== 'manual')
      await smsReporter(
        trx,
        deps,
        updated,
        rung.reporterSms,
        { code: c.tracking_code, supervisor, link: trackingLink(deps, c.tracking_code) },
        `late:${c.id}`,
      );
    if (due)
      await queueJob(
        trx,
        deps.clock,
        caseSupervision,
        { caseId: c.id, level, due: due.toISOString() },
        { runAt: due, dedupeKey: `supervision:${c.id}:${level}:${due.toISOString()}` },
      );
  };
  return { level, supervisor, changes, data, announce };
}

/**
 * A suspended case's supervision period stands still like its clocks: on resume it ends `paused`
 * later, and the end is watched again (the old check found the case suspended and did nothing).
 */
export function movedSupervision(trx: Trx, deps: NoticeDeps, c: CaseRow, paused: number) {
  const running = c.supervision_due_at && c.suspended_at && new Date(c.supervision_due_at) > new Date(c.suspended_at);
  if (!running || c.escalation_level < 1) return { changes: {}, after: undefined };
  const due = new Date(new Date(c.supervision_due_at!).getTime() + paused);
  const level = levelOf(c.escalation_level);
  return {
    changes: { supervision_due_at: due } satisfies Updateable<CasesTable>,
    after: async () => {
      await queueJob(
        trx,
        deps.clock,
        caseSupervision,
        { caseId: c.id, level, due: due.toISOString() },
        { runAt: due, dedupeKey: `supervision:${c.id}:${level}:${due.toISOString()}` },
      );
    },
  };
}

const workingStates = ['submitted', 'accepted', 'dispatched', 'in_progress'];

/**
 * A level's supervision period ends: a case that is still late (a clock still red, not suspended,
 * not done) climbs one more level; one back on time stays where it is.
 */
export async function endSupervisionPeriod(trx: Trx, deps: NoticeDeps, payload: CaseSupervisionPayload, now: Date) {
  const c = await repo.lockCase(trx, payload.caseId);
  if (!c || c.escalation_level !== payload.level || !c.supervision_due_at) return;
  if (new Date(c.supervision_due_at).toISOString() !== payload.due) return;
  if (!workingStates.includes(c.state) || c.sla_level !== 'red') return;
  const from = await supervisorName(trx, c, levelOf(c.escalation_level));
  const period = new Date(payload.due).getTime() - new Date(c.escalated_at ?? payload.due).getTime();
  const climb = await planClimb(
    trx,
    deps,
    c,
    {
      kind: 'period',
      why: `在${from}督办期限（${shanghaiMinute(payload.due)}）内仍未办好`,
      missedMinutes: Math.round(period / 60_000),
      due: payload.due,
    },
    now,
  );
  if (!climb) return;
  await repo.updateCase(trx, c.id, { ...climb.changes, updated_at: now });
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: c.tenant_id,
    case_id: c.id,
    action: 'escalate',
    from_state: c.state,
    to_state: c.state,
    actor_id: null,
    actor_name: '系统',
    note: `${from}督办期满仍未办好，上报${climb.supervisor}督办`,
    data: JSON.stringify({ ...climb.data, cause: 'period' }),
    at: now,
  });
  await climb.announce({ ...c, ...climb.changes } as CaseRow);
}

/** 督办 by the supervising level: a note on the timeline and a text to whoever must act. */
export async function urge(
  trx: Trx,
  deps: NoticeDeps,
  c: CaseRow,
  by: { userId: string | null; name: string; supervisor: string },
  note: string,
  now: Date,
) {
  const recipients = await responsibleUserIds(trx, c, now);
  const told = await supervisionRepo.displayNames(trx, recipients);
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: c.tenant_id,
    case_id: c.id,
    action: 'urge',
    from_state: c.state,
    to_state: c.state,
    actor_id: by.userId,
    actor_name: by.name,
    note,
    data: JSON.stringify({ level: c.escalation_level, supervisor: by.supervisor, told }),
    at: now,
  });
  await smsUsers(
    trx,
    deps,
    { tenantId: c.tenant_id, placePath: c.place_path, caseId: c.id },
    recipients,
    'case_urged',
    { code: c.tracking_code, summary: summarize(c.description), supervisor: by.supervisor, note: summarize(note, 60) },
    `urge:${c.id}:${now.toISOString()}`,
  );
  return { told };
}
