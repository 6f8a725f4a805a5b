import type { SqlSamples } from '../../platform/db/sql-samples.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './repository.js';

// Sample calls compiled to src/server/queries/gridwork.sql (npm run sql:update).
const grid = '/61/6108/610899/610899001/610899001001/610899001001003/';
const scope: Scope = {
  paths: [grid],
  departmentIds: [],
  userId: '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a70',
  all: false,
};
const visitId = '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a71';

export const samples: SqlSamples<typeof repo> = {
  findVisit: (db) => repo.findVisit(db, visitId),
  insertVisit: (db) =>
    repo.insertVisit(db, {
      id: visitId,
      tenant_id: '610899',
      household_id: '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a72',
      author_id: scope.userId!,
      content: '入户走访独居老人，身体状况良好',
      lng: 109.7289,
      lat: 32.6853,
      photo_ids: [],
      visited_at: new Date('2026-03-02T09:30:00Z'),
      created_at: new Date('2026-03-02T09:31:00Z'),
    }),
  listVisits: (db) =>
    repo.listVisits(
      db,
      { scope, underPath: `${grid}610899001001-01-02-0301/`, authorId: scope.userId },
      { offset: 0, limit: 20 },
    ),
};
