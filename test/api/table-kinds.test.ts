import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/demo/seed.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { installTenantGuard } from '../../src/server/platform/db/tenant-guard.js';
import {
  platformTables,
  referenceTables,
  tenantIdMayBeNull,
  tenantTables,
} from '../../src/server/platform/db/table-kinds.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import {
  buildBuilding,
  buildDepartment,
  buildGrid,
  buildPlace,
  buildUser,
  square,
  type BuiltPlace,
} from '../support/factories.js';

// Issue 19, ready for a distributed PostgreSQL: the migrated catalog against platform/db/table-kinds.ts,
// and the rows of two counties against the foreign keys between their tables.

let ctx: TestContext;

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  child_columns: string[];
  parent_columns: string[];
}

const kinds = new Map<string, string[]>();
for (const table of tenantTables) kinds.set(table, [...(kinds.get(table) ?? []), 'tenant']);
for (const table of Object.keys(referenceTables)) kinds.set(table, [...(kinds.get(table) ?? []), 'reference']);
for (const table of Object.keys(platformTables)) kinds.set(table, [...(kinds.get(table) ?? []), 'platform']);
const kindOf = (table: string) => kinds.get(table)?.[0];

async function catalogTables() {
  const { rows } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(ctx.deps.db);
  return rows.map((r) => r.name);
}

async function foreignKeys() {
  const { rows } = await sql<ForeignKey>`
    SELECT c.conname AS name, child.relname AS child, parent.relname AS parent,
      ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, i)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.i) AS child_columns,
      ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, i)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.i) AS parent_columns
    FROM pg_constraint c
    JOIN pg_class child ON child.oid = c.conrelid
    JOIN pg_class parent ON parent.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'
    ORDER BY child.relname, c.conname`.execute(ctx.deps.db);
  return rows;
}

