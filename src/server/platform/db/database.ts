import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { TakingTurnsPGliteDialect } from './pglite-dialect.js';
import { namePreparedStatements } from './prepared.js';
import { guardClient } from './tenant-guard.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Closes the pool or the embedded database; Kysely's destroy() closes PGlite too. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL of a server; without it the embedded database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; 'memory://' for a throw-away one. */
  pgliteDir?: string;
  poolSize?: number;
  /** A dump of an embedded database (PGlite's dumpDataDir) to start from instead of an empty one: the tests' hook. */
  pgliteLoadDataDir?: Blob;
  /** Run a county's statements under its row-level security (tenant-guard.ts); a PostgreSQL server only. */
  tenantGuard?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // Loaded only for a PostgreSQL server: the embedded database's start does without it.
    const { default: pg } = await import('pg');
    // int8 (counts, sums) as JS numbers: our counts stay far below 2^53.
    pg.types.setTypeParser(20, (v) => Number(v));
    // date (birth dates, holidays, effective dates) as its 'YYYY-MM-DD' text, as schema.ts declares it: the
    // drivers' own Date (local midnight with pg, UTC midnight with PGlite) named another day outside UTC.
    pg.types.setTypeParser(1082, (v) => v);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client's error must not kill the process; the next query reports it
    pool.on('connect', namePreparedStatements);
    if (options.tenantGuard) pool.on('connect', guardClient);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const pglite = await PGlite.create(dir, {
    parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
    ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new TakingTurnsPGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
