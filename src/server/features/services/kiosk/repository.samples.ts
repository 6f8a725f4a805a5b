import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const kioskId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a14';

export const samples: SqlSamples<typeof repo> = {
  kioskByTokenHash: (db) => repo.kioskByTokenHash(db, 'sha256-of-token'),
  touchKiosk: (db) => repo.touchKiosk(db, kioskId, new Date('2026-11-24T01:00:00Z')),
  residentByIdHash: (db) => repo.residentByIdHash(db, '610899', 'keyed-hash-of-id-number'),
  ticketLabel: (db) =>
    repo.ticketLabel(db, '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a10', '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a12', '2026-11-24'),
};
