import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToBefore, migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { createTestDatabase, testEngine } from '../support/db.js';
import { buildPlace, buildWorld } from '../support/factories.js';
import { multipart } from '../support/files.js';

// Tracking codes (查询码) are read over the phone and typed into the tracking page: one code names
// one case across every county of the deployment, whichever county files first on a day.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let otherCommunity: { code: string };

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  const county = await buildPlace(ctx.deps, {
    kind: 'county',
    code: '610898',
    name: '和安县',
    parent: world.city,
    tenantId: '610898',
  });
  const street = await buildPlace(ctx.deps, { kind: 'street', code: '610898001', name: '东关街道', parent: county });
  otherCommunity = await buildPlace(ctx.deps, {
    kind: 'community',
    code: '610898001001',
    name: '东风社区',
    parent: street,
  });
});
afterAll(() => ctx.close());

const report = (communityCode: string, phone: string, ip: string) =>
  new Session(ctx).request(
    'POST',
    '/api/v1/public/cases',
    multipart({
      communityCode,
      description: '楼道里的灯坏了好几天，晚上很黑',
      reporterName: '陈阿姨',
      reporterPhone: phone,
    }),
    { 'x-forwarded-for': ip },
  );

describe(`cases: tracking codes across counties (${testEngine})`, () => {
  it('gives the first case of the day in a second county its own code, and each code finds its own case', async () => {
    const first = await report(world.c1.code, '13812340001', '1.1.1.1');
    const second = await report(otherCommunity.code, '13812340002', '2.2.2.2');
    const third = await report(world.c1.code, '13812340003', '3.3.3.3');
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    const codes = [first.body.trackingCode, second.body.trackingCode, third.body.trackingCode];
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) expect(code).toMatch(/^LL-20261124-\d{4}$/);

    const anon = new Session(ctx);
    const tracked = await anon.get(`/api/v1/public/cases/${second.body.trackingCode}?phone4=0002`);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ trackingCode: second.body.trackingCode, community: '东风社区' });
    expect((await anon.get(`/api/v1/public/cases/${first.body.trackingCode}?phone4=0001`)).body.community).toBe(
      '和平社区',
    );
  });

  it('continues the day’s numbers after the upgrade, past the codes a county already gave that day', async () => {
    const handle = await createTestDatabase({ migrate: false });
    try {
      await migrateToBefore(handle.db, '0018');
      const db = handle.db;
      const path = '/61/6108/610899/610899001/610899001001/';
      const place = newId();
      const now = new Date('2026-11-24T01:00:00Z');
      // As the version before wrote them: a per-county counter, and the codes it gave.
      await sql`INSERT INTO places (id, tenant_id, code, name, kind, parent_id, path, status, created_at, updated_at) VALUES (${place}, '610899', '610899001001', '和平社区', 'community', NULL, ${path}, 'active', ${now}, ${now})`.execute(
        db,
      );
      for (const serial of ['0001', '0002', '0003'])
        await sql`INSERT INTO cases (id, tenant_id, tracking_code, channel, state, description, place_id, place_path, created_at, updated_at) VALUES (${newId()}, '610899', ${`LL-20261124-${serial}`}, 'hotline', 'submitted', '楼道灯坏了', ${place}, ${path}, ${now}, ${now})`.execute(
          db,
        );
      await sql`INSERT INTO system_counters (name, value) VALUES ('tracking:610899:2026-11-24', 3)`.execute(db);
      await migrateToLatest(db);
      const counters = await db
        .selectFrom('system_counters')
        .select(['name', 'value'])
        .where('name', 'like', 'tracking:%')
        .execute();
      expect(counters.map((c) => [c.name, Number(c.value)])).toEqual([['tracking:2026-11-24', 3]]);
    } finally {
      await handle.close();
    }
  });
});
