import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/demo/seed.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { installTenantGuard } from '../../src/server/platform/db/tenant-guard.js';
import {
  NO_COUNTY,
  noCountyRows,
  platformTables,
  referenceTables,
  referenceTablesWithCounty,
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

const withCounty = new Set<string>(referenceTablesWithCounty);

/**
 * Child rows whose tenant_id differs from their parent's, per foreign key from a tenant table to a
 * tenant table or to a reference table with rows of a county (a parent of no county is not compared).
 */
async function rowsAcrossCounties() {
  const crossing: string[] = [];
  for (const fk of await foreignKeys()) {
    if (kindOf(fk.child) !== 'tenant' || !(kindOf(fk.parent) === 'tenant' || withCounty.has(fk.parent))) continue;
    const on = fk.child_columns.map((c, i) => sql`child.${sql.ref(c)} = parent.${sql.ref(fk.parent_columns[i])}`);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(fk.child)} child JOIN ${sql.table(fk.parent)} parent
      ON ${sql.join(on, sql` AND `)} WHERE child.tenant_id <> parent.tenant_id`.execute(ctx.deps.db);
    if (rows[0].n > 0) crossing.push(`${fk.name} (${fk.child} → ${fk.parent}): ${rows[0].n} rows`);
  }
  return crossing;
}

/** Primary keys and unique indexes of tenant tables, and whether tenant_id is one of their columns. */
async function uniqueKeys() {
  const { rows } = await sql<{ table: string; index: string; with_tenant: boolean }>`
    SELECT t.relname AS table, ix.relname AS index,
      EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = 'tenant_id'
              AND a.attnum = ANY (i.indkey::int2[])) AS with_tenant
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ix ON ix.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND i.indisunique ORDER BY 1, 2`.execute(ctx.deps.db);
  return rows.filter((r) => kindOf(r.table) === 'tenant');
}

/**
 * What breaks Citus's rule on the tenant tables: a primary key or unique index without tenant_id, and
 * a foreign key between two tenant tables without tenant_id on both sides.
 */
async function keysWithoutTenant() {
  const keys = (await uniqueKeys()).filter((k) => !k.with_tenant).map((k) => `${k.table}: ${k.index}`);
  const fks = (await foreignKeys())
    .filter(
      (fk) =>
        kindOf(fk.child) === 'tenant' &&
        kindOf(fk.parent) === 'tenant' &&
        (!fk.child_columns.includes('tenant_id') || !fk.parent_columns.includes('tenant_id')),
    )
    .map((fk) => `${fk.name} (${fk.child} → ${fk.parent})`);
  return [...keys, ...fks];
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

  it('gives every tenant table a tenant_id NOT NULL; reference and platform tables none, but places and users', async () => {
    const { rows } = await sql<{ table: string; type: string; nullable: boolean }>`
      SELECT table_name AS table, data_type AS type, is_nullable = 'YES' AS nullable
      FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`.execute(ctx.deps.db);
    const column = new Map(rows.map((r) => [r.table, r]));
    const problems: string[] = [];
    for (const table of tenantTables) {
      const c = column.get(table);
      if (!c) problems.push(`${table}: no tenant_id`);
      else if (c.type !== 'text') problems.push(`${table}: tenant_id is ${c.type}, not text`);
      else if (c.nullable) problems.push(`${table}: tenant_id may be null (rows of no county: ${NO_COUNTY})`);
    }
    for (const table of [...Object.keys(referenceTables), ...Object.keys(platformTables)])
      if (column.has(table) !== withCounty.has(table))
        problems.push(
          column.has(table)
            ? `${table}: a ${kindOf(table)} table with a tenant_id (is it a tenant table?)`
            : `${table}: referenceTablesWithCounty names it, but it has no tenant_id`,
        );
      else if (withCounty.has(table) && !column.get(table)!.nullable)
        problems.push(`${table}: tenant_id NOT NULL (is it a tenant table now?)`);
    expect(problems).toEqual([]);
    // Each table that is not a county's says why.
    for (const why of [
      ...Object.values(referenceTables),
      ...Object.values(platformTables),
      ...Object.values(noCountyRows),
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

  it('refuses a row that points into another county, and finds one where a key to a place cannot', async () => {
    const db = ctx.deps.db;
    // Between two tenant tables the key itself holds the county (0053): the database refuses the move.
    const party = await db
      .selectFrom('dispute_parties')
      .select('id')
      .where('tenant_id', '=', '610898')
      .executeTakeFirstOrThrow();
    const moved = await db
      .updateTable('dispute_parties')
      .set({ tenant_id: '610899' })
      .where('id', '=', party.id)
      .execute()
      .then(
        () => 'moved',
        (e: { code?: string }) => e.code,
      );
    expect(moved).toBe('23503'); // foreign_key_violation
    // A key to places or users (reference tables, with rows of no county) is by id only: the rows are checked instead.
    const membership = await db
      .selectFrom('memberships')
      .select('id')
      .where('tenant_id', '=', '610898')
      .where('department_id', 'is', null)
      .executeTakeFirstOrThrow();
    await db.updateTable('memberships').set({ tenant_id: '610899' }).where('id', '=', membership.id).execute();
    try {
      expect(await rowsAcrossCounties()).toEqual([
        'memberships_place_id_fkey (memberships → places): 1 rows',
        'memberships_user_id_fkey (memberships → users): 1 rows',
      ]);
    } finally {
      await db.updateTable('memberships').set({ tenant_id: '610898' }).where('id', '=', membership.id).execute();
    }
  });

  it('puts tenant_id in every key of a tenant table, and on both sides of every foreign key between two', async () => {
    expect(await keysWithoutTenant()).toEqual([]);
    // Nor a key Citus could not keep at all: between a tenant table and a platform table (each distributed
    // its own way), or from a reference table to either.
    const unkeepable = (await foreignKeys())
      .filter((fk) => {
        const [child, parent] = [kindOf(fk.child), kindOf(fk.parent)];
        return (child === 'reference' && parent !== 'reference') || new Set([child, parent, 'reference']).size === 3;
      })
      .map((fk) => `${fk.name} (${fk.child} → ${fk.parent})`);
    expect(unkeepable).toEqual([]);
  });

  it('finds a key without tenant_id', async () => {
    const db = ctx.deps.db;
    await sql`CREATE UNIQUE INDEX dispute_parties_role_probe ON dispute_parties (dispute_id, role)`.execute(db);
    try {
      expect(await keysWithoutTenant()).toEqual(['dispute_parties: dispute_parties_role_probe']);
    } finally {
      await sql`DROP INDEX dispute_parties_role_probe`.execute(db);
    }
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

  // Runs last: it takes 0052 and 0053 off the database (the columns 0052 added and the keys on them, their
  // rows in kysely_migration) and runs them again over the rows of both counties, and 0054 after them.
  it('migrations 0052 to 0054 give the rows of an older database their parent’s tenant_id, and the keys', async () => {
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
    // One photo that goods of both counties show, added below while the keys are off: 0054 keeps it once
    // more for the second county, so the digests leave it out.
    const shared = '01a00000-0000-7000-8000-0000000000a3';
    const digest = async (table: string) =>
      (
        await sql<{ n: number; rows: string }>`
          SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS rows
          FROM ${sql.table(table)} t WHERE to_jsonb(t) ->> 'id' IS DISTINCT FROM ${shared}
            AND to_jsonb(t) ->> 'photo_file_id' IS DISTINCT FROM ${shared}`.execute(db)
      ).rows[0];
    // Rows of no county, and a message about a case, that 0054 finds without a county.
    await db
      .insertInto('audit_log')
      .values({
        id: '01a00000-0000-7000-8000-0000000000a1',
        tenant_id: NO_COUNTY,
        action: 'auth.login',
        entity_type: 'user',
        at: new Date(),
      })
      .execute();
    const aCase = await db
      .selectFrom('cases')
      .select(['id', 'tenant_id'])
      .where('tenant_id', '=', '610898')
      .executeTakeFirstOrThrow();
    const caseMessage = { id: '01a00000-0000-7000-8000-0000000000a2' };
    await db
      .insertInto('sms_outbox')
      .values({
        id: caseMessage.id,
        tenant_id: aCase.tenant_id,
        to_phone_enc: 'sealed',
        to_masked: '139****0001',
        template: 'case_resolved',
        params: '{}',
        body: '…',
        case_id: aCase.id,
        created_at: new Date(),
      })
      .execute();
    const noCounty = ['audit_log', 'files', 'sms_outbox'];
    const before = new Map<string, { n: number; rows: string }>();
    for (const table of [...tables, ...noCounty]) before.set(table, await digest(table));
    expect(tables.filter((t) => before.get(t)!.n === 0)).toEqual([]);
    for (const table of noCounty) {
      for (const policy of ['tenant_guard', 'tenant_guard_read', 'tenant_guard_add'])
        await sql`DROP POLICY IF EXISTS ${sql.raw(policy)} ON ${sql.table(table)}`.execute(db);
      // The keys as they were before 0054 (CASCADE: with the keys of other tables to files).
      await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.raw(`${table}_pkey`)} CASCADE`.execute(db);
      await sql`ALTER TABLE ${sql.table(table)} ADD PRIMARY KEY (id)`.execute(db);
      await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN tenant_id DROP NOT NULL`.execute(db);
    }
    for (const table of noCounty)
      await sql`UPDATE ${sql.table(table)} SET tenant_id = NULL WHERE tenant_id = ${NO_COUNTY}`.execute(db);
    await db
      .updateTable('sms_outbox')
      .set({ tenant_id: null as unknown as string })
      .where('id', '=', caseMessage.id)
      .execute();
    await db
      .insertInto('files')
      .values({
        id: shared,
        tenant_id: '610899',
        mime: 'image/png',
        size_bytes: 1,
        sha256: 'x'.repeat(64),
        storage_key: `x/${shared}`,
        uploaded_by: null,
        created_at: new Date(),
      })
      .execute();
    for (const [i, county] of ['610899', '610898'].entries()) {
      const community = await db
        .selectFrom('places')
        .select(['id', 'path'])
        .where('kind', '=', 'community')
        .where('tenant_id', '=', county)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('shop_goods')
        .values({
          id: `01a00000-0000-7000-8000-0000000000b${i}`,
          tenant_id: county,
          community_id: community.id,
          community_path: community.path,
          name: '两县的货',
          photo_file_id: shared,
          points_price: 1,
          stock: 1,
          created_by: null,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute();
    }
    // The tenant guard's policies (PostgreSQL run) read the column: off first, back on after.
    for (const table of tables) await sql`DROP POLICY IF EXISTS tenant_guard ON ${sql.table(table)}`.execute(db);
    // With the keys 0053 gave them (CASCADE: and the foreign keys of other tables to those keys).
    for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN tenant_id CASCADE`.execute(db);
    await sql`ALTER TABLE case_category_versions ADD CONSTRAINT case_category_versions_changed_by_fkey
              FOREIGN KEY (changed_by) REFERENCES users (id)`.execute(db);
    await sql`DELETE FROM kysely_migration WHERE name IN ('0052_tenant_id_everywhere', '0053_tenant_keys', '0054_no_county_rows')`.execute(
      db,
    );
    expect(await migrateToLatest(db)).toEqual(['0052_tenant_id_everywhere', '0053_tenant_keys', '0054_no_county_rows']);
    if (testEngine === 'postgres') await installTenantGuard(db);
    for (const table of [...tables, ...noCounty]) expect(await digest(table), table).toEqual(before.get(table));
    expect(
      (await db.selectFrom('files').select('tenant_id').where('id', '=', shared).orderBy('tenant_id').execute()).map(
        (r) => r.tenant_id,
      ),
    ).toEqual(['610898', '610899']);
    expect(await keysWithoutTenant()).toEqual([]);
    expect(await rowsAcrossCounties()).toEqual([]);
  });
});
