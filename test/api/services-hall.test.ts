import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows, testEngine } from '../support/db.js';
import { buildBuilding, buildGrid, buildPlace, buildUser, buildWorld, square } from '../support/factories.js';
import { pdfText } from '../support/files.js';
import { loginCodeOf } from '../support/handset.js';
import { buildResident, buildServiceCatalogue, idNumberOf } from '../support/services.js';

// 一站式大厅 and 自助终端 (issue 15): a slot's capacity holds under two bookings at once; two windows
// calling at once never get the same ticket; a kiosk's token is checked, revocable, bound to its
// county; the kiosk never receives a full ID number; the printed form holds the name and the item.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let catalogue: Awaited<ReturnType<typeof buildServiceCatalogue>>;
let worker: Session;
let worker2: Session;
let hallId = '';
let screenToken = '';
const windowIds: string[] = [];
const idA = idNumberOf('610899', '1950-03-15', '121');
const idB = idNumberOf('610898', '1948-07-01', '232');

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  catalogue = await buildServiceCatalogue(ctx.deps);
  await buildResident(ctx.deps, world.inA.households[0]!, { name: '王秀兰', idNumber: idA, phone: '13812345678' });
  // A second county with a resident of its own.
  const countyB = await buildPlace(ctx.deps, {
    kind: 'county',
    code: '610898',
    name: '和安县',
    parent: world.city,
    tenantId: '610898',
  });
  const streetB = await buildPlace(ctx.deps, { kind: 'street', code: '610898001', parent: countyB });
  const communityB = await buildPlace(ctx.deps, { kind: 'community', code: '610898001001', parent: streetB });
  const gridB = await buildGrid(ctx.deps, communityB, '001', square(109, 37));
  const inB = await buildBuilding(ctx.deps, gridB, '1', [109.005, 37.005]);
  await buildResident(ctx.deps, inB.households[0]!, { name: '赵德胜', idNumber: idB });
  await buildUser(ctx.deps, 'workerB', 'community_worker', communityB.code);
  worker = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
});
afterAll(() => ctx.close());

const count = (table: 'service_appointments' | 'service_queue_tickets' | 'service_halls') =>
  countRows(ctx.deps.db, table);
async function residentSession(phone: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
  return s;
}
const allHalfDays = [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [`${d}am`, `${d}pm`]);

describe(`the hall: set-up and scope (${testEngine})`, () => {
  it('a community worker opens a hall with windows; another community sees none of it', async () => {
    const created = await worker.post('/api/v1/services/hall/halls', {
      placeCode: world.c1.code,
      name: '和平社区便民服务大厅',
      address: '和平路 8 号',
      slotCapacity: 1,
      openHalfDays: allHalfDays,
    });
    expect(created.status).toBe(201);
    hallId = created.body.id;
    screenToken = created.body.screenToken;
    for (const [label, itemIds] of [
      ['1号窗口', [catalogue.itemId]],
      ['2号窗口', []],
    ] as const) {
      const w = await worker.post(`/api/v1/services/hall/halls/${hallId}/windows`, {
        label,
        name: '综合受理',
        itemIds,
      });
      expect(w.status).toBe(201);
      windowIds.push(w.body.id);
    }
    expect((await worker.post(`/api/v1/services/hall/halls/${hallId}/windows`, { label: '1号窗口' })).status).toBe(409);
    const foreign = await worker.post(`/api/v1/services/hall/halls/${hallId}/windows`, {
      label: '3号窗口',
      itemIds: ['019a7f3e-0000-7000-8000-00000000dead'],
    });
    expect(foreign.status).toBe(400);

    expect((await worker2.get(`/api/v1/services/hall/halls/${hallId}`)).status).toBe(404);
    expect((await worker2.get('/api/v1/services/hall/halls')).body.items).toEqual([]);
    expect((await worker2.get(`/api/v1/services/hall/halls/${hallId}/queue`)).status).toBe(404);
    expect((await worker2.post(`/api/v1/services/hall/windows/${windowIds[0]}/call-next`)).status).toBe(404);
    expect((await worker2.post(`/api/v1/services/hall/halls/${hallId}/kiosks`, { name: '偷装的终端' })).status).toBe(
      404,
    );
    const outside = await worker2.post('/api/v1/services/hall/halls', {
      placeCode: world.c1.code,
      name: '别人的大厅',
      slotCapacity: 5,
    });
    expect(outside.status).toBe(404);
    expect(await count('service_halls')).toBe(1);
  });
});

