import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const buildingId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b01';
const nominationId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b02';
const voteId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b03';
const termId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b04';
const checklistId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b05';
const opinionId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b06';
const membershipId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b07';
const commendationId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b08';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/610899001001001/610899001001-1/';
const community = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [community], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  findBuilding: (db) => repo.findBuilding(db, '610899001001-1'),
  listBuildings: (db) => repo.listBuildings(db, scope, community),
  householdsOf: (db) => repo.householdsOf(db, path),
  findHousehold: (db) => repo.findHousehold(db, '610899001001-1-1-101'),
  openCasesOf: (db) => repo.openCasesOf(db, path),
  userByPhoneHash: (db) => repo.userByPhoneHash(db, 'phone-hash'),
  findUser: (db) => repo.findUser(db, userId),
  membershipPathsOf: (db) => repo.membershipPathsOf(db, userId),
  insertNomination: (db) =>
    repo.insertNomination(db, {
      id: nominationId,
      tenant_id: '610899',
      building_id: buildingId,
      building_path: path,
      nominee_user_id: userId,
      nominated_by: userId,
      kind: 'self',
      reason: '热心公益',
      state: 'nominated',
      vote_id: null,
      decided_by: null,
      decided_at: null,
      created_at: now,
    }),
  updateNomination: (db) => repo.updateNomination(db, nominationId, { state: 'appointed', decided_at: now }),
  findNominationForUpdate: (db) => repo.findNominationForUpdate(db, nominationId),
  standingNomination: (db) => repo.standingNomination(db, buildingId, userId),
  nominationsOf: (db) => repo.nominationsOf(db, buildingId),
  nominationsBy: (db) => repo.nominationsBy(db, buildingId, userId),
  setVoteOfStanding: (db) => repo.setVoteOfStanding(db, buildingId, voteId, null),
  markLosers: (db) => repo.markLosers(db, voteId, nominationId, now),
  standingOf: (db) => repo.standingOf(db, buildingId),
  findVote: (db) => repo.findVote(db, voteId),
  lockVote: (db) => repo.lockVote(db, voteId),
  openVoteOf: (db) => repo.openVoteOf(db, buildingId),
  votesOf: (db) => repo.votesOf(db, buildingId),
  candidatesOf: (db) => repo.candidatesOf(db, voteId),
  termOfVote: (db) => repo.termOfVote(db, voteId),
  ballotCount: (db) => repo.ballotCount(db, voteId),
  insertTerm: (db) =>
    repo.insertTerm(db, {
      id: termId,
      tenant_id: '610899',
      building_id: buildingId,
      building_path: path,
      user_id: userId,
      nomination_id: nominationId,
      vote_id: voteId,
      membership_id: membershipId,
      state: 'active',
      started_on: '2026-11-24',
      ended_on: null,
      retire_reason: null,
      appointed_by: userId,
      retired_by: null,
      created_at: now,
    }),
  updateTerm: (db) => repo.updateTerm(db, termId, { state: 'retired', ended_on: '2026-12-01', retire_reason: 'moved' }),
  findTerm: (db) => repo.findTerm(db, termId),
  activeTermForUpdate: (db) => repo.activeTermForUpdate(db, buildingId),
  termsOf: (db) => repo.termsOf(db, buildingId),
  activeTermsOfUser: (db) => repo.activeTermsOfUser(db, userId),
  insertMembership: (db) =>
    repo.insertMembership(db, {
      id: membershipId,
      tenant_id: '610899',
      user_id: userId,
      role: 'steward',
      place_id: buildingId,
      created_at: now,
    }),
  deleteMembership: (db) => repo.deleteMembership(db, membershipId),
  stewardMembershipAt: (db) => repo.stewardMembershipAt(db, userId, buildingId),
  ensureChecklist: (db) =>
    repo.ensureChecklist(db, {
      id: checklistId,
      tenant_id: '610899',
      term_id: termId,
      month: '2026-11',
      created_at: now,
    }),
  findChecklist: (db) => repo.findChecklist(db, termId, '2026-11'),
  ticksOf: (db) => repo.ticksOf(db, checklistId),
  upsertTick: (db) =>
    repo.upsertTick(db, {
      tenant_id: '610899',
      checklist_id: checklistId,
      duty: 'liaison',
      note: '走访6户',
      photo_file_id: null,
      ticked_at: now,
    }),
  completeChecklist: (db) => repo.completeChecklist(db, checklistId, now),
  pointsOfSource: (db) => repo.pointsOfSource(db, 'steward_checklist', checklistId),
  insertOpinion: (db) =>
    repo.insertOpinion(db, {
      id: opinionId,
      tenant_id: '610899',
      term_id: termId,
      building_path: path,
      household_id: null,
      body: '楼道灯坏了',
      photo_file_id: null,
      state: 'collected',
      case_id: null,
      created_at: now,
      filed_at: null,
    }),
  updateOpinion: (db) => repo.updateOpinion(db, opinionId, { state: 'filed', filed_at: now }),
  findOpinion: (db) => repo.findOpinion(db, opinionId),
  lockOpinion: (db) => repo.lockOpinion(db, opinionId),
  opinionsOfTerm: (db) => repo.opinionsOfTerm(db, termId),
  listOpinions: (db) => repo.listOpinions(db, scope, path, '2026-11'),
  opinionsInMonth: (db) => repo.opinionsInMonth(db, termId, '2026-11'),
  upsertEvaluation: (db) =>
    repo.upsertEvaluation(db, {
      id: '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b09',
      tenant_id: '610899',
      term_id: termId,
      building_path: path,
      month: '2026-11',
      grade: 'excellent',
      comment: '履职尽责',
      evaluated_by: userId,
      created_at: now,
    }),
  findEvaluation: (db) => repo.findEvaluation(db, termId, '2026-11'),
  evaluationsOfBuilding: (db) => repo.evaluationsOfBuilding(db, buildingId),
  lastEvaluationOf: (db) => repo.lastEvaluationOf(db, termId),
  stewardRanking: (db) => repo.stewardRanking(db, scope, null, 2026),
  buildingRanking: (db) => repo.buildingRanking(db, scope, null, 2026),
  insertCommendation: (db) =>
    repo.insertCommendation(db, {
      id: commendationId,
      tenant_id: '610899',
      year: 2026,
      kind: 'steward',
      building_id: buildingId,
      building_path: path,
      term_id: termId,
      note: '',
      created_by: userId,
      created_at: now,
    }),
  listCommendations: (db) => repo.listCommendations(db, scope, null, 2026),
  termOfYear: (db) => repo.termOfYear(db, buildingId, 2026),
  numbersOfTerms: (db) => repo.numbersOfTerms(db, scope, null, 2026),
  numbersOfDuty: (db) => repo.numbersOfDuty(db, scope, null, 2026),
};
