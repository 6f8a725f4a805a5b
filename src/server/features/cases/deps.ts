import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/pii.js';
import type { GridLocator } from '../places/index.js';

// What the cases feature is built with: the database, the clock, the PII cipher, the grid locator,
// and what its texts and tracking codes need.

export interface CasesDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  locator: GridLocator;
  sign: string;
  publicUrl: string;
  trackingPrefix: string;
}
