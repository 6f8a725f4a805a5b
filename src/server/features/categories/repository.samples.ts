import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/categories.sql is compiled from these).

const row = {
  code: 'E0410',
  parent_code: 'E04',
  name_zh: '井盖缺失',
  name_en: 'Missing manhole cover',
  kind: 'event' as const,
  first_contact_minutes: 10,
  dispatch_minutes: 30,
  take_minutes: 30,
  resolve_hours: 24,
  business_days: false,
  urgent: true,
  default_department_kind: 'housing',
  keywords: ['井盖'],
  sort: 110,
  active: true,
  version: 1,
  updated_at: new Date('2026-12-06T10:00:00+08:00'),
};

export const samples: SqlSamples<typeof repo> = {
  allCategories: (db) => repo.allCategories(db),
  lockCategory: (db) => repo.lockCategory(db, 'garbage'),
  lockCategoryCodes: (db) => repo.lockCategoryCodes(db),
  insertCategory: (db) => repo.insertCategory(db, row),
  insertMissingCategories: (db) => repo.insertMissingCategories(db, [row]),
  updateCategory: (db) => repo.updateCategory(db, 'garbage', { resolve_hours: 96, version: 2 }),
  insertVersions: (db) =>
    repo.insertVersions(db, [
      {
        ...row,
        change: 'create',
        changed_by: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d30',
        changed_by_name: '县管理员',
        changed_at: row.updated_at,
      },
    ]),
  versionsOf: (db) => repo.versionsOf(db, 'garbage'),
  isUsed: (db) => repo.isUsed(db, 'garbage'),
  deleteCategory: (db) => repo.deleteCategory(db, 'E0410'),
};
