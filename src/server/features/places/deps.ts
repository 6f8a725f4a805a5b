import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { GridLocator } from './locator.js';

/** What the places feature's operations are built with. */
export interface PlacesDeps {
  db: Db;
  clock: Clock;
  locator: GridLocator;
}
