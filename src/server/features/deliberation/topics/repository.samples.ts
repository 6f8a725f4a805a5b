import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const topicId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c10';
const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const caseId = '019a7f3e-0000-7000-8000-000000000003';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };
const filter = { scope, under: null, source: 'resident' as const };

export const samples: SqlSamples<typeof repo> = {
  insertTopic: (db) =>
    repo.insertTopic(db, {
      id: topicId,
      tenant_id: '610899',
      community_id: communityId,
      place_id: communityId,
      place_path: path,
      code: 'YT-20261124-0001',
      title: '楼下空地改停车位',
      body: '楼下空地能不能改成停车位',
      raised_via: 'resident',
      raised_by: userId,
      case_id: null,
      state: 'seconding',
      seconds_needed: 5,
      created_at: now,
      updated_at: now,
    }),
  updateTopic: (db) => repo.updateTopic(db, topicId, { state: 'screening', updated_at: now }),
  lockTopic: (db) => repo.lockTopic(db, topicId),
  findTopic: (db) => repo.findTopic(db, topicId),
  topicOfCase: (db) => repo.topicOfCase(db, caseId),
  listTopics: (db) => repo.listTopics(db, { ...filter, under: `${path}610899001001001/`, state: 'seconding' }, 500),
  countTopicsByState: (db) => repo.countTopicsByState(db, filter),
  communityTopics: (db) => repo.communityTopics(db, communityId, userId, 100),
  topicsRaisedBy: (db) => repo.topicsRaisedBy(db, userId),
  publicTopics: (db) => repo.publicTopics(db, communityId, 100),
  insertSecond: (db) =>
    repo.insertSecond(db, { topic_id: topicId, user_id: userId, tenant_id: '610899', created_at: now }),
  secondedAmong: (db) => repo.secondedAmong(db, userId, [topicId]),
  insertEvent: (db) =>
    repo.insertEvent(db, {
      id: '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c11',
      tenant_id: '610899',
      topic_id: topicId,
      action: 'raise',
      from_state: null,
      to_state: 'seconding',
      by_party: 'raiser',
      by_user_id: userId,
      at: now,
    }),
  eventsOf: (db) => repo.eventsOf(db, topicId),
  secondsToAgenda: (db) => repo.secondsToAgenda(db, communityId),
  communitiesWithSettings: (db) => repo.communitiesWithSettings(db, [path], false, 500),
  upsertSettings: (db) =>
    repo.upsertSettings(db, {
      community_id: communityId,
      tenant_id: '610899',
      seconds_to_agenda: 3,
      updated_by: userId,
      updated_at: now,
    }),
  placeById: (db) => repo.placeById(db, communityId),
  communityByCode: (db) => repo.communityByCode(db, '610899001001'),
  hallPlacesAbove: (db) => repo.hallPlacesAbove(db, `${path}610899001001001/`),
  hallPlacesUnder: (db) => repo.hallPlacesUnder(db, [path], 300),
  buildingsAt: (db) => repo.buildingsAt(db, [`${path}610899001001001/610899001001-1/`]),
  nextDailySerial: (db) => repo.nextDailySerial(db, 'topic:610899:2026-11-24'),
  caseForTopic: (db) => repo.caseForTopic(db, caseId),
  linkCase: (db) => repo.linkCase(db, caseId, topicId),
  topicNumbers: (db) =>
    repo.topicNumbers(db, scope, null, new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z')),
};
