import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest, migrationsDir } from './migrate.js';
import type { Database } from './schema.js';

// A new embedded database costs ~8 s of CPU to create (initdb runs in WebAssembly) and migrate, most of a
// first start before the demo seed (issue 18). `linli prepare` (run by npm install) makes one migrated
// database once and dumps its data folder to dist/pglite/; a first start loads that dump (~3 s) instead.
// The file's name holds a hash of the PGlite version and the migration files, so a changed migration
// never loads a stale database: without a matching file the start creates and migrates as before. The
// dump holds the schema and the migrations' own rows only: no key, no key check, no personal data.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const templateDir = path.join(root, 'dist', 'pglite');

function templateKey(): string {
  const hash = createHash('sha256');
  const pglitePackage = path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  hash.update(`pglite ${(JSON.parse(fs.readFileSync(pglitePackage, 'utf8')) as { version: string }).version}\n`);
  for (const file of fs.readdirSync(migrationsDir).sort()) {
    hash.update(`\n${file}\n`);
    hash.update(fs.readFileSync(path.join(migrationsDir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export const templateFile = (): string => path.join(templateDir, `migrated-${templateKey()}.tar`);

/** The migrated database's dump for PGlite's `loadDataDir`, or undefined when none matches the migrations. */
export function readTemplate(): Blob | undefined {
  const file = templateFile();
  return fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : undefined;
}

/** Makes the dump when none matches the migrations (older ones are removed); true when it made one. */
export async function ensureTemplate(): Promise<boolean> {
  const file = templateFile();
  if (fs.existsSync(file)) return false;
  const pglite = await PGlite.create('memory://');
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest(db);
    // Uncompressed: a gzipped dump takes twice as long to load.
    const dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
    fs.mkdirSync(templateDir, { recursive: true });
    // Written aside and renamed: a start at the same time never loads half a file.
    const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
    fs.writeFileSync(partial, dump);
    fs.renameSync(partial, file);
  } finally {
    await db.destroy();
  }
  for (const old of fs.readdirSync(templateDir))
    if (/^migrated-[0-9a-f]{16}\.tar$/.test(old) && path.join(templateDir, old) !== file)
      fs.rmSync(path.join(templateDir, old), { force: true });
  return true;
}

/** True when the embedded database's folder holds nothing yet: a first start. */
export function isNewEmbeddedDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}
