import fs from 'node:fs/promises';
import path from 'node:path';
import { log } from '../logger.js';
import type { SmsTemplate } from './templates.js';

// SMS providers. The console provider (default, for development and the demo) sends no real SMS:
// it hands each message to a simulated phone, a file only the server's user can read. The HTTP
// provider posts to a gateway whose template ids come from configuration.

/** One message on its way out. `params` and `body` are the real text, secrets included: never log them. */
export interface SmsMessage {
  id: string; // the outbox id, sent as an idempotency key
  to: string;
  toMasked: string;
  template: SmsTemplate;
  params: Record<string, string | number>;
  body: string;
  at: Date;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerMessageId: string | null }>;
}

/** Past this size the simulated phone starts a new file (the old one is kept as `.1`). */
const handsetMaxBytes = 1024 * 1024;

/**
 * The console provider's simulated phone: every message, whole, one JSON line each
 * ({ at, to, template, text }) in `handsetFile` (mode 600). The developer, the demo and the browser
 * tests read residents' login codes and rating links there — never from the outbox or the log.
 */
export function consoleProvider(options: { handsetFile: string }): SmsProvider {
  const file = options.handsetFile;
  return {
    name: 'console',
    async send(message) {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const size = await fs.stat(file).then(
        (s) => s.size,
        () => 0,
      );
      if (size > handsetMaxBytes) await fs.rename(file, `${file}.1`);
      const line = JSON.stringify({
        at: message.at.toISOString(),
        to: message.to,
        template: message.template,
        text: message.body,
      });
      await fs.appendFile(file, `${line}\n`, { mode: 0o600 });
      await fs.chmod(file, 0o600); // also when the file was made by hand with looser rights
      log.info('sms (console provider)', { to: message.toMasked, template: message.template, outboxId: message.id });
      return { providerMessageId: null };
    },
  };
}

export function httpProvider(options: {
  url: string;
  token?: string;
  templateIds: Record<string, string>;
  fetch?: typeof fetch;
}): SmsProvider {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'http',
    async send(message) {
      const templateId = options.templateIds[message.template];
      if (!templateId) throw new Error(`no SMS template id configured for ${message.template}`);
      const res = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ phone: message.to, templateId, params: message.params }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
      const body = (await res.json().catch(() => ({}))) as { messageId?: string };
      return { providerMessageId: body.messageId ?? null };
    },
  };
}
