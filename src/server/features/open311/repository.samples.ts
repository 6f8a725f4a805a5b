import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query function, compiled to src/server/queries/open311.sql (see platform/db/sql-samples.ts).

const county = '610899';
const now = new Date('2026-12-06T08:00:00Z');

export const samples: SqlSamples<typeof repo> = {
  countiesInUse: (db) => repo.countiesInUse(db, 2),
  county: (db) => repo.county(db, county),
  activeCommunities: (db) => repo.activeCommunities(db, county),
  findRequests: async (db) => {
    // A lookup by id (every state, public or not) and a public list with every filter.
    await repo.findRequests(db, county, { trackingCodes: ['A7K2M9Q4'], publicOnly: false, limit: 100 });
    await repo.findRequests(db, county, {
      from: new Date('2026-09-07T08:00:00Z'),
      to: now,
      categoryCodes: ['0101', '0203'],
      states: { notIn: ['resolved', 'closed', 'rejected'] },
      publicOnly: true,
      limit: 1000,
    });
  },
  findTrackingCode: (db) => repo.findTrackingCode(db, county, 'a7k2m9q4'),
  insertApiKey: (db) =>
    repo.insertApiKey(db, {
      id: '0193a0c2-7a51-7c3e-8f00-4a2b3c4d5e6f',
      tenantId: county,
      name: '12345 热线对接',
      prefix: 'll_Xk3pQ9z',
      keyHash: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
      createdBy: '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f',
      now,
    }),
  listApiKeys: (db) => repo.listApiKeys(db, county),
  findApiKey: (db) => repo.findApiKey(db, '0193a0c2-7a51-7c3e-8f00-4a2b3c4d5e6f'),
  findApiKeyByHash: (db) =>
    repo.findApiKeyByHash(db, '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae'),
  revokeApiKey: (db) => repo.revokeApiKey(db, '0193a0c2-7a51-7c3e-8f00-4a2b3c4d5e6f', now),
};
