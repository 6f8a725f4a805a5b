import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query function, compiled to src/server/queries/account.sql (see platform/db/sql-samples.ts).

const userId = '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f';
const now = new Date('2026-12-06T08:00:00Z');
const phoneHash = 'b3f1c2d4e5a6978812345678901234567890abcdef1234567890abcdef123456';

export const samples: SqlSamples<typeof repo> = {
  findUserByUsername: (db) => repo.findUserByUsername(db, 'wang.fang'),
  usernameTaken: (db) => repo.usernameTaken(db, 'Wang.Fang'),
  findUserById: (db) => repo.findUserById(db, userId),
  recordLoginSuccess: (db) => repo.recordLoginSuccess(db, userId, now),
  loggedInFrom: (db) => repo.loggedInFrom(db, userId, '203.0.113.7', new Date('2026-11-06T08:00:00Z')),
  findUserByPhoneHash: (db) => repo.findUserByPhoneHash(db, phoneHash),
  registryElderly: (db) => repo.registryElderly(db, userId, '1966-12-06'),
  updatePassword: (db) => repo.updatePassword(db, userId, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', now),
  insertUser: (db) =>
    repo.insertUser(db, {
      id: userId,
      tenantId: '610899',
      username: 'wang.fang',
      displayName: '王芳',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      mustChangePassword: true,
      now,
    }),
  insertMembership: (db) =>
    repo.insertMembership(db, {
      id: '0193a0c2-7a51-7c3e-8f00-2a2b3c4d5e6f',
      tenantId: '610899',
      userId,
      role: 'community_staff',
      placeId: '0193a0c2-7a51-7c3e-8f00-3a2b3c4d5e6f',
      departmentId: null,
      now,
    }),
  findScope: (db) => repo.findScope(db, '610899001001'),
  upsertLoginCode: (db) =>
    repo.upsertLoginCode(db, {
      phoneHash,
      codeHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      expiresAt: new Date('2026-12-06T08:05:00Z'),
    }),
  findLoginCode: (db) => repo.findLoginCode(db, phoneHash),
  setLoginCodeAttempts: (db) => repo.setLoginCodeAttempts(db, phoneHash, 2),
  deleteLoginCode: (db) => repo.deleteLoginCode(db, phoneHash),
  insertPhoneUser: (db) =>
    repo.insertPhoneUser(db, {
      id: userId,
      username: 'resident-b3f1c2d4e5a6',
      displayName: '居民5678',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      phoneEnc: 'v1:iv:ciphertext:tag',
      phoneMasked: '138****5678',
      phoneHash,
      now,
    }),
};
