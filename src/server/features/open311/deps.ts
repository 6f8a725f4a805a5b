import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { CasesService } from '../cases/index.js';
import type { GridLocator } from '../places/index.js';
import type { ApiKeys } from './apikeys-service.js';

/** What the Open311 operations are built with. */
export interface Open311Deps {
  db: Db;
  cases: CasesService;
  keys: ApiKeys;
  clock: Clock;
  locator: GridLocator;
}
