import type { Executor } from '../../../platform/audit.js';
import { queueSms } from '../../../platform/notify/sms.js';
import type { SmsTemplate } from '../../../platform/notify/templates.js';
import type { NoticeDeps } from '../../../platform/notify/recipients.js';
import type { ApplicationRow } from './timeline.js';

// The applicant hears of each step they care about (submitted with the code, 补正, accepted,
// refused, ready): one SMS each, through the outbox in the transaction of the step.

export async function smsApplicant(
  trx: Executor,
  deps: NoticeDeps,
  a: Pick<ApplicationRow, 'id' | 'tenant_id' | 'place_path' | 'phone_enc' | 'code'>,
  template: SmsTemplate,
  params: Record<string, string | number>,
  dedupe: string,
): Promise<boolean> {
  if (!a.phone_enc) return false;
  return queueSms(trx, deps, {
    tenantId: a.tenant_id,
    placePath: a.place_path,
    phone: deps.pii.decrypt(a.phone_enc),
    template,
    params: { code: a.code, ...params },
    dedupeKey: `service:${a.id}:${dedupe}`,
  });
}
