import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noShowJob } from '../../src/server/features/community/rooms/index.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows } from '../support/db.js';
import { allWeek, bookingBody, buildRoom, buildTeam, buildUnit, setHome } from '../support/community-rooms.js';
import { buildUser, buildWorld, phoneLogin } from '../support/factories.js';

// 功能室 (issue 16): rooms run by the community, bookings for a team, a unit or a residents' group with
// overlaps and closed hours refused, the booker's check-in at the room's QR code, completion with the
// attended count, cancellation, the no-show job, and scope: another community sees none of it.
// The clock starts on Tuesday 2026-11-24 09:00 Beijing time.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
let vol: Session;
let liaison: Session;
let room: { id: string; name: string; capacity: number };
let team: { id: string; name: string };
let unit: { id: string; name: string };
const B = '/api/v1/community/rooms';

const rows = (table: 'community_room_bookings' | 'community_rooms') => countRows(ctx.deps.db, table);

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'vol1', 'volunteer', world.c1.code);
  await buildUser(ctx.deps, 'vol2', 'volunteer', world.c1.code);
  await buildUser(ctx.deps, 'liaison1', 'unit_liaison', world.c1.code);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  vol = await new Session(ctx).login('vol1');
  liaison = await new Session(ctx).login('liaison1');
  team = await buildTeam(ctx.deps, world.c1.id, '和平社区助老志愿服务队', 'vol1');
  unit = await buildUnit(ctx.deps, world.c1.id, '县供电公司城关供电所', ['liaison1']);
  const weekdaysOnly = [...allWeek().slice(0, 5), null, null];
  room = await buildRoom(worker1, world.c1.id, { name: '党员活动室', capacity: 30, openingHours: weekdaysOnly });
});
afterAll(() => ctx.close());

/** Moves the clock and logs everyone in again (a session lapses when a day passes). */
async function travel(at: string) {
  ctx.clock.set(at);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  vol = await new Session(ctx).login('vol1');
  liaison = await new Session(ctx).login('liaison1');
}

