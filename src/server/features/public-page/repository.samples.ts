import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const caseId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c10';
const fileId = '019a7f3e-0000-7000-8000-000000000004';
const path = '/61/6108/610899/610899001/610899001001/';
const since = new Date('2026-09-01T00:00:00Z');

export const samples: SqlSamples<typeof repo> = {
  findCommunity: (db) => repo.findCommunity(db, '610899001001'),
  placesByCodes: (db) => repo.placesByCodes(db, ['610899', '610899001']),
  publicPlaces: (db) => repo.publicPlaces(db, ['610899001001001', '610899001001001001']),
  publicReports: (db) => repo.publicReports(db, { tenantId: '610899', path, since, limit: 200 }),
  publicReportPhotoIds: (db) => repo.publicReportPhotoIds(db, { tenantId: '610899', path, since, id: caseId }),
  storedFile: (db) => repo.storedFile(db, fileId),
};
