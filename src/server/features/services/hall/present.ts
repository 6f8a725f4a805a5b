import type { Selectable } from 'kysely';
import type {
  ServiceAppointmentsTable,
  ServiceHallWindowsTable,
  ServiceKiosksTable,
  ServiceQueueTicketsTable,
} from '../../../platform/db/schema-hall.js';
import { ticketActionsFrom } from './lifecycle.js';

// Rows as the API gives them: camel case, ISO times, phones masked.

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const presentWindow = (w: Selectable<ServiceHallWindowsTable>) => ({
  id: w.id,
  hallId: w.hall_id,
  label: w.label,
  name: w.name,
  ticketLetter: w.ticket_letter,
  itemIds: w.item_ids,
  bundleIds: w.bundle_ids,
  active: w.active,
  sort: w.sort,
});

export const presentTicket = (
  t: Selectable<ServiceQueueTicketsTable> & { hall_name?: string },
  names: Map<string, string>,
  windows: Map<string, string>,
) => ({
  id: t.id,
  hallId: t.hall_id,
  ...(t.hall_name ? { hallName: t.hall_name } : {}),
  day: t.day,
  label: t.label,
  itemId: t.item_id,
  bundleId: t.bundle_id,
  serviceName: names.get(t.item_id ?? t.bundle_id ?? '') ?? null,
  source: t.source,
  state: t.state,
  windowId: t.window_id,
  windowLabel: t.window_id ? (windows.get(t.window_id) ?? null) : null,
  calls: t.calls,
  calledAt: iso(t.called_at),
  doneAt: iso(t.done_at),
  createdAt: iso(t.created_at)!,
  actions: ticketActionsFrom(t.state),
});

export const presentAppointment = (
  a: Selectable<ServiceAppointmentsTable> & { hall_name?: string },
  names: Map<string, string>,
) => ({
  id: a.id,
  hallId: a.hall_id,
  ...(a.hall_name ? { hallName: a.hall_name } : {}),
  itemId: a.item_id,
  bundleId: a.bundle_id,
  serviceName: names.get(a.item_id ?? a.bundle_id ?? '') ?? '',
  day: a.day,
  halfDay: a.half_day,
  applicantName: a.applicant_name,
  phoneMasked: a.phone_masked,
  state: a.state,
  createdAt: iso(a.created_at)!,
});

export const presentKiosk = (
  k: Pick<
    Selectable<ServiceKiosksTable>,
    'id' | 'name' | 'token_prefix' | 'created_at' | 'revoked_at' | 'last_seen_at'
  >,
) => ({
  id: k.id,
  name: k.name,
  tokenPrefix: k.token_prefix,
  createdAt: iso(k.created_at)!,
  revokedAt: iso(k.revoked_at),
  lastSeenAt: iso(k.last_seen_at),
});
