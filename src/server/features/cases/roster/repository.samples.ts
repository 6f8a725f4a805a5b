import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query of cases/roster/repository.ts.

const communityId = '01937a2e-5b1c-7f00-8000-000000000002';
const userId = '01937a2e-5b1c-7f00-8000-000000000003';
const entryId = '01937a2e-5b1c-7f00-8000-000000000007';

export const samples: SqlSamples<typeof repo> = {
  rosterOf: (db) => repo.rosterOf(db, communityId),
  membershipPaths: (db) => repo.membershipPaths(db, userId),
  putOnRoster: (db) =>
    repo.putOnRoster(db, {
      id: entryId,
      tenant_id: '610899',
      community_id: communityId,
      user_id: userId,
      weekdays: [1, 2, 3, 4, 5],
      created_at: new Date('2026-11-24T01:00:00Z'),
    }),
  rosterEntry: (db) => repo.rosterEntry(db, entryId),
  removeFromRoster: (db) => repo.removeFromRoster(db, entryId),
  outboxPage: (db) =>
    repo.outboxPage(
      db,
      {
        scope: { paths: ['/61/6108/610899/610899001/610899001001/'], departmentIds: [], userId, all: false },
        looseTenantId: '610899',
      },
      { offset: 0, limit: 20 },
    ),
};
