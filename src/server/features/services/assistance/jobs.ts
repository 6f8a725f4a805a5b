import { z } from 'zod';
import type { Executor } from '../../../platform/audit.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { defineJob, type JobDefinition } from '../../../platform/jobs.js';
import { smsUsers, type NoticeDeps } from '../../../platform/notify/recipients.js';
import { defaultOverdueDays } from '../../../../shared/assistance.js';
import { daysBetween } from './people.js';
import * as repo from './repository.js';
import { maskName } from '../../../../shared/identity.js';

// 未联系提醒: every morning, the lead adviser (else the team's leader) of each person in hardship nobody
// has contacted for the county's period is texted — once per period: at 30 days, again at 60 …, and
// the count starts again with the next contact.

const SHANGHAI = 8 * 3_600_000;
const DAY = 86_400_000;

/** 08:30 Beijing time (00:30 UTC) on the day after `after`'s run, or today's if it is still to come. */
export function nextReminderRun(after: Date): Date {
  const localDay = Math.floor((after.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const today = localDay + 8.5 * 3_600_000;
  return new Date(today > after.getTime() ? today : today + DAY);
}

/** The reminders due on `now`'s day; returns how many texts were queued. */
export async function remindOverdue(trx: Executor, deps: NoticeDeps, now: Date): Promise<number> {
  const today = shanghaiDate(now.getTime());
  let sent = 0;
  for (const p of await repo.assignedPeople(trx)) {
    const since = p.last_contact ?? p.assigned_day;
    if (!since) continue;
    const period = p.overdue_days ?? defaultOverdueDays;
    const days = daysBetween(since, today);
    if (days < period) continue;
    const to = p.lead_user_id ?? p.leader_user_id;
    if (!to) continue;
    const nth = Math.floor(days / period);
    sent += await smsUsers(
      trx,
      deps,
      { tenantId: p.tenant_id, placePath: p.household_path, caseId: null },
      [to],
      'assist_overdue',
      { community: p.community_name, name: maskName(p.name, 'family'), days, last: p.last_contact ?? '从未联系' },
      `assist:overdue:${p.id}:${since}:${nth}`,
    );
  }
  return sent;
}

export const reminderJob = (deps: NoticeDeps) =>
  defineJob({
    kind: 'assist.remindOverdue',
    payload: z.object({}),
    recurring: { next: nextReminderRun },
    handler: async (trx, _payload, { now }) => {
      await remindOverdue(trx, deps, now);
    },
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export const assistanceJobs = (deps: NoticeDeps): JobDefinition<any>[] => [reminderJob(deps)];
