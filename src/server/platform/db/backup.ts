import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

// Backup and restore of the embedded database through PGlite's data-dir dump (a gzipped tarball).

export async function backupEmbedded(dataDir: string, outFile: string): Promise<number> {
  if (!fs.existsSync(dataDir)) throw new Error(`no embedded database at ${dataDir}`);
  const pglite = await PGlite.create(dataDir);
  try {
    const dump = await pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    fs.writeFileSync(outFile, bytes);
    return bytes.length;
  } finally {
    await pglite.close();
  }
}

/** Loads the dump into a fresh data dir; the old one is moved aside, never deleted. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<string | null> {
  const blob = new Blob([fs.readFileSync(file)]);
  const staging = `${dataDir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  const pglite = await PGlite.create(staging, { loadDataDir: blob });
  await pglite.query('select 1');
  await pglite.close();
  let moved: string | null = null;
  if (fs.existsSync(dataDir)) {
    moved = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dataDir, moved);
  }
  fs.renameSync(staging, dataDir);
  return moved;
}