/** Child rows whose tenant_id differs from their parent's, per foreign key between two tenant tables. */
async function rowsAcrossCounties() {
  const crossing: string[] = [];
  for (const fk of await foreignKeys()) {
    if (kindOf(fk.child) !== 'tenant' || kindOf(fk.parent) !== 'tenant') continue;
    const on = fk.child_columns.map((c, i) => sql`child.${sql.ref(c)} = parent.${sql.ref(fk.parent_columns[i])}`);
    // A null tenant_id (a region above the county, an account without one: tenantIdMayBeNull) is not compared.
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(fk.child)} child JOIN ${sql.table(fk.parent)} parent
      ON ${sql.join(on, sql` AND `)} WHERE child.tenant_id <> parent.tenant_id`.execute(ctx.deps.db);
    if (rows[0].n > 0) crossing.push(`${fk.name} (${fk.child} → ${fk.parent}): ${rows[0].n} rows`);
  }
  return crossing;
}

/** A second county beside the demo's 和宁县 (610899), under the same city, with its own people. */
async function secondCounty() {
  const { deps } = ctx;
  const city = await deps.db
    .selectFrom('places')
    .select(['id', 'code', 'path', 'tenant_id as tenantId'])
    .where('code', '=', '6108')
    .executeTakeFirstOrThrow();
  const county = await buildPlace(deps, {
    kind: 'county',
    code: '610898',
    name: '安远县',
    parent: city as BuiltPlace,
    tenantId: '610898',
  });
  const street = await buildPlace(deps, { kind: 'street', code: '610898001', name: '安远街道', parent: county });
  const community = await buildPlace(deps, {
    kind: 'community',
    code: '610898001001',
    name: '安远社区',
    parent: street,
  });
  const grid = await buildGrid(deps, community, '001', square(109.5, 38.5), '安远一网格');
  await buildBuilding(deps, grid, '1', [109.505, 38.505]);
  await buildDepartment(deps, 'D61089801', '安远司法所', '610898');
  await buildUser(deps, 'ay_worker', 'community_worker', community.code);
  await buildUser(deps, 'ay_mediator', 'mediator', street.code);
  const worker = await new Session(ctx).login('ay_worker');
  const filed = await worker.post('/api/v1/cases', {
    channel: 'patrol',
    placeCode: grid.code,
    description: '楼上漏水，楼下住户与楼上住户就维修费用争执',
    reporterName: '马师傅',
  });
  if (filed.status !== 201) throw new Error(`case: ${filed.status} ${JSON.stringify(filed.body)}`);
  const dispute = await worker.post('/api/v1/disputes', {
    caseId: filed.body.id,
    disputeType: 'neighbour',
    summary: '楼上漏水致楼下受损，双方就维修费用发生争执',
    source: 'walk_in',
    risk: 'low',
    parties: [
      { role: 'applicant', name: '马师傅', phone: '13812340001' },
      { role: 'respondent', name: '白女士', phone: '13812340002' },
    ],
  });
  if (dispute.status !== 201) throw new Error(`dispute: ${dispute.status} ${JSON.stringify(dispute.body)}`);
  const mediator = await new Session(ctx).login('ay_mediator');
  const mediated = await mediator.post(`/api/v1/disputes/${dispute.body.id}/mediations`, {
    mediators: ['马桂英'],
    record: '召集双方当面沟通',
    outcome: 'adjourned',
  });
  if (mediated.status !== 200) throw new Error(`mediation: ${mediated.status} ${JSON.stringify(mediated.body)}`);
}

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.deps.db, ctx.deps.pii, ctx.clock.now(), 20);
  await secondCounty();
}, 240_000);
afterAll(() => ctx.close());

describe(`the kinds of table, ready for a distributed database (${testEngine})`, () => {
  it('classifies every table of the catalog exactly once, and nothing that is not there', async () => {
    const catalog = await catalogTables();
    const unclassified = catalog.filter((t) => !kinds.has(t));
    expect(unclassified, 'tables without a kind: add them to platform/db/table-kinds.ts').toEqual([]);
    const twice = [...kinds].filter(([, k]) => k.length > 1).map(([t, k]) => `${t}: ${k.join(', ')}`);
    expect(twice, 'tables classified more than once in platform/db/table-kinds.ts').toEqual([]);
    const gone = [...kinds.keys()].filter((t) => !catalog.includes(t));
    expect(gone, 'tables in platform/db/table-kinds.ts that the database does not have').toEqual([]);
  });

  it('gives every tenant table a tenant_id NOT NULL, like the others; reference and platform tables have none', async () => {
    const { rows } = await sql<{ table: string; type: string; nullable: boolean }>`
      SELECT table_name AS table, data_type AS type, is_nullable = 'YES' AS nullable
      FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`.execute(ctx.deps.db);
    const column = new Map(rows.map((r) => [r.table, r]));
    const problems: string[] = [];
    for (const table of tenantTables) {
      const c = column.get(table);
      if (!c) problems.push(`${table}: no tenant_id`);
      else if (c.type !== 'text') problems.push(`${table}: tenant_id is ${c.type}, not text`);
      else if (c.nullable !== table in tenantIdMayBeNull)
        problems.push(
          `${table}: tenant_id ${c.nullable ? 'may be null' : 'is NOT NULL'}; tenantIdMayBeNull says otherwise`,
        );
    }
    for (const table of [...Object.keys(referenceTables), ...Object.keys(platformTables)])
      if (column.has(table))
        problems.push(`${table}: a ${kindOf(table)} table with a tenant_id (is it a tenant table?)`);
    expect(problems).toEqual([]);
    // Each table that is not a county's says why.
    for (const why of [
      ...Object.values(referenceTables),
      ...Object.values(platformTables),
      ...Object.values(tenantIdMayBeNull),
    ])
      expect(why.length).toBeGreaterThan(20);
  });

  it('lets a reference table point only at reference tables', async () => {
    const wrong = (await foreignKeys())
      .filter((fk) => kindOf(fk.child) === 'reference' && kindOf(fk.parent) !== 'reference')
      .map((fk) => `${fk.name}: ${fk.child} → ${kindOf(fk.parent)} table ${fk.parent}`);
    expect(wrong).toEqual([]);
  });

  it('joins rows of one county only, along every foreign key between two tenant tables', async () => {
    // Both counties hold rows, down to the tables that got tenant_id last.
    const { rows } = await sql<{ tenant_id: string; n: number }>`
      SELECT tenant_id, count(*)::int AS n FROM (
        SELECT tenant_id FROM disputes UNION ALL SELECT tenant_id FROM dispute_parties
        UNION ALL SELECT tenant_id FROM mediation_sessions UNION ALL SELECT tenant_id FROM memberships
      ) t GROUP BY tenant_id ORDER BY tenant_id`.execute(ctx.deps.db);
    expect(rows.map((r) => r.tenant_id)).toEqual(['610898', '610899']);
    expect(await rowsAcrossCounties()).toEqual([]);
  });

  it('finds a row that points into another county', async () => {
    const party = await ctx.deps.db
      .selectFrom('dispute_parties')
      .select('id')
      .where('tenant_id', '=', '610898')
      .executeTakeFirstOrThrow();
    await ctx.deps.db.updateTable('dispute_parties').set({ tenant_id: '610899' }).where('id', '=', party.id).execute();
    try {
      expect(await rowsAcrossCounties()).toEqual([
        'dispute_parties_dispute_id_fkey (dispute_parties → disputes): 1 rows',
      ]);
    } finally {
      await ctx.deps.db
        .updateTable('dispute_parties')
        .set({ tenant_id: '610898' })
        .where('id', '=', party.id)
        .execute();
    }
  });

  it('measures what is left: keys of tenant tables without tenant_id', async () => {
    const tenant = [...tenantTables] as string[];
    const { rows: keys } = await sql<{ table: string; primary: boolean; with_tenant: boolean }>`
      SELECT t.relname AS table, i.indisprimary AS primary,
        EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = 'tenant_id'
                AND a.attnum = ANY (i.indkey::int2[])) AS with_tenant
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND i.indisunique`.execute(ctx.deps.db);
    const ofTenant = keys.filter((k) => tenant.includes(k.table));
    const fks = await foreignKeys();
    const between = fks.filter((fk) => kindOf(fk.child) === 'tenant' && kindOf(fk.parent) === 'tenant');
    const figures = {
      tenantTables: tenant.length,
      primaryKeysWithoutTenant: ofTenant.filter((k) => k.primary && !k.with_tenant).length,
      primaryKeys: ofTenant.filter((k) => k.primary).length,
      uniquesWithoutTenant: ofTenant.filter((k) => !k.primary && !k.with_tenant).length,
      uniques: ofTenant.filter((k) => !k.primary).length,
      tenantForeignKeysWithoutTenant: between.filter(
        (fk) => !fk.child_columns.includes('tenant_id') || !fk.parent_columns.includes('tenant_id'),
      ).length,
      tenantForeignKeys: between.length,
      // Citus cannot keep these: a distributed table and one not co-located with it.
      foreignKeysBetweenTenantAndPlatform: fks.filter(
        (fk) =>
          new Set([kindOf(fk.child), kindOf(fk.parent)]).size === 2 &&
          ![kindOf(fk.child), kindOf(fk.parent)].includes('reference'),
      ).length,
    };
    console.info(`issue 19, keys still without tenant_id (${testEngine}): ${JSON.stringify(figures)}`);
    expect(figures.primaryKeys).toBe(tenant.length);
  });

  it('refuses a membership above the county, which would belong to no county', async () => {
    await expect(buildUser(ctx.deps, 'city_admin', 'admin', '6108')).rejects.toMatchObject({
      code: 'SCOPE_ABOVE_COUNTY',
      details: { scope: '6108' },
    });
    expect(await ctx.deps.db.selectFrom('users').select('id').where('username', '=', 'city_admin').execute()).toEqual(
      [],
    );
  });

  // Runs last: it takes 0052 off the database (the columns it added, its row in kysely_migration) and
  // runs it again over the rows of both counties.
  it('migration 0052 gives the rows of an older database their parent’s tenant_id', async () => {
    const db = ctx.deps.db;
    const tables = [
      'memberships',
      'duty_items',
      'dispute_parties',
      'mediation_sessions',
      'dispute_events',
      'service_ticket_counters',
      'steward_checklist_ticks',
      'vote_marks',
      'honour_criteria',
      'honour_panel_members',
      'honour_score_sheets',
    ];
    const digest = async (table: string) =>
      (
        await sql<{ n: number; rows: string }>`
          SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS rows
          FROM ${sql.table(table)} t`.execute(db)
      ).rows[0];
    const before = new Map<string, { n: number; rows: string }>();
    for (const table of tables) before.set(table, await digest(table));
    expect(tables.filter((t) => before.get(t)!.n === 0)).toEqual([]);
    // The tenant guard's policies (PostgreSQL run) read the column: off first, back on after.
    for (const table of tables) await sql`DROP POLICY IF EXISTS tenant_guard ON ${sql.table(table)}`.execute(db);
    for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN tenant_id`.execute(db);
    await sql`ALTER TABLE case_category_versions ADD CONSTRAINT case_category_versions_changed_by_fkey
              FOREIGN KEY (changed_by) REFERENCES users (id)`.execute(db);
    await sql`DELETE FROM kysely_migration WHERE name = '0052_tenant_id_everywhere'`.execute(db);
    expect(await migrateToLatest(db)).toEqual(['0052_tenant_id_everywhere']);
    if (testEngine === 'postgres') await installTenantGuard(db);
    for (const table of tables) expect(await digest(table), table).toEqual(before.get(table));
  });
});
