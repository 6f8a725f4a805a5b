import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import tar from 'tar-stream';
import { keyFingerprint, parseKeyFile, PiiCipher, PiiKeyError, verifyKeyOpensData } from '../pii.js';
import { migrationsDir } from './migrate.js';
import type { Database } from './schema.js';

// Backup and restore of an embedded installation. A backup is one .tar.gz:
//   manifest.json     app version, last migration, key fingerprint, created time, sizes and checksum
//   secret.key        only with --include-key (PIPL: by default a stolen backup does not open ID numbers)
//   database.tar.gz   PGlite's dump of DATA_DIR/pg
//   files/…           the uploaded files (DATA_DIR/files)
// Restore reads everything into a staging folder and checks it (sizes, checksum, the key opens
// the database) before it swaps anything; whatever goes wrong before the swap changes nothing.

export class BackupError extends Error {}

export interface BackupManifest {
  format: 'linli-backup';
  formatVersion: 1;
  appVersion: string;
  lastMigration: string | null;
  createdAt: string;
  key: { fingerprint: string; included: boolean };
  database: { bytes: number; sha256: string };
  files: { count: number; bytes: number };
}

const MANIFEST = 'manifest.json';
const KEY_ENTRY = 'secret.key';
const DATABASE_ENTRY = 'database.tar.gz';
const FILES_PREFIX = 'files/';
// The same rule as the storage's keys: no '..', nothing absolute, so an archive cannot write outside its folder.
const safeFileName = (name: string) => /^[\w/-]+$/.test(name) && !name.includes('..') && !name.startsWith('/');

const appVersion = (): string =>
  (JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const damaged = (why: string) =>
  new BackupError(`备份文件已损坏，未做任何更改（${why}）。The backup is damaged, nothing changed (${why}).`);

function keyAdvice(
  dataDir: string,
  wanted: string,
  found: { fingerprint: string; source: string } | null,
): BackupError {
  const put = `${path.join(dataDir, KEY_ENTRY)}`;
  if (!found) {
    return new BackupError(
      `缺少密钥，未做任何更改：该备份需要指纹为 ${wanted} 的个人信息密钥，本机没有（未设 PII_KEY，也没有 ${put}）。请把备份时的密钥放到 ${put}（或设置 PII_KEY）后再恢复。` +
        ` No key, nothing changed: the backup needs the personal-data key with fingerprint ${wanted} and there is none here (no PII_KEY, no ${put}). Put the key the backup was made with in ${put} (or set PII_KEY) and run restore again.`,
    );
  }
  return new BackupError(
    `密钥不匹配，未做任何更改：该备份需要指纹为 ${wanted} 的个人信息密钥，而 ${found.source} 的指纹是 ${found.fingerprint}。请把备份时的密钥放到 ${put}（或设置 PII_KEY）后再恢复。` +
      ` Key mismatch, nothing changed: the backup needs the personal-data key with fingerprint ${wanted}, but ${found.source} has fingerprint ${found.fingerprint}. Put the key the backup was made with in ${put} (or set PII_KEY to it) and run restore again.`,
  );
}

async function openEmbedded(dir: string, dump?: Buffer) {
  const pglite = await PGlite.create(dir, dump ? { loadDataDir: new Blob([new Uint8Array(dump)]) } : {});
  return { pglite, db: new Kysely<Database>({ dialect: new PGliteDialect(pglite) }) };
}

async function lastMigrationOf(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(
    db,
  );
  return rows[0]?.name ?? null;
}

function listFiles(root: string, prefix = ''): { name: string; file: string; size: number }[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(root, entry.name);
    const name = prefix + entry.name;
    if (entry.isDirectory()) return listFiles(file, `${name}/`);
    // Regular files only; `.part` files are uploads that never finished.
    if (!entry.isFile() || !safeFileName(name) || name.endsWith('.part')) return [];
    return [{ name, file, size: fs.statSync(file).size }];
  });
}

