import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from '../../src/server/platform/db/schema.js';
import { migrateToLatest, migrationsDir } from '../../src/server/platform/db/migrate.js';

// An embedded database costs ~2 s to create (initdb runs in WebAssembly) and ~0.3 s to migrate; each
// API test file needs one. So the first run creates it once, dumps its data folder to a tar file, and
// every later test database starts from that file (~0.6 s). The file's name holds a hash of what made
// it (the PGlite version, the migration files and the code that applies them): a changed migration
// makes a new file, never a stale database. `empty` is a database before any migration, for the
// tests that build an older schema themselves.

export type SnapshotKind = 'empty' | 'migrated';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'linli-test');

function snapshotKey(kind: SnapshotKind): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  hash.update(fs.readFileSync(path.join(root, 'src/server/platform/db/database.ts')));
  if (kind === 'migrated') {
    for (const file of ['migrate.ts', 'split-sql.ts'])
      hash.update(fs.readFileSync(path.join(root, 'src/server/platform/db', file)));
    for (const file of fs.readdirSync(migrationsDir).sort()) {
      hash.update(`\n${file}\n`);
      hash.update(fs.readFileSync(path.join(migrationsDir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export const snapshotFile = (kind: SnapshotKind) => path.join(cacheDir, `pglite-${kind}-${snapshotKey(kind)}.tar`);

/**
 * The tar file of a fresh (`empty`) or fully migrated embedded database; made on first use. Two
 * processes that make it at once each write their own temporary file and rename it into place.
 */
export async function ensurePgliteSnapshot(kind: SnapshotKind): Promise<string> {
  const file = snapshotFile(kind);
  if (fs.existsSync(file)) return file;
  const pglite = await PGlite.create('memory://');
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    if (kind === 'migrated') await migrateToLatest(db);
    // Uncompressed: loading a gzipped dump takes twice as long.
    const dump = await pglite.dumpDataDir('none');
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await db.destroy();
  }
  return file;
}

/** The snapshot as the Blob PGlite's `loadDataDir` takes. */
export async function loadPgliteSnapshot(kind: SnapshotKind): Promise<Blob> {
  return new Blob([fs.readFileSync(await ensurePgliteSnapshot(kind))]);
}
