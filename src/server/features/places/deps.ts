import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/database.js';
import type { GridLocator } from './locator.js';

/** What the places feature's operations are built with. */
export interface PlacesDeps {
  db: Db;
  clock: Clock;
  locator: GridLocator;
  /**
   * Moves what other features keep on retired grids (the orgs feature's party organisations) to the
   * new grid, in the merge's or split's transaction; wired in api.ts, as places may import no feature.
   */
  carryPartyOrgs?: (
    trx: Executor,
    fromPlaceIds: string[],
    toPlaceId: string,
  ) => Promise<{ id: string; name: string }[]>;
}
