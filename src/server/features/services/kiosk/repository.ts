import type { Executor } from '../../../platform/audit.js';

// Queries only, for the kiosk (自助终端): its device by token hash, and the registry record of the
// person whose ID number it reads, in the kiosk's county.

/** A kiosk by the hash of its token, with its hall; revoked ones too (the service refuses them). */
export function kioskByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('service_kiosks as k')
    .innerJoin('service_halls as h', 'h.id', 'k.hall_id')
    .select(['k.id', 'k.name', 'k.tenant_id', 'k.hall_id', 'k.revoked_at', 'k.last_seen_at', 'h.name as hall_name'])
    .where('k.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchKiosk(db: Executor, id: string, now: Date) {
  await db.updateTable('service_kiosks').set({ last_seen_at: now }).where('id', '=', id).execute();
}

/** The active resident of the county with this ID number (by its keyed hash): name only — the kiosk
 * cannot tell who typed the number, so it reads nothing of the registry it may not print. */
export function residentByIdHash(db: Executor, tenantId: string, idHash: string) {
  return db
    .selectFrom('residents as r')
    .select(['r.id', 'r.name'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.id_number_hash', '=', idHash)
    .where('r.status', '=', 'active')
    .executeTakeFirst();
}

/** The label of a ticket of the kiosk's hall taken today (printed on the form). */
export function ticketLabel(db: Executor, hallId: string, ticketId: string, day: string) {
  return db
    .selectFrom('service_queue_tickets')
    .select('label')
    .where('id', '=', ticketId)
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .executeTakeFirst();
}
