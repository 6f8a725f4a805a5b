import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/services.catalogue.sql is compiled from these).

const tenant = '610899';
const item = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8e01';
const category = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8e02';
const bundle = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8e03';
const bundleClass = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8e04';
const user = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8e05';
const at = new Date('2026-12-06T10:00:00+08:00');
const form = JSON.stringify({
  fields: [{ key: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name' }],
});
const materials = JSON.stringify([{ key: 'id_card', name: '居民身份证', required: true, original: true, copies: 1 }]);

export const samples: SqlSamples<typeof repo> = {
  categoriesOf: (db) => repo.categoriesOf(db, tenant),
  findCategory: (db) => repo.findCategory(db, tenant, category),
  insertCategories: (db) =>
    repo.insertCategories(db, [
      { id: category, tenant_id: tenant, code: 'MZ', name: '民政救助', sort: 2, active: true, created_at: at },
    ]),
  updateCategory: (db) => repo.updateCategory(db, tenant, category, { name: '民政服务', active: false }),
  itemsOf: (db) => repo.itemsOf(db, tenant),
  findItem: (db) => repo.findItem(db, tenant, item),
  lockItem: (db) => repo.lockItem(db, tenant, item),
  findItems: (db) => repo.findItems(db, tenant, [item]),
  insertItems: (db) =>
    repo.insertItems(db, [
      {
        id: item,
        tenant_id: tenant,
        category_id: category,
        code: 'MZ-001',
        name: '最低生活保障申请',
        handler_level: 'street',
        department_id: null,
        time_limit_days: 20,
        channel: 'both',
        form,
        materials,
        version: 1,
        created_at: at,
        updated_at: at,
      },
    ]),
  updateItem: (db) => repo.updateItem(db, tenant, item, { time_limit_days: 15, version: 2, updated_at: at }),
  insertItemVersions: (db) =>
    repo.insertItemVersions(db, [
      {
        item_id: item,
        version: 2,
        tenant_id: tenant,
        form,
        materials,
        time_limit_days: 15,
        saved_by: user,
        saved_at: at,
      },
    ]),
  itemVersion: (db) => repo.itemVersion(db, tenant, item, 2),
  namesOf: (db) => repo.namesOf(db, tenant, [item, bundle]),
  departmentsOf: (db) => repo.departmentsOf(db, tenant),
  bundleClassesOf: (db) => repo.bundleClassesOf(db, tenant),
  insertBundleClasses: (db) =>
    repo.insertBundleClasses(db, [
      { id: bundleClass, tenant_id: tenant, code: 'LS', name: '零售', sort: 1, created_at: at },
    ]),
  updateBundleClass: (db) => repo.updateBundleClass(db, tenant, bundleClass, { name: '零售业' }),
  bundlesOf: (db) => repo.bundlesOf(db, tenant),
  findBundle: (db) => repo.findBundle(db, tenant, bundle),
  insertBundles: (db) =>
    repo.insertBundles(db, [
      {
        id: bundle,
        tenant_id: tenant,
        class_id: bundleClass,
        code: 'YJS-001',
        name: '开便利店一件事',
        created_at: at,
        updated_at: at,
      },
    ]),
  updateBundle: (db) => repo.updateBundle(db, tenant, bundle, { active: false, updated_at: at }),
  bundleItemsOf: (db) => repo.bundleItemsOf(db, tenant, bundle),
  replaceBundleItems: (db) =>
    repo.replaceBundleItems(db, tenant, bundle, [{ bundle_id: bundle, item_id: item, tenant_id: tenant, sort: 1 }]),
  insertBundleItems: (db) =>
    repo.insertBundleItems(db, [{ bundle_id: bundle, item_id: item, tenant_id: tenant, sort: 1 }]),
  lockCatalogue: (db) => repo.lockCatalogue(db, tenant),
  publicCounty: (db) => repo.publicCounty(db, null),
  isActiveSample: (db) => repo.isActiveSample(db, '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d20'),
  itemCounty: (db) => repo.itemCounty(db, item),
  bundleCounty: (db) => repo.bundleCounty(db, bundle),
};
