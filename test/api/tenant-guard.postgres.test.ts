import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_COUNTY, referenceTablesWithCounty, tenantTables } from '../../src/server/platform/db/table-kinds.js';
import { asTenant, outOfCountyReach, TENANT_ROLE } from '../../src/server/platform/db/tenant-guard.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildGrid, buildPlace, buildUser, square, type BuiltPlace } from '../support/factories.js';
import { multipart, tinyPng } from '../support/files.js';

// Issue 19: row-level security in the PostgreSQL test run. Every API file of this run goes through the
// guard (test/support/db.ts); this one proves the guard is there and holds: a statement of one county's
// request that forgets its county reads and changes only that county, and cannot write into another.

let ctx: TestContext;
const counties: Record<'A' | 'B', { county: BuiltPlace; grid: { code: string } }> = {} as never;

async function county(city: BuiltPlace, code: string, name: string, lng: number) {
  const c = await buildPlace(ctx.deps, { kind: 'county', code, name, parent: city, tenantId: code });
  const street = await buildPlace(ctx.deps, { kind: 'street', code: `${code}001`, parent: c });
  const community = await buildPlace(ctx.deps, { kind: 'community', code: `${code}001001`, parent: street });
  const grid = await buildGrid(ctx.deps, community, '001', square(lng, 38.5));
  await buildUser(ctx.deps, `worker${code}`, 'community_worker', community.code);
  return { county: c, grid };
}

beforeAll(async () => {
  ctx = await createTestApp();
  const province = await buildPlace(ctx.deps, { kind: 'province', code: '61' });
  const city = await buildPlace(ctx.deps, { kind: 'city', code: '6108', parent: province });
  counties.A = await county(city, '610801', '甲县', 109.1);
  counties.B = await county(city, '610802', '乙县', 109.3);
  for (const [code, grid] of [
    ['610801', counties.A.grid],
    ['610802', counties.B.grid],
  ] as const) {
    const worker = await new Session(ctx).login(`worker${code}`);
    const filed = await worker.post('/api/v1/cases', {
      channel: 'patrol',
      placeCode: grid.code,
      description: '路灯不亮，夜里行人看不清台阶',
    });
    expect(filed.status).toBe(201);
  }
}, 120_000);
afterAll(() => ctx.close());

const countCases = () =>
  sql<{
    tenant_id: string;
    n: number;
  }>`SELECT tenant_id, count(*)::int AS n FROM cases GROUP BY tenant_id ORDER BY tenant_id`
    .execute(ctx.deps.db)
    .then((r) => r.rows);

