import { defineDeadlineJob, shanghaiMinute, type DeadlineAlarm } from '../../platform/deadlines.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { smsUsers, type NoticeDeps } from '../../platform/notify/recipients.js';
import * as repo from './repository.js';

// The 24-hour answer deadline of a legal question: yellow at 80 %, red when it is missed. Each
// alarm marks the question and texts the community's legal advisers.

/** The one clock a legal question runs. */
export const answerClock = 'answer';

export const answerAlarm = (deps: NoticeDeps): JobDefinition<DeadlineAlarm> =>
  defineDeadlineJob('legal.sla', async (trx, alarm) => {
    const q = await repo.lockQuestion(trx, alarm.id);
    // Act only while the clock still runs with this deadline: an answered question is left alone.
    if (!q || q.state !== 'open' || new Date(q.due_at).toISOString() !== alarm.due) return;
    await repo.setSlaLevel(trx, q.id, alarm.level);
    await smsUsers(
      trx,
      deps,
      { tenantId: q.tenant_id, placePath: q.place_path, caseId: null },
      await repo.adviserIdsOf(trx, q.community_id),
      alarm.level === 'red' ? 'sla_overdue' : 'sla_warning',
      { code: '法律咨询', clock: '答复', deadline: shanghaiMinute(q.due_at), level: '社区' },
      `legal:${q.id}:${alarm.level}`,
    );
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export const legalJobs = (deps: NoticeDeps): JobDefinition<any>[] => [answerAlarm(deps)];
