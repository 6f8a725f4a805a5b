import type { z } from '@hono/zod-openapi';
import type {
  BookingInput,
  BookingSchema,
  CheckinSchema,
  DaySchema,
  NumbersSchema,
  OptionsSchema,
  QrSchema,
  RoomInput,
  RoomPatch,
  RoomSchema,
  TargetsSchema,
  UsageSchema,
} from '../../../server/features/community/rooms/schemas';
import type { BookingAction } from '../../../shared/community-rooms';
import { download, http, type Items } from '../http';

// 功能室 (issue 16): rooms, targets, bookings and usage, typed from the server's schemas.

export type Room = z.infer<typeof RoomSchema>;
export type RoomInputBody = z.input<typeof RoomInput>;
export type RoomPatchBody = z.input<typeof RoomPatch>;
export type RoomTargets = z.infer<typeof TargetsSchema>;
export type RoomBooking = z.infer<typeof BookingSchema>;
export type RoomBookingBody = z.input<typeof BookingInput>;
export type RoomDay = z.infer<typeof DaySchema>;
export type RoomBookingOptions = z.infer<typeof OptionsSchema>;
export type RoomCheckin = z.infer<typeof CheckinSchema>;
export type RoomUsage = z.infer<typeof UsageSchema>;
export type RoomUsageRow = RoomUsage['rows'][number];
export type RoomNumbers = z.infer<typeof NumbersSchema>;

const B = '/community/rooms';

export const listRooms = (placeCode?: string, signal?: AbortSignal) =>
  http.get<Items<Room>>(`${B}/rooms`, { query: { placeCode }, signal }).then((r) => r.items);
export const createRoom = (body: RoomInputBody) => http.post<Room>(`${B}/rooms`, body);
export const updateRoom = (id: string, body: RoomPatchBody) => http.patch<Room>(`${B}/rooms/${id}`, body);
export const roomQr = (id: string) => http.get<z.infer<typeof QrSchema>>(`${B}/rooms/${id}/qr`);
export const roomDay = (id: string, day: string, signal?: AbortSignal) =>
  http.get<RoomDay>(`${B}/rooms/${id}/day`, { query: { day }, signal });
export const nearbyRooms = (signal?: AbortSignal) =>
  http.get<Items<Room>>(`${B}/nearby`, { signal }).then((r) => r.items);
export const bookingOptions = (signal?: AbortSignal) =>
  http.get<RoomBookingOptions>(`${B}/booking-options`, { signal });

export const listTargets = (placeCode?: string, signal?: AbortSignal) =>
  http.get<Items<RoomTargets>>(`${B}/targets`, { query: { placeCode }, signal }).then((r) => r.items);
export const setTargets = (communityId: string, body: { minDaysUsed: number; minParticipationPct: number }) =>
  http.put<RoomTargets>(`${B}/targets/${communityId}`, body);

export interface BookingFilters {
  placeCode?: string;
  roomId?: string;
  from?: string;
  to?: string;
}
export const listBookings = (filters: BookingFilters, signal?: AbortSignal) =>
  http.get<Items<RoomBooking>>(`${B}/bookings`, { query: { ...filters }, signal }).then((r) => r.items);
export const myBookings = (signal?: AbortSignal) =>
  http.get<Items<RoomBooking>>(`${B}/bookings/mine`, { signal }).then((r) => r.items);
export const bookRoom = (body: RoomBookingBody) => http.post<RoomBooking>(`${B}/bookings`, body);
export const actOnBooking = (
  id: string,
  action: BookingAction,
  body: { token?: string; attended?: number; reason?: string } = {},
) => http.post<RoomBooking>(`${B}/bookings/${id}/${action}`, body);
export const checkinByToken = (token: string, signal?: AbortSignal) =>
  http.get<RoomCheckin>(`${B}/check-in/${token}`, { signal });

export interface UsageFilters {
  year: number;
  month?: number;
  placeCode?: string;
}
export const roomUsage = (filters: UsageFilters, signal?: AbortSignal) =>
  http.get<RoomUsage>(`${B}/usage`, { query: { ...filters }, signal });
export const downloadRoomUsage = (filters: UsageFilters, fallbackName: string) =>
  download(`${B}/usage.xlsx`, { query: { ...filters }, fallbackName });
export const roomNumbers = (year: number, placeCode?: string, signal?: AbortSignal) =>
  http.get<RoomNumbers>(`${B}/numbers`, { query: { year, placeCode }, signal });