describe(`appointments by half-day slot (${testEngine})`, () => {
  it('shows free slots, and two bookings at once of the last place: one gets it, the other is told it is full', async () => {
    const slots = (await new Session(ctx).get(`/api/v1/public/services/halls/${hallId}/slots`)).body.items;
    expect(slots).toHaveLength(28);
    expect(slots[0]).toMatchObject({ day: '2026-11-24', halfDay: 'am', free: 1, open: true });

    const a = await residentSession('13500000001');
    const b = await residentSession('13500000002');
    const book = (s: Session, name: string, phone: string) =>
      s.post('/api/v1/services/hall/appointments', {
        hallId,
        itemId: catalogue.itemId,
        day: '2026-11-25',
        halfDay: 'am',
        name,
        phone,
      });
    const results = await Promise.all([book(a, '李桂芳', '13500000001'), book(b, '张建国', '13500000002')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('HALL_SLOT_FULL');
    expect(await count('service_appointments')).toBe(1);
    const slot = await ctx.deps.db.selectFrom('service_hall_slots').selectAll().executeTakeFirstOrThrow();
    expect(slot.booked).toBe(1);

    const winner = results[0]!.status === 201 ? a : b;
    const loser = winner === a ? b : a;
    const mine = (await winner.get('/api/v1/services/hall/appointments/mine')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ serviceName: '高龄津贴申领', state: 'booked', halfDay: 'am' });
    expect(mine[0].phoneMasked).toMatch(/^135\*\*\*\*000\d$/);
    // Another resident cannot cancel it (to them it does not exist); the window staff see it on the day's list.
    expect((await loser.post(`/api/v1/services/hall/appointments/${mine[0].id}/cancel`)).status).toBe(404);
    const day = await worker.get(`/api/v1/services/hall/halls/${hallId}/appointments?day=2026-11-25`);
    expect(day.body.items).toHaveLength(1);
    expect(JSON.stringify(day.body)).not.toContain('13500000001');
    // Cancelling frees the place.
    expect((await winner.post(`/api/v1/services/hall/appointments/${mine[0].id}/cancel`)).status).toBe(200);
    expect((await book(loser, '张建国', loser === a ? '13500000001' : '13500000002')).status).toBe(201);
  });

  it('refuses a closed half-day, a day in the past, and a bad phone, writing nothing', async () => {
    const s = await residentSession('13500000003');
    const before = await count('service_appointments');
    const closed = await s.post('/api/v1/services/hall/appointments', {
      hallId,
      itemId: catalogue.itemId,
      day: '2026-11-23',
      halfDay: 'am',
      name: '刘阿姨',
      phone: '13500000003',
    });
    expect(closed.body.error.code).toBe('HALL_SLOT_CLOSED');
    const phone = await s.post('/api/v1/services/hall/appointments', {
      hallId,
      itemId: catalogue.itemId,
      day: '2026-11-26',
      halfDay: 'pm',
      name: '刘阿姨',
      phone: '1234567',
    });
    expect(phone.status).toBe(422);
    expect(await count('service_appointments')).toBe(before);
  });
});

describe(`queue tickets and calling (${testEngine})`, () => {
  it('two windows calling at once never get the same ticket; a window calls only what it serves', async () => {
    const take = (itemId?: string) =>
      worker.post(`/api/v1/services/hall/halls/${hallId}/tickets`, itemId ? { itemId } : {});
    const t1 = await take(catalogue.itemId);
    expect(t1.status).toBe(201);
    expect(t1.body.ticket.label).toBe('A001');
    const t2 = await take(catalogue.item2Id);
    expect(t2.body.ticket.label).toBe('A002');
    expect(t2.body.ahead).toBe(1);
    const t3 = await take(catalogue.itemId);
    expect(t3.body.ticket.label).toBe('A003');

    // Under load either window may lock a ticket first (SKIP LOCKED): whichever wins, the two calls
    // get two different tickets and each window one it serves — 1号窗口 only the first item's.
    const call = (w: string) => worker.post(`/api/v1/services/hall/windows/${w}/call-next`);
    const [c1, c2] = await Promise.all([call(windowIds[0]!), call(windowIds[1]!)]);
    expect(c1.body.ticket).toBeTruthy();
    expect(c2.body.ticket).toBeTruthy();
    expect(c1.body.ticket.label).not.toBe(c2.body.ticket.label);
    expect(['A001', 'A003']).toContain(c1.body.ticket.label);
    expect(c1.body.ticket.windowId).toBe(windowIds[0]);
    expect(c2.body.ticket.windowId).toBe(windowIds[1]);

    // Many windows, few tickets: the one ticket left is called once.
    const again = await Promise.all([call(windowIds[0]!), call(windowIds[1]!)]);
    expect(again.filter((r) => r.body.ticket).length).toBe(1);
    const calledTwice = await ctx.deps.db
      .selectFrom('service_queue_tickets')
      .select('label')
      .where('calls', '>', 1)
      .execute();
    expect(calledTwice).toEqual([]);
  });

  it('recall, start, done, skip and requeue follow the table; stats count what was served', async () => {
    const queue = (await worker.get(`/api/v1/services/hall/halls/${hallId}/queue`)).body;
    const a001 = queue.tickets.find((t: { label: string }) => t.label === 'A001');
    expect(a001.actions.sort()).toEqual(['done', 'recall', 'skip', 'start']);
    expect((await worker.post(`/api/v1/services/hall/tickets/${a001.id}/requeue`)).status).toBe(409);
    ctx.clock.advance(60_000);
    expect((await worker.post(`/api/v1/services/hall/tickets/${a001.id}/recall`)).body.calls).toBe(2);
    expect((await worker.post(`/api/v1/services/hall/tickets/${a001.id}/start`)).body.state).toBe('serving');
    ctx.clock.advance(4 * 60_000);
    expect((await worker.post(`/api/v1/services/hall/tickets/${a001.id}/done`)).body.state).toBe('done');
    const other = queue.tickets.find(
      (t: { label: string; state: string }) => t.label !== 'A001' && t.state === 'called',
    );
    expect((await worker.post(`/api/v1/services/hall/tickets/${other.id}/skip`)).body.actions.sort()).toEqual([
      'absent',
      'requeue',
    ]);
    expect((await worker.post(`/api/v1/services/hall/tickets/${other.id}/requeue`)).body.state).toBe('waiting');
    expect((await worker2.post(`/api/v1/services/hall/tickets/${other.id}/skip`)).status).toBe(404);

    const stats = (await worker.get(`/api/v1/services/hall/halls/${hallId}/stats`)).body;
    // A001 was served by whichever window called it.
    const w1 = stats.windows.find((w: { label: string }) => w.label === a001.windowLabel);
    expect(w1.served).toBe(1);
    expect(w1.avgServeMinutes).toBe(4);
    const range = await worker.get(`/api/v1/services/hall/halls/${hallId}/stats?from=2026-11-01&to=2026-11-30`);
    expect(range.body.windows.find((w: { label: string }) => w.label === a001.windowLabel).served).toBe(1);
  });

  it('a resident takes a number on the phone once; the call screen shows labels and windows, no names', async () => {
    const s = await residentSession('13500000009');
    const first = await s.post('/api/v1/services/hall/tickets', { hallId, itemId: catalogue.itemId });
    expect(first.status).toBe(201);
    const second = await s.post('/api/v1/services/hall/tickets', { hallId, itemId: catalogue.itemId });
    expect(second.body.ticket.id).toBe(first.body.ticket.id);
    expect((await s.get('/api/v1/services/hall/tickets/mine')).body.items).toHaveLength(1);

    const screen = await new Session(ctx).get(`/api/v1/public/services/hall-screen/${screenToken}`);
    expect(screen.status).toBe(200);
    expect(screen.body.hallName).toBe('和平社区便民服务大厅');
    expect(screen.body.calls.length).toBeGreaterThan(0);
    expect(screen.body.calls[0]).toHaveProperty('windowLabel');
    expect(JSON.stringify(screen.body)).not.toMatch(/王秀兰|李桂芳|张建国|135\d{8}/);
    expect((await new Session(ctx).get(`/api/v1/public/services/hall-screen/${'x'.repeat(32)}`)).status).toBe(404);
  });

  it('the call-screen token is kept hashed, renewed by the window staff only; the old link stops working', async () => {
    const stored = await ctx.deps.db.selectFrom('service_halls').select('screen_token').executeTakeFirstOrThrow();
    expect(stored.screen_token).not.toBe(screenToken);
    expect(JSON.stringify((await worker.get(`/api/v1/services/hall/halls/${hallId}`)).body)).not.toContain(screenToken);
    expect((await worker2.post(`/api/v1/services/hall/halls/${hallId}/screen-token`)).status).toBe(404);
    const renewed = await worker.post(`/api/v1/services/hall/halls/${hallId}/screen-token`);
    expect(renewed.status).toBe(200);
    const fresh = renewed.body.screenToken as string;
    expect(fresh).not.toBe(screenToken);
    expect((await new Session(ctx).get(`/api/v1/public/services/hall-screen/${screenToken}`)).status).toBe(404);
    expect((await new Session(ctx).get(`/api/v1/public/services/hall-screen/${fresh}`)).status).toBe(200);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'hall.screen-token.renew')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(fresh);
    screenToken = fresh;
  });

  it('refuses a ticket or booking for an item no active window serves: 400 notServedHere, nothing written', async () => {
    const only = await worker.post(`/api/v1/services/hall/halls/${hallId}/windows`, {
      label: '9号窗口',
      itemIds: [catalogue.itemId],
    });
    expect(only.status).toBe(201);
    // 2号窗口 serves everything: while it is active, every item is served here.
    expect((await worker.patch(`/api/v1/services/hall/windows/${windowIds[1]}`, { active: false })).status).toBe(200);
    const before = await count('service_queue_tickets');
    const refused = await worker.post(`/api/v1/services/hall/halls/${hallId}/tickets`, { itemId: catalogue.item2Id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0]).toMatchObject({
      path: 'itemId',
      message: expect.stringMatching(/没有办理该事项的窗口|no window of this hall handles it/),
    });
    const s = await residentSession('13500000010');
    const booking = await s.post('/api/v1/services/hall/appointments', {
      hallId,
      itemId: catalogue.item2Id,
      day: '2026-11-27',
      halfDay: 'am',
      name: '刘阿姨',
      phone: '13500000010',
    });
    expect(booking.status).toBe(400);
    expect(await count('service_queue_tickets')).toBe(before);
    expect(
      (await worker.post(`/api/v1/services/hall/halls/${hallId}/tickets`, { itemId: catalogue.itemId })).status,
    ).toBe(201);
    expect((await worker.patch(`/api/v1/services/hall/windows/${windowIds[1]}`, { active: true })).status).toBe(200);
    expect((await worker.patch(`/api/v1/services/hall/windows/${only.body.id}`, { active: false })).status).toBe(200);
  });
});

