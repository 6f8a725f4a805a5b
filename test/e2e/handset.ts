import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

// The resident's phone in the browser tests: the server's console SMS provider writes every SMS,
// whole, to DATA_DIR/sms-handset.jsonl. Login codes and rating links are read there — the console's
// SMS page shows them masked.

interface HandsetSms {
  to: string;
  template: string;
  text: string;
}

function read(dataDir: string): HandsetSms[] {
  const file = path.join(dataDir, 'sms-handset.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HandsetSms);
}

/** Waits (the job worker sends within a second or so) for an SMS of this template to `phone` containing `text`; returns its text. */
export async function waitForSms(dataDir: string, phone: string, template: string, text = ''): Promise<string> {
  const find = () =>
    read(dataDir)
      .filter((m) => m.to === phone && m.template === template && m.text.includes(text))
      .at(-1)?.text ?? '';
  await expect.poll(find, { timeout: 15_000 }).not.toBe('');
  return find();
}

/** The link in the "resolved, please rate" SMS about this case. */
export async function ratingLink(dataDir: string, phone: string, trackingCode: string): Promise<string> {
  return /请评价：(\S+)$/.exec(await waitForSms(dataDir, phone, 'case_resolved', trackingCode))![1];
}

/** The newest login code sent to `phone`, after `sentBefore` codes were already there. */
export async function loginCode(dataDir: string, phone: string, sentBefore: number): Promise<string> {
  const codes = () => read(dataDir).filter((m) => m.to === phone && m.template === 'login_code');
  await expect.poll(() => codes().length, { timeout: 15_000 }).toBeGreaterThan(sentBefore);
  return /(\d{6})/.exec(codes().at(-1)!.text)![1];
}

export const loginCodesSent = (dataDir: string, phone: string) =>
  read(dataDir).filter((m) => m.to === phone && m.template === 'login_code').length;