async function collect(stream: Readable, max = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) throw damaged('entry too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Writes the backup of DATA_DIR (the caller holds its lock) to outFile, then reads it back to check it. */
export async function backupEmbedded(
  dataDir: string,
  masterKey: Buffer,
  outFile: string,
  options: { includeKey: boolean; now: Date },
): Promise<BackupManifest> {
  const pgDir = path.join(dataDir, 'pg');
  if (!fs.existsSync(pgDir))
    throw new BackupError(`没有可备份的数据库 There is no embedded database in ${dataDir} to back up.`);
  if (!fs.statSync(path.dirname(outFile), { throwIfNoEntry: false })?.isDirectory()) {
    throw new BackupError(`备份目标文件夹不存在 The folder for the backup, ${path.dirname(outFile)}, does not exist.`);
  }
  const { pglite, db } = await openEmbedded(pgDir);
  let dump: Buffer;
  let lastMigration: string | null;
  try {
    // The fingerprint must name the key that opens this database.
    await verifyKeyOpensData(db, new PiiCipher(masterKey));
    lastMigration = await lastMigrationOf(db);
    dump = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await db.destroy();
  }
  const files = listFiles(path.join(dataDir, 'files'));
  const manifest: BackupManifest = {
    format: 'linli-backup',
    formatVersion: 1,
    appVersion: appVersion(),
    lastMigration,
    createdAt: options.now.toISOString(),
    key: { fingerprint: keyFingerprint(masterKey), included: options.includeKey },
    database: { bytes: dump.length, sha256: sha256(dump) },
    files: { count: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) },
  };

  const partial = `${outFile}.partial`;
  const pack = tar.pack();
  const written = pipeline(pack, zlib.createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
  // Raced with the output: when writing fails (disk full, no such folder) the entry never completes.
  const added = (adding: Promise<void>) => Promise.race([adding, written]);
  const entry = (name: string, bytes: Buffer) =>
    added(
      new Promise<void>((resolve, reject) =>
        pack.entry({ name, size: bytes.length, mode: 0o600, mtime: options.now }, bytes, (e) =>
          e ? reject(e) : resolve(),
        ),
      ),
    );
  try {
    await entry(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
    if (options.includeKey) await entry(KEY_ENTRY, Buffer.from(masterKey.toString('base64') + '\n'));
    await entry(DATABASE_ENTRY, dump);
    for (const f of files) {
      await added(
        new Promise<void>((resolve, reject) => {
          const sink = pack.entry(
            { name: FILES_PREFIX + f.name, size: f.size, mode: 0o600, mtime: options.now },
            (e) => (e ? reject(e) : resolve()),
          );
          fs.createReadStream(f.file).on('error', reject).pipe(sink);
        }),
      );
    }
    pack.finalize();
    await written;
    await readArchive(partial, { into: null, onManifest: () => undefined });
    fs.renameSync(partial, outFile);
    return manifest;
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Reads a backup through, into a folder or only to check it: the manifest must come first, and
 * every size and the database's checksum must match it. Any read error means a damaged archive.
 */
async function readArchive(file: string, options: { into: string | null; onManifest(manifest: BackupManifest): void }) {
  let manifest: BackupManifest | null = null;
  let dump: Buffer | null = null;
  let key: Buffer | null = null;
  let count = 0;
  let bytes = 0;
  const handle = async (header: tar.Headers, stream: Readable) => {
    if (!manifest) {
      if (header.name !== MANIFEST)
        throw new BackupError(
          `这不是邻里备份文件（没有 manifest.json），未做任何更改。This is not a Linli backup (no manifest.json first); nothing changed.`,
        );
      try {
        manifest = JSON.parse((await collect(stream, 64 * 1024)).toString('utf8')) as BackupManifest;
      } catch (error) {
        if (error instanceof BackupError) throw error;
        throw damaged('manifest.json');
      }
      if (manifest.format !== 'linli-backup' || manifest.formatVersion !== 1) throw damaged('manifest.json');
      options.onManifest(manifest);
    } else if (header.name === DATABASE_ENTRY) {
      dump = await collect(stream);
    } else if (header.name === KEY_ENTRY) {
      key = parseKeyFile((await collect(stream, 1024)).toString('utf8'));
      if (!key) throw damaged(KEY_ENTRY);
    } else if (
      header.name.startsWith(FILES_PREFIX) &&
      header.type === 'file' &&
      safeFileName(header.name.slice(FILES_PREFIX.length))
    ) {
      count++;
      bytes += header.size ?? 0;
      if (options.into) {
        const target = path.join(options.into, 'files', header.name.slice(FILES_PREFIX.length));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        await pipeline(stream, fs.createWriteStream(target, { mode: 0o600 }));
      } else {
        stream.resume();
        await new Promise((resolve) => stream.on('end', resolve));
      }
    } else {
      throw damaged(`unexpected entry ${header.name}`);
    }
  };
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    handle(header, stream).then(
      () => next(),
      (error: Error) => extract.destroy(error),
    );
  });
  try {
    await pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw damaged((error as Error).message);
  }
  const m = manifest as BackupManifest | null;
  const d = dump as Buffer | null;
  const k = key as Buffer | null;
  if (!m) throw damaged('empty archive');
  if (!d || d.length !== m.database.bytes || sha256(d) !== m.database.sha256) throw damaged(DATABASE_ENTRY);
  if (count !== m.files.count || bytes !== m.files.bytes) throw damaged(`files: ${count} of ${m.files.count}`);
  if (m.key.included !== (k !== null) || (k && keyFingerprint(k) !== m.key.fingerprint)) throw damaged(KEY_ENTRY);
  return { manifest: m, dump: d, key: k };
}

/**
 * Replaces DATA_DIR's database and files (and the key file, when the backup carries the key) with
 * the backup's; the caller holds DATA_DIR's lock. `runKey` is the key this installation will run
 * with (PII_KEY or DATA_DIR/secret.key). What was there before is kept beside, never deleted.
 */
export async function restoreEmbedded(
  dataDir: string,
  file: string,
  runKey: { key: Buffer; source: string } | null,
  now: Date,
): Promise<{ manifest: BackupManifest; keptAs: string[] }> {
  const staging = path.join(dataDir, '.restore-staging');
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, 'files'), { recursive: true });
  try {
    const found = runKey ? { fingerprint: keyFingerprint(runKey.key), source: runKey.source } : null;
    const {
      manifest,
      dump,
      key: carried,
    } = await readArchive(file, {
      into: staging,
      onManifest(m) {
        // PII_KEY always wins; a key file may be replaced by the key the backup carries.
        const replaceable = runKey?.source !== 'PII_KEY' && m.key.included;
        if (!replaceable && found?.fingerprint !== m.key.fingerprint)
          throw keyAdvice(dataDir, m.key.fingerprint, found);
      },
    });
    const useCarried = found?.fingerprint !== manifest.key.fingerprint;
    const key = useCarried ? carried! : runKey!.key;

    const known = fs.readdirSync(migrationsDir).map((f) => f.replace(/\.sql$/, ''));
    if (manifest.lastMigration && !known.includes(manifest.lastMigration)) {
      throw new BackupError(
        `该备份来自更新版本的邻里（迁移 ${manifest.lastMigration}，版本 ${manifest.appVersion}），请先升级后再恢复，未做任何更改。The backup comes from a newer Linli (${manifest.appVersion}, migration ${manifest.lastMigration}); upgrade first. Nothing changed.`,
      );
    }
    const { db } = await openEmbedded(path.join(staging, 'pg'), dump);
    try {
      await verifyKeyOpensData(db, new PiiCipher(key));
    } catch (error) {
      if (error instanceof PiiKeyError)
        throw keyAdvice(dataDir, `${manifest.key.fingerprint}`, {
          fingerprint: keyFingerprint(key),
          source: useCarried ? KEY_ENTRY : runKey!.source,
        });
      throw error;
    } finally {
      await db.destroy();
    }
    if (useCarried) fs.writeFileSync(path.join(staging, KEY_ENTRY), key.toString('base64') + '\n', { mode: 0o600 });
    return {
      manifest,
      keptAs: swapIn(dataDir, staging, useCarried ? ['pg', 'files', KEY_ENTRY] : ['pg', 'files'], now),
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves the staged items into DATA_DIR, the old ones aside; undoes every move if one fails. */
function swapIn(dataDir: string, staging: string, names: string[], now: Date): string[] {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const undo: (() => void)[] = [];
  const kept: string[] = [];
  try {
    for (const name of names) {
      const target = path.join(dataDir, name);
      const staged = path.join(staging, name);
      if (fs.existsSync(target)) {
        const aside = `${target}.before-restore-${stamp}`;
        fs.renameSync(target, aside);
        kept.push(aside);
        undo.push(() => fs.renameSync(aside, target));
      }
      fs.renameSync(staged, target);
      undo.push(() => fs.renameSync(target, staged));
    }
    return kept;
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // keep undoing the rest
      }
    }
    throw error;
  }
}
