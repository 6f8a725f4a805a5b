import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const unitId = '019a7f3e-5b2c-7d41-9e6a-3f8c1d4b7a20';
const agreementId = '019a7f3e-5b2c-7d41-9e6a-3f8c1d4b7a21';
const entryId = '019a7f3e-5b2c-7d41-9e6a-3f8c1d4b7a22';
const placeId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  findUnit: (db) => repo.findUnit(db, unitId),
  listUnits: (db) => repo.listUnits(db, scope, ['co_building_unit'], path),
  insertOrganisation: (db) =>
    repo.insertOrganisation(db, {
      id: unitId,
      tenant_id: '610899',
      kind: 'co_building_unit',
      name: '县供电公司城关供电所',
      place_id: placeId,
      contact_name: '王所长',
      phone: '0912-1234567',
      created_at: now,
    }),
  updateOrganisation: (db) => repo.updateOrganisation(db, unitId, { contact_name: '李所长' }),
  findUnitByName: (db) => repo.findUnitByName(db, placeId, 'co_building_unit', '县供电公司城关供电所'),
  liaisonsOf: (db) => repo.liaisonsOf(db, [unitId]),
  isLiaison: (db) => repo.isLiaison(db, unitId, userId),
  unitsOfLiaison: (db) => repo.unitsOfLiaison(db, userId),
  liaisonCandidates: (db) => repo.liaisonCandidates(db, path),
  insertLiaison: (db) =>
    repo.insertLiaison(db, { organisation_id: unitId, user_id: userId, tenant_id: '610899', created_at: now }),
  deleteLiaison: (db) => repo.deleteLiaison(db, unitId, userId),
  servicesOf: (db) => repo.servicesOf(db, [unitId]),
  upsertService: (db) =>
    repo.upsertService(db, {
      organisation_id: unitId,
      tenant_id: '610899',
      term_start: '2026-01-01',
      term_end: '2028-12-31',
      building_ids: [placeId],
      note: '',
      updated_by: userId,
      updated_at: now,
    }),
  buildingsByIds: (db) => repo.buildingsByIds(db, [placeId]),
  buildingsUnder: (db) => repo.buildingsUnder(db, path),
  insertAgreement: (db) =>
    repo.insertAgreement(db, {
      id: agreementId,
      tenant_id: '610899',
      organisation_id: unitId,
      community_id: placeId,
      place_path: path,
      year: 2026,
      state: 'signed',
      signed_on: '2026-01-15',
      term_start: '2026-01-01',
      term_end: '2026-12-31',
      file_id: null,
      note: '',
      created_by: userId,
      created_at: now,
      updated_at: now,
    }),
  lockAgreement: (db) => repo.lockAgreement(db, agreementId),
  updateAgreement: (db) => repo.updateAgreement(db, agreementId, { state: 'ended', updated_at: now }),
  agreementsOf: (db) => repo.agreementsOf(db, [unitId], 2026),
  insertEntry: (db) =>
    repo.insertEntry(db, {
      id: entryId,
      tenant_id: '610899',
      agreement_id: agreementId,
      organisation_id: unitId,
      community_id: placeId,
      place_path: path,
      list: 'resources',
      title: '为老旧小区检修线路',
      description: '',
      due_on: '2026-06-30',
      score: 20,
      state: 'open',
      created_by: userId,
      created_at: now,
      updated_at: now,
    }),
  findEntry: (db) => repo.findEntry(db, entryId),
  lockEntry: (db) => repo.lockEntry(db, entryId),
  updateEntry: (db) => repo.updateEntry(db, entryId, { state: 'submitted', submitted_at: now, updated_at: now }),
  entriesOfAgreements: (db) => repo.entriesOfAgreements(db, [agreementId]),
  submittedEntries: (db) => repo.submittedEntries(db, scope, null),
  unitRanking: (db) => repo.unitRanking(db, scope, null, 2026),
  numbersPerCommunity: (db) => repo.numbersPerCommunity(db, scope, null, 2026),
};
