import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  HalfDay,
  ServiceAppointmentsTable,
  ServiceHallsTable,
  ServiceHallWindowsTable,
  ServiceKiosksTable,
  ServiceQueueTicketsTable,
} from '../../../platform/db/schema-hall.js';
import { inScope, type Scope } from '../../../platform/scope.js';

// Queries only, for the hall (一站式大厅): halls, windows, slots, appointments, queue tickets, kiosks.

// ---- halls

export async function insertHall(db: Executor, row: Insertable<ServiceHallsTable>) {
  await db.insertInto('service_halls').values(row).execute();
}

export async function updateHall(db: Executor, id: string, set: Updateable<ServiceHallsTable>) {
  await db.updateTable('service_halls').set(set).where('id', '=', id).execute();
}

export function findHall(db: Executor, id: string) {
  return db.selectFrom('service_halls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The hall of a call-screen token, by the token's hash (the column keeps only the hash). */
export function hallByScreenToken(db: Executor, tokenHash: string) {
  return db.selectFrom('service_halls').selectAll().where('screen_token', '=', tokenHash).executeTakeFirst();
}

/** The halls in the scope, with the name of their place. */
export function listHalls(db: Executor, scope: Scope) {
  return db
    .selectFrom('service_halls as h')
    .innerJoin('places as p', 'p.id', 'h.place_id')
    .selectAll('h')
    .select(['p.name as place_name', 'p.code as place_code'])
    .where(inScope('h.place_path', scope))
    .orderBy('h.place_path')
    .orderBy('h.name')
    .execute();
}

/** The halls (of one county when named), for residents choosing where to go. */
export function publicHalls(db: Executor, tenantId: string | null) {
  const query = db
    .selectFrom('service_halls as h')
    .innerJoin('places as p', 'p.id', 'h.place_id')
    .select(['h.id', 'h.name', 'h.address', 'h.open_half_days', 'h.slot_capacity', 'p.name as place_name']);
  return (tenantId ? query.where('h.tenant_id', '=', tenantId) : query).orderBy('h.place_path').limit(200).execute();
}

// ---- windows

export async function insertWindow(db: Executor, row: Insertable<ServiceHallWindowsTable>) {
  await db.insertInto('service_hall_windows').values(row).execute();
}

export async function updateWindow(db: Executor, id: string, set: Updateable<ServiceHallWindowsTable>) {
  await db.updateTable('service_hall_windows').set(set).where('id', '=', id).execute();
}

export function findWindow(db: Executor, id: string) {
  return db.selectFrom('service_hall_windows').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listWindows(db: Executor, hallId: string) {
  return db
    .selectFrom('service_hall_windows')
    .selectAll()
    .where('hall_id', '=', hallId)
    .orderBy('sort')
    .orderBy('label')
    .execute();
}

// ---- slots and appointments

/**
 * Takes one place in a half-day slot: the count grows only while it is below the capacity, in one
 * statement, so two bookings at once cannot both take the last place. False when the slot is full.
 */
export async function takeSlot(
  db: Executor,
  slot: { hallId: string; tenantId: string; day: string; halfDay: HalfDay; capacity: number },
): Promise<boolean> {
  if (slot.capacity < 1) return false;
  const row = await db
    .insertInto('service_hall_slots')
    .values({ hall_id: slot.hallId, tenant_id: slot.tenantId, day: slot.day, half_day: slot.halfDay, booked: 1 })
    .onConflict((oc) =>
      oc
        .columns(['hall_id', 'day', 'half_day', 'tenant_id'])
        .doUpdateSet({ booked: sql<number>`service_hall_slots.booked + 1` })
        .where('service_hall_slots.booked', '<', slot.capacity),
    )
    .returning('booked')
    .executeTakeFirst();
  return row !== undefined;
}

export async function releaseSlot(db: Executor, hallId: string, day: string, halfDay: HalfDay) {
  await db
    .updateTable('service_hall_slots')
    .set({ booked: sql<number>`greatest(booked - 1, 0)` })
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .where('half_day', '=', halfDay)
    .execute();
}

/** Booked places per slot of a hall from one day to another (inclusive). */
export function slotCounts(db: Executor, hallId: string, from: string, to: string) {
  return db
    .selectFrom('service_hall_slots')
    .select(['day', 'half_day', 'booked'])
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
}

export async function insertAppointment(db: Executor, row: Insertable<ServiceAppointmentsTable>) {
  await db.insertInto('service_appointments').values(row).execute();
}

export function lockAppointment(db: Executor, id: string) {
  return db.selectFrom('service_appointments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setAppointmentState(db: Executor, id: string, state: 'cancelled' | 'arrived', now: Date) {
  await db.updateTable('service_appointments').set({ state, updated_at: now }).where('id', '=', id).execute();
}

export function listAppointments(db: Executor, hallId: string, day: string) {
  return db
    .selectFrom('service_appointments')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .orderBy('half_day')
    .orderBy('created_at')
    .execute();
}

/** A resident's own appointments from a day on. */
/**
 * Holds the resident's account row until the transaction ends: one booking or phone ticket of theirs
 * at a time, so two requests at once cannot both find "none yet" and both take one.
 */
export function lockUser(db: Executor, userId: string) {
  return db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
}

export function myAppointments(db: Executor, userId: string, from: string) {
  return db
    .selectFrom('service_appointments as a')
    .innerJoin('service_halls as h', 'h.id', 'a.hall_id')
    .selectAll('a')
    .select(['h.name as hall_name', 'h.address as hall_address'])
    .where('a.user_id', '=', userId)
    .where('a.day', '>=', from)
    .orderBy('a.day')
    .orderBy('a.half_day')
    .execute();
}

// ---- queue tickets

/** The next serial of a ticket letter in a hall on a day (1, 2, …), counted in one statement. */
export async function nextSerial(
  db: Executor,
  hall: { id: string; tenant_id: string },
  day: string,
  letter: string,
): Promise<number> {
  const row = await db
    .insertInto('service_ticket_counters')
    .values({ tenant_id: hall.tenant_id, hall_id: hall.id, day, letter, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['hall_id', 'day', 'letter', 'tenant_id'])
        .doUpdateSet({ last: sql<number>`service_ticket_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertTicket(db: Executor, row: Insertable<ServiceQueueTicketsTable>) {
  await db.insertInto('service_queue_tickets').values(row).execute();
}

/**
 * 叫号: the oldest waiting ticket of the day that the window serves becomes called by it. The row is
 * taken FOR UPDATE SKIP LOCKED and the update checks it is still waiting, so two windows calling at
 * once never get the same ticket. `serves` null: the window serves every item (综合窗口).
 */
export function callNext(
  db: Executor,
  call: {
    hallId: string;
    day: string;
    windowId: string;
    serves: { itemIds: string[]; bundleIds: string[] } | null;
    now: Date;
  },
) {
  const next = db
    .selectFrom('service_queue_tickets')
    .select('id')
    .where('hall_id', '=', call.hallId)
    .where('day', '=', call.day)
    .where('state', '=', 'waiting')
    .where((eb) =>
      call.serves
        ? eb.or([
            eb.and([eb('item_id', 'is', null), eb('bundle_id', 'is', null)]),
            ...(call.serves.itemIds.length ? [eb('item_id', 'in', call.serves.itemIds)] : []),
            ...(call.serves.bundleIds.length ? [eb('bundle_id', 'in', call.serves.bundleIds)] : []),
          ])
        : eb.val(true),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('service_queue_tickets')
    .set({ state: 'called', window_id: call.windowId, called_at: call.now, calls: 1, updated_at: call.now })
    .where('id', '=', next)
    .where('state', '=', 'waiting')
    .returningAll()
    .executeTakeFirst();
}

export function lockTicket(db: Executor, id: string) {
  return db.selectFrom('service_queue_tickets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findTicket(db: Executor, id: string) {
  return db.selectFrom('service_queue_tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTicket(db: Executor, id: string, set: Updateable<ServiceQueueTicketsTable>) {
  await db.updateTable('service_queue_tickets').set(set).where('id', '=', id).execute();
}

/** A hall's tickets of one day, in the order they were taken. */
export function listTickets(db: Executor, hallId: string, day: string) {
  return db
    .selectFrom('service_queue_tickets')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A resident's own tickets of a day, with the hall's name. */
export function myTickets(db: Executor, userId: string, day: string) {
  return db
    .selectFrom('service_queue_tickets as t')
    .innerJoin('service_halls as h', 'h.id', 't.hall_id')
    .selectAll('t')
    .select(['h.name as hall_name'])
    .where('t.user_id', '=', userId)
    .where('t.day', '=', day)
    .orderBy('t.created_at')
    .execute();
}

/** The latest calls of a hall's day for its screen: ticket labels and window labels, nothing personal. */
export function recentCalls(db: Executor, hallId: string, day: string, limit: number) {
  return db
    .selectFrom('service_queue_tickets as t')
    .innerJoin('service_hall_windows as w', 'w.id', 't.window_id')
    .select([
      't.id',
      't.label',
      't.state',
      't.calls',
      't.called_at',
      't.updated_at',
      'w.label as window_label',
      'w.name as window_name',
    ])
    .where('t.hall_id', '=', hallId)
    .where('t.day', '=', day)
    .where('t.state', 'in', ['called', 'serving'])
    .orderBy('t.updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Served count and average waiting and serving seconds per window, over days `from`…`to`. */
export function windowStats(db: Executor, hallId: string, from: string, to: string) {
  return db
    .selectFrom('service_queue_tickets')
    .select((eb) => [
      'window_id',
      eb.fn.countAll<number>().as('served'),
      sql<number | null>`avg(extract(epoch from (called_at - created_at)))`.as('avg_wait_seconds'),
      sql<number | null>`avg(extract(epoch from (done_at - called_at)))`.as('avg_serve_seconds'),
    ])
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('state', '=', 'done')
    .where('window_id', 'is not', null)
    .groupBy('window_id')
    .execute();
}

// ---- kiosks

export async function insertKiosk(db: Executor, row: Insertable<ServiceKiosksTable>) {
  await db.insertInto('service_kiosks').values(row).execute();
}

export function listKiosks(db: Executor, hallId: string) {
  return db
    .selectFrom('service_kiosks')
    .select(['id', 'hall_id', 'name', 'token_prefix', 'created_at', 'revoked_at', 'last_seen_at'])
    .where('hall_id', '=', hallId)
    .orderBy('created_at')
    .execute();
}

export function findKiosk(db: Executor, id: string) {
  return db
    .selectFrom('service_kiosks')
    .select(['id', 'hall_id', 'tenant_id', 'name', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function revokeKiosk(db: Executor, id: string, now: Date) {
  await db.updateTable('service_kiosks').set({ revoked_at: now }).where('id', '=', id).execute();
}