describe('the tenant guard: row-level security on tenant tables (PostgreSQL)', () => {
  it('guards every tenant table and the reference tables with rows of a county, and no other', async () => {
    const { rows } = await sql<{ table: string }>`
      SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity
        AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant_guard'
                    AND p.roles = ARRAY[${TENANT_ROLE}]::name[])
      ORDER BY c.relname::text COLLATE "C"`.execute(ctx.deps.db);
    expect(rows.map((r) => r.table)).toEqual([...tenantTables, ...referenceTablesWithCounty].sort());
  });

  it('keeps the platform tables no county needs out of its reach', async () => {
    for (const table of outOfCountyReach) {
      const read = await asTenant('610801', () =>
        sql`SELECT count(*) FROM ${sql.table(table)}`.execute(ctx.deps.db).then(
          () => 'read',
          (e: { code?: string }) => e.code,
        ),
      );
      expect([table, read]).toEqual([table, '42501']); // permission denied
    }
  });

  it("lets a statement without a county's condition read only that county", async () => {
    expect(await countCases()).toEqual([
      { tenant_id: '610801', n: 1 },
      { tenant_id: '610802', n: 1 },
    ]);
    expect(await asTenant('610801', countCases)).toEqual([{ tenant_id: '610801', n: 1 }]);
    // In a transaction too, and the connection is back to all counties after it.
    const inTransaction = await asTenant('610802', () => ctx.deps.db.transaction().execute(() => countCases()));
    expect(inTransaction).toEqual([{ tenant_id: '610802', n: 1 }]);
    expect((await countCases()).length).toBe(2);
  });

  it("changes only the county's rows, and refuses a row written into another county", async () => {
    const updated = await asTenant('610801', () =>
      ctx.deps.db.updateTable('cases').set({ address: '甲县某路' }).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(1);
    const addresses = await ctx.deps.db
      .selectFrom('cases')
      .select(['tenant_id', 'address'])
      .orderBy('tenant_id')
      .execute();
    expect(addresses.map((r) => [r.tenant_id, r.address === '甲县某路'])).toEqual([
      ['610801', true],
      ['610802', false],
    ]);
    const error = await asTenant('610801', () =>
      ctx.deps.db
        .updateTable('cases')
        .set({ tenant_id: '610802' })
        .execute()
        .then(
          () => null,
          (e: { code?: string }) => e.code,
        ),
    );
    expect(error).toBe('42501'); // new row violates row-level security policy
    expect((await countCases()).map((r) => r.n)).toEqual([1, 1]);
  });

  it("keeps what a process holds for every county whole, when a county's request loads it", async () => {
    // The grid index is stale; a worker of 甲县 is the first to locate a point, which reloads it.
    ctx.deps.locator.invalidate();
    const worker = await new Session(ctx).login('worker610801');
    const mine = await worker.get('/api/v1/places/locate?lng=109.105&lat=38.505');
    expect(mine.status).toBe(200);
    expect(mine.body.grid.code).toBe(counties.A.grid.code);
    // A resident of 乙县 reporting by a point: the index still holds 乙县's grid.
    expect((await ctx.deps.locator.locate(109.305, 38.505))?.grid.code).toBe(counties.B.grid.code);
  });

  it('lets a county read rows of no county but never change them, nor make its own county-less', async () => {
    const db = ctx.deps.db;
    const regions = () =>
      db.selectFrom('places').select('code').where('tenant_id', 'is', null).orderBy('code').execute();
    expect(await asTenant('610801', regions)).toEqual([{ code: '61' }, { code: '6108' }]);
    const renamed = await asTenant('610801', () =>
      db.updateTable('places').set({ name: '某省' }).where('tenant_id', 'is', null).executeTakeFirst(),
    );
    expect(Number(renamed.numUpdatedRows)).toBe(0);
    const orphaned = await asTenant('610801', () =>
      db
        .updateTable('places')
        .set({ tenant_id: null })
        .where('code', '=', '610801')
        .execute()
        .then(
          () => 'changed',
          (e: { code?: string }) => e.code,
        ),
    );
    expect(orphaned).toBe('42501');
  });

  it('lets a county read and add rows of no county (000000) in the audit trail, never change them', async () => {
    const db = ctx.deps.db;
    const row = (id: string, tenant: string) => ({
      id,
      tenant_id: tenant,
      action: 'test.probe',
      entity_type: 'probe',
      at: ctx.clock.now(),
    });
    await db.insertInto('audit_log').values(row('01a00000-0000-7000-8000-000000000001', NO_COUNTY)).execute();
    await db.insertInto('audit_log').values(row('01a00000-0000-7000-8000-000000000002', '610802')).execute();
    const probes = () =>
      db.selectFrom('audit_log').select('tenant_id').where('action', '=', 'test.probe').orderBy('tenant_id').execute();
    expect((await asTenant('610801', probes)).map((r) => r.tenant_id)).toEqual([NO_COUNTY]);
    const added = await asTenant('610801', () =>
      db.insertInto('audit_log').values(row('01a00000-0000-7000-8000-000000000003', NO_COUNTY)).execute(),
    );
    expect(added).toHaveLength(1);
    const changed = await asTenant('610801', () =>
      db.updateTable('audit_log').set({ action: 'test.changed' }).where('tenant_id', '=', NO_COUNTY).executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
    expect((await probes()).map((r) => r.tenant_id)).toEqual([NO_COUNTY, NO_COUNTY, '610802']);
  });

  it("refuses an upload naming another county's file id, and that file stays as it was", async () => {
    // Since 0054 the key of files is (id, tenant_id): under the guard the other county's file is unseen,
    // and a second row with its id (and its object overwritten) must not follow.
    const upload = (s: Session, bytes: Buffer, id?: string) =>
      s.request(
        'POST',
        '/api/v1/files',
        multipart({ ...(id ? { id } : {}), file: { bytes, name: 'p.png', type: 'image/png' } }),
      );
    const first = await upload(await new Session(ctx).login('worker610801'), tinyPng);
    expect(first.status).toBe(201);
    const other = Buffer.concat([tinyPng, Buffer.from('other county')]);
    const second = await upload(await new Session(ctx).login('worker610802'), other, first.body.id as string);
    expect(second.status).toBe(409);
    const rows = await ctx.deps.db.selectFrom('files').selectAll().where('id', '=', first.body.id).execute();
    expect(rows.map((r) => r.tenant_id)).toEqual(['610801']);
    expect(Buffer.compare((await ctx.deps.storage.get(rows[0].storage_key))!, tinyPng)).toBe(0);
  });

  it('refuses to change the county inside a transaction (a rollback to a savepoint could undo it)', async () => {
    const error = await ctx.deps.db
      .transaction()
      .execute(async (tx) => {
        await sql`SELECT 1`.execute(tx);
        await asTenant('610801', () => sql`SELECT 1`.execute(tx));
      })
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(error).toBe('the county changed inside a transaction');
    expect((await countCases()).length).toBe(2); // the pool's connections still see every county
  });

  it("keeps the public pages and the logins out of the guard, whatever a browser's cookie says", async () => {
    const worker = await new Session(ctx).login('worker610801');
    const other = await worker.get(`/api/v1/public/communities/${counties.B.grid.code.slice(0, 12)}/honours`);
    const anonymous = await new Session(ctx).get(
      `/api/v1/public/communities/${counties.B.grid.code.slice(0, 12)}/honours`,
    );
    expect(other.status).toBe(anonymous.status);
    expect(other.body).toEqual(anonymous.body);
    // Logging in as a worker of the other county on a browser still holding the first one's cookie.
    const relogin = await worker.post('/api/v1/auth/login', { username: 'worker610802', password: 'Passw0rd!' });
    expect(relogin.status).toBe(200);
  });

  it("runs each request of one county's staff under the guard, and the others without it", async () => {
    // A trigger notes who wrote each audit row: the role and the county the statement ran as.
    await sql`CREATE TABLE guard_seen (role text, tenant text)`.execute(ctx.deps.db);
    await sql`GRANT INSERT ON guard_seen TO ${sql.raw(TENANT_ROLE)}`.execute(ctx.deps.db);
    await sql`CREATE FUNCTION note_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO guard_seen VALUES (current_user, current_setting('linli.tenant', true)); RETURN NEW; END $$`.execute(
      ctx.deps.db,
    );
    await sql`CREATE TRIGGER note_guard AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION note_guard()`.execute(
      ctx.deps.db,
    );
    try {
      const worker = await new Session(ctx).login('worker610802');
      const filed = await worker.post('/api/v1/cases', {
        channel: 'patrol',
        placeCode: counties.B.grid.code,
        description: '小区门口井盖松动，踩上去会响',
      });
      expect(filed.status).toBe(201);
      const seen = await sql<{
        role: string;
        tenant: string | null;
      }>`SELECT DISTINCT role, tenant FROM guard_seen`.execute(ctx.deps.db);
      // The login (no county known yet) ran as the login role; the filing as the county.
      expect(seen.rows).toContainEqual({ role: TENANT_ROLE, tenant: '610802' });
      expect(seen.rows.filter((r) => r.role === TENANT_ROLE && r.tenant !== '610802')).toEqual([]);
      // A worker of one county cannot file into the other: refused by the scope helper before the guard.
      const outside = await worker.post('/api/v1/cases', {
        channel: 'patrol',
        placeCode: counties.A.grid.code,
        description: '小区门口井盖松动，踩上去会响',
      });
      expect(outside.status).toBeGreaterThanOrEqual(400);
      expect(outside.status).toBeLessThan(500);
    } finally {
      await sql`DROP TRIGGER note_guard ON audit_log`.execute(ctx.deps.db);
      await sql`DROP TABLE guard_seen`.execute(ctx.deps.db);
    }
  });
});
