import { addDays, chinaDay, chinaHalfDay, halfDays, weekdayOf, type HalfDayCode } from '../../../../shared/hall.js';
import { normalizePhone, maskPhone } from '../../../../shared/identity.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { ServiceHallsTable } from '../../../platform/db/schema-hall.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { PiiCipher } from '../../../platform/pii.js';
import type { Actor } from '../../../platform/policy.js';
import { loadCatalogueNames as catalogueNames } from '../catalogue/index.js';
import { assertMayActOnAppointment, assertMayRunHall } from './policy.js';
import { presentAppointment, presentTicket } from './present.js';
import { checkedService, presentTaken, takeTicket, type QueueDeps } from './queue.js';
import * as repo from './repository.js';
import type { AppointmentInputT } from './schemas.js';

// 预约 by half-day slot (capacity per slot, never passed), and a resident's own 取号 on the phone.

export interface AppointmentDeps extends QueueDeps {
  pii: PiiCipher;
}
type Hall = Selectable<ServiceHallsTable>;
/** How far ahead a resident may book. */
export const BOOKING_DAYS = 14;

const isOpen = (hall: Hall, day: string, half: HalfDayCode) => hall.open_half_days.includes(`${weekdayOf(day)}${half}`);
/** A slot still ahead: a later day, or today's afternoon before noon. */
const isAhead = (now: Date, day: string, half: HalfDayCode) => {
  const today = chinaDay(now);
  return day > today || (day === today && (half === 'pm' || chinaHalfDay(now) === 'am'));
};

async function hallOrNotFound(db: Db, id: string) {
  const hall = await repo.findHall(db, id);
  if (!hall) throw new AppError('NOT_FOUND');
  return hall;
}

/** The hall's half-day slots of the next two weeks: open or not, capacity, booked and free places. */
async function slots(deps: AppointmentDeps, hallId: string) {
  const hall = await hallOrNotFound(deps.db, hallId);
  const now = deps.clock.now();
  const from = chinaDay(now);
  const to = addDays(from, BOOKING_DAYS - 1);
  const counts = new Map(
    (await repo.slotCounts(deps.db, hall.id, from, to)).map((r) => [`${r.day}:${r.half_day}`, r.booked]),
  );
  return Array.from({ length: BOOKING_DAYS }, (_, i) => addDays(from, i)).flatMap((day) =>
    halfDays.map((halfDay) => {
      const booked = counts.get(`${day}:${halfDay}`) ?? 0;
      const open = isOpen(hall, day, halfDay) && isAhead(now, day, halfDay);
      return {
        day,
        halfDay,
        capacity: hall.slot_capacity,
        booked,
        free: open ? Math.max(0, hall.slot_capacity - booked) : 0,
        open,
      };
    }),
  );
}

/** 预约: a logged-in resident books a half-day for an item or bundle; the slot's capacity is never passed. */
async function book(deps: AppointmentDeps, actor: Actor, input: AppointmentInputT) {
  const hall = await hallOrNotFound(deps.db, input.hallId);
  const service = await checkedService(deps.db, hall, input, true);
  const phone = normalizePhone(input.phone);
  if (!phone) throw new AppError('RESIDENT_PHONE_INVALID');
  const now = deps.clock.now();
  const lastDay = addDays(chinaDay(now), BOOKING_DAYS - 1);
  if (!isAhead(now, input.day, input.halfDay) || input.day > lastDay || !isOpen(hall, input.day, input.halfDay))
    throw new AppError('HALL_SLOT_CLOSED');
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    // One place of a half-day per resident: a second booking of theirs (even sent at once) is refused.
    if (actor.userId) {
      await repo.lockUser(trx, actor.userId);
      const already = (await repo.myAppointments(trx, actor.userId, input.day)).some(
        (a) => a.hall_id === hall.id && a.day === input.day && a.half_day === input.halfDay && a.state === 'booked',
      );
      if (already) throw new AppError('CONFLICT', { reason: 'alreadyBooked' });
    }
    const taken = await repo.takeSlot(trx, {
      hallId: hall.id,
      tenantId: hall.tenant_id,
      day: input.day,
      halfDay: input.halfDay,
      capacity: hall.slot_capacity,
    });
    if (!taken) throw new AppError('HALL_SLOT_FULL');
    await repo.insertAppointment(trx, {
      id,
      tenant_id: hall.tenant_id,
      hall_id: hall.id,
      place_path: hall.place_path,
      item_id: service.itemId,
      bundle_id: service.bundleId,
      day: input.day,
      half_day: input.halfDay,
      applicant_name: input.name,
      phone_enc: deps.pii.encrypt(phone),
      phone_hash: deps.pii.lookupHash(phone),
      phone_masked: maskPhone(phone),
      user_id: actor.userId,
      state: 'booked',
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.appointment.book',
        entityType: 'service_appointment',
        entityId: id,
        tenantId: hall.tenant_id,
        after: { hall: hall.name, day: input.day, halfDay: input.halfDay, phone: maskPhone(phone) },
      },
      now,
    );
  });
  const rows = await repo.myAppointments(deps.db, actor.userId ?? '', input.day);
  const names = await catalogueNames(deps.db, hall.tenant_id, [service.itemId ?? service.bundleId!]);
  return presentAppointment(
    rows.find((r) => r.id === id)!,
    names,
  );
}

async function namesOf(db: Db, tenantIds: Map<string, string[]>) {
  const out = new Map<string, string>();
  for (const [tenant, ids] of tenantIds) for (const [k, v] of await catalogueNames(db, tenant, ids)) out.set(k, v);
  return out;
}

