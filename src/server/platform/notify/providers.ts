import { log } from '../logger.js';
import type { SmsTemplate } from './templates.js';

// SMS providers. The console provider (default) delivers nothing: the outbox, visible in the
// console, is the record. The HTTP provider posts to a gateway whose template ids come from configuration.

export interface SmsMessage {
  id: string; // the outbox id, sent as an idempotency key
  to: string;
  toMasked: string;
  template: SmsTemplate;
  params: Record<string, string | number>;
  body: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerMessageId: string | null }>;
}

export const consoleProvider: SmsProvider = {
  name: 'console',
  async send(message) {
    log.info('sms (console provider)', { to: message.toMasked, template: message.template, outboxId: message.id });
    return { providerMessageId: null };
  },
};

export function httpProvider(options: { url: string; token?: string; templateIds: Record<string, string>; fetch?: typeof fetch }): SmsProvider {
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
