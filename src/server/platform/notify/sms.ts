import { z } from 'zod';
import type { Executor } from '../audit.js';
import type { Clock } from '../clock.js';
import { NO_COUNTY } from '../db/table-kinds.js';
import { newId } from '../ids.js';
import { defineJob, scheduleJob } from '../jobs.js';
import type { PiiCipher } from '../pii.js';
import { maskPhone } from '../../../shared/identity.js';
import type { SmsProvider } from './providers.js';
import { renderSms, secretParams, splitSecrets, type SmsTemplate } from './templates.js';

export interface SmsDeps {
  clock: Clock;
  pii: PiiCipher;
  sign: string;
}

/**
 * Writes one SMS to the outbox and queues its delivery, in the caller's transaction: the message
 * exists exactly when the change that caused it is committed. A dedupe key makes it once-only.
 * Secret parameters (templates.ts `secretParams`) are stored encrypted and shown masked.
 */
export async function queueSms(
  trx: Executor,
  deps: SmsDeps,
  sms: {
    tenantId: string | null;
    placePath?: string | null;
    phone: string;
    template: SmsTemplate;
    params: Record<string, string | number>;
    caseId?: string;
    dedupeKey?: string;
  },
): Promise<boolean> {
  const id = newId();
  const { shown, secrets } = splitSecrets(sms.template, sms.params);
  const result = await trx
    .insertInto('sms_outbox')
    .values({
      id,
      tenant_id: sms.tenantId ?? NO_COUNTY,
      to_phone_enc: deps.pii.encrypt(sms.phone),
      to_masked: maskPhone(sms.phone),
      template: sms.template,
      params: JSON.stringify(shown),
      body: renderSms(deps.sign, sms.template, shown),
      secrets_enc: Object.keys(secrets).length ? deps.pii.encrypt(JSON.stringify(secrets)) : null,
      case_id: sms.caseId ?? null,
      dedupe_key: sms.dedupeKey ?? null,
      place_path: sms.placePath ?? null,
      created_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.columns(['dedupe_key', 'tenant_id']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await scheduleJob(trx, deps.clock, 'sms.send', { outboxId: id }, { dedupeKey: `sms:${id}`, maxAttempts: 8 });
  return true;
}

export const smsSendPayload = z.object({ outboxId: z.string().min(1) });

/** Delivers one outbox message through the provider, once; a failure is retried with backoff. */
export const smsSendJob = (deps: { pii: PiiCipher; provider: SmsProvider; sign: string }) =>
  defineJob({
    kind: 'sms.send',
    payload: smsSendPayload,
    handler: (trx, { outboxId }, { now }) => deliver(trx, deps, outboxId, now),
  });

async function deliver(
  trx: Executor,
  deps: { pii: PiiCipher; provider: SmsProvider; sign: string },
  outboxId: string,
  now: Date,
) {
  const row = await trx.selectFrom('sms_outbox').selectAll().where('id', '=', outboxId).forUpdate().executeTakeFirst();
  if (!row || row.status === 'sent') return;
  const template = row.template as SmsTemplate;
  const shown = row.params as unknown as Record<string, string | number>;
  // The real text exists only here, on its way to the provider.
  const params = {
    ...shown,
    ...(row.secrets_enc ? (JSON.parse(deps.pii.decrypt(row.secrets_enc)) as Record<string, string | number>) : {}),
  };
  const sent = await deps.provider.send({
    id: row.id,
    to: deps.pii.decrypt(row.to_phone_enc),
    toMasked: row.to_masked,
    template,
    params,
    body: renderSms(deps.sign, template, params),
    at: now,
  });
  // A row queued before secrets were kept apart (migration 0013) holds them in clear: mask it once sent.
  const legacy = !row.secrets_enc && (secretParams[template] ?? []).some((key) => key in shown);
  const masked = legacy ? splitSecrets(template, shown).shown : null;
  await trx
    .updateTable('sms_outbox')
    .set({
      status: 'sent',
      provider: deps.provider.name,
      provider_message_id: sent.providerMessageId,
      sent_at: now,
      last_error: null,
      ...(masked ? { params: JSON.stringify(masked), body: renderSms(deps.sign, template, masked) } : {}),
    })
    .where('id', '=', row.id)
    .execute();
}
