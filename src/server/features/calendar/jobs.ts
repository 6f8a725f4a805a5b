import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs.js';
import { smsUsers, type NoticeDeps } from '../../platform/notify/recipients.js';
import * as repo from './repository.js';
import { calendarWarning } from './service.js';

// From 1 November, every county administrator is texted once when next year's holidays are missing
// or only provisional (and at any time when this year's are). The console shows the same warning.

const SHANGHAI = 8 * 3_600_000;
const DAY = 86_400_000;

/** 08:00 Beijing time on the day after `after` (or on the same day, when it is earlier than 08:00). */
export function nextDailyRun(after: Date): Date {
  const eight = Math.floor((after.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI + 8 * 3_600_000;
  return new Date(eight > after.getTime() ? eight : eight + DAY);
}

export const yearCheckJob = (deps: NoticeDeps) =>
  defineJob({
    kind: 'calendar.yearCheck',
    payload: z.object({}),
    recurring: { next: nextDailyRun },
    handler: async (trx, _payload, { now }) => {
      const warning = calendarWarning(now, await repo.years(trx));
      if (!warning) return;
      const admins = await repo.countyAdmins(trx);
      for (const tenantId of new Set(admins.map((a) => a.tenant_id!))) {
        const ofCounty = admins.filter((a) => a.tenant_id === tenantId);
        const userIds = [...new Set(ofCounty.map((a) => a.user_id))];
        const placePath = ofCounty.map((a) => a.path).sort((a, b) => a.length - b.length)[0]!;
        await smsUsers(
          trx,
          deps,
          { tenantId, placePath, caseId: null },
          userIds,
          'calendar_missing',
          { year: warning.year, state: warning.state === 'missing' ? '尚未录入' : '尚未按国务院通知确认' },
          `calendar:${warning.year}`,
        );
      }
    },
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export const calendarJobs = (deps: NoticeDeps): JobDefinition<any>[] => [yearCheckJob(deps)];
