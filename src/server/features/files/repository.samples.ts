import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/files.sql is compiled from these).

const photo = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d20';

export const samples: SqlSamples<typeof repo> = {
  findFile: (db) => repo.findFile(db, photo),
  findFiles: (db) => repo.findFiles(db, [photo, '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d21']),
  insertFile: (db) =>
    repo.insertFile(db, {
      id: photo,
      tenant_id: '610899',
      mime: 'image/jpeg',
      size_bytes: 184_320,
      sha256: 'b7e4d9'.padEnd(64, '0'),
      storage_key: `610899/2026/11/${photo}`,
      uploaded_by: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d22',
      created_at: new Date('2026-11-24T09:30:00+08:00'),
    }),
  visitPathsShowing: (db) => repo.visitPathsShowing(db, photo),
  casePathsShowingFile: (db) => repo.casePathsShowingFile(db, photo),
  mediationPathsShowing: (db) => repo.mediationPathsShowing(db, photo),
  unitRecordsShowingFile: (db) => repo.unitRecordsShowingFile(db, photo, '019a7f3e-0000-7000-8000-000000000002'),
  communityRecordPathsShowingFile: (db) => repo.communityRecordPathsShowingFile(db, photo),
  applicationsShowingFile: (db) => repo.applicationsShowingFile(db, photo),
  serviceSampleCounties: (db) => repo.serviceSampleCounties(db, photo),
  moveUnshownFile: (db) => repo.moveUnshownFile(db, { id: photo, tenant_id: '610898' }, '610899'),
  deleteFiles: (db) => repo.deleteFiles(db, [photo]),
  deleteOrphans: (db) => repo.deleteOrphans(db, new Date('2026-11-23T19:00:00Z'), 500),
};
