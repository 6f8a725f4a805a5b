import type { SqlSamples } from '../../platform/db/sql-samples.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './repository.js';

const whistleId = '01900000-0000-7000-8000-000000000001';
const summonsId = '01900000-0000-7000-8000-000000000002';
const departmentId = '01900000-0000-7000-8000-000000000003';
const userId = '01900000-0000-7000-8000-000000000004';
const placeId = '01900000-0000-7000-8000-000000000005';
const gridPath = '/61/6108/610899/610899001/610899001001/610899001001003/';
const at = new Date('2026-11-24T01:00:00Z');
const communityScope: Scope = {
  paths: ['/61/6108/610899/610899001/610899001001/'],
  departmentIds: [],
  userId,
  all: false,
};

export const samples: SqlSamples<typeof repo> = {
  insertWhistle: (db) =>
    repo.insertWhistle(db, {
      id: whistleId,
      tenant_id: '610899',
      case_id: null,
      place_id: placeId,
      place_path: gridPath,
      subject: '消防通道堵塞',
      request: '请到场处置',
      lng: 109.7,
      lat: 38.3,
      address: '',
      created_by: userId,
      created_by_name: '和平社区',
      created_at: at,
    }),
  getWhistle: (db) => repo.getWhistle(db, whistleId),
  findWhistleWithPlace: (db) => repo.findWhistleWithPlace(db, whistleId),
  closeWhistle: (db) => repo.closeWhistle(db, whistleId, at),
  insertSummons: (db) =>
    repo.insertSummons(db, {
      id: summonsId,
      tenant_id: '610899',
      whistle_id: whistleId,
      department_id: departmentId,
      adviser_id: null,
      state: 'summoned',
      ack_due_at: at,
      arrive_due_at: at,
      created_at: at,
    }),
  lockSummons: (db) => repo.lockSummons(db, summonsId),
  updateSummons: (db) => repo.updateSummons(db, summonsId, { state: 'acknowledged', acknowledged_at: at }),
  summonsesOf: (db) => repo.summonsesOf(db, whistleId),
  unscoredSummonsesBesides: (db) => repo.unscoredSummonsesBesides(db, whistleId, summonsId),
  insertEvent: (db) =>
    repo.insertEvent(db, {
      id: '01900000-0000-7000-8000-000000000006',
      tenant_id: '610899',
      whistle_id: whistleId,
      summons_id: summonsId,
      action: 'acknowledge',
      actor_id: userId,
      actor_name: '王警官',
      note: '城关派出所接哨',
      at,
    }),
  eventsOf: (db) => repo.eventsOf(db, whistleId),
  listWhistles: (db) =>
    repo.listWhistles(db, { places: communityScope, departmentIds: [departmentId], adviserId: userId, state: 'open' }),
  ownSummonses: (db) => repo.ownSummonses(db, [whistleId], [departmentId], userId),
  rankingRows: (db) => repo.rankingRows(db, ['/61/6108/610899/610899001/']),
  departmentsByCodes: (db) => repo.departmentsByCodes(db, '610899', ['D61089901', 'D61089903']),
  findDepartment: (db) => repo.findDepartment(db, departmentId),
  findUserName: (db) => repo.findUserName(db, userId),
  departmentMemberIds: (db) => repo.departmentMemberIds(db, departmentId),
  advisersServing: (db) => repo.advisersServing(db, gridPath),
  buildingAbove: (db) => repo.buildingAbove(db, `${gridPath}610899001001-3/`),
  gridAbove: (db) => repo.gridAbove(db, gridPath),
  placeNameByPath: (db) => repo.placeNameByPath(db, '/61/6108/610899/610899001/610899001001/'),
  usersWithPhone: (db) => repo.usersWithPhone(db, [userId]),
  latestWhistleOfCase: (db) => repo.latestWhistleOfCase(db, whistleId),
};
