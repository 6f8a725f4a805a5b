import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/calendar.sql is compiled from these).

const at = new Date('2026-11-24T01:00:00Z');
const day = { day: '2027-02-06', isWorkday: false, name: '春节' };

export const samples: SqlSamples<typeof repo> = {
  dayMap: (db) => repo.dayMap(db),
  hoursOf: (db) => repo.hoursOf(db, '610899'),
  upsertHours: (db) => repo.upsertHours(db, '610899', [{ open: 540, close: 720 }], 'admin', at),
  daysOfYear: (db) => repo.daysOfYear(db, 2027),
  years: (db) => repo.years(db),
  findYear: (db) => repo.findYear(db, 2027),
  dayCounts: (db) => repo.dayCounts(db),
  upsertYear: (db) => repo.upsertYear(db, { year: 2027, confirmed: true, source: '国办发明电', by: 'admin', at }),
  touchYear: (db) => repo.touchYear(db, 2027, 'admin', at),
  findDay: (db) => repo.findDay(db, '2027-02-06'),
  upsertDay: (db) => repo.upsertDay(db, day),
  deleteDay: (db) => repo.deleteDay(db, '2027-02-06'),
  deleteYearDays: (db) => repo.deleteYearDays(db, 2027),
  insertDays: (db) => repo.insertDays(db, [day]),
  countyAdmins: (db) => repo.countyAdmins(db),
};
