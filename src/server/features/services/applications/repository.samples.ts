import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import type { Scope } from '../../../platform/scope.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/services.applications.sql is compiled from these).

const applicationId = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d30';
const partId = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d31';
const itemId = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d32';
const placeId = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d34';
const userId = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d35';
const departmentId = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d36';
const path = '/61/6108/610899/610899001/610899001001/';
const at = new Date('2026-11-24T01:00:00Z');
const scope: Scope = { paths: [path], departmentIds: [], userId, all: false };

export const samples: SqlSamples<typeof repo> = {
  findCommunity: (db) => repo.findCommunity(db, placeId),
  findResidentForApplication: (db) => repo.findResidentForApplication(db, userId),
  userPhone: (db) => repo.userPhone(db, userId),
  nextDailySerial: (db) => repo.nextDailySerial(db, 'service-application:2026-11-24'),
  insertApplication: (db) =>
    repo.insertApplication(db, {
      id: applicationId,
      tenant_id: '610899',
      code: 'FW-20261124-0001',
      item_id: itemId,
      bundle_id: null,
      community_id: placeId,
      place_path: path,
      source: 'window',
      on_behalf: true,
      entered_by: userId,
      applicant_user_id: null,
      resident_id: null,
      applicant_name: '张三',
      id_number_enc: 'v1.…',
      id_number_hash: 'ab12',
      id_number_masked: '610899********1234',
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      answers_enc: 'v1.…',
      materials: '[]',
      file_ids: [],
      state: 'submitted',
      visits: 1,
      created_at: at,
      updated_at: at,
    }),
  insertParts: (db) =>
    repo.insertParts(db, [
      {
        id: partId,
        application_id: applicationId,
        tenant_id: '610899',
        item_id: itemId,
        item_version: 1,
        handler_level: 'department',
        department_id: departmentId,
        handler_place_id: null,
        handler_path: null,
        state: 'waiting',
        sort: 0,
        created_at: at,
        updated_at: at,
      },
    ]),
  insertEvent: (db) =>
    repo.insertEvent(db, {
      id: partId,
      application_id: applicationId,
      part_id: null,
      tenant_id: '610899',
      action: 'submit',
      from_state: null,
      to_state: 'submitted',
      note: '窗口代办',
      actor_id: userId,
      actor_name: '王社工',
      at,
    }),
  lockApplication: (db) => repo.lockApplication(db, applicationId),
  findApplication: (db) => repo.findApplication(db, applicationId),
  updateApplication: (db) => repo.updateApplication(db, applicationId, { state: 'accepted', accepted_at: at }),
  partsOf: (db) => repo.partsOf(db, applicationId),
  lockPartsOf: (db) => repo.lockPartsOf(db, applicationId),
  findPart: (db) => repo.findPart(db, partId),
  updatePart: (db) => repo.updatePart(db, partId, { state: 'pending', due_at: at }),
  eventsOf: (db) => repo.eventsOf(db, applicationId),
  subjectName: (db) => repo.subjectName(db, { item_id: itemId, bundle_id: null }),
  listApplications: (db) => repo.listApplications(db, { scope, state: 'submitted', sla: 'red', limit: 20, offset: 0 }),
  countByState: (db) => repo.countByState(db, scope),
  listMine: (db) => repo.listMine(db, userId),
  listParts: (db) =>
    repo.listParts(db, {
      departmentIds: [departmentId],
      placePaths: [path],
      states: ['pending', 'in_review'],
      limit: 200,
    }),
  handlerUserIds: (db) => repo.handlerUserIds(db, { department_id: departmentId, handler_place_id: null }),
  itemsByIds: (db) => repo.itemsByIds(db, [itemId]),
  residentsByIdHash: (db) => repo.residentsByIdHash(db, 'ab12'),
  communityOver: (db) => repo.communityOver(db, `${path}0001/`),
  countyCommunities: (db) => repo.countyCommunities(db),
  userPhoneHash: (db) => repo.userPhoneHash(db, userId),
};
