import type { Transaction } from 'kysely';
import type { CaseRow, Database } from '../../platform/db/schema.js';
import { queueSms } from '../../platform/notify/sms.js';
import type { SmsTemplate } from '../../platform/notify/templates.js';
import type { NoticeDeps } from '../../platform/notify/recipients.js';
import * as repo from './repository.js';

// Who hears about a case: its reporter, its on-duty cadres and its assignee. Texts go through the
// outbox (platform/notify) in the transaction of the change.

export type { NoticeDeps } from '../../platform/notify/recipients.js';

type Trx = Transaction<Database>;

export async function smsReporter(
  trx: Trx,
  deps: NoticeDeps,
  c: CaseRow,
  template: SmsTemplate,
  params: Record<string, string | number>,
  dedupe: string,
) {
  if (!c.reporter_phone_enc) return false;
  return queueSms(trx, deps, {
    tenantId: c.tenant_id,
    placePath: c.place_path,
    phone: deps.pii.decrypt(c.reporter_phone_enc),
    template,
    params,
    caseId: c.id,
    dedupeKey: dedupe,
  });
}

/** On-duty cadres of the case's community today. */
export async function onDutyUserIds(trx: Trx, c: CaseRow, now: Date): Promise<string[]> {
  const communityCode = c.place_path.split('/').find((p) => /^\d{12}$/.test(p));
  if (!communityCode) return [];
  const isoWeekday = ((new Date(now.getTime() + 8 * 3_600_000).getUTCDay() + 6) % 7) + 1;
  return repo.onDutyUserIds(trx, communityCode, isoWeekday);
}

/** Whoever works the case now: the user it was sent to, the members of its department, or its team's leader and members. */
export async function assigneeUserIds(trx: Trx, c: CaseRow): Promise<string[]> {
  if (c.assignee_user_id) return [c.assignee_user_id];
  if (c.assignee_team_id) return repo.teamUserIds(trx, c.assignee_team_id);
  if (!c.assignee_department_id) return [];
  return repo.departmentMemberIds(trx, c.assignee_department_id);
}

export const trackingLink = (deps: NoticeDeps, code: string, token?: string) =>
  `${deps.publicUrl}/r/track/${code}${token ? `?t=${token}` : ''}`;
