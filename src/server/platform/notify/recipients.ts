import type { Executor } from '../audit.js';
import type { Clock } from '../clock.js';
import type { PiiCipher } from '../pii.js';
import { queueSms } from './sms.js';
import type { SmsTemplate } from './templates.js';

// Who hears about a change, and the SMS they get. Every message goes through the outbox in the
// transaction of the change, with a dedupe key so a re-run job never sends it twice.

export interface NoticeDeps {
  clock: Clock;
  pii: PiiCipher;
  sign: string;
  publicUrl: string;
}

/** Texts each user who has a phone. `about` names the tenant, the place and, when there is one, the case. */
export async function smsUsers(
  trx: Executor,
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

/** The street officers above the case's place: the superiors told when a deadline is missed. */
export async function superiorUserIds(trx: Executor, placePath: string): Promise<string[]> {
  const codes = placePath.split('/').filter(Boolean);
  const rows = await trx
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select('m.user_id')
    .where('m.role', '=', 'street_officer')
    .where('p.code', 'in', codes)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}
