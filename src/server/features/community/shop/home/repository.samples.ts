import type { SqlSamples } from '../../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';

export const samples: SqlSamples<typeof repo> = {
  communities: (db) => repo.communities(db),
  activeCommunity: (db) => repo.activeCommunity(db, communityId),
  userHome: (db) => repo.userHome(db, userId),
  setUserHome: (db) => repo.setUserHome(db, userId, communityId),
};
