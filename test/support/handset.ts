import fs from 'node:fs';
import path from 'node:path';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { consoleProvider } from '../../src/server/platform/notify/providers.js';
import { smsSendJob } from '../../src/server/platform/notify/sms.js';
import type { TestContext } from './app.js';

// The resident's phone in tests: the console SMS provider's simulated handset (DATA_DIR/sms-handset.jsonl).
// Secrets (login codes, rating links) reach it whole; the outbox staff can read shows them masked.

export interface HandsetSms {
  at: string;
  to: string;
  template: string;
  text: string;
}

const handsetFile = (ctx: TestContext) => path.join(ctx.deps.config.dataDir, 'sms-handset.jsonl');

/** Sends the queued SMS — and runs no other job, so deadlines and escalations stay where the test put them. */
async function deliverSms(ctx: TestContext) {
  const runner = new JobRunner(ctx.deps.db, ctx.clock);
  runner.add(
    smsSendJob({
      pii: ctx.deps.pii,
      provider: consoleProvider({ handsetFile: handsetFile(ctx) }),
      sign: ctx.deps.config.SMS_SIGN,
    }),
  );
  await runner.drain();
}

/** Delivers the queued SMS, then returns what reached `phone`, oldest first. */
export async function smsTo(ctx: TestContext, phone: string, template?: string): Promise<HandsetSms[]> {
  await deliverSms(ctx);
  const file = handsetFile(ctx);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HandsetSms)
    .filter((m) => m.to === phone && (!template || m.template === template));
}

/** The newest SMS of this template that reached `phone` (fails the test when there is none). */
export async function lastSmsTo(
  ctx: TestContext,
  phone: string,
  template: string,
  containing = '',
): Promise<HandsetSms> {
  const found = (await smsTo(ctx, phone, template)).filter((m) => m.text.includes(containing)).at(-1);
  if (!found) throw new Error(`no ${template} SMS ${containing} reached ${phone}`);
  return found;
}

/** The 6-digit login code in the newest login SMS to `phone`. */
export async function loginCodeOf(ctx: TestContext, phone: string): Promise<string> {
  return /(\d{6})/.exec((await lastSmsTo(ctx, phone, 'login_code')).text)![1];
}

/** The rating token of the link in the newest "resolved, please rate" SMS about this case. */
export async function ratingTokenOf(ctx: TestContext, phone: string, trackingCode: string): Promise<string> {
  const link = /请评价：(\S+)$/.exec((await lastSmsTo(ctx, phone, 'case_resolved', trackingCode)).text)![1];
  return new URL(link).searchParams.get('t')!;
}
