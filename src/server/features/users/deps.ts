import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';

/** What user administration is built with. */
export interface UsersDeps {
  db: Db;
  clock: Clock;
}
