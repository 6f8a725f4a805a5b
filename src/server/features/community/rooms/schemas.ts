import { z } from '@hono/zod-openapi';
import {
  bookingActions,
  bookingForKinds,
  bookingStates,
  hhmmPattern,
  minuteOf,
} from '../../../../shared/community-rooms.js';
import { text } from '../../../platform/text-schema.js';

// 功能室: rooms, targets, bookings and usage, as the API takes and gives them.

const day = z.iso.date().openapi({ description: 'YYYY-MM-DD (Beijing time)' });
const hhmm = z.string().regex(hhmmPattern, 'HH:MM').openapi({ example: '09:00' });
const placeCode = z
  .string()
  .regex(/^\d{6}(\d{3})?(\d{3})?$/, 'a county, street or community code')
  .openapi({ description: 'a place in scope; default the whole scope' });
const year = z.coerce.number().int().min(2000).max(2100);

const period = z
  .object({ open: hhmm, close: hhmm })
  .refine((p) => minuteOf(p.close) > minuteOf(p.open), { message: 'close after open', path: ['close'] });
const openingHours = z
  .array(period.nullable())
  .length(7)
  .openapi({ description: 'seven entries, Monday first; null = closed that day' });

export const IdParam = z.object({ id: z.uuid() });
export const TokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
export const CommunityParam = z.object({ communityId: z.uuid() });
export const BookingActionParams = z.object({ id: z.uuid(), action: z.enum(bookingActions) });

export const RoomInput = z.object({
  communityId: z.uuid(),
  name: text({ min: 2, max: 40 }),
  address: text({ max: 120 }).default(''),
  capacity: z.number().int().min(1).max(2000),
  openingHours,
  facilities: z
    .array(text({ min: 1, max: 20 }))
    .max(20)
    .default([]),
  active: z.boolean().default(true),
});
export const RoomPatch = RoomInput.omit({ communityId: true }).partial();

export const TargetsInput = z.object({
  minDaysUsed: z.number().int().min(0).max(366),
  minParticipationPct: z.number().int().min(0).max(100),
});

const forInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), teamId: z.uuid() }),
  z.object({ kind: z.literal('unit'), organisationId: z.uuid() }),
  z.object({ kind: z.literal('group'), name: text({ min: 2, max: 40 }) }),
]);
export const BookingInput = z
  .object({
    roomId: z.uuid(),
    day,
    start: hhmm,
    end: hhmm,
    purpose: text({ min: 2, max: 200 }),
    expected: z.number().int().min(1).max(2000),
    for: forInput,
  })
  .refine((b) => minuteOf(b.end) > minuteOf(b.start), { message: 'end after start', path: ['end'] });
export const BookingActionInput = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,64}$/)
    .optional()
    .openapi({ description: 'the room’s check-in code (from its QR), needed when the booker checks in' }),
  attended: z.number().int().min(0).max(2000).optional().openapi({ description: 'complete: how many came' }),
  reason: text({ max: 200 }).optional(),
});

export const ListQuery = z.object({ placeCode: placeCode.optional() });
export const BookingsQuery = z.object({
  placeCode: placeCode.optional(),
  roomId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
});
export const DayQuery = z.object({ day: day.optional() });
export const UsageQuery = z.object({
  year,
  month: z.coerce.number().int().min(1).max(12).optional(),
  placeCode: placeCode.optional(),
});
export const NumbersQuery = z.object({ year, placeCode: placeCode.optional() });

export const RoomSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    communityName: z.string(),
    name: z.string(),
    address: z.string(),
    capacity: z.number(),
    openingHours,
    facilities: z.array(z.string()),
    active: z.boolean(),
  })
  .openapi('CommunityRoom');

export const TargetsSchema = z
  .object({
    communityId: z.uuid(),
    communityName: z.string(),
    minDaysUsed: z.number(),
    minParticipationPct: z.number(),
    isDefault: z.boolean(),
  })
  .openapi('CommunityRoomTargets');

export const BookingSchema = z
  .object({
    id: z.uuid(),
    roomId: z.uuid(),
    roomName: z.string(),
    roomAddress: z.string(),
    communityName: z.string(),
    day: z.string(),
    start: z.string(),
    end: z.string(),
    forKind: z.enum(bookingForKinds),
    forName: z.string().openapi({ description: 'the team, unit or group' }),
    purpose: z.string(),
    expected: z.number(),
    attended: z.number().nullable(),
    state: z.enum(bookingStates),
    bookerName: z.string(),
    mine: z.boolean(),
    actions: z.array(z.enum(bookingActions)).openapi({ description: 'what the caller may do now' }),
  })
  .openapi('CommunityRoomBooking');

export const DaySchema = z
  .object({
    room: RoomSchema,
    day: z.string(),
    open: z.object({ start: z.string(), end: z.string() }).nullable(),
    taken: z.array(z.object({ start: z.string(), end: z.string() })),
  })
  .openapi('CommunityRoomDay');

export const OptionsSchema = z
  .object({
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    community: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .openapi('CommunityRoomBookingOptions');

export const CheckinSchema = z
  .object({ room: RoomSchema, bookings: z.array(BookingSchema) })
  .openapi('CommunityRoomCheckin');

export const QrSchema = z.object({ url: z.string(), svg: z.string() }).openapi('CommunityRoomQr');

const figures = {
  daysUsed: z.number().openapi({ description: 'distinct days with a checked-in or completed booking' }),
  bookingsHeld: z.number().openapi({ description: 'bookings that fell due: checked in, completed or no-show' }),
  noShows: z.number(),
  bookedSeats: z.number().openapi({ description: 'expected attendees of the bookings that fell due' }),
  attended: z.number().openapi({ description: 'attended count of completed bookings' }),
  participationPct: z.number().nullable().openapi({ description: 'attended / booked seats × 100, 1 decimal' }),
};
export const UsageRowSchema = z.object({
  roomId: z.uuid(),
  roomName: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  capacity: z.number(),
  active: z.boolean(),
  ...figures,
  target: z.object({ minDaysUsed: z.number(), minParticipationPct: z.number() }),
  daysMet: z.boolean().nullable().openapi({ description: 'yearly only: days used ≥ the target' }),
  participationMet: z.boolean().nullable(),
  met: z.boolean().nullable().openapi({ description: 'yearly only: both targets met' }),
});
export const UsageSchema = z
  .object({
    year: z.number(),
    month: z.number().nullable(),
    from: z.string(),
    to: z.string(),
    rows: z.array(UsageRowSchema),
  })
  .openapi('CommunityRoomUsage');

export const NumbersSchema = z
  .object({
    year: z.number(),
    communities: z.array(
      z.object({
        communityId: z.uuid(),
        communityCode: z.string(),
        communityName: z.string(),
        rooms: z.number(),
        roomsMeetingTargets: z.number(),
        ...figures,
      }),
    ),
  })
  .openapi('CommunityRoomNumbers');

export type RoomInputT = z.infer<typeof RoomInput>;
export type RoomPatchT = z.infer<typeof RoomPatch>;
export type BookingInputT = z.infer<typeof BookingInput>;
export type BookingActionInputT = z.infer<typeof BookingActionInput>;
export type UsageT = z.infer<typeof UsageSchema>;
export type BookingT = z.infer<typeof BookingSchema>;
