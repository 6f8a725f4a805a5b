import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows, testEngine } from '../support/db.js';
import { buildUser, buildWorld, phoneLogin, userIdOf } from '../support/factories.js';
import { buildActivity, buildInServiceMember, buildUnit, pointsOf } from '../support/community-volunteers.js';

// 志愿服务 · 活动 · 双报到认岗 (issue 16): activities of a community run by its staff; anyone logged in
// signs up (full → 候补, a cancellation moves the first waiting person up and texts them); check-in by
// the activity's QR or by location, check-out with hours and points credited once; posts claimed by
// in-service party members, months confirmed with points; the unit liaison sees their members'
// records and nothing of the registry; everything scoped by place.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const api = '/api/v1/community/volunteers';
const session = (username: string) => new Session(ctx).login(username);
const phone = (n: number) => `1390000${String(n).padStart(4, '0')}`;
const at = (iso: string) => ctx.clock.set(new Date(iso));
const count = (table: 'activity_signups' | 'volunteer_activities' | 'post_claims' | 'sms_outbox') =>
  countRows(ctx.deps.db, table);

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

describe(`volunteer activities (${testEngine})`, () => {
  it('staff create, publish, finish and cancel by the table; another community sees none of it', async () => {
    at('2026-11-24T01:00:00Z');
    const worker = await session('worker1');
    const a = await buildActivity(worker, world.c1.code, { publish: false });
    const got = await worker.get(`${api}/activities/${a.id}`);
    expect(got.body.state).toBe('draft');
    expect(got.body.actions.sort()).toEqual(['cancel', 'publish']);
    expect(JSON.stringify(got.body)).not.toMatch(/token/i);

    expect((await worker.post(`${api}/activities/${a.id}/finish`)).body.error.code).toBe('ACTIVITY_ACTION_NOT_ALLOWED');
    const published = await worker.post(`${api}/activities/${a.id}/publish`);
    expect(published.body.state).toBe('published');
    expect((await worker.post(`${api}/activities/${a.id}/finish`)).body.error.code).toBe('ACTIVITY_NOT_ENDED');
    const noReason = await worker.post(`${api}/activities/${a.id}/cancel`, {});
    expect(noReason.status).toBe(400);

    // 文化社区's worker: the list holds none of 和平社区's, the record reads as not found.
    const other = await session('worker2');
    expect((await other.get(`${api}/activities`)).body.items).toEqual([]);
    expect((await other.get(`${api}/activities/${a.id}/signups`)).status).toBe(404);
    expect((await other.post(`${api}/activities/${a.id}/cancel`, { reason: '下雨' })).status).toBe(404);
    expect((await other.get(`${api}/activities/${a.id}/checkin-qr`)).status).toBe(404);
    const strange = await other.post(`${api}/activities`, {
      communityCode: world.c1.code,
      title: '越权',
      startsAt: '2026-11-28T01:00:00Z',
      endsAt: '2026-11-28T03:00:00Z',
      capacity: 5,
    });
    expect(strange.status).toBe(404);

    const cancelled = await worker.post(`${api}/activities/${a.id}/cancel`, { reason: '天气原因' });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: '天气原因', actions: [] });
  });

  it('refuses bad input with 4xx and keeps no row', async () => {
    const worker = await session('worker1');
    const before = await count('volunteer_activities');
    const base = { communityCode: world.c1.code, title: '测试', capacity: 5 };
    const backwards = await worker.post(`${api}/activities`, {
      ...base,
      startsAt: '2026-11-28T03:00:00Z',
      endsAt: '2026-11-28T01:00:00Z',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.code).toBe('ACTIVITY_TIMES_INVALID');
    const zero = await worker.post(`${api}/activities`, {
      ...base,
      capacity: 0,
      startsAt: '2026-11-28T01:00:00Z',
      endsAt: '2026-11-28T03:00:00Z',
    });
    expect(zero.status).toBe(400);
    const control = await worker.post(`${api}/activities`, {
      ...base,
      title: '清理\u0007楼道',
      startsAt: '2026-11-28T01:00:00Z',
      endsAt: '2026-11-28T03:00:00Z',
    });
    expect(control.status).toBe(400);
    expect(await count('volunteer_activities')).toBe(before);
    expect((await worker.post(`${api}/checkin/not-a-token!`)).status).toBe(400);
  });

  it('a resident signs up on the phone; when full they wait in order; a cancellation moves the first up and texts them', async () => {
    at('2026-11-24T01:00:00Z');
    const worker = await session('worker1');
    const a = await buildActivity(worker, world.c1.code, { capacity: 1 });
    const [first, second, third] = [
      await phoneLogin(ctx, phone(1)),
      await phoneLogin(ctx, phone(2)),
      await phoneLogin(ctx, phone(3)),
    ];
    await ctx.deps.db
      .updateTable('users')
      .set({ home_community_id: world.c1.id })
      .where('phone_masked', 'is not', null)
      .execute();
    const open = await first.get(`${api}/activities/open`);
    expect(open.body.items.map((x: { id: string }) => x.id)).toContain(a.id);

    expect((await first.post(`${api}/activities/${a.id}/signup`)).body.mySignup.state).toBe('signed_up');
    const again = await first.post(`${api}/activities/${a.id}/signup`);
    expect(again.body.error.code).toBe('ACTIVITY_ALREADY_SIGNED_UP');
    expect((await second.post(`${api}/activities/${a.id}/signup`)).body.mySignup).toMatchObject({
      state: 'waiting',
      waitingPosition: 1,
    });
    expect((await third.post(`${api}/activities/${a.id}/signup`)).body.mySignup.waitingPosition).toBe(2);

    const sms = await count('sms_outbox');
    const cancelled = await first.post(`${api}/activities/${a.id}/signup/cancel`);
    expect(cancelled.body.mySignup.state).toBe('cancelled');
    expect((await second.get(`${api}/activities/${a.id}`)).body.mySignup.state).toBe('signed_up');
    expect((await third.get(`${api}/activities/${a.id}`)).body.mySignup.waitingPosition).toBe(1);
    expect(await count('sms_outbox')).toBe(sms + 1);
    const text = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select(['template', 'to_masked'])
      .where('template', '=', 'activity_promoted')
      .execute();
    expect(text).toEqual([{ template: 'activity_promoted', to_masked: expect.stringContaining('0002') }]);

    const list = await worker.get(`${api}/activities/${a.id}/signups`);
    expect(list.body.items.map((s: { state: string }) => s.state)).toEqual(['signed_up', 'waiting', 'cancelled']);

    // 我的活动
    const mine = await second.get(`${api}/activities/mine`);
    expect(mine.body.items[0]).toMatchObject({ id: a.id, signupState: 'signed_up' });
  });

  it('never exceeds the capacity under parallel sign-ups', async () => {
    at('2026-11-24T01:00:00Z');
    const worker = await session('worker1');
    const a = await buildActivity(worker, world.c1.code, { capacity: 3 });
    const people = [];
    for (let i = 10; i < 18; i++) people.push(await phoneLogin(ctx, phone(i)));
    const results = await Promise.all(people.map((p) => p.post(`${api}/activities/${a.id}/signup`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const rows = await ctx.deps.db
      .selectFrom('activity_signups')
      .select('state')
      .where('activity_id', '=', a.id)
      .execute();
    expect(rows.filter((r) => r.state === 'signed_up')).toHaveLength(3);
    expect(rows.filter((r) => r.state === 'waiting')).toHaveLength(5);
  });

  it('checks in by the QR, checks out with the minutes capped, credits hours and points once', async () => {
    at('2026-11-24T01:00:00Z');
    const worker = await session('worker1');
    const a = await buildActivity(worker, world.c1.code, {
      startsAt: '2026-11-28T01:00:00Z',
      endsAt: '2026-11-28T03:00:00Z',
    });
    const qr = await worker.get(`${api}/activities/${a.id}/checkin-qr`);
    expect(qr.body.svg).toContain('<svg');
    const token = qr.body.url.split('/m/activity-checkin/')[1];
    expect(token.length).toBeGreaterThan(16);
    expect(JSON.stringify((await worker.get(`${api}/activities`)).body)).not.toContain(token);

    let volunteer = await phoneLogin(ctx, phone(30));
    const userId = (
      await ctx.deps.db
        .selectFrom('users')
        .select('id')
        .where('display_name', '=', '居民0030')
        .executeTakeFirstOrThrow()
    ).id;

    // Too early: the window opens 30 minutes before the start.
    at('2026-11-28T00:20:00Z');
    volunteer = await phoneLogin(ctx, phone(30));
    expect((await volunteer.post(`${api}/checkin/${token}`)).body.error.code).toBe('ACTIVITY_CHECKIN_CLOSED');
    expect((await volunteer.post(`${api}/checkin/${'x'.repeat(32)}`)).body.error.code).toBe(
      'ACTIVITY_CHECKIN_TOKEN_INVALID',
    );

    at('2026-11-28T00:50:00Z');
    const inside = await volunteer.post(`${api}/checkin/${token}`);
    expect(inside.status).toBe(200);
    expect(inside.body.mySignup).toMatchObject({ state: 'signed_up', checkedInAt: '2026-11-28T00:50:00.000Z' });
    expect(inside.body.may.checkOut).toBe(true);
    await volunteer.post(`${api}/checkin/${token}`); // a second scan changes nothing
    expect((await pointsOf(ctx.deps, userId)).map((e) => [e.rule, e.points])).toEqual([['activity_attended', 5]]);

    at('2026-11-28T02:20:00Z');
    const out = await volunteer.post(`${api}/activities/${a.id}/checkout`);
    expect(out.body.mySignup.minutes).toBe(90);
    expect((await volunteer.post(`${api}/activities/${a.id}/checkout`)).body.error.code).toBe('ACTIVITY_CHECKED_OUT');
    expect((await pointsOf(ctx.deps, userId)).map((e) => [e.rule, e.points])).toEqual([
      ['activity_attended', 5],
      ['volunteer_hours', 15],
    ]);
    const hours = await volunteer.get(`${api}/hours/mine?year=2026`);
    expect(hours.body).toMatchObject({ activityMinutes: 90, hours: 1.5 });

    // A long stay counts no more than the activity's length.
    const long = await phoneLogin(ctx, phone(31));
    at('2026-11-28T00:45:00Z');
    await long.post(`${api}/checkin/${token}`);
    at('2026-11-28T05:00:00Z');
    expect(
      (await (await phoneLogin(ctx, phone(31))).post(`${api}/activities/${a.id}/checkout`)).body.mySignup.minutes,
    ).toBe(120);

    // The certificate: a PDF for the person; staff of another community cannot print it.
    volunteer = await phoneLogin(ctx, phone(30));
    const staff = await session('worker1');
    const pdf = await volunteer.get(`${api}/certificate.pdf?year=2026`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');
    expect((await staff.get(`${api}/people/${userId}/certificate.pdf?year=2026`)).status).toBe(200);
    expect((await (await session('worker2')).get(`${api}/people/${userId}/certificate.pdf?year=2026`)).status).toBe(
      404,
    );
  });

  it('checks in by location within the radius only, and not without a sign-up place', async () => {
    at('2026-11-24T01:00:00Z');
    const worker = await session('worker1');
    const noPlace = await buildActivity(worker, world.c1.code, {
      startsAt: '2026-11-29T01:00:00Z',
      endsAt: '2026-11-29T02:00:00Z',
    });
    const a = await buildActivity(worker, world.c1.code, {
      startsAt: '2026-11-29T01:00:00Z',
      endsAt: '2026-11-29T02:00:00Z',
      location: { lng: 108.005, lat: 37.005 },
      radiusM: 100,
      capacity: 1,
    });
    await (await phoneLogin(ctx, phone(40))).post(`${api}/activities/${a.id}/signup`);
    at('2026-11-29T01:10:00Z');
    const p = await phoneLogin(ctx, phone(40));
    expect(
      (await p.post(`${api}/activities/${noPlace.id}/checkin-location`, { lng: 108.005, lat: 37.005 })).body.error.code,
    ).toBe('ACTIVITY_NO_LOCATION');
    const far = await p.post(`${api}/activities/${a.id}/checkin-location`, { lng: 108.015, lat: 37.005 });
    expect(far.body.error.code).toBe('ACTIVITY_TOO_FAR');
    const near = await p.post(`${api}/activities/${a.id}/checkin-location`, { lng: 108.0055, lat: 37.0052 });
    expect(near.body.mySignup.checkedInAt).not.toBeNull();
    // Full: a walk-in by location is refused, not put on the list.
    const late = await phoneLogin(ctx, phone(41));
    expect(
      (await late.post(`${api}/activities/${a.id}/checkin-location`, { lng: 108.005, lat: 37.005 })).body.error.code,
    ).toBe('ACTIVITY_FULL');
  });

  it('staff record attendance for a person without a phone (audited); hours, sheet and numbers count it', async () => {
    at('2026-11-24T01:00:00Z');
    let worker = await session('worker1');
    const a = await buildActivity(worker, world.c1.code, {
      startsAt: '2026-11-25T01:00:00Z',
      endsAt: '2026-11-25T03:00:00Z',
    });
    const recorded = await worker.post(`${api}/activities/${a.id}/attendance`, { guestName: '张大爷', minutes: 500 });
    expect(recorded.body.minutes).toBe(120);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', recorded.body.id)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['volunteer_activity.attendance']);
    const both = await worker.post(`${api}/activities/${a.id}/attendance`, {
      guestName: '张大爷',
      signupId: recorded.body.id,
      minutes: 5,
    });
    expect(both.status).toBe(400);

    at('2026-11-25T04:00:00Z');
    worker = await session('worker1');
    expect((await worker.post(`${api}/activities/${a.id}/finish`)).body.state).toBe('finished');
    const hours = await worker.get(`${api}/hours?year=2026`);
    expect(hours.body.items).toContainEqual(expect.objectContaining({ name: '张大爷', minutes: 120, hours: 2 }));
    const sheet = await worker.get(`${api}/hours.xlsx?year=2026`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.subarray(0, 2).toString()).toBe('PK');

    const numbers = await worker.get(`${api}/numbers?year=2026&placeCode=${world.c1.code}`);
    const row = numbers.body.items.find((x: { placeCode: string }) => x.placeCode === world.c1.code);
    expect(row.activitiesHeld).toBe(1);
    expect(row.participants).toBeGreaterThanOrEqual(3);
    expect(row.hours).toBeGreaterThanOrEqual(2 + 1.5 + 2);
    // Another community's numbers are not the worker's to read; their own list holds only theirs.
    expect((await worker.get(`${api}/numbers?year=2026&placeCode=${world.c2.code}`)).status).toBe(404);
    const other = await (await session('worker2')).get(`${api}/numbers?year=2026`);
    expect(other.body.items.map((x: { placeCode: string }) => x.placeCode)).toEqual([world.c2.code]);
    expect(other.body.items[0]).toMatchObject({ activitiesHeld: 0, participants: 0, hours: 0 });
    expect((await (await session('worker2')).get(`${api}/hours?year=2026`)).body.items).toEqual([]);
  });
});

describe(`双报到 · 认岗 and the unit's members (${testEngine})`, () => {
  it('an in-service member claims a post, records a month, the community confirms it with points; the liaison sees the record only', async () => {
    at('2026-11-24T01:00:00Z');
    const worker = await session('worker1');
    const post = await worker.post(`${api}/posts`, {
      communityCode: world.c1.code,
      title: '楼道文明劝导岗',
      duty: '每周巡查楼道一次',
      slots: 1,
    });
    expect(post.status).toBe(201);

    await buildUser(ctx.deps, 'liaison', 'unit_liaison', world.c1.code);
    const unitId = await buildUnit(ctx.deps, world.c1, '县供电公司城关供电所', 'liaison');
    await buildInServiceMember(ctx.deps, {
      household: world.inA.households[0],
      community: world.c1,
      phone: phone(50),
      name: '冯建军',
      organisationId: unitId,
    });
    await buildInServiceMember(ctx.deps, {
      household: world.inA.households[1],
      community: world.c1,
      phone: phone(51),
      name: '李红梅',
      organisationId: unitId,
    });
    const member = await phoneLogin(ctx, phone(50));
    const member2 = await phoneLogin(ctx, phone(51));
    const stranger = await phoneLogin(ctx, phone(52));

    const open = await member.get(`${api}/posts/open`);
    expect(open.body.member).toBe(true);
    expect(open.body.items.map((p: { id: string }) => p.id)).toContain(post.body.id);
    expect((await stranger.get(`${api}/posts/open`)).body.member).toBe(false);
    expect((await stranger.post(`${api}/posts/${post.body.id}/claim`)).body.error.code).toBe('ACTIVITY_NOT_MEMBER');

    const claims = await Promise.all([member, member2].map((s) => s.post(`${api}/posts/${post.body.id}/claim`)));
    expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
    const winner = claims[0].status === 200 ? member : member2;
    expect(await count('post_claims')).toBe(1);
    const claim = claims.find((c) => c.status === 200)!.body;

    expect(
      (await winner.post(`${api}/claims/${claim.id}/records`, { month: '2026-12', minutes: 60 })).body.error.code,
    ).toBe('ACTIVITY_RECORD_MONTH');
    const rec = await winner.post(`${api}/claims/${claim.id}/records`, {
      month: '2026-11',
      minutes: 240,
      note: '巡查四次',
    });
    expect(rec.body.records).toEqual([expect.objectContaining({ month: '2026-11', minutes: 240, confirmed: false })]);
    expect(
      (await winner.post(`${api}/claims/${claim.id}/records`, { month: '2026-11', minutes: 10 })).body.error.code,
    ).toBe('ACTIVITY_RECORD_EXISTS');
    expect((await stranger.post(`${api}/claims/${claim.id}/records`, { month: '2026-11', minutes: 10 })).status).toBe(
      404,
    );

    const recordId = rec.body.records[0].id;
    expect((await (await session('worker2')).post(`${api}/records/${recordId}/confirm`)).status).toBe(404);
    expect((await (await session('worker2')).get(`${api}/records`)).body.items).toEqual([]);
    expect((await worker.post(`${api}/records/${recordId}/confirm`)).body.confirmed).toBe(true);
    expect((await worker.post(`${api}/records/${recordId}/confirm`)).body.error.code).toBe('ACTIVITY_RECORD_CONFIRMED');
    const winnerId = (
      await ctx.deps.db
        .selectFrom('users')
        .select('id')
        .where('display_name', '=', winner === member ? '居民0050' : '居民0051')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await pointsOf(ctx.deps, winnerId)).map((e) => [e.rule, e.points])).toEqual([['post_claimed', 20]]);

    // The liaison: the unit's members by name with hours and posts, no phone, ID or address.
    const liaison = await session('liaison');
    const seen = await liaison.get(`${api}/unit-members?year=2026`);
    expect(seen.status).toBe(200);
    expect(seen.body.units).toEqual([{ id: unitId, name: '县供电公司城关供电所' }]);
    expect(seen.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['冯建军', '李红梅']);
    const holder = seen.body.items.find((m: { posts: unknown[] }) => m.posts.length > 0);
    expect(holder).toMatchObject({ hours: 4, posts: [{ title: '楼道文明劝导岗', months: 1 }] });
    const text = JSON.stringify(seen.body);
    expect(text).not.toMatch(/1390000|\d{17}[\dX]|号楼|phone|idNumber|address/);
    expect((await worker.get(`${api}/unit-members`)).status).toBe(403);
    await buildUser(ctx.deps, 'liaison2', 'unit_liaison', world.c2.code);
    expect((await (await session('liaison2')).get(`${api}/unit-members`)).body.error.code).toBe('ACTIVITY_NOT_LIAISON');

    // Giving up frees the place.
    expect((await winner.post(`${api}/claims/${claim.id}/end`)).body.endedAt).not.toBeNull();
    expect((await worker.get(`${api}/posts`)).body.items[0].claimed).toBe(0);
    expect(await userIdOf(ctx.deps, 'liaison')).toBeTruthy();
  });
});
