import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const canteenId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c10';
const dishId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c11';
const ruleId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c12';
const orderId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c13';
const mealId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c14';
const residentId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c15';
const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  insertCanteen: (db) =>
    repo.insertCanteen(db, {
      id: canteenId,
      tenant_id: '610899',
      community_id: communityId,
      place_path: path,
      name: '和平社区老年食堂',
      kind: 'canteen',
      elder_discount_percent: null,
      created_at: now,
      updated_at: now,
    }),
  canteenNamed: (db) => repo.canteenNamed(db, communityId, '和平社区老年食堂', canteenId),
  updateCanteen: (db) => repo.updateCanteen(db, canteenId, { hours: '11:00-13:00', updated_at: now }),
  findCanteen: (db) => repo.findCanteen(db, canteenId),
  listCanteens: (db) => repo.listCanteens(db, scope),
  canteensOperatedBy: (db) => repo.canteensOperatedBy(db, userId),
  canteensOfCommunity: (db) => repo.canteensOfCommunity(db, communityId),
  listOperators: (db) => repo.listOperators(db, [canteenId]),
  isOperator: (db) => repo.isOperator(db, canteenId, userId),
  replaceOperators: (db) => repo.replaceOperators(db, { id: canteenId, tenant_id: '610899' }, [userId], now),
  operatorCandidates: (db) => repo.operatorCandidates(db, communityId),
  insertDish: (db) =>
    repo.insertDish(db, {
      id: dishId,
      tenant_id: '610899',
      canteen_id: canteenId,
      day: '2026-11-24',
      meal: 'lunch',
      name: '红烧肉套餐',
      price_fen: 1500,
      created_at: now,
    }),
  removeDish: (db) => repo.removeDish(db, dishId),
  findDish: (db) => repo.findDish(db, dishId),
  listDishes: (db) => repo.listDishes(db, [canteenId], '2026-11-24', '2026-11-30'),
  dishesOfMeal: (db) => repo.dishesOfMeal(db, canteenId, '2026-11-24', 'lunch', [dishId]),
  insertRule: (db) =>
    repo.insertRule(db, {
      id: ruleId,
      tenant_id: '610899',
      community_id: communityId,
      place_path: path,
      name: '独居老人补贴',
      criterion: 'tag',
      tag: 'elderly_alone',
      min_age: null,
      amount_fen: 500,
      percent: null,
      created_at: now,
      updated_at: now,
    }),
  updateRule: (db) => repo.updateRule(db, ruleId, { active: false, updated_at: now }),
  findRule: (db) => repo.findRule(db, ruleId),
  rulesOfTenants: (db) => repo.rulesOfTenants(db, ['610899']),
  rulesForCommunity: (db) => repo.rulesForCommunity(db, '610899', communityId),
  findTag: (db) => repo.findTag(db, 'elderly_alone'),
  activeTags: (db) => repo.activeTags(db),
  dinerByIdHash: (db) => repo.dinerByIdHash(db, '610899', 'hash'),
  dinersByName: (db) => repo.dinersByName(db, path, '玉兰'),
  dinerById: (db) => repo.dinerById(db, '610899', residentId),
  insertMeal: (db) =>
    repo.insertMeal(db, {
      id: mealId,
      tenant_id: '610899',
      canteen_id: canteenId,
      place_path: path,
      client_id: 'tablet-0001',
      day: '2026-11-24',
      meal: 'lunch',
      resident_id: residentId,
      diner_masked: '黄*兰',
      age: 78,
      dishes: '红烧肉套餐',
      price_fen: 1500,
      subsidy_fen: 500,
      pay_fen: 1000,
      rule_id: ruleId,
      rule_name: '独居老人补贴',
      order_id: null,
      served_by: userId,
      served_at: now,
    }),
  findMealByClient: (db) => repo.findMealByClient(db, canteenId, 'tablet-0001'),
  listMeals: (db) => repo.listMeals(db, canteenId, '2026-11-01', '2026-11-30'),
  dailyCounts: (db) => repo.dailyCounts(db, canteenId, '2026-11-01', '2026-11-30', 60),
  yearNumbers: (db) => repo.yearNumbers(db, scope, null, '2026-01-01', '2026-12-31', 60),
  yearOrders: (db) => repo.yearOrders(db, scope, path, '2026-01-01', '2026-12-31'),
  insertOrder: (db) =>
    repo.insertOrder(db, {
      id: orderId,
      tenant_id: '610899',
      canteen_id: canteenId,
      place_path: path,
      user_id: userId,
      resident_id: residentId,
      day: '2026-11-24',
      meal: 'lunch',
      dish_ids: [dishId],
      price_fen: 1500,
      state: 'placed',
      created_at: now,
      updated_at: now,
    }),
  lockOrder: (db) => repo.lockOrder(db, orderId),
  setOrderState: (db) => repo.setOrderState(db, orderId, 'served', now),
  ordersOfUser: (db) => repo.ordersOfUser(db, userId, '2026-11-01'),
  ordersOfDay: (db) => repo.ordersOfDay(db, canteenId, '2026-11-24'),
  dishNames: (db) => repo.dishNames(db, [dishId]),
};
