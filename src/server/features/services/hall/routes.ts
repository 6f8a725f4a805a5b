import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { createAppointmentService } from './appointments.js';
import type { createQueueService } from './queue.js';
import {
  AppointmentActionParams,
  AppointmentInput,
  AppointmentSchema,
  CalledSchema,
  CountyQuery,
  DayQuery,
  HallId,
  HallInput,
  HallPatch,
  HallCreatedSchema,
  HallSchema,
  HallServicesSchema,
  KioskCreatedSchema,
  KioskInput,
  KioskSchema,
  PhoneTicketInput,
  PublicHallSchema,
  QueueSchema,
  RangeQuery,
  ScreenParams,
  ScreenSchema,
  ScreenTokenSchema,
  SlotSchema,
  TakenTicketSchema,
  TicketActionParams,
  TicketInput,
  TicketSchema,
  WindowInput,
  WindowPatch,
  WindowSchema,
  WindowStatsSchema,
} from './schemas.js';
import type { HallService } from './service.js';

// 一站式大厅 over HTTP: staff (services:window, scoped by the hall's place) under /services/hall/,
// a resident's 预约 and 取号, the public hall list and slots, and the call screen by its token.

const tags = ['services-hall'];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const base = '/services/hall';

const r = {
  halls: authRoute({
    method: 'get',
    path: `${base}/halls`,
    tags,
    summary: 'Halls in my scope',
    responses: { 200: items(HallSchema), ...errorResponses },
  }),
  createHall: authRoute({
    method: 'post',
    path: `${base}/halls`,
    tags,
    summary: 'Open a hall at a street or community (the call-screen token is shown this once)',
    request: json(HallInput),
    responses: { 201: jsonContent(HallCreatedSchema), ...errorResponses },
  }),
  renewScreenToken: authRoute({
    method: 'post',
    path: `${base}/halls/{id}/screen-token`,
    tags,
    summary: 'A new call-screen token, shown once (the old link stops working)',
    request: { params: HallId },
    responses: { 200: jsonContent(ScreenTokenSchema), ...errorResponses },
  }),
  hall: authRoute({
    method: 'get',
    path: `${base}/halls/{id}`,
    tags,
    summary: 'One hall',
    request: { params: HallId },
    responses: { 200: jsonContent(HallSchema), ...errorResponses },
  }),
  updateHall: authRoute({
    method: 'patch',
    path: `${base}/halls/{id}`,
    tags,
    summary: 'Name, address, slot capacity, opening half-days',
    request: { params: HallId, ...json(HallPatch) },
    responses: { 200: jsonContent(HallSchema), ...errorResponses },
  }),
  windows: authRoute({
    method: 'get',
    path: `${base}/halls/{id}/windows`,
    tags,
    summary: 'The hall’s windows',
    request: { params: HallId },
    responses: { 200: items(WindowSchema), ...errorResponses },
  }),
  addWindow: authRoute({
    method: 'post',
    path: `${base}/halls/{id}/windows`,
    tags,
    summary: 'Add a window',
    request: { params: HallId, ...json(WindowInput) },
    responses: { 201: jsonContent(WindowSchema), ...errorResponses },
  }),
  updateWindow: authRoute({
    method: 'patch',
    path: `${base}/windows/{id}`,
    tags,
    summary: 'Edit a window (items served, active)',
    request: { params: HallId, ...json(WindowPatch) },
    responses: { 200: jsonContent(WindowSchema), ...errorResponses },
  }),
  callNext: authRoute({
    method: 'post',
    path: `${base}/windows/{id}/call-next`,
    tags,
    summary: '叫号: call the oldest waiting ticket this window serves',
    request: { params: HallId },
    responses: { 200: jsonContent(CalledSchema), ...errorResponses },
  }),
  queue: authRoute({
    method: 'get',
    path: `${base}/halls/{id}/queue`,
    tags,
    summary: 'The tickets of a day, waiting count and estimated wait',
    request: { params: HallId, query: DayQuery },
    responses: { 200: jsonContent(QueueSchema), ...errorResponses },
  }),
  takeAtWindow: authRoute({
    method: 'post',
    path: `${base}/halls/{id}/tickets`,
    tags,
    summary: '窗口取号: a ticket for someone at the counter',
    request: { params: HallId, ...json(TicketInput) },
    responses: { 201: jsonContent(TakenTicketSchema), ...errorResponses },
  }),
  ticketAction: authRoute({
    method: 'post',
    path: `${base}/tickets/{id}/{action}`,
    tags,
    summary: 'Recall, start, done, skip, requeue or mark absent',
    request: { params: TicketActionParams },
    responses: { 200: jsonContent(TicketSchema), ...errorResponses },
  }),
  stats: authRoute({
    method: 'get',
    path: `${base}/halls/{id}/stats`,
    tags,
    summary: 'Served count and average waiting/serving time per window',
    request: { params: HallId, query: RangeQuery },
    responses: { 200: jsonContent(WindowStatsSchema), ...errorResponses },
  }),
  appointments: authRoute({
    method: 'get',
    path: `${base}/halls/{id}/appointments`,
    tags,
    summary: 'Appointments of a day',
    request: { params: HallId, query: DayQuery },
    responses: { 200: items(AppointmentSchema), ...errorResponses },
  }),
  appointmentAction: authRoute({
    method: 'post',
    path: `${base}/appointments/{id}/{action}`,
    tags,
    summary: 'Cancel an appointment, or mark the applicant arrived (takes a ticket)',
    request: { params: AppointmentActionParams },
    responses: {
      200: jsonContent(
        z.object({ id: z.string(), state: z.enum(['cancelled', 'arrived']), ticket: z.string().nullable() }),
      ),
      ...errorResponses,
    },
  }),
  services: authRoute({
    method: 'get',
    path: `${base}/halls/{id}/services`,
    tags,
    summary: 'Items and bundles of the hall’s county, to choose what a window serves',
    request: { params: HallId },
    responses: { 200: jsonContent(HallServicesSchema), ...errorResponses },
  }),
  kiosks: authRoute({
    method: 'get',
    path: `${base}/halls/{id}/kiosks`,
    tags,
    summary: 'The hall’s kiosks (tokens are never shown again)',
    request: { params: HallId },
    responses: { 200: items(KioskSchema), ...errorResponses },
  }),
  addKiosk: authRoute({
    method: 'post',
    path: `${base}/halls/{id}/kiosks`,
    tags,
    summary: 'Register a kiosk: its token is shown this once',
    request: { params: HallId, ...json(KioskInput) },
    responses: { 201: jsonContent(KioskCreatedSchema), ...errorResponses },
  }),
  revokeKiosk: authRoute({
    method: 'post',
    path: `${base}/kiosks/{id}/revoke`,
    tags,
    summary: 'Revoke a kiosk’s token',
    request: { params: HallId },
    responses: { 200: jsonContent(KioskSchema), ...errorResponses },
  }),
  book: authRoute({
    method: 'post',
    path: `${base}/appointments`,
    tags,
    summary: '预约: book a half-day slot for an item or bundle',
    request: json(AppointmentInput),
    responses: { 201: jsonContent(AppointmentSchema), ...errorResponses },
  }),
  myAppointments: authRoute({
    method: 'get',
    path: `${base}/appointments/mine`,
    tags,
    summary: 'My appointments from today on',
    responses: { 200: items(AppointmentSchema), ...errorResponses },
  }),
  takeOnPhone: authRoute({
    method: 'post',
    path: `${base}/tickets`,
    tags,
    summary: '手机取号: a number for today',
    request: json(PhoneTicketInput),
    responses: { 201: jsonContent(TakenTicketSchema), ...errorResponses },
  }),
  myTickets: authRoute({
    method: 'get',
    path: `${base}/tickets/mine`,
    tags,
    summary: 'My tickets of today',
    responses: { 200: items(TicketSchema), ...errorResponses },
  }),
  publicHalls: createRoute({
    method: 'get',
    path: '/public/services/halls',
    tags,
    summary: 'The halls residents may book or take a number at',
    request: { query: CountyQuery },
    responses: { 200: items(PublicHallSchema) },
  }),
  slots: createRoute({
    method: 'get',
    path: '/public/services/halls/{id}/slots',
    tags,
    summary: 'Half-day slots of the next two weeks with free places',
    request: { params: HallId },
    responses: { 200: items(SlotSchema), ...errorResponses },
  }),
  publicServices: createRoute({
    method: 'get',
    path: '/public/services/halls/{id}/services',
    tags,
    summary: 'Items and bundles a resident may book or take a number for at this hall',
    request: { params: HallId },
    responses: { 200: jsonContent(HallServicesSchema), ...errorResponses },
  }),
  screen: createRoute({
    method: 'get',
    path: '/public/services/hall-screen/{token}',
    tags,
    summary: 'The call screen: latest calls (ticket and window labels only)',
    request: { params: ScreenParams },
    responses: { 200: jsonContent(ScreenSchema), ...errorResponses },
  }),
};

