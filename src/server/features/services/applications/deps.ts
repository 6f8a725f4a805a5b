import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { PiiCipher } from '../../../platform/pii.js';

/** What applications are built with: the database, the clock and what texts need. */
export interface ApplicationsDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  sign: string;
  publicUrl: string;
}
