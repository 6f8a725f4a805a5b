import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/stats.sql is compiled from these).

const community = '/61/6108/610899/610899001/610899001001/';
const filter: repo.StatsFilter = {
  paths: [community],
  from: '2026-11-01',
  to: '2026-11-30',
  category: 'garbage',
  channel: 'hotline',
  departmentId: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d10',
};
const part: repo.RollupPart = {
  key: {
    tenant_id: '610899',
    day: '2026-11-24',
    place_id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d11',
    place_path: `${community}610899001001003/`,
    category_code: 'garbage',
    channel: 'hotline',
    department_key: '',
  },
  metrics: {
    received: 1,
    valid: 1,
    contacted: 1,
    contacted_on_time: 1,
    contact_minutes: 12,
    resolved: 0,
    resolved_on_time: 0,
    resolve_minutes: 0,
    closed: 0,
    rated: 0,
    solved: 0,
    satisfied: 0,
    reopened: 0,
  },
};
const at = new Date('2026-12-01T02:00:00+08:00');

export const samples: SqlSamples<typeof repo> = {
  rollupTotals: (db) => repo.rollupTotals(db, filter, 'grid'),
  rawTotals: (db) => repo.rawTotals(db, filter),
  overdueOpen: (db) => repo.overdueOpen(db, [community]),
  names: (db) => repo.names(db, 'place', ['610899001001003', '610899001001004']),
  departmentIdByCode: (db) => repo.departmentIdByCode(db, 'D61089905'),
  addToRollup: (db) => repo.addToRollup(db, part, 1),
  rebuildRollups: (db) => repo.rebuildRollups(db, '610899'),
  reportPlaces: (db) => repo.reportPlaces(db),
  saveMonthlyReport: (db) =>
    repo.saveMonthlyReport(
      db,
      {
        id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d12',
        tenant_id: '610899',
        mime: 'application/pdf',
        size_bytes: 48_213,
        sha256: 'a3f1c2'.padEnd(64, '0'),
        storage_key: 'reports/2026-11/01935f6e-7c2a-7d41-9a55-3f0c2b7e8d12',
        uploaded_by: null,
        created_at: at,
      },
      {
        id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d13',
        tenant_id: '610899',
        place_id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d11',
        month: '2026-11',
        file_id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d12',
        created_at: at,
      },
    ),
  monthlyReportsUnder: (db) => repo.monthlyReportsUnder(db, '/61/6108/610899/610899001/'),
  findMonthlyReport: (db) => repo.findMonthlyReport(db, '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d13'),
};