export function hallRoutes(
  halls: HallService,
  queue: ReturnType<typeof createQueueService>,
  appointments: ReturnType<typeof createAppointmentService>,
) {
  return createRouter()
    .openapi(r.halls, async (c) => c.json({ items: await halls.listHalls(actorOf(c)) }, 200))
    .openapi(r.createHall, async (c) => c.json(await halls.createHall(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.renewScreenToken, async (c) =>
      c.json(await halls.renewScreenToken(actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(r.hall, async (c) => c.json(await halls.getHall(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.updateHall, async (c) =>
      c.json(await halls.updateHall(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.windows, async (c) =>
      c.json({ items: await halls.listWindows(actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(r.addWindow, async (c) =>
      c.json(await halls.addWindow(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.updateWindow, async (c) =>
      c.json(await halls.updateWindow(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.callNext, async (c) => c.json(await queue.callNext(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.queue, async (c) =>
      c.json(await queue.queue(actorOf(c), c.req.valid('param').id, c.req.valid('query').day), 200),
    )
    .openapi(r.takeAtWindow, async (c) =>
      c.json(await queue.takeAtWindow(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.ticketAction, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await queue.act(actorOf(c), id, action), 200);
    })
    .openapi(r.stats, async (c) =>
      c.json(await queue.stats(actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(r.appointments, async (c) =>
      c.json({ items: await appointments.ofDay(actorOf(c), c.req.valid('param').id, c.req.valid('query').day) }, 200),
    )
    .openapi(r.myAppointments, async (c) => c.json({ items: await appointments.mine(actorOf(c)) }, 200))
    .openapi(r.appointmentAction, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await appointments.act(actorOf(c), id, action), 200);
    })
    .openapi(r.services, async (c) => c.json(await halls.services(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.kiosks, async (c) => c.json({ items: await halls.listKiosks(actorOf(c), c.req.valid('param').id) }, 200))
    .openapi(r.addKiosk, async (c) =>
      c.json(await halls.addKiosk(actorOf(c), c.req.valid('param').id, c.req.valid('json').name), 201),
    )
    .openapi(r.revokeKiosk, async (c) => c.json(await halls.revokeKiosk(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.book, async (c) => c.json(await appointments.book(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.myTickets, async (c) => c.json({ items: await appointments.myTickets(actorOf(c)) }, 200))
    .openapi(r.takeOnPhone, async (c) => c.json(await appointments.takeOnPhone(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.publicHalls, async (c) =>
      c.json({ items: await appointments.publicHalls(c.req.valid('query').county) }, 200),
    )
    .openapi(r.slots, async (c) => c.json({ items: await appointments.slots(c.req.valid('param').id) }, 200))
    .openapi(r.publicServices, async (c) => c.json(await halls.services(null, c.req.valid('param').id), 200))
    .openapi(r.screen, async (c) => c.json(await queue.screen(c.req.valid('param').token), 200));
}