/** A resident's own appointments from today on. */
async function mine(deps: AppointmentDeps, actor: Actor) {
  const rows = await repo.myAppointments(deps.db, actor.userId ?? '', chinaDay(deps.clock.now()));
  const byTenant = new Map<string, string[]>();
  for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.item_id ?? r.bundle_id!]);
  const names = await namesOf(deps.db, byTenant);
  return rows.map((r) => presentAppointment(r, names));
}

/**
 * Cancels an appointment (its place in the slot is freed) or marks the applicant arrived (a ticket
 * is taken for them). The resident cancels their own; window staff of the hall do either.
 */
async function act(deps: AppointmentDeps, actor: Actor, id: string, action: 'cancel' | 'arrive') {
  return deps.db.transaction().execute(async (trx) => {
    const appointment = await repo.lockAppointment(trx, id);
    if (!appointment) throw new AppError('NOT_FOUND');
    const hall = (await repo.findHall(trx, appointment.hall_id))!;
    assertMayActOnAppointment(actor, hall, appointment, action);
    if (appointment.state !== 'booked') throw new AppError('ACTION_NOT_ALLOWED', { state: appointment.state, action });
    const now = deps.clock.now();
    if (action === 'arrive' && appointment.day !== chinaDay(now))
      throw new AppError('ACTION_NOT_ALLOWED', { state: appointment.state, action });
    let ticket = null;
    if (action === 'cancel') await repo.releaseSlot(trx, hall.id, appointment.day, appointment.half_day);
    else
      ticket = await takeTicket(trx, now, hall, {
        itemId: appointment.item_id,
        bundleId: appointment.bundle_id,
        source: 'appointment',
        userId: appointment.user_id,
        appointmentId: appointment.id,
      });
    await repo.setAppointmentState(trx, id, action === 'cancel' ? 'cancelled' : 'arrived', now);
    await recordAudit(
      trx,
      actor,
      {
        action: `hall.appointment.${action}`,
        entityType: 'service_appointment',
        entityId: id,
        tenantId: hall.tenant_id,
        after: ticket ? { ticket: ticket.label } : { state: 'cancelled' },
      },
      now,
    );
    return {
      id,
      state: action === 'cancel' ? ('cancelled' as const) : ('arrived' as const),
      ticket: ticket?.label ?? null,
    };
  });
}

/** The appointments of a hall's day, for its window staff. */
async function ofDay(deps: AppointmentDeps, actor: Actor, hallId: string, day?: string) {
  const hall = await hallOrNotFound(deps.db, hallId);
  assertMayRunHall(actor, hall);
  const rows = await repo.listAppointments(deps.db, hall.id, day ?? chinaDay(deps.clock.now()));
  const names = await catalogueNames(
    deps.db,
    hall.tenant_id,
    rows.map((r) => r.item_id ?? r.bundle_id!),
  );
  return rows.map((r) => presentAppointment(r, names));
}

/** 手机取号: a resident takes a number for today; a second call gives back the ticket still waiting. */
async function takeOnPhone(
  deps: AppointmentDeps,
  actor: Actor,
  input: { hallId: string; itemId?: string; bundleId?: string },
) {
  const hall = await hallOrNotFound(deps.db, input.hallId);
  const now = deps.clock.now();
  const today = chinaDay(now);
  if (!halfDays.some((h) => isOpen(hall, today, h))) throw new AppError('HALL_CLOSED_TODAY');
  const service = await checkedService(deps.db, hall, input, false);
  return deps.db.transaction().execute(async (trx) => {
    if (actor.userId) await repo.lockUser(trx, actor.userId);
    const waiting = (await repo.myTickets(trx, actor.userId ?? '', today)).find(
      (t) => t.hall_id === hall.id && t.state === 'waiting',
    );
    if (waiting) return presentTaken(trx, hall, waiting);
    const ticket = await takeTicket(trx, now, hall, { ...service, source: 'phone', userId: actor.userId });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.ticket.take',
        entityType: 'service_queue_ticket',
        entityId: ticket.id,
        tenantId: hall.tenant_id,
        after: { label: ticket.label, source: 'phone' },
      },
      now,
    );
    return presentTaken(trx, hall, ticket);
  });
}

/** A resident's tickets of today. */
async function myTickets(deps: AppointmentDeps, actor: Actor) {
  const rows = await repo.myTickets(deps.db, actor.userId ?? '', chinaDay(deps.clock.now()));
  const byTenant = new Map<string, string[]>();
  for (const r of rows)
    if (r.item_id ?? r.bundle_id)
      byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), (r.item_id ?? r.bundle_id)!]);
  const names = await namesOf(deps.db, byTenant);
  return rows.map((r) => presentTicket(r, names, new Map()));
}

/** The halls (of one county when named), for a resident choosing one: no personal data, no screen token. */
async function publicHalls(deps: AppointmentDeps, county: string | undefined) {
  const rows = await repo.publicHalls(deps.db, county ?? null);
  return rows.map((h) => ({
    id: h.id,
    name: h.name,
    address: h.address,
    placeName: h.place_name,
    openHalfDays: h.open_half_days,
  }));
}

export function createAppointmentService(deps: AppointmentDeps) {
  return {
    slots: (hallId: string) => slots(deps, hallId),
    book: (actor: Actor, input: AppointmentInputT) => book(deps, actor, input),
    mine: (actor: Actor) => mine(deps, actor),
    act: (actor: Actor, id: string, action: 'cancel' | 'arrive') => act(deps, actor, id, action),
    ofDay: (actor: Actor, hallId: string, day?: string) => ofDay(deps, actor, hallId, day),
    takeOnPhone: (actor: Actor, input: { hallId: string; itemId?: string; bundleId?: string }) =>
      takeOnPhone(deps, actor, input),
    myTickets: (actor: Actor) => myTickets(deps, actor),
    publicHalls: (county?: string) => publicHalls(deps, county),
  };
}
