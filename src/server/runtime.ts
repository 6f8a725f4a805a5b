import path from 'node:path';
import type { Config } from './config.js';
import type { AppDeps } from './deps.js';
import { GridLocator } from './features/places/locator.js';
import { systemClock, type Clock } from './platform/clock.js';
import { lockDataDir, prepareDataDir } from './platform/data-dir.js';
import { openDatabase, type DatabaseHandle } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { installTenantGuard } from './platform/db/tenant-guard.js';
import { isNewEmbeddedDir, readTemplate } from './platform/db/template.js';
import { JobRunner } from './platform/jobs.js';
import { log } from './platform/logger.js';
import { loadMasterKey, PiiCipher, verifyKeyOpensData } from './platform/pii.js';
import { LocalFolderStorage } from './platform/storage.js';

export const embeddedDir = (config: Config): string => path.join(config.dataDir, 'pg');

/**
 * Opens the configured database (server or embedded), applies migrations and wires the deps.
 * DATA_DIR must be a writable folder; with the embedded database this process holds its lock
 * until handle.close() (or exit), so a second process is refused instead of corrupting it.
 */
export async function openRuntime(
  config: Config,
  clock: Clock = systemClock,
): Promise<{ deps: AppDeps; handle: DatabaseHandle }> {
  prepareDataDir(config.dataDir);
  const lock = config.DATABASE_URL ? null : lockDataDir(config.dataDir);
  try {
    const pii = new PiiCipher(
      loadMasterKey({ piiKey: config.PII_KEY, dataDir: config.dataDir, embedded: !config.DATABASE_URL }),
    );
    // A first start on the embedded database loads the migrated database `linli prepare` made, when
    // one matches the migrations, instead of creating and migrating one (issue 18).
    const template = !config.DATABASE_URL && isNewEmbeddedDir(embeddedDir(config)) ? readTemplate() : undefined;
    const opened = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: embeddedDir(config),
      pgliteLoadDataDir: template,
      tenantGuard: config.TENANT_GUARD,
    });
    performance.mark(template ? 'database loaded from template' : 'database opened');
    const handle: DatabaseHandle = {
      ...opened,
      async close() {
        try {
          await opened.close();
        } finally {
          lock?.release();
        }
      },
    };
    try {
      const applied = await migrateToLatest(handle.db);
      if (applied.length) log.info('migrations applied', { applied });
      if (config.TENANT_GUARD) await installTenantGuard(handle.db);
      await verifyKeyOpensData(handle.db, pii);
      performance.mark('migrated');
    } catch (error) {
      await handle.close();
      throw error;
    }
    const jobs = new JobRunner(handle.db, clock);
    const storage = new LocalFolderStorage(path.join(config.dataDir, 'files'));
    const deps: AppDeps = {
      db: handle.db,
      engine: handle.engine,
      clock,
      config,
      jobs,
      locator: new GridLocator(handle.db),
      pii,
      storage,
    };
    return { deps, handle };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
