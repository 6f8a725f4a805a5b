import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';

/** What the orgs feature's operations are built with. */
export interface OrgsDeps {
  db: Db;
  clock: Clock;
}
