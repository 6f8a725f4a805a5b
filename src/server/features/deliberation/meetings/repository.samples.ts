import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const meetingId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c10';
const itemId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c11';
const taskId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c12';
const topicId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c13';
const partyId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c14';
const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const departmentId = '019a7f3e-0000-7000-8000-000000000003';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  findPlace: (db) => repo.findPlace(db, communityId),
  placeByCode: (db) => repo.placeByCode(db, '610899001001'),
  communityOf: (db) => repo.communityOf(db, `${path}001/`),
  placeMembershipsOf: (db) => repo.placeMembershipsOf(db, userId),
  staffAround: (db) => repo.staffAround(db, path),
  departmentsOf: (db) => repo.departmentsOf(db, '610899'),
  findDepartment: (db) => repo.findDepartment(db, departmentId),
  findOrganisation: (db) => repo.findOrganisation(db, partyId),
  insertMeeting: (db) =>
    repo.insertMeeting(db, {
      id: meetingId,
      tenant_id: '610899',
      community_id: communityId,
      hall: 'community',
      grid_id: null,
      place_path: path,
      kind: 'four_party',
      title: '四方联动议事会',
      starts_at: now,
      location: '社区议事厅',
      state: 'planned',
      checkin_token_hash: null,
      created_by: userId,
      created_at: now,
      updated_at: now,
    }),
  updateMeeting: (db) => repo.updateMeeting(db, meetingId, { state: 'in_progress', updated_at: now }),
  findMeeting: (db) => repo.findMeeting(db, meetingId),
  lockMeeting: (db) => repo.lockMeeting(db, meetingId),
  meetingByTokenHash: (db) => repo.meetingByTokenHash(db, 'ab'.repeat(32)),
  listMeetings: (db) => repo.listMeetings(db, { scope, state: 'planned' }),
  communityMeetings: (db) => repo.communityMeetings(db, communityId, 'upcoming', now),
  attendanceCounts: (db) => repo.attendanceCounts(db, [meetingId]),
  insertParty: (db) =>
    repo.insertParty(db, {
      id: partyId,
      tenant_id: '610899',
      meeting_id: meetingId,
      kind: 'property_company',
      name: '城关物业',
      organisation_id: null,
      user_id: null,
      created_at: now,
    }),
  partiesOf: (db) => repo.partiesOf(db, meetingId),
  findParty: (db) => repo.findParty(db, meetingId, partyId),
  findTopic: (db) => repo.findTopic(db, topicId),
  lockTopic: (db) => repo.lockTopic(db, topicId),
  setTopicState: (db) => repo.setTopicState(db, topicId, 'scheduled', now),
  acceptedTopics: (db) => repo.acceptedTopics(db, communityId, path),
  insertItem: (db) =>
    repo.insertItem(db, {
      id: itemId,
      tenant_id: '610899',
      meeting_id: meetingId,
      topic_id: topicId,
      position: 1,
      outcome: null,
      decided_at: null,
      handed_up_at: null,
      vote_id: null,
      vote_result: null,
      followed_up_at: null,
      followed_up_by: null,
      created_by: userId,
      created_at: now,
    }),
  updateItem: (db) => repo.updateItem(db, itemId, { outcome: 'decided', decision: '划线', decided_at: now }),
  deleteItem: (db) => repo.deleteItem(db, itemId),
  nextPosition: (db) => repo.nextPosition(db, meetingId),
  itemsOf: (db) => repo.itemsOf(db, meetingId),
  itemsOfMeetings: (db) => repo.itemsOfMeetings(db, [meetingId]),
  findItem: (db) => repo.findItem(db, itemId),
  itemOfTopic: (db) => repo.itemOfTopic(db, topicId),
  lockItem: (db) => repo.lockItem(db, itemId),
  handedUp: (db) => repo.handedUp(db, scope),
  deletePositions: (db) => repo.deletePositions(db, itemId),
  insertPositions: (db) =>
    repo.insertPositions(db, [
      {
        id: partyId,
        tenant_id: '610899',
        item_id: itemId,
        party_kind: 'owners_committee',
        body: '同意',
        position: 1,
        created_by: userId,
        created_at: now,
      },
    ]),
  positionsOf: (db) => repo.positionsOf(db, [itemId]),
  insertAttendance: (db) =>
    repo.insertAttendance(db, {
      id: partyId,
      tenant_id: '610899',
      meeting_id: meetingId,
      user_id: userId,
      party_id: null,
      party_kind: 'residents',
      name: '张三',
      via: 'phone',
      recorded_by: null,
      signed_at: now,
    }),
  attendanceOf: (db) => repo.attendanceOf(db, meetingId),
  attendanceOfUser: (db) => repo.attendanceOfUser(db, meetingId, userId),
  insertTask: (db) =>
    repo.insertTask(db, {
      id: taskId,
      tenant_id: '610899',
      item_id: itemId,
      title: '划线施工',
      kind: 'task',
      owner_user_id: null,
      owner_department_id: departmentId,
      owner_name: '城关司法所',
      due_at: now,
      state: 'open',
      case_id: null,
      whistle_id: null,
      done_at: null,
      done_by: null,
      created_by: userId,
      created_at: now,
    }),
  updateTask: (db) => repo.updateTask(db, taskId, { state: 'done', report: '已完成', done_at: now, done_by: userId }),
  lockTask: (db) => repo.lockTask(db, taskId),
  tasksOf: (db) => repo.tasksOf(db, [itemId]),
  findTaskWithMeeting: (db) => repo.findTaskWithMeeting(db, taskId),
  setTaskSla: (db) => repo.setTaskSla(db, taskId, 'red'),
  voteOf: (db) => repo.voteOf(db, taskId),
  meetingNumbers: (db) =>
    repo.meetingNumbers(db, scope, null, new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z'), now),
};
