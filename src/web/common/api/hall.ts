// 一站式大厅 and 自助终端: the hall's API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  AppointmentSchema,
  CalledSchema,
  HallCreatedSchema,
  HallSchema,
  KioskCreatedSchema,
  KioskSchema,
  PublicHallSchema,
  QueueSchema,
  ScreenSchema,
  ScreenTokenSchema,
  SlotSchema,
  TakenTicketSchema,
  TicketSchema,
  WindowSchema,
  WindowStatsSchema,
} from '../../../server/features/services/hall/schemas';
import type { TicketAction } from '../../../shared/hall';
import { http, type Items } from '../http';

export type Hall = z.infer<typeof HallSchema>;
export type HallCreated = z.infer<typeof HallCreatedSchema>;
export type ScreenToken = z.infer<typeof ScreenTokenSchema>;
export type PublicHall = z.infer<typeof PublicHallSchema>;
export type HallWindow = z.infer<typeof WindowSchema>;
export type Slot = z.infer<typeof SlotSchema>;
export type Appointment = z.infer<typeof AppointmentSchema>;
export type Ticket = z.infer<typeof TicketSchema>;
export type TakenTicket = z.infer<typeof TakenTicketSchema>;
export type Queue = z.infer<typeof QueueSchema>;
export type Called = z.infer<typeof CalledSchema>;
export type WindowStats = z.infer<typeof WindowStatsSchema>;
export type Kiosk = z.infer<typeof KioskSchema>;
export type KioskCreated = z.infer<typeof KioskCreatedSchema>;
export type Screen = z.infer<typeof ScreenSchema>;

const base = '/services/hall';

export const hallApi = {
  halls: () => http.get<Items<Hall>>(`${base}/halls`),
  hall: (id: string) => http.get<Hall>(`${base}/halls/${id}`),
  createHall: (body: {
    placeCode: string;
    name: string;
    address?: string;
    slotCapacity: number;
    openHalfDays: string[];
  }) => http.post<HallCreated>(`${base}/halls`, body),
  /** A new call-screen token, shown once; the old link stops working. */
  renewScreenToken: (id: string) => http.post<ScreenToken>(`${base}/halls/${id}/screen-token`, {}),
  updateHall: (
    id: string,
    body: Partial<{ name: string; address: string; slotCapacity: number; openHalfDays: string[] }>,
  ) => http.patch<Hall>(`${base}/halls/${id}`, body),
  windows: (hallId: string) => http.get<Items<HallWindow>>(`${base}/halls/${hallId}/windows`),
  addWindow: (hallId: string, body: Partial<HallWindow> & { label: string }) =>
    http.post<HallWindow>(`${base}/halls/${hallId}/windows`, body),
  updateWindow: (id: string, body: Partial<HallWindow>) => http.patch<HallWindow>(`${base}/windows/${id}`, body),
  callNext: (windowId: string) => http.post<Called>(`${base}/windows/${windowId}/call-next`, {}),
  queue: (hallId: string, day?: string) => http.get<Queue>(`${base}/halls/${hallId}/queue`, { query: { day } }),
  takeAtWindow: (hallId: string, body: { itemId?: string; bundleId?: string }) =>
    http.post<TakenTicket>(`${base}/halls/${hallId}/tickets`, body),
  act: (ticketId: string, action: TicketAction) => http.post<Ticket>(`${base}/tickets/${ticketId}/${action}`, {}),
  stats: (hallId: string, from?: string, to?: string) =>
    http.get<WindowStats>(`${base}/halls/${hallId}/stats`, { query: { from, to } }),
  appointments: (hallId: string, day?: string) =>
    http.get<Items<Appointment>>(`${base}/halls/${hallId}/appointments`, { query: { day } }),
  appointmentAction: (id: string, action: 'cancel' | 'arrive') =>
    http.post<{ id: string; state: string; ticket: string | null }>(`${base}/appointments/${id}/${action}`, {}),
  services: (hallId: string) =>
    http.get<{ items: { id: string; name: string }[]; bundles: { id: string; name: string }[] }>(
      `${base}/halls/${hallId}/services`,
    ),
  kiosks: (hallId: string) => http.get<Items<Kiosk>>(`${base}/halls/${hallId}/kiosks`),
  addKiosk: (hallId: string, name: string) => http.post<KioskCreated>(`${base}/halls/${hallId}/kiosks`, { name }),
  revokeKiosk: (id: string) => http.post<Kiosk>(`${base}/kiosks/${id}/revoke`, {}),
  // The resident's own, on the phone.
  publicHalls: () => http.get<Items<PublicHall>>('/public/services/halls'),
  publicServices: (hallId: string) =>
    http.get<{ items: { id: string; name: string }[]; bundles: { id: string; name: string }[] }>(
      `/public/services/halls/${hallId}/services`,
    ),
  slots: (hallId: string) => http.get<Items<Slot>>(`/public/services/halls/${hallId}/slots`),
  book: (body: {
    hallId: string;
    itemId?: string;
    bundleId?: string;
    day: string;
    halfDay: 'am' | 'pm';
    name: string;
    phone: string;
  }) => http.post<Appointment>(`${base}/appointments`, body),
  myAppointments: () => http.get<Items<Appointment>>(`${base}/appointments/mine`),
  cancelMine: (id: string) => http.post<{ id: string }>(`${base}/appointments/${id}/cancel`, {}),
  takeOnPhone: (body: { hallId: string; itemId?: string; bundleId?: string }) =>
    http.post<TakenTicket>(`${base}/tickets`, body),
  myTickets: () => http.get<Items<Ticket>>(`${base}/tickets/mine`),
  screen: (token: string) => http.get<Screen>(`/public/services/hall-screen/${token}`),
};
