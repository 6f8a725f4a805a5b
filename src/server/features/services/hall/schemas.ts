import { z } from '@hono/zod-openapi';
import {
  appointmentStates,
  halfDays,
  openHalfDayPattern,
  ticketActions,
  ticketSources,
  ticketStates,
} from '../../../../shared/hall.js';
import { text } from '../../../platform/text-schema.js';

// 一站式大厅: halls, windows, appointments, queue tickets and kiosks, as the API takes and gives them.

const day = z.iso.date().openapi({ description: 'YYYY-MM-DD, a day that exists' });
const placeCode = z.string().regex(/^\d{9}(\d{3})?$/, 'a street (9 digits) or community (12 digits) code');
const itemOrBundle = {
  itemId: z.uuid().optional(),
  bundleId: z.uuid().optional(),
};

export const HallId = z.object({ id: z.uuid() });
export const TicketActionParams = z.object({ id: z.uuid(), action: z.enum(ticketActions) });
export const AppointmentActionParams = z.object({ id: z.uuid(), action: z.enum(['cancel', 'arrive']) });
export const ScreenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const DayQuery = z.object({ day: day.optional() });
export const RangeQuery = z.object({ from: day.optional(), to: day.optional() });
export const CountyQuery = z.object({
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const HallInput = z.object({
  placeCode,
  name: text({ min: 2, max: 60 }),
  address: text({ max: 200 }).default(''),
  slotCapacity: z.number().int().min(0).max(500),
  openHalfDays: z.array(z.string().regex(openHalfDayPattern)).max(14).default([]),
});
export const HallPatch = HallInput.omit({ placeCode: true }).partial();

export const WindowInput = z.object({
  label: text({ min: 1, max: 20 }),
  name: text({ max: 40 }).default(''),
  ticketLetter: z
    .string()
    .regex(/^[A-Z]$/)
    .default('A'),
  itemIds: z.array(z.uuid()).max(200).default([]),
  bundleIds: z.array(z.uuid()).max(100).default([]),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(999).default(0),
});
export const WindowPatch = WindowInput.partial();

export const KioskInput = z.object({ name: text({ min: 1, max: 40 }) });

export const TicketInput = z.object({ ...itemOrBundle });
export const PhoneTicketInput = z.object({ hallId: z.uuid(), ...itemOrBundle });

export const AppointmentInput = z.object({
  hallId: z.uuid(),
  ...itemOrBundle,
  day,
  halfDay: z.enum(halfDays),
  name: text({ min: 1, max: 40 }),
  phone: text({ min: 7, max: 20 }),
});

export const HallSchema = z
  .object({
    id: z.string(),
    placeCode: z.string(),
    placeName: z.string(),
    name: z.string(),
    address: z.string(),
    slotCapacity: z.number(),
    openHalfDays: z.array(z.string()),
  })
  .openapi('ServiceHall');

/** The call screen's token, shown once: when the hall is made and each time it is renewed (only its hash is kept). */
export const ScreenTokenSchema = z.object({ screenToken: z.string() });
export const HallCreatedSchema = HallSchema.extend(ScreenTokenSchema.shape).openapi('ServiceHallCreated');

export const PublicHallSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  placeName: z.string(),
  openHalfDays: z.array(z.string()),
});

export const WindowSchema = z
  .object({
    id: z.string(),
    hallId: z.string(),
    label: z.string(),
    name: z.string(),
    ticketLetter: z.string(),
    itemIds: z.array(z.string()),
    bundleIds: z.array(z.string()),
    active: z.boolean(),
    sort: z.number(),
  })
  .openapi('ServiceHallWindow');

export const SlotSchema = z.object({
  day: z.string(),
  halfDay: z.enum(halfDays),
  capacity: z.number(),
  booked: z.number(),
  free: z.number(),
  open: z.boolean(),
});

export const AppointmentSchema = z
  .object({
    id: z.string(),
    hallId: z.string(),
    hallName: z.string().optional(),
    itemId: z.string().nullable(),
    bundleId: z.string().nullable(),
    serviceName: z.string(),
    day: z.string(),
    halfDay: z.enum(halfDays),
    applicantName: z.string(),
    phoneMasked: z.string(),
    state: z.enum(appointmentStates),
    createdAt: z.string(),
  })
  .openapi('ServiceAppointment');

export const TicketSchema = z
  .object({
    id: z.string(),
    hallId: z.string(),
    hallName: z.string().optional(),
    day: z.string(),
    label: z.string(),
    itemId: z.string().nullable(),
    bundleId: z.string().nullable(),
    serviceName: z.string().nullable(),
    source: z.enum(ticketSources),
    state: z.enum(ticketStates),
    windowId: z.string().nullable(),
    windowLabel: z.string().nullable(),
    calls: z.number(),
    calledAt: z.string().nullable(),
    doneAt: z.string().nullable(),
    createdAt: z.string(),
    actions: z.array(z.enum(ticketActions)),
  })
  .openapi('ServiceQueueTicket');

export const TakenTicketSchema = z.object({
  ticket: TicketSchema,
  /** Tickets waiting before this one that the same windows serve. */
  ahead: z.number(),
  estimatedWaitMinutes: z.number(),
});

export const QueueSchema = z.object({
  day: z.string(),
  tickets: z.array(TicketSchema),
  waiting: z.number(),
  estimatedWaitMinutes: z.number(),
});

export const CalledSchema = z.object({ ticket: TicketSchema.nullable(), waiting: z.number() });

export const WindowStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  windows: z.array(
    z.object({
      windowId: z.string(),
      label: z.string(),
      name: z.string(),
      served: z.number(),
      avgWaitMinutes: z.number().nullable(),
      avgServeMinutes: z.number().nullable(),
    }),
  ),
});

const Named = z.object({ id: z.string(), name: z.string() });
export const HallServicesSchema = z.object({ items: z.array(Named), bundles: z.array(Named) });

export const KioskSchema = z.object({
  id: z.string(),
  name: z.string(),
  tokenPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
});
/** The new kiosk and its token: shown this once, never again. */
export const KioskCreatedSchema = z.object({ id: z.string(), name: z.string(), token: z.string() });

export const ScreenSchema = z.object({
  hallName: z.string(),
  day: z.string(),
  waiting: z.number(),
  calls: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      windowLabel: z.string(),
      windowName: z.string(),
      calls: z.number(),
      calledAt: z.string(),
      /** Changes with each call and recall: the screen announces a call it has not seen. */
      callKey: z.string(),
    }),
  ),
});

export type HallInputT = z.infer<typeof HallInput>;
export type HallPatchT = z.infer<typeof HallPatch>;
export type WindowInputT = z.infer<typeof WindowInput>;
export type WindowPatchT = z.infer<typeof WindowPatch>;
export type AppointmentInputT = z.infer<typeof AppointmentInput>;
export type TicketInputT = z.infer<typeof TicketInput>;
