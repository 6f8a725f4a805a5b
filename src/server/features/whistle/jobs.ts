import type { Transaction } from 'kysely';
import { summarize } from '../../../shared/text.js';
import type { Database } from '../../platform/db/schema.js';
import { defineDeadlineJob, shanghaiMinute, type DeadlineAlarm } from '../../platform/deadlines.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { smsUsers, superiorUserIds, type NoticeDeps } from '../../platform/notify/recipients.js';
import { isSummonsClock, summonsClocks } from './lifecycle.js';
import * as repo from './repository.js';
import { answerersOf, partyOf, recordEvent } from './timeline.js';

// 限时督办 of a summons: yellow at 80 % of the time to acknowledge (接哨) or arrive (报到), red at
// the deadline. Red marks the summons escalated, puts it on the timeline and tells the street too.

/** The alarm job of a summons' deadlines ('whistle.sla'), queued with watchDeadline when a whistle is blown. */
export const summonsAlarm = (deps: NoticeDeps): JobDefinition<DeadlineAlarm> =>
  defineDeadlineJob('whistle.sla', (trx, alarm, { now }) => raiseSummonsAlarm(trx, deps, alarm, now));

/** The whistle feature's background jobs, for the one job registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds jobs of every payload
export const whistleJobs = (deps: NoticeDeps): JobDefinition<any>[] => [summonsAlarm(deps)];

async function raiseSummonsAlarm(trx: Transaction<Database>, deps: NoticeDeps, alarm: DeadlineAlarm, now: Date) {
  if (!isSummonsClock(alarm.clock)) return;
  const clock = summonsClocks[alarm.clock];
  const s = await repo.lockSummons(trx, alarm.id);
  if (!s) return;
  // Act only while the clock still runs with the deadline this alarm was queued for.
  const running = (clock.runsIn as readonly string[]).includes(s.state);
  if (!running || new Date(s[clock.due]).toISOString() !== alarm.due) return;
  const red = alarm.level === 'red';
  const w = await repo.getWhistle(trx, s.whistle_id);
  await repo.updateSummons(trx, s.id, {
    sla_level: red || s.sla_level === 'red' ? 'red' : 'yellow',
    escalated: s.escalated || red,
  });
  const party = await partyOf(trx, s);
  if (red) await recordEvent(trx, w, s.id, 'overdue', null, `${party.name}${clock.label}超时，已上报`, now);
  const recipients = [...(await answerersOf(trx, s)), ...(red ? await superiorUserIds(trx, w.place_path) : [])];
  await smsUsers(
    trx,
    deps,
    { tenantId: w.tenant_id, placePath: w.place_path, caseId: w.case_id },
    [...new Set(recipients)],
    red ? 'whistle_overdue' : 'whistle_warning',
    { subject: summarize(w.subject, 20), party: party.name, clock: clock.label, deadline: shanghaiMinute(alarm.due) },
    `whistle:${s.id}:${alarm.clock}:${alarm.level}`,
  );
}