describe('rooms', () => {
  it('a community worker adds a room with hours; a second of the same name is refused', async () => {
    const list = await worker1.get(`${B}/rooms`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(['党员活动室']);
    expect(list.body.items[0].openingHours[5]).toBeNull();
    const again = await worker1.post(`${B}/rooms`, {
      communityId: world.c1.id,
      name: '党员活动室',
      capacity: 10,
      openingHours: allWeek(),
    });
    expect(again.status).toBe(409);
  });

  it('refuses bad input with 400 and leaves no row', async () => {
    const before = await rows('community_rooms');
    for (const body of [
      { communityId: world.c1.id, name: '多功能厅', capacity: 0, openingHours: allWeek() },
      { communityId: world.c1.id, name: '多功能厅', capacity: 10, openingHours: allWeek().slice(0, 6) },
      { communityId: world.c1.id, name: '多功能厅', capacity: 10, openingHours: allWeek('18:00', '08:00') },
      { communityId: world.c1.id, name: '多功\u0007能厅', capacity: 10, openingHours: allWeek() },
    ])
      expect((await worker1.post(`${B}/rooms`, body)).status).toBe(400);
    expect(await rows('community_rooms')).toBe(before);
  });

  it('a worker of another community sees none of its rooms and cannot add one there', async () => {
    expect((await worker2.get(`${B}/rooms`)).body.items).toEqual([]);
    expect((await worker2.get(`${B}/rooms/${room.id}`)).status).toBe(404);
    expect((await worker2.patch(`${B}/rooms/${room.id}`, { capacity: 5 })).status).toBe(404);
    expect((await worker2.get(`${B}/rooms/${room.id}/qr`)).status).toBe(404);
    const res = await worker2.post(`${B}/rooms`, {
      communityId: world.c1.id,
      name: '文化室',
      capacity: 10,
      openingHours: allWeek(),
    });
    expect(res.status).toBe(404);
    expect((await worker2.get(`${B}/rooms?placeCode=${world.c1.code}`)).status).toBe(404);
  });

  it('a volunteer (no community:read) may not list rooms in the console', async () => {
    expect((await vol.get(`${B}/rooms`)).status).toBe(403);
    expect(
      (await vol.post(`${B}/rooms`, { communityId: world.c1.id, name: '甲室', capacity: 3, openingHours: allWeek() }))
        .status,
    ).toBe(403);
  });

  it('targets default to 50 days and 60 %, and the community sets its own', async () => {
    const t = await worker1.get(`${B}/targets`);
    expect(t.body.items).toEqual([
      {
        communityId: world.c1.id,
        communityName: '和平社区',
        minDaysUsed: 50,
        minParticipationPct: 60,
        isDefault: true,
      },
    ]);
    expect(
      (await worker2.request('PUT', `${B}/targets/${world.c1.id}`, { minDaysUsed: 1, minParticipationPct: 1 })).status,
    ).toBe(404);
    const set = await worker1.request('PUT', `${B}/targets/${world.c1.id}`, {
      minDaysUsed: 80,
      minParticipationPct: 70,
    });
    expect(set.status).toBe(200);
    expect((await worker1.get(`${B}/targets`)).body.items[0]).toMatchObject({ minDaysUsed: 80, isDefault: false });
  });
});

describe('bookings', () => {
  it('a volunteer books for their own team; the time is then taken for everyone', async () => {
    const res = await vol.post(
      `${B}/bookings`,
      bookingBody(room.id, '2026-11-25', '09:00', '11:00', { for: { kind: 'team', teamId: team.id } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      roomName: '党员活动室',
      start: '09:00',
      end: '11:00',
      forKind: 'team',
      forName: '和平社区助老志愿服务队',
      state: 'booked',
      mine: true,
      actions: ['check-in', 'cancel'],
    });
    const day = await liaison.get(`${B}/rooms/${room.id}/day?day=2026-11-25`);
    expect(day.body).toMatchObject({
      open: { start: '08:00', end: '21:00' },
      taken: [{ start: '09:00', end: '11:00' }],
    });
    expect(JSON.stringify(day.body)).not.toContain('vol1');
  });

  it('refuses an overlap, but takes the time right after', async () => {
    const overlap = await liaison.post(
      `${B}/bookings`,
      bookingBody(room.id, '2026-11-25', '10:30', '12:00', { for: { kind: 'unit', organisationId: unit.id } }),
    );
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('ROOM_CONFLICT');
    const after = await liaison.post(
      `${B}/bookings`,
      bookingBody(room.id, '2026-11-25', '11:00', '12:00', { for: { kind: 'unit', organisationId: unit.id } }),
    );
    expect(after.status).toBe(201);
    expect(after.body.forName).toBe('县供电公司城关供电所');
  });

  it('refuses closed days and hours, past times, more people than seats, and someone else’s team or unit', async () => {
    const before = await rows('community_room_bookings');
    const refused = async (body: unknown, s: Session = vol) => {
      const res = await s.post(`${B}/bookings`, body);
      return [res.status, res.body.error?.code];
    };
    expect(await refused(bookingBody(room.id, '2026-11-28', '09:00', '10:00'))).toEqual([422, 'ROOM_CLOSED']); // Saturday
    expect(await refused(bookingBody(room.id, '2026-11-26', '07:00', '09:00'))).toEqual([422, 'ROOM_CLOSED']);
    expect(await refused(bookingBody(room.id, '2026-11-26', '20:00', '21:30'))).toEqual([422, 'ROOM_CLOSED']);
    expect(await refused(bookingBody(room.id, '2026-11-24', '08:00', '08:30'))).toEqual([422, 'ROOM_TIME_PASSED']);
    expect(await refused(bookingBody(room.id, '2026-11-26', '09:00', '10:00', { expected: 31 }))).toEqual([
      422,
      'ROOM_OVER_CAPACITY',
    ]);
    expect(await refused(bookingBody(room.id, '2026-11-26', '10:00', '09:00'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      await refused(
        bookingBody(room.id, '2026-11-26', '09:00', '10:00', { for: { kind: 'unit', organisationId: unit.id } }),
      ),
    ).toEqual([403, 'ROOM_NOT_YOUR_GROUP']);
    expect(
      await refused(
        bookingBody(room.id, '2026-11-26', '09:00', '10:00', { for: { kind: 'team', teamId: team.id } }),
        liaison,
      ),
    ).toEqual([403, 'ROOM_NOT_YOUR_GROUP']);
    expect(
      await refused(bookingBody(room.id, '2026-11-26', '09:00', '10:00', { for: { kind: 'group', name: '' } })),
    ).toEqual([400, 'VALIDATION_FAILED']);
    expect(await rows('community_room_bookings')).toBe(before);
  });

  it('staff book for any team or unit of the county, and see every booking of their community', async () => {
    const res = await worker1.post(
      `${B}/bookings`,
      bookingBody(room.id, '2026-11-26', '14:00', '16:00', { for: { kind: 'team', teamId: team.id } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.mine).toBe(true);
    const list = await worker1.get(`${B}/bookings?from=2026-11-24&to=2026-11-30`);
    expect(list.body.items.map((b: { start: string; day: string }) => `${b.day} ${b.start}`)).toEqual([
      '2026-11-25 09:00',
      '2026-11-25 11:00',
      '2026-11-26 14:00',
    ]);
    expect(list.body.items[0].actions).toEqual(['check-in', 'cancel']);
    expect((await worker2.get(`${B}/bookings?from=2026-11-24&to=2026-11-30`)).body.items).toEqual([]);
  });

  it('another community’s worker cannot act on a booking: it reads as not found', async () => {
    const id = (await vol.get(`${B}/bookings/mine`)).body.items[0].id;
    expect((await worker2.post(`${B}/bookings/${id}/cancel`, {})).status).toBe(404);
    expect((await liaison.post(`${B}/bookings/${id}/cancel`, {})).status).toBe(404);
  });

  it('the booker checks in only at the room’s QR code, from 30 minutes before the start', async () => {
    const id = (await vol.get(`${B}/bookings/mine`)).body.items.find((b: { day: string }) => b.day === '2026-11-25').id;
    const qr = await worker1.get(`${B}/rooms/${room.id}/qr`);
    expect(qr.body.svg).toContain('<svg');
    const token = qr.body.url.split('/m/room-checkin/')[1] as string;
    expect(JSON.stringify((await worker1.get(`${B}/rooms`)).body)).not.toContain(token);
    await travel('2026-11-25T00:00:00Z'); // 08:00
    expect((await vol.post(`${B}/bookings/${id}/check-in`, { token })).body.error.code).toBe('ROOM_CHECKIN_NOT_OPEN');
    await travel('2026-11-25T00:40:00Z'); // 08:40
    const page = await vol.get(`${B}/check-in/${token}`);
    expect(page.body.room.name).toBe('党员活动室');
    expect(page.body.bookings.map((b: { id: string }) => b.id)).toEqual([id]);
    expect((await vol.post(`${B}/bookings/${id}/check-in`, {})).body.error.code).toBe('ROOM_CHECKIN_CODE_INVALID');
    expect((await vol.post(`${B}/bookings/${id}/check-in`, { token: 'x'.repeat(32) })).body.error.code).toBe(
      'ROOM_CHECKIN_CODE_INVALID',
    );
    const ok = await vol.post(`${B}/bookings/${id}/check-in`, { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'checked_in', actions: ['complete'] });
    expect((await vol.post(`${B}/bookings/${id}/check-in`, { token })).body.error.code).toBe('ROOM_ACTION_NOT_ALLOWED');
    expect((await vol.post(`${B}/bookings/${id}/complete`, {})).status).toBe(400);
    expect((await vol.post(`${B}/bookings/${id}/complete`, { attended: 31 })).body.error.code).toBe(
      'ROOM_OVER_CAPACITY',
    );
    const done = await vol.post(`${B}/bookings/${id}/complete`, { attended: 8 });
    expect(done.body).toMatchObject({ state: 'completed', attended: 8, actions: [] });
    expect((await vol.post(`${B}/bookings/${id}/cancel`, {})).body.error.code).toBe('ROOM_ACTION_NOT_ALLOWED');
  });

  it('a booking nobody checked in becomes no-show when its end has passed, by the job', async () => {
    const runner = new JobRunner(ctx.deps.db, ctx.clock);
    runner.add(noShowJob);
    await travel('2026-11-25T03:30:00Z'); // 11:30: the unit's 11:00–12:00 booking has not ended
    await runner.drain();
    const unitBooking = () =>
      worker1
        .get(`${B}/bookings?from=2026-11-25&to=2026-11-25`)
        .then((r) => r.body.items.find((b: { start: string }) => b.start === '11:00'));
    expect((await unitBooking()).state).toBe('booked');
    await travel('2026-11-25T04:00:00Z'); // 12:00
    await runner.drain();
    expect((await unitBooking()).state).toBe('no_show');
    expect((await unitBooking()).actions).toEqual([]);
  });

  it('staff check in and the booker cancels; a cancelled time is free again', async () => {
    await travel('2026-11-26T01:00:00Z');
    const b = await vol.post(`${B}/bookings`, bookingBody(room.id, '2026-11-27', '09:00', '10:00'));
    expect((await vol.post(`${B}/bookings/${b.body.id}/cancel`, { reason: '改期' })).body.state).toBe('cancelled');
    const again = await liaison.post(`${B}/bookings`, bookingBody(room.id, '2026-11-27', '09:00', '10:00'));
    expect(again.status).toBe(201);
    await travel('2026-11-27T01:10:00Z'); // 09:10
    const staff = await worker1.post(`${B}/bookings/${again.body.id}/check-in`, {});
    expect(staff.body).toMatchObject({ state: 'checked_in', mine: false });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', again.body.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['rooms.booking.book', 'rooms.booking.check-in']);
  });

  it('an inactive room takes no bookings and leaves the phone list', async () => {
    const hall = await buildRoom(worker1, world.c1.id, { name: '多功能厅', capacity: 100 });
    await setHome(ctx.deps, 'vol2', world.c1.id);
    const vol2 = await new Session(ctx).login('vol2');
    expect((await vol2.get(`${B}/nearby`)).body.items.map((r: { name: string }) => r.name)).toEqual([
      '党员活动室',
      '多功能厅',
    ]);
    await worker1.patch(`${B}/rooms/${hall.id}`, { active: false });
    expect(
      (await vol2.post(`${B}/bookings`, bookingBody(hall.id, '2026-12-01', '09:00', '10:00'))).body.error.code,
    ).toBe('ROOM_INACTIVE');
    expect((await vol2.get(`${B}/nearby`)).body.items.map((r: { name: string }) => r.name)).toEqual(['党员活动室']);
  });
});

describe('a resident on the phone', () => {
  it('sees the rooms of 我的社区, books for a group, and finds it in 我的预约 with check-in and cancel', async () => {
    await travel('2026-11-30T01:00:00Z');
    const phone = '13800138123';
    const s = await phoneLogin(ctx, phone);
    const user = await ctx.deps.db
      .selectFrom('users')
      .select('username')
      .where('phone_hash', '=', ctx.deps.pii.lookupHash(phone))
      .executeTakeFirstOrThrow();
    await setHome(ctx.deps, user.username, world.c1.id);
    const options = await s.get(`${B}/booking-options`);
    expect(options.body).toEqual({ teams: [], units: [], community: { id: world.c1.id, name: '和平社区' } });
    const nearby = await s.get(`${B}/nearby`);
    expect(nearby.body.items[0].name).toBe('党员活动室');
    const res = await s.post(
      `${B}/bookings`,
      bookingBody(room.id, '2026-12-02', '15:00', '17:00', {
        for: { kind: 'group', name: '和平合唱团' },
        expected: 25,
      }),
    );
    expect(res.status).toBe(201);
    const mine = await s.get(`${B}/bookings/mine`);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ forName: '和平合唱团', actions: ['check-in', 'cancel'] });
    expect((await s.get(`${B}/rooms`)).status).toBe(403);
    expect((await s.get(`${B}/bookings`)).status).toBe(403);
    expect((await s.get(`${B}/usage?year=2026`)).status).toBe(403);
  });
});
