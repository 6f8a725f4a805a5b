import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type { ServiceApplicationsTable } from '../../../platform/db/schema-services.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import * as repo from './repository.js';

// The timeline of an application (办件进度), as the resident and the staff read it.

export type ApplicationRow = Selectable<ServiceApplicationsTable>;

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export async function recordEvent(
  trx: Executor,
  a: Pick<ApplicationRow, 'id' | 'tenant_id'>,
  e: { action: string; from?: string | null; to?: string | null; partId?: string | null; note?: string },
  actor: Actor | null,
  at: Date,
) {
  await repo.insertEvent(trx, {
    id: newId(),
    application_id: a.id,
    part_id: e.partId ?? null,
    tenant_id: a.tenant_id,
    action: e.action,
    from_state: e.from ?? null,
    to_state: e.to ?? null,
    note: e.note ?? '',
    actor_id: actor?.userId ?? null,
    actor_name: actor && actor.kind === 'user' ? actor.displayName : '系统',
    at,
  });
}
