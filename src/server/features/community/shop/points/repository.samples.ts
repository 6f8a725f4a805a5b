import type { SqlSamples } from '../../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const accountId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b01';
const entryId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b02';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: ['/61/6108/610899/610899001/'], departmentIds: [], userId: null, all: false };
const from = new Date('2025-12-31T16:00:00Z');
const to = new Date('2026-12-31T16:00:00Z');

export const samples: SqlSamples<typeof repo> = {
  communityRules: (db) => repo.communityRules(db, communityId),
  upsertRule: (db) =>
    repo.upsertRule(db, {
      community_id: communityId,
      rule: 'volunteer_hours',
      tenant_id: '610899',
      points: 12,
      updated_by: userId,
      updated_at: now,
    }),
  accountsOfUser: (db) => repo.accountsOfUser(db, userId),
  accountEntries: (db) => repo.accountEntries(db, accountId, 100),
  ledger: (db) => repo.ledger(db, scope, { under: path, rule: 'correction', from, to }, { offset: 0, limit: 20 }),
  findEntry: (db) => repo.findEntry(db, entryId),
  ranking: (db) => repo.ranking(db, scope, path, from, to),
  numbers: (db) => repo.numbers(db, scope, path, from, to),
};
