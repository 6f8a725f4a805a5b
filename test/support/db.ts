import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import type { Database } from '../../src/server/platform/db/schema.js';
import { loadPgliteSnapshot } from './pglite-snapshot.js';

export const testEngine = (process.env.LINLI_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database of this run on the PostgreSQL server (test/support/postgres-template.ts). */
    pgTemplate?: string;
  }
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server (dropped again by close()). Never a mock. `migrate: false` leaves it empty, for
 * a test that builds an older schema and then migrates it.
 *
 * Both start from a copy instead of running the migrations again (the same migrations, applied once
 * per run or per change of the migration files): PGlite from a dump of its data folder
 * (pglite-snapshot.ts), PostgreSQL from a template database the project's global setup migrated.
 */
export async function createTestDatabase({ migrate = true }: { migrate?: boolean } = {}): Promise<
  DatabaseHandle & { url?: string }
> {
  if (testEngine === 'pglite') {
    return openDatabase({
      pgliteDir: 'memory://',
      pgliteLoadDataDir: await loadPgliteSnapshot(migrate ? 'migrated' : 'empty'),
    });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set for the PostgreSQL test run');
  const name = `linli_test_${randomBytes(6).toString('hex')}`;
  const template = migrate ? inject('pgTemplate') : undefined;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // A copy of the template carries the tenant guard (row-level security, postgres-template.ts): every
  // request of one county's staff runs under it, so a statement that reaches into another county fails.
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5, tenantGuard: Boolean(template) });
  if (migrate && !template) await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * How many rows a table holds, for tests that check a refused request left nothing behind. Raw SQL on
 * purpose: a Kysely query over a union of table names makes the type checker instantiate every table
 * (7.5 s of `tsc` for one such helper).
 */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0].n);
}
