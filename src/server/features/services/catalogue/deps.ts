import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { FileStorage } from '../../../platform/storage.js';

/** What the catalogue is built from (a part of AppDeps). */
export interface CatalogueDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
}
