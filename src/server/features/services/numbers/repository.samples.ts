import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const filter = {
  paths: ['/61/6108/610899/610899001/610899001001/'],
  from: new Date('2026-10-31T16:00:00Z'),
  to: new Date('2026-11-24T16:00:00Z'),
};

export const samples: SqlSamples<typeof repo> = {
  applicationTotals: (db) => repo.applicationTotals(db, filter, new Date('2026-11-24T01:00:00Z')),
  partTotals: (db) => repo.partTotals(db, filter),
  handlingSpans: (db) => repo.handlingSpans(db, filter),
  itemNames: (db) => repo.itemNames(db, ['019a7f3e-0000-7000-8000-000000000021']),
  bundleNames: (db) => repo.bundleNames(db, ['019a7f3e-0000-7000-8000-000000000022']),
};
