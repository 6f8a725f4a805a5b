import type { Config } from './config.js';
import type { Clock } from './platform/clock.js';
import type { Db } from './platform/db/database.js';
import type { JobRunner } from './platform/jobs.js';
import type { PiiCipher } from './platform/pii.js';
import type { FileStorage } from './platform/storage.js';
import type { GridLocator } from './features/places/locator.js';

/** What the features are built from; made once in main.ts (or by a test) and passed down. */
export interface AppDeps {
  db: Db;
  engine: 'pglite' | 'postgres';
  clock: Clock;
  config: Config;
  jobs: JobRunner;
  locator: GridLocator;
  pii: PiiCipher;
  storage: FileStorage;
}

/** What a feature that sends SMS needs besides the deps: the signature, links and tracking codes' prefix. */
export const noticeDeps = (config: Config) => ({
  sign: config.SMS_SIGN,
  publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
  trackingPrefix: config.TRACKING_PREFIX,
});
