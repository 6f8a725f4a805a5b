import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/pii.js';

/** What the people feature's operations are built with. */
export interface PeopleDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
}
