import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld, phoneLogin } from '../support/factories.js';
import { buildResident, idNumberOf } from '../support/services.js';

// 关怀模式 offered to residents of 60 or more (issue 18): GET /me says `elderly`
// when an active registry record carrying the login phone is 60 or older — a yes/no, never the birth
// date. The test clock stands at 2026-11-24.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  const home = world.inA.households[0]!;
  await buildResident(ctx.deps, home, {
    name: '王秀兰',
    idNumber: idNumberOf('610899', '1966-11-24', '222'), // 60 today
    phone: '13922220001',
  });
  await buildResident(ctx.deps, home, {
    name: '王小明',
    idNumber: idNumberOf('610899', '1966-11-25', '313'), // 60 tomorrow
    phone: '13922220002',
  });
});
afterAll(() => ctx.close());

describe('GET /me · elderly', () => {
  it('a resident whose registry record is 60 or older is told so by /me; the birth date is not sent', async () => {
    const resident = await phoneLogin(ctx, '13922220001');
    const me = await resident.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.elderly).toBe(true);
    expect(JSON.stringify(me.body)).not.toContain('1966');
  });

  it('one day short of 60, a phone in no registry record, and staff: not elderly', async () => {
    expect((await (await phoneLogin(ctx, '13922220002')).get('/api/v1/me')).body.elderly).toBe(false);
    expect((await (await phoneLogin(ctx, '13922220009')).get('/api/v1/me')).body.elderly).toBe(false);
    const worker = await new Session(ctx).login('worker1');
    expect((await worker.get('/api/v1/me')).body.elderly).toBe(false);
  });
});
