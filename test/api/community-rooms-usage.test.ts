import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noShowJob } from '../../src/server/features/community/rooms/index.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { bookingBody, buildRoom } from '../support/community-rooms.js';
import { buildWorld } from '../support/factories.js';

// 功能室 (issue 16): booking conflicts under concurrency, and usage and participation against a
// known month computed by hand — December 2026 in 和平社区's 老年活动室:
//
//   day     time         expected  what happened           used day  seats  attended
//   11-30   19:00–20:00      9     completed, 9 came        (November: outside the month)
//   12-03   09:00–11:00     10     completed, 8 came        12-03      10        8
//   12-03   14:00–16:00     20     completed, 12 came       (same day)  20       12
//   12-10   09:00–10:00      5     checked in, not closed   12-10       5        0
//   12-15   09:00–10:00      6     nobody came → no-show      —         6        0
//   12-20   09:00–10:00     30     cancelled                  —         —        —
//   12-31   19:00–20:00      4     completed, 4 came        12-31       4        4
//   01-01   09:00–10:00     10     completed, 10 came       (2027: outside)
//
//   December: 3 days used, 5 bookings held (1 no-show), 45 seats, 24 attended → 53.3 %.
//   Year 2026: 4 days, 6 held, 54 seats, 33 attended → 61.1 %: participation met (≥ 60 %),
//   days not (4 < 50) until the community sets its target to 4 days.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
const B = '/api/v1/community/rooms';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
});
afterAll(() => ctx.close());

