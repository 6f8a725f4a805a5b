import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateReferenceData, referenceData } from '../../src/server/platform/reference-cache.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// Reference data intake reads (categories, calendar, business hours) is kept per process: loaded
// once, dropped by the services that change it, and versioned by the database for other processes.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

const version = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('system_counters')
        .select('value')
        .where('name', '=', 'reference')
        .executeTakeFirstOrThrow()
    ).value,
  );

describe(`reference data cache (${testEngine})`, () => {
  it('loads once, loads again after a service changed it, and keeps databases apart', async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await referenceData(ctx.deps.db, 'test', load)).toBe(1);
    expect(await referenceData(ctx.deps.db, 'test', load)).toBe(1);
    invalidateReferenceData(ctx.deps.db);
    expect(await referenceData(ctx.deps.db, 'test', load)).toBe(2);
    // A failed load is not kept.
    await expect(referenceData(ctx.deps.db, 'failing', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await referenceData(ctx.deps.db, 'failing', async () => 'up')).toBe('up');
    // Editing a category through the API drops this process's copy at once.
    const admin = await new Session(ctx).login('admin');
    const before = (await admin.get('/api/v1/categories')).body.items.find(
      (c: { code: string }) => c.code === 'garbage',
    );
    const res = await admin.request('PATCH', '/api/v1/categories/garbage', {
      version: before.version,
      firstContactMinutes: 25,
    });
    expect(res.status).toBe(200);
    expect(await referenceData(ctx.deps.db, 'test', load)).toBe(3);
  });

  it('every change of categories, calendar days or business hours bumps the version, whoever makes it', async () => {
    const v0 = await version();
    await sql`UPDATE case_categories SET sort = sort WHERE code = 'garbage'`.execute(ctx.deps.db);
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await sql`INSERT INTO calendar_days (day, is_workday, name) VALUES ('2031-01-01', false, '元旦')`.execute(
      ctx.deps.db,
    );
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    await sql`DELETE FROM business_hours`.execute(ctx.deps.db);
    const v3 = await version();
    expect(v3).toBeGreaterThan(v2);
    // Reading them does not.
    await sql`SELECT * FROM case_categories`.execute(ctx.deps.db);
    expect(await version()).toBe(v3);
  });
});
