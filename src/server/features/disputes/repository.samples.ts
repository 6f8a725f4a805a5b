import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const disputeId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a91';
const caseId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a92';
const gridPath = '/61/6108/610899/610899001/610899001001/610899001001003/';
const at = new Date('2026-11-24T01:00:00Z');
const scope = { paths: ['/61/6108/610899/610899001/610899001001/'], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  findDispute: (db) => repo.findDispute(db, disputeId),
  lockDispute: (db) => repo.lockDispute(db, disputeId),
  disputeOfCase: (db) => repo.disputeOfCase(db, caseId),
  insertDispute: (db) =>
    repo.insertDispute(db, {
      id: disputeId,
      tenant_id: '610899',
      code: 'MD-20261124-001',
      dispute_type: 'neighbour',
      summary: '楼上住户下水道堵塞致楼下被淹，双方就赔偿发生争执',
      place_id: '019a7f3e-0000-7000-8000-000000000003',
      place_path: gridPath,
      source: 'case',
      case_id: caseId,
      whistle_id: null,
      risk: 'medium',
      status: 'open',
      handed_to: null,
      created_by: '019a7f3e-0000-7000-8000-000000000002',
      created_at: at,
      updated_at: at,
    }),
  updateDispute: (db) => repo.updateDispute(db, disputeId, { status: 'agreed', updated_at: at }),
  nextDailySerial: (db) => repo.nextDailySerial(db, 'dispute:610899:2026-11-24'),
  listDisputes: (db) => repo.listDisputes(db, { scope, under: gridPath, caseId, status: 'failed', risk: 'high' }),
  disputesRecordedUnder: (db) =>
    repo.disputesRecordedUnder(
      db,
      '/61/6108/610899/610899001/',
      new Date('2026-10-31T16:00:00Z'),
      new Date('2026-11-30T16:00:00Z'),
    ),
  insertParties: (db) =>
    repo.insertParties(db, [
      {
        id: '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a93',
        tenant_id: '610899',
        dispute_id: disputeId,
        role: 'applicant',
        resident_id: null,
        name: '陈阿姨',
        phone_enc: 'v1:cipher',
        phone_masked: '138****5678',
        id_number_enc: null,
        id_number_masked: null,
      },
    ]),
  partiesOf: (db) => repo.partiesOf(db, disputeId),
  insertSession: (db) =>
    repo.insertSession(db, {
      id: '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a94',
      tenant_id: '610899',
      dispute_id: disputeId,
      held_at: at,
      mediators: ['吴桂兰'],
      legal_advisers: ['孙律师'],
      record: '讲解相邻关系法律规定',
      outcome: 'agreed',
      agreement_text: '刘先生于七日内赔偿三千元。',
      signature_file_ids: ['019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a95'],
      created_by: '019a7f3e-0000-7000-8000-000000000002',
      created_at: at,
    }),
  sessionsOf: (db) => repo.sessionsOf(db, disputeId),
  lastAgreedSession: (db) => repo.lastAgreedSession(db, disputeId),
  insertEvent: (db) =>
    repo.insertEvent(db, {
      id: '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a96',
      tenant_id: '610899',
      dispute_id: disputeId,
      kind: 'recorded',
      note: '楼上住户下水道堵塞',
      actor_name: '吴桂兰',
      at,
    }),
  eventsOf: (db) => repo.eventsOf(db, disputeId),
};
