import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query function, compiled to src/server/queries/users.sql (see platform/db/sql-samples.ts).

const userId = '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f';
const now = new Date('2026-12-06T08:00:00Z');
const zones = [
  { path: '/61/6108/610899/610899001/', roles: ['street_officer', 'community_worker'] as const },
  { path: '/61/6108/610899/610899002/610899002001/', roles: ['grid_worker'] as const },
].map((z) => ({ path: z.path, roles: [...z.roles] }));

export const samples: SqlSamples<typeof repo> = {
  listManageable: (db) =>
    repo.listManageable(
      db,
      zones,
      { q: '王', role: 'grid_worker', under: '/61/6108/610899/610899001/610899001001/', status: 'active' },
      { offset: 0, limit: 20 },
    ),
  findManageable: (db) => repo.findManageable(db, zones, userId),
  membershipsOf: (db) => repo.membershipsOf(db, [userId]),
  setStatus: (db) => repo.setStatus(db, userId, 'disabled'),
  setTemporaryPassword: (db) =>
    repo.setTemporaryPassword(db, userId, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', now),
  deleteMembership: (db) => repo.deleteMembership(db, userId, '0193a0c2-7a51-7c3e-8f00-2a2b3c4d5e6f'),
  takenUsernames: (db) => repo.takenUsernames(db, ['li.na', 'wang.fang']),
  grantablePlaces: (db) => repo.grantablePlaces(db, ['/61/6108/610899/610899001/']),
  grantableDepartments: (db) => repo.grantableDepartments(db, ['610899']),
  lockUser: (db) => repo.lockUser(db, userId),
};
