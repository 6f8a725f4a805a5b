import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const wishId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b10';
const actionId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b11';
const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const residentId = '019a7f3e-0000-7000-8000-000000000003';
const fileId = '019a7f3e-0000-7000-8000-000000000004';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  insertWish: (db) =>
    repo.insertWish(db, {
      id: wishId,
      tenant_id: '610899',
      community_id: communityId,
      place_path: path,
      category: 'daily_goods',
      content: '想要一个电饭煲',
      beneficiary_resident_id: residentId,
      beneficiary_user_id: null,
      beneficiary_name: '黄玉兰',
      posted_by: userId,
      state: 'submitted',
      created_at: now,
      updated_at: now,
    }),
  updateWish: (db) => repo.updateWish(db, wishId, { state: 'published', published_at: now, updated_at: now }),
  claimWish: (db) => repo.claimWish(db, wishId, { state: 'claimed', claimed_by: userId, claimed_at: now }),
  findWish: (db) => repo.findWish(db, wishId),
  lockWish: (db) => repo.lockWish(db, wishId),
  listWishes: (db) => repo.listWishes(db, { scope, under: `${path}610899001001001/`, state: 'submitted', limit: 500 }),
  wallWishes: (db) => repo.wallWishes(db, communityId, 200),
  wishesOfUser: (db) => repo.wishesOfUser(db, userId),
  wishesClaimedBy: (db) => repo.wishesClaimedBy(db, userId),
  residentForWish: (db) => repo.residentForWish(db, residentId),
  residentsUnder: (db) => repo.residentsUnder(db, [path], '黄', 50),
  communityHolding: (db) => repo.communityHolding(db, path),
  liaisonUnits: (db) => repo.liaisonUnits(db, userId),
  insertAction: (db) =>
    repo.insertAction(db, {
      id: actionId,
      tenant_id: '610899',
      community_id: communityId,
      place_path: path,
      title: '清理楼道杂物',
      action_date: '2026-11-28',
      slots: 10,
      state: 'open',
      created_by: userId,
      created_at: now,
      updated_at: now,
    }),
  updateAction: (db) => repo.updateAction(db, actionId, { state: 'done', done_at: now, updated_at: now }),
  findAction: (db) => repo.findAction(db, actionId),
  lockAction: (db) => repo.lockAction(db, actionId),
  listActions: (db) => repo.listActions(db, { scope, under: null, limit: 500 }),
  communityActions: (db) => repo.communityActions(db, communityId, '2026-10-25'),
  signupCount: (db) => repo.signupCount(db, actionId),
  insertSignup: (db) =>
    repo.insertSignup(db, { action_id: actionId, user_id: userId, tenant_id: '610899', created_at: now }),
  deleteSignup: (db) => repo.deleteSignup(db, actionId, userId),
  signupsOf: (db) => repo.signupsOf(db, actionId),
  markTookPart: (db) => repo.markTookPart(db, actionId, [userId]),
  actionIdsOfUser: (db) => repo.actionIdsOfUser(db, userId),
  wishNumbers: (db) =>
    repo.wishNumbers(db, scope, null, new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z')),
  actionNumbers: (db) => repo.actionNumbers(db, scope, null, '2026-01-01', '2027-01-01'),
  fileById: (db) => repo.fileById(db, fileId),
  displayNameOf: (db) => repo.displayNameOf(db, userId),
  pointsForWish: (db) => repo.pointsForWish(db, wishId),
};
