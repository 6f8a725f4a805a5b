import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const projectId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4c0001';
const candidateId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4c0002';
const termId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4c0003';
const issueId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4c0004';
const voteId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4c0005';
const placeId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4c0006';
const membershipId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4c0007';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const now = new Date('2026-11-24T01:00:00Z');
const community = '/61/6108/610899/610899001/610899001001/';
const household = '/61/6108/610899/610899001/610899001001/610899001001001/610899001001-1/610899001001-1-1-101/';
const scope = { paths: [community], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  findPlace: (db) => repo.findPlace(db, '610899001001'),
  communityAbove: (db) => repo.communityAbove(db, household),
  listProjects: (db) => repo.listProjects(db, scope, community, 'active'),
  findProject: (db) => repo.findProject(db, projectId),
  lockProject: (db) => repo.lockProject(db, projectId),
  insertProject: (db) =>
    repo.insertProject(db, {
      id: projectId,
      tenant_id: '610899',
      community_id: placeId,
      place_id: placeId,
      place_path: community,
      title: '老旧小区改造',
      seats: 3,
      state: 'calling',
      vote_id: null,
      created_by: userId,
      created_at: now,
      updated_at: now,
      ended_at: null,
    }),
  updateProject: (db) => repo.updateProject(db, projectId, { state: 'electing', vote_id: voteId, updated_at: now }),
  projectsOfCommunity: (db) => repo.projectsOfCommunity(db, placeId),
  projectsAbove: (db) => repo.projectsAbove(db, [household]),
  candidatesOf: (db) => repo.candidatesOf(db, projectId),
  findCandidate: (db) => repo.findCandidate(db, candidateId),
  candidateOfUser: (db) => repo.candidateOfUser(db, projectId, userId),
  insertCandidate: (db) =>
    repo.insertCandidate(db, {
      id: candidateId,
      tenant_id: '610899',
      project_id: projectId,
      user_id: userId,
      name: '王大山',
      statement: '退休工程师，愿意为小区改造把关',
      source: 'self',
      state: 'applied',
      decided_by: null,
      decided_at: null,
      created_by: userId,
      created_at: now,
    }),
  updateCandidate: (db) => repo.updateCandidate(db, candidateId, { state: 'accepted', decided_at: now }),
  markNotElected: (db) => repo.markNotElected(db, projectId, [candidateId], now),
  voteOf: (db) => repo.voteOf(db, voteId),
  optionsOfVote: (db) => repo.optionsOfVote(db, voteId),
  termsOf: (db) => repo.termsOf(db, projectId),
  findTerm: (db) => repo.findTerm(db, termId),
  insertTerm: (db) =>
    repo.insertTerm(db, {
      id: termId,
      tenant_id: '610899',
      project_id: projectId,
      user_id: userId,
      name: '王大山',
      candidate_id: candidateId,
      origin: 'vote',
      vote_id: voteId,
      membership_id: membershipId,
      state: 'active',
      started_at: now,
      ended_at: null,
      created_by: null,
      ended_by: null,
    }),
  endTerm: (db) => repo.endTerm(db, termId, userId, '项目结束', now),
  activeTermsAtPlace: (db) => repo.activeTermsAtPlace(db, userId, placeId),
  supervisorMembershipAt: (db) => repo.supervisorMembershipAt(db, userId, placeId),
  deleteMembership: (db) => repo.deleteMembership(db, membershipId),
  myTerms: (db) => repo.myTerms(db, userId),
  logsOf: (db) => repo.logsOf(db, projectId),
  insertLog: (db) =>
    repo.insertLog(db, {
      id: issueId,
      tenant_id: '610899',
      project_id: projectId,
      term_id: termId,
      kind: 'progress',
      body: '外墙保温施工过半',
      rating: 4,
      photo_ids: [],
      lng: null,
      lat: null,
      created_at: now,
    }),
  issuesOf: (db) => repo.issuesOf(db, projectId),
  findIssue: (db) => repo.findIssue(db, issueId),
  lockIssue: (db) => repo.lockIssue(db, issueId),
  insertIssue: (db) =>
    repo.insertIssue(db, {
      id: issueId,
      tenant_id: '610899',
      project_id: projectId,
      term_id: termId,
      body: '楼道施工垃圾未清运',
      photo_ids: [],
      state: 'raised',
      case_id: null,
      whistle_id: null,
      handled_by: null,
      handled_at: null,
      created_at: now,
    }),
  updateIssue: (db) => repo.updateIssue(db, issueId, { state: 'case', case_id: projectId, handled_at: now }),
  ownUploads: (db) => repo.ownUploads(db, userId, [issueId]),
  userByPhoneHash: (db) => repo.userByPhoneHash(db, 'phone-hash'),
  supervisorNumbers: (db) =>
    repo.supervisorNumbers(db, scope, null, new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z')),
};
