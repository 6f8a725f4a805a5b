import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { CaseRow, Database } from '../../platform/db/schema.js';
import { queueSms } from '../../platform/notify/sms.js';
import type { SmsTemplate } from '../../platform/notify/templates.js';
import type { PiiCipher } from '../../platform/pii.js';
import { summarize as summarizeText } from '../../../shared/text.js';

// Who hears about a case, and the SMS they get. Every message goes through the outbox in the
// transaction of the change, with a dedupe key so a re-run job never sends it twice.

export interface NoticeDeps {
  clock: Clock;
  pii: PiiCipher;
  sign: string;
  publicUrl: string;
}

type Trx = Transaction<Database>;

/** Texts each user who has a phone. `about` names the tenant, the place and, when there is one, the case. */
export async function smsUsers(
  trx: Trx,
  deps: NoticeDeps,
  about: { tenantId: string; placePath: string; caseId: string | null },
  userIds: string[],
  template: SmsTemplate,
  params: Record<string, string | number>,
  dedupe: string,
) {
  if (userIds.length === 0) return 0;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'phone_enc'])
    .where('id', 'in', userIds)
    .where('status', '=', 'active')
    .execute();
  let sent = 0;
  for (const u of users) {
    if (!u.phone_enc) continue;
    if (
      await queueSms(trx, deps, {
        tenantId: about.tenantId,
        placePath: about.placePath,
        phone: deps.pii.decrypt(u.phone_enc),
        template,
        params,
        caseId: about.caseId ?? undefined,
        dedupeKey: `${dedupe}:${u.id}`,
      })
    )
      sent++;
  }
  return sent;
}

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
  const rows = await trx
    .selectFrom('duty_roster as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .select('r.user_id')
    .where('p.code', '=', communityCode)
    .where((eb) => eb(eb.val(isoWeekday), '=', eb.fn.any('r.weekdays')))
    .execute();
  return rows.map((r) => r.user_id);
}

/** Whoever works the case now: the user it was sent to, or the members of its department. */
export async function assigneeUserIds(trx: Trx, c: CaseRow): Promise<string[]> {
  if (c.assignee_user_id) return [c.assignee_user_id];
  if (!c.assignee_department_id) return [];
  const rows = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('department_id', '=', c.assignee_department_id)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The street officers above the case's place: the superiors told when a deadline is missed. */
export async function superiorUserIds(trx: Trx, c: CaseRow): Promise<string[]> {
  const codes = c.place_path.split('/').filter(Boolean);
  const rows = await trx
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select('m.user_id')
    .where('m.role', '=', 'street_officer')
    .where('p.code', 'in', codes)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

export const trackingLink = (deps: NoticeDeps, code: string, token?: string) =>
  `${deps.publicUrl}/r/track/${code}${token ? `?t=${token}` : ''}`;

/** The first `max` characters of a text for an SMS, cut between whole characters (never half an emoji). */
export const summarize = (text: string, max = 30) => summarizeText(text, max);
