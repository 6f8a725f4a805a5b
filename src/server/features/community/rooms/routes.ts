import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { BookingService } from './bookings.js';
import {
  BookingActionInput,
  BookingActionParams,
  BookingInput,
  BookingSchema,
  BookingsQuery,
  CheckinSchema,
  CommunityParam,
  DayQuery,
  DaySchema,
  IdParam,
  ListQuery,
  NumbersQuery,
  NumbersSchema,
  OptionsSchema,
  QrSchema,
  RoomInput,
  RoomPatch,
  RoomSchema,
  TargetsInput,
  TargetsSchema,
  TokenParam,
  UsageQuery,
  UsageSchema,
} from './schemas.js';
import type { RoomsService } from './service.js';
import { usageSheet } from './sheet.js';

// 功能室 over HTTP: staff (community:read / community:manage, scoped by the room's place) and anyone
// logged in booking in their own name, all under /community/rooms/.

const tags = ['community-rooms'];
const base = '/community/rooms';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const r = {
  rooms: authRoute({
    method: 'get',
    path: `${base}/rooms`,
    tags,
    summary: 'Rooms in my scope',
    request: { query: ListQuery },
    responses: { 200: items(RoomSchema), ...errorResponses },
  }),
  createRoom: authRoute({
    method: 'post',
    path: `${base}/rooms`,
    tags,
    summary: 'Add a room to a community (community:manage)',
    request: json(RoomInput),
    responses: { 201: jsonContent(RoomSchema), ...errorResponses },
  }),
  room: authRoute({
    method: 'get',
    path: `${base}/rooms/{id}`,
    tags,
    summary: 'One room',
    request: { params: IdParam },
    responses: { 200: jsonContent(RoomSchema), ...errorResponses },
  }),
  updateRoom: authRoute({
    method: 'patch',
    path: `${base}/rooms/{id}`,
    tags,
    summary: 'Name, capacity, opening hours, facilities, active',
    request: { params: IdParam, ...json(RoomPatch) },
    responses: { 200: jsonContent(RoomSchema), ...errorResponses },
  }),
  qr: authRoute({
    method: 'get',
    path: `${base}/rooms/{id}/qr`,
    tags,
    summary: 'The room’s check-in QR code (SVG) and the phone URL it carries',
    request: { params: IdParam },
    responses: { 200: jsonContent(QrSchema), ...errorResponses },
  }),
  roomDay: authRoute({
    method: 'get',
    path: `${base}/rooms/{id}/day`,
    tags,
    summary: 'A room’s opening and taken times on a day (no names), for booking',
    request: { params: IdParam, query: DayQuery },
    responses: { 200: jsonContent(DaySchema), ...errorResponses },
  }),
  nearby: authRoute({
    method: 'get',
    path: `${base}/nearby`,
    tags,
    summary: 'The active rooms of my home community',
    responses: { 200: items(RoomSchema), ...errorResponses },
  }),
  options: authRoute({
    method: 'get',
    path: `${base}/booking-options`,
    tags,
    summary: 'The teams I lead or belong to and the units I act for, and my home community',
    responses: { 200: jsonContent(OptionsSchema), ...errorResponses },
  }),
  targets: authRoute({
    method: 'get',
    path: `${base}/targets`,
    tags,
    summary: 'Usage targets of the communities in my scope',
    request: { query: ListQuery },
    responses: { 200: items(TargetsSchema), ...errorResponses },
  }),
  setTargets: authRoute({
    method: 'put',
    path: `${base}/targets/{communityId}`,
    tags,
    summary: 'Set a community’s usage targets (community:manage)',
    request: { params: CommunityParam, ...json(TargetsInput) },
    responses: { 200: jsonContent(TargetsSchema), ...errorResponses },
  }),
  bookings: authRoute({
    method: 'get',
    path: `${base}/bookings`,
    tags,
    summary: 'Bookings in my scope from a day to another (default a week from today)',
    request: { query: BookingsQuery },
    responses: { 200: items(BookingSchema), ...errorResponses },
  }),
  book: authRoute({
    method: 'post',
    path: `${base}/bookings`,
    tags,
    summary: 'Book a room for my team, my unit or a group (staff: for anyone); overlaps are refused',
    request: json(BookingInput),
    responses: { 201: jsonContent(BookingSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/bookings/mine`,
    tags,
    summary: 'My bookings from a month ago on',
    responses: { 200: items(BookingSchema), ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/bookings/{id}/{action}`,
    tags,
    summary: 'Check in (booker with the room’s code, or staff), complete with the attended count, or cancel',
    request: { params: BookingActionParams, ...json(BookingActionInput) },
    responses: { 200: jsonContent(BookingSchema), ...errorResponses },
  }),
  checkin: authRoute({
    method: 'get',
    path: `${base}/check-in/{token}`,
    tags,
    summary: 'The room of a check-in QR code and my bookings there today',
    request: { params: TokenParam },
    responses: { 200: jsonContent(CheckinSchema), ...errorResponses },
  }),
  usage: authRoute({
    method: 'get',
    path: `${base}/usage`,
    tags,
    summary: 'Usage per room for a year or a month, against the community’s targets',
    request: { query: UsageQuery },
    responses: { 200: jsonContent(UsageSchema), ...errorResponses },
  }),
  usageSheet: authRoute({
    method: 'get',
    path: `${base}/usage.xlsx`,
    tags,
    summary: 'The same usage as an Excel sheet',
    request: { query: UsageQuery },
    responses: {
      200: { description: 'Sheet', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
  numbers: authRoute({
    method: 'get',
    path: `${base}/numbers`,
    tags,
    summary: 'The year’s room figures per community in scope',
    request: { query: NumbersQuery },
    responses: { 200: jsonContent(NumbersSchema), ...errorResponses },
  }),
};

export function roomsRoutes(rooms: RoomsService, bookings: BookingService) {
  return createRouter()
    .openapi(r.rooms, async (c) =>
      c.json({ items: await rooms.listRooms(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.createRoom, async (c) => c.json(await rooms.createRoom(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.nearby, async (c) => c.json({ items: await bookings.nearby(actorOf(c)) }, 200))
    .openapi(r.options, async (c) => c.json(await bookings.options(actorOf(c)), 200))
    .openapi(r.room, async (c) => c.json(await rooms.getRoom(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.updateRoom, async (c) =>
      c.json(await rooms.updateRoom(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.qr, async (c) => c.json(await rooms.qr(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.roomDay, async (c) => c.json(await bookings.day(c.req.valid('param').id, c.req.valid('query').day), 200))
    .openapi(r.targets, async (c) =>
      c.json({ items: await rooms.listTargets(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.setTargets, async (c) =>
      c.json(await rooms.setTargets(actorOf(c), c.req.valid('param').communityId, c.req.valid('json')), 200),
    )
    .openapi(r.mine, async (c) => c.json({ items: await bookings.mine(actorOf(c)) }, 200))
    .openapi(r.bookings, async (c) => c.json({ items: await bookings.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.book, async (c) => c.json(await bookings.book(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await bookings.act(actorOf(c), id, action, c.req.valid('json')), 200);
    })
    .openapi(r.checkin, async (c) => c.json(await bookings.checkinPage(actorOf(c), c.req.valid('param').token), 200))
    .openapi(r.usage, async (c) => c.json(await rooms.usage(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.usageSheet, async (c) => {
      const q = c.req.valid('query');
      const bytes = await usageSheet(await rooms.usage(actorOf(c), q));
      const name = `功能室使用率-${q.year}${q.month ? `-${String(q.month).padStart(2, '0')}` : ''}.xlsx`;
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    })
    .openapi(r.numbers, async (c) => c.json(await rooms.numbers(actorOf(c), c.req.valid('query')), 200));
}