describe(`the kiosk (${testEngine})`, () => {
  let token = '';
  const kiosk = (t = token) => ({ 'x-kiosk-token': t, 'content-type': 'application/json' });
  const kpost = (path: string, body: unknown, t = token) =>
    new Session(ctx).request('POST', `/api/v1/kiosk${path}`, body, kiosk(t));

  it('is set up with a token shown once; the list shows its prefix only', async () => {
    const created = await worker.post(`/api/v1/services/hall/halls/${hallId}/kiosks`, { name: '一号自助机' });
    expect(created.status).toBe(201);
    token = created.body.token;
    const list = await worker.get(`/api/v1/services/hall/halls/${hallId}/kiosks`);
    expect(JSON.stringify(list.body)).not.toContain(token);
    const stored = await ctx.deps.db.selectFrom('service_kiosks').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const me = await new Session(ctx).get('/api/v1/kiosk/me', kiosk());
    expect(me.body).toEqual({ kioskName: '一号自助机', hallName: '和平社区便民服务大厅' });
    expect((await new Session(ctx).get('/api/v1/kiosk/me', kiosk('kiosk_forged_token_000000'))).status).toBe(401);
    expect((await new Session(ctx).get('/api/v1/kiosk/me')).status).toBe(401);
  });

  it('reads a registered ID number of its county, masked, never the full number; refuses another county', async () => {
    const found = await kpost('/lookup', { idNumber: idA });
    expect(found.status).toBe(200);
    expect(found.body.nameMasked).toBe('王**');
    const text = JSON.stringify(found.body);
    expect(text).not.toContain(idA);
    expect(text).not.toContain('王秀兰');
    expect(text).not.toContain('13812345678');
    // The kiosk cannot tell who typed the number: it fills name, ID number, gender and birth date only.
    expect(found.body.prefilled.sort()).toEqual(['birth_date', 'gender', 'id_number', 'name']);
    expect(Object.keys(found.body.shown).sort()).toEqual(['birth_date', 'gender', 'id_number', 'name']);
    const bad = await kpost('/lookup', { idNumber: idA.slice(0, 17) + (idA[17] === '0' ? '1' : '0') });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('RESIDENT_ID_NUMBER_INVALID');
    // 赵德胜 is registered in county 610898; this kiosk stands in 610899.
    expect((await kpost('/lookup', { idNumber: idB })).status).toBe(404);
    const audits = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'kiosk.lookup')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain(idA);
  });

  it('shows the catalogue and forms, takes a number and prints the pre-filled form as PDF', async () => {
    const cat = (await new Session(ctx).get('/api/v1/kiosk/catalogue', kiosk())).body;
    expect(cat.categories[0].items.map((i: { name: string }) => i.name)).toContain('高龄津贴申领');
    expect(cat.bundles[0].itemIds).toHaveLength(2);
    const form = (await new Session(ctx).get(`/api/v1/kiosk/bundles/${catalogue.bundleId}`, kiosk())).body;
    expect(form.form.fields.filter((f: { prefill?: string }) => f.prefill === 'name')).toHaveLength(1);

    const ticket = await kpost('/tickets', { itemId: catalogue.itemId });
    expect(ticket.status).toBe(201);
    expect(ticket.body.ticket.source).toBe('kiosk');
    const missing = await kpost('/print', { idNumber: idA, itemId: catalogue.itemId, answers: {} });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('answers.reason');
    const pdf = await kpost('/print', {
      idNumber: idA,
      itemId: catalogue.itemId,
      answers: { reason: '年满八十周岁，申请高龄津贴', kind: '高龄津贴' },
      ticketId: ticket.body.ticket.id,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(pdf.body)).replace(/\s+/g, '');
    expect(text).toContain('王秀兰');
    expect(text).toContain('高龄津贴申领申请表');
    expect(text).toContain(idA);
    expect(text).toContain('年满八十周岁');
    expect(text).toContain('居民身份证');
    expect(text).toContain(ticket.body.ticket.label);
  });

  it('is refused once revoked, and its lookups are limited', async () => {
    const second = await worker.post(`/api/v1/services/hall/halls/${hallId}/kiosks`, { name: '二号自助机' });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await kpost('/lookup', { idNumber: idA }, second.body.token)).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);

    expect((await worker2.post(`/api/v1/services/hall/kiosks/${second.body.id}/revoke`)).status).toBe(404);
    expect((await worker.post(`/api/v1/services/hall/kiosks/${second.body.id}/revoke`)).status).toBe(200);
    const after = await kpost('/lookup', { idNumber: idA }, second.body.token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('KIOSK_TOKEN_INVALID');
  });
});