describe('booking conflicts under concurrency', () => {
  it('of eight overlapping bookings sent at once exactly one is taken; the others are told ROOM_CONFLICT', async () => {
    const room = await buildRoom(worker2, world.c2.id, { name: '多功能厅', capacity: 80 });
    const sessions = await Promise.all(Array.from({ length: 8 }, () => new Session(ctx).login('worker2')));
    const starts = ['09:00', '09:30', '10:00', '09:15', '09:45', '10:15', '09:00', '10:29'];
    const results = await Promise.all(
      sessions.map((s, i) => s.post(`${B}/bookings`, bookingBody(room.id, '2026-12-01', starts[i], '10:30'))),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ROOM_CONFLICT')).toBe(true);
    const held = await ctx.deps.db
      .selectFrom('community_room_bookings')
      .select(['start_minute', 'end_minute'])
      .where('room_id', '=', room.id)
      .execute();
    expect(held).toHaveLength(1);
  });

  it('bookings sent at once that do not overlap are all taken, and no two held ones overlap', async () => {
    const room = await buildRoom(worker2, world.c2.id, { name: '儿童之家', capacity: 20 });
    const slots = [
      ['08:00', '09:00'],
      ['09:00', '10:00'],
      ['10:00', '11:00'],
      ['08:30', '09:30'],
      ['09:30', '10:30'],
      ['11:00', '12:00'],
    ];
    const sessions = await Promise.all(slots.map(() => new Session(ctx).login('worker2')));
    const results = await Promise.all(
      sessions.map((s, i) => s.post(`${B}/bookings`, bookingBody(room.id, '2026-12-02', slots[i][0], slots[i][1]))),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    const held = await ctx.deps.db
      .selectFrom('community_room_bookings')
      .select(['start_minute', 'end_minute'])
      .where('room_id', '=', room.id)
      .orderBy('start_minute')
      .execute();
    expect(held.length).toBe(results.filter((r) => r.status === 201).length);
    expect(held.length).toBeGreaterThanOrEqual(3); // whichever wins first, 11–12 and two more always fit
    for (let i = 1; i < held.length; i++) expect(held[i].start_minute).toBeGreaterThanOrEqual(held[i - 1].end_minute);
  });
});

describe('usage against a known month', () => {
  let roomId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx.clock.set('2026-11-24T01:00:00Z');
    worker1 = await new Session(ctx).login('worker1');
    roomId = (await buildRoom(worker1, world.c1.id, { name: '老年活动室', capacity: 40 })).id;
    const plan: [string, string, string, string, number][] = [
      ['nov30', '2026-11-30', '19:00', '20:00', 9],
      ['d3am', '2026-12-03', '09:00', '11:00', 10],
      ['d3pm', '2026-12-03', '14:00', '16:00', 20],
      ['d10', '2026-12-10', '09:00', '10:00', 5],
      ['d15', '2026-12-15', '09:00', '10:00', 6],
      ['d20', '2026-12-20', '09:00', '10:00', 30],
      ['d31', '2026-12-31', '19:00', '20:00', 4],
      ['jan1', '2027-01-01', '09:00', '10:00', 10],
    ];
    for (const [key, day, start, end, expected] of plan) {
      const res = await worker1.post(`${B}/bookings`, bookingBody(roomId, day, start, end, { expected }));
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    }
    expect((await worker1.post(`${B}/bookings/${ids.d20}/cancel`, {})).status).toBe(200);
    ctx.clock.set('2027-01-02T02:00:00Z');
    worker1 = await new Session(ctx).login('worker1');
    for (const key of ['nov30', 'd3am', 'd3pm', 'd10', 'd31', 'jan1'])
      expect((await worker1.post(`${B}/bookings/${ids[key]}/check-in`, {})).status).toBe(200);
    const attended: Record<string, number> = { nov30: 9, d3am: 8, d3pm: 12, d31: 4, jan1: 10 };
    for (const [key, n] of Object.entries(attended))
      expect((await worker1.post(`${B}/bookings/${ids[key]}/complete`, { attended: n })).status).toBe(200);
    const runner = new JobRunner(ctx.deps.db, ctx.clock);
    runner.add(noShowJob);
    await runner.drain();
  });

  const rowOf = (body: { rows: { roomId: string }[] }) => body.rows.find((r) => r.roomId === roomId);

  it('December: 3 days used, 45 booked seats, 24 attended, 53.3 %; no target judgement for a month', async () => {
    const res = await worker1.get(`${B}/usage?year=2026&month=12`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-12-01', to: '2026-12-31', month: 12 });
    expect(rowOf(res.body)).toMatchObject({
      roomName: '老年活动室',
      communityName: '和平社区',
      daysUsed: 3,
      bookingsHeld: 5,
      noShows: 1,
      bookedSeats: 45,
      attended: 24,
      participationPct: 53.3,
      daysMet: null,
      participationMet: null,
      met: null,
    });
  });

  it('the year 2026: 4 days, 54 seats, 33 attended, 61.1 %: participation met, days not, until the target is 4 days', async () => {
    const year = rowOf((await worker1.get(`${B}/usage?year=2026`)).body);
    expect(year).toMatchObject({
      daysUsed: 4,
      bookingsHeld: 6,
      bookedSeats: 54,
      attended: 33,
      participationPct: 61.1,
      target: { minDaysUsed: 50, minParticipationPct: 60 },
      daysMet: false,
      participationMet: true,
      met: false,
    });
    await worker1.request('PUT', `${B}/targets/${world.c1.id}`, { minDaysUsed: 4, minParticipationPct: 60 });
    expect(rowOf((await worker1.get(`${B}/usage?year=2026`)).body)).toMatchObject({ daysMet: true, met: true });
    await worker1.request('PUT', `${B}/targets/${world.c1.id}`, { minDaysUsed: 4, minParticipationPct: 62 });
    expect(rowOf((await worker1.get(`${B}/usage?year=2026`)).body)).toMatchObject({
      participationMet: false,
      met: false,
    });
  });

  it('the year’s numbers per community add up its rooms, for the street above both', async () => {
    const officer = await new Session(ctx).login('officer');
    const res = await officer.get(`${B}/numbers?year=2026`);
    expect(res.status).toBe(200);
    const peace = res.body.communities.find((c: { communityName: string }) => c.communityName === '和平社区');
    expect(peace).toEqual({
      communityId: world.c1.id,
      communityCode: world.c1.code,
      communityName: '和平社区',
      rooms: 1,
      roomsMeetingTargets: 0,
      daysUsed: 4,
      bookingsHeld: 6,
      noShows: 1,
      bookedSeats: 54,
      attended: 33,
      participationPct: 61.1,
    });
    expect(res.body.communities.map((c: { communityName: string }) => c.communityName)).toEqual([
      '和平社区',
      '文化社区',
    ]);
    const own = await worker1.get(`${B}/numbers?year=2026`);
    expect(own.body.communities.map((c: { communityName: string }) => c.communityName)).toEqual(['和平社区']);
  });

  it('exports the month as Excel with the same figures', async () => {
    const res = await worker1.get(`${B}/usage.xlsx?year=2026&month=12`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.getWorksheet('功能室使用率')!;
    expect(sheet.getRow(1).values).toContain('参与率');
    const line = sheet.getSheetValues().find((r) => Array.isArray(r) && r.includes('老年活动室')) as unknown[];
    expect(line.slice(1, 10)).toEqual(['和平社区', '老年活动室', 40, 3, 5, 1, 45, 24, '53.3%']);
  });

  it('a worker of another community sees no row of it, in the list or the sheet', async () => {
    worker2 = await new Session(ctx).login('worker2');
    const res = await worker2.get(`${B}/usage?year=2026&month=12`);
    expect(res.body.rows.map((r: { communityName: string }) => r.communityName)).toEqual(['文化社区', '文化社区']);
    expect((await worker2.get(`${B}/usage?year=2026&placeCode=${world.c1.code}`)).status).toBe(404);
    const sheet = await worker2.get(`${B}/usage.xlsx?year=2026`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.body);
    expect(JSON.stringify(book.getWorksheet('功能室使用率')!.getSheetValues())).not.toContain('和平社区');
    const bookings = (await worker2.get(`${B}/bookings?from=2026-12-01&to=2026-12-31`)).body.items;
    expect(bookings.length).toBeGreaterThan(0);
    expect(bookings.every((b: { communityName: string }) => b.communityName === '文化社区')).toBe(true);
  });
});
