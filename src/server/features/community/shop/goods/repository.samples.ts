import type { SqlSamples } from '../../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const goodsId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c01';
const redemptionId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c02';
const entryId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c03';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: ['/61/6108/610899/610899001/'], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  insertGoods: (db) =>
    repo.insertGoods(db, {
      id: goodsId,
      tenant_id: '610899',
      community_id: communityId,
      community_path: path,
      name: '洗衣液',
      description: '2 公斤装',
      photo_file_id: null,
      points_price: 50,
      stock: 20,
      monthly_limit: 2,
      active: true,
      created_by: userId,
      created_at: now,
      updated_at: now,
    }),
  updateGoods: (db) => repo.updateGoods(db, goodsId, { points_price: 60, updated_at: now }),
  findGoods: (db) => repo.findGoods(db, goodsId),
  listGoods: (db) => repo.listGoods(db, scope, path),
  goodsOnOffer: (db) => repo.goodsOnOffer(db, communityId),
  takeStock: (db) => repo.takeStock(db, goodsId, 1),
  takeStockAny: (db) => repo.takeStockAny(db, goodsId, 3),
  returnStock: (db) => repo.returnStock(db, goodsId, 1),
  insertRedemption: (db) =>
    repo.insertRedemption(db, {
      id: redemptionId,
      tenant_id: '610899',
      goods_id: goodsId,
      community_id: communityId,
      community_path: path,
      user_id: userId,
      quantity: 1,
      points: 50,
      state: 'placed',
      pickup_code: '042817',
      spend_entry_id: entryId,
      refund_entry_id: null,
      placed_at: now,
    }),
  redeemedSince: (db) => repo.redeemedSince(db, goodsId, userId, new Date('2026-10-31T16:00:00Z')),
  lockRedemption: (db) => repo.lockRedemption(db, redemptionId),
  updateRedemption: (db) =>
    repo.updateRedemption(db, redemptionId, { state: 'handed_over', handed_over_at: now, handed_over_by: userId }),
  findRedemption: (db) => repo.findRedemption(db, redemptionId),
  redemptionsOfUser: (db) => repo.redemptionsOfUser(db, userId),
  listRedemptions: (db) => repo.listRedemptions(db, scope, { under: path, state: 'placed' }, { offset: 0, limit: 20 }),
  redemptionNumbers: (db) =>
    repo.redemptionNumbers(db, scope, path, new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z')),
};
