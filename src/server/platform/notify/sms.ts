import type { Executor } from '../audit.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { scheduleJob, type JobRunner } from '../jobs.js';
import type { PiiCipher } from '../pii.js';
import { maskPhone } from '../../../shared/identity.js';
import type { SmsProvider } from './providers.js';
import { renderSms, type SmsTemplate } from './templates.js';

export interface SmsDeps {
  clock: Clock;
  pii: PiiCipher;
  sign: string;
}

/**
 * Writes one SMS to the outbox and queues its delivery, in the caller's transaction: the message
 * exists exactly when the change that caused it is committed. A dedupe key makes it once-only.
 */
export async function queueSms(
  trx: Executor,
  deps: SmsDeps,
  sms: { tenantId: string | null; placePath?: string | null; phone: string; template: SmsTemplate; params: Record<string, string | number>; caseId?: string; dedupeKey?: string },
): Promise<boolean> {
  const id = newId();
  const result = await trx
    .insertInto('sms_outbox')
    .values({
      id,
      tenant_id: sms.tenantId,
      to_phone_enc: deps.pii.encrypt(sms.phone),
      to_masked: maskPhone(sms.phone),
      template: sms.template,
      params: JSON.stringify(sms.params),
      body: renderSms(deps.sign, sms.template, sms.params),
      case_id: sms.caseId ?? null,
      dedupe_key: sms.dedupeKey ?? null,
      place_path: sms.placePath ?? null,
      created_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await scheduleJob(trx, deps.clock, 'sms.send', { outboxId: id }, { dedupeKey: `sms:${id}`, maxAttempts: 8 });
  return true;
}

export function registerSmsJobs(jobs: JobRunner, deps: { pii: PiiCipher; provider: SmsProvider }) {
  jobs.register('sms.send', async (trx, job, { now }) => {
    const { outboxId } = job.payload as { outboxId: string };
    const row = await trx.selectFrom('sms_outbox').selectAll().where('id', '=', outboxId).forUpdate().executeTakeFirst();
    if (!row || row.status === 'sent') return;
    const sent = await deps.provider.send({
      id: row.id, to: deps.pii.decrypt(row.to_phone_enc), toMasked: row.to_masked, template: row.template as SmsTemplate,
      params: row.params as unknown as Record<string, string | number>, body: row.body,
    });
    await trx.updateTable('sms_outbox').set({ status: 'sent', provider: deps.provider.name, provider_message_id: sent.providerMessageId, sent_at: now, last_error: null }).where('id', '=', row.id).execute();
  });
}
