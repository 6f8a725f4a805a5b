import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query of cases/supervision/repository.ts.

const caseId = '01937a2e-5b1c-7f00-8000-000000000011';
const userId = '01937a2e-5b1c-7f00-8000-000000000003';
const scope = {
  community: ['/61/6108/610899/610899001/610899001001/'],
  street: ['/61/6108/610899/610899001/'],
  county: [],
};

export const samples: SqlSamples<typeof repo> = {
  staffOnPlace: (db) => repo.staffOnPlace(db, '610899001', ['street_officer']),
  lastDispatcherId: (db) => repo.lastDispatcherId(db, caseId),
  displayNames: (db) => repo.displayNames(db, [userId]),
  placeName: (db) => repo.placeName(db, '610899001'),
  queue: (db) => repo.queue(db, scope, { level: null }, { offset: 0, limit: 20 }),
  supervisedCase: (db) => repo.supervisedCase(db, scope, caseId),
};
