import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.js';
import { NO_COUNTY } from './db/table-kinds.js';
import { newId } from './ids.js';
import type { Actor } from './policy.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  tenantId?: string | null;
  before?: unknown;
  after?: unknown;
}

// Fields that must never reach the audit log in clear text.
const secretFields = new Set(['password', 'password_hash', 'passwordHash', 'csrf_token', 'token']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !secretFields.has(k))
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

/** Writes one audit row in the caller's transaction, so the change and its record stand or fall together. */
export async function recordAudit(trx: Executor, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      tenant_id: entry.tenantId ?? actor.tenantId ?? NO_COUNTY,
      actor_id: actor.userId,
      actor_name: actor.username,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
      request_id: actor.requestId,
      ip: actor.ip,
      at,
    })
    .execute();
}
