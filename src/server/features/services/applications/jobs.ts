import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { defineDeadlineJob, shanghaiMinute, type DeadlineAlarm } from '../../../platform/deadlines.js';
import type { JobDefinition } from '../../../platform/jobs.js';
import { smsUsers, superiorUserIds, type NoticeDeps } from '../../../platform/notify/recipients.js';
import { clockRunsIn, type PartState } from './lifecycle.js';
import * as repo from './repository.js';
import { iso, recordEvent } from './timeline.js';

// 限时督办 of a part (承诺时限): yellow at 80 % of its working-day time, red at the deadline. Yellow
// tells the handler; red marks the part escalated, puts it on the timeline and tells the street
// officers above the application's place too (as cases and whistles escalate).

export const REVIEW_CLOCK = 'review';

/** The alarm job of a part's deadline, queued with watchDeadline when its clock starts or resumes. */
export const partAlarm = (deps: NoticeDeps): JobDefinition<DeadlineAlarm> =>
  defineDeadlineJob('services.part.sla', (trx, alarm, { now }) => raisePartAlarm(trx, deps, alarm, now));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds jobs of every payload
export const applicationsJobs = (deps: NoticeDeps): JobDefinition<any>[] => [partAlarm(deps)];

const worse = (a: string, b: string) =>
  a === 'red' || b === 'red' ? 'red' : a === 'yellow' || b === 'yellow' ? 'yellow' : 'ok';

const stillRuns = (p: { state: PartState; paused_at: Date | null; due_at: Date | null }, alarm: DeadlineAlarm) =>
  clockRunsIn.includes(p.state) && !p.paused_at && iso(p.due_at) === alarm.due;

async function raisePartAlarm(trx: Transaction<Database>, deps: NoticeDeps, alarm: DeadlineAlarm, now: Date) {
  if (alarm.clock !== REVIEW_CLOCK) return;
  const seen = await repo.findPart(trx, alarm.id);
  if (!seen) return;
  // Application first, then its parts: the order every operation locks in.
  const a = await repo.lockApplication(trx, seen.application_id);
  const p = (await repo.lockPartsOf(trx, seen.application_id)).find((x) => x.id === alarm.id);
  // Act only while the clock runs with the deadline this alarm was queued for: a decided, paused or
  // moved clock makes its old alarms harmless.
  if (!a || !p || !stillRuns(p, alarm)) return;
  const red = alarm.level === 'red';
  const level = worse(p.sla_level, alarm.level) as 'yellow' | 'red';
  await repo.updatePart(trx, p.id, {
    sla_level: level,
    ...(red && !p.escalated_at ? { escalated_at: now } : {}),
    updated_at: now,
  });
  await repo.updateApplication(trx, a.id, {
    sla_level: worse(a.sla_level, level) as 'yellow' | 'red',
    updated_at: now,
  });
  const item = (await repo.itemsByIds(trx, [p.item_id]))[0];
  if (red)
    await recordEvent(
      trx,
      a,
      { action: 'overdue', partId: p.id, note: `${item?.name ?? ''}超过承诺时限，已上报街道督办` },
      null,
      now,
    );
  const recipients = [...(await repo.handlerUserIds(trx, p)), ...(red ? await superiorUserIds(trx, a.place_path) : [])];
  await smsUsers(
    trx,
    deps,
    { tenantId: a.tenant_id, placePath: a.place_path, caseId: null },
    [...new Set(recipients)],
    red ? 'service_overdue' : 'service_warning',
    { code: a.code, item: item?.name ?? '', deadline: shanghaiMinute(alarm.due) },
    `service:${p.id}:${alarm.due}:${alarm.level}`,
  );
}
