import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const activityId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b10';
const signupId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b11';
const postId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b12';
const claimId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b13';
const recordId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b14';
const teamId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b15';
const orgId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b16';
const residentId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7b17';
const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  insertActivity: (db) =>
    repo.insertActivity(db, {
      id: activityId,
      tenant_id: '610899',
      community_id: communityId,
      place_path: path,
      team_id: teamId,
      title: '清理楼道小广告',
      lng: 108.0,
      lat: 37.0,
      radius_m: 200,
      starts_at: now,
      ends_at: new Date('2026-11-24T03:00:00Z'),
      capacity: 20,
      signup_deadline: now,
      attend_points: null,
      checkin_token_hash: 'hash',
      checkin_token_enc: 'enc',
      created_by: userId,
      created_at: now,
      updated_at: now,
    }),
  updateActivity: (db) => repo.updateActivity(db, activityId, { state: 'published', updated_at: now }),
  findActivity: (db) => repo.findActivity(db, activityId),
  lockActivity: (db) => repo.lockActivity(db, activityId),
  activityByTokenHash: (db) => repo.activityByTokenHash(db, 'hash'),
  activityToken: (db) => repo.activityToken(db, activityId),
  listActivities: (db) => repo.listActivities(db, scope, { under: path, state: 'published', year: 2026 }),
  openActivities: (db) => repo.openActivities(db, '610899', communityId, now),
  insertSignup: (db) =>
    repo.insertSignup(db, {
      id: signupId,
      tenant_id: '610899',
      activity_id: activityId,
      user_id: userId,
      state: 'signed_up',
      queued_at: now,
      created_at: now,
      updated_at: now,
    }),
  updateSignup: (db) => repo.updateSignup(db, signupId, { state: 'cancelled', updated_at: now }),
  findSignup: (db) => repo.findSignup(db, activityId, userId),
  findSignupById: (db) => repo.findSignupById(db, signupId),
  countSignedUp: (db) => repo.countSignedUp(db, activityId),
  firstWaiting: (db) => repo.firstWaiting(db, activityId),
  waitingAhead: (db) => repo.waitingAhead(db, activityId, now, signupId),
  listSignups: (db) => repo.listSignups(db, activityId),
  signupsOfUser: (db) => repo.signupsOfUser(db, userId),
  attendedInYear: (db) => repo.attendedInYear(db, userId, 2026, scope),
  hoursPerPerson: (db) => repo.hoursPerPerson(db, scope, 2026, path),
  activityNumbers: (db) => repo.activityNumbers(db, scope, 2026, path),
  insertPost: (db) =>
    repo.insertPost(db, {
      id: postId,
      tenant_id: '610899',
      community_id: communityId,
      place_path: path,
      title: '楼道文明劝导岗',
      slots: 3,
      created_by: userId,
      created_at: now,
    }),
  updatePost: (db) => repo.updatePost(db, postId, { slots: 4 }),
  findPost: (db) => repo.findPost(db, postId),
  lockPost: (db) => repo.lockPost(db, postId),
  listPosts: (db) => repo.listPosts(db, scope, path),
  postsOfCommunities: (db) => repo.postsOfCommunities(db, [communityId]),
  insertClaim: (db) =>
    repo.insertClaim(db, {
      id: claimId,
      tenant_id: '610899',
      post_id: postId,
      user_id: userId,
      resident_id: residentId,
      claimed_at: now,
    }),
  endClaim: (db) => repo.endClaim(db, claimId, now),
  findClaim: (db) => repo.findClaim(db, claimId),
  activeClaim: (db) => repo.activeClaim(db, postId, userId),
  claimsOfUsers: (db) => repo.claimsOfUsers(db, [userId]),
  claimsInScope: (db) => repo.claimsInScope(db, scope, path),
  insertRecord: (db) =>
    repo.insertRecord(db, {
      id: recordId,
      tenant_id: '610899',
      claim_id: claimId,
      month: '2026-11',
      minutes: 240,
      created_at: now,
    }),
  findRecord: (db) => repo.findRecord(db, recordId),
  confirmRecord: (db) => repo.confirmRecord(db, recordId, userId, now),
  recordsOfClaims: (db) => repo.recordsOfClaims(db, [claimId]),
  recordsInScope: (db) => repo.recordsInScope(db, scope, path),
  postMinutesInYear: (db) => repo.postMinutesInYear(db, userId, 2026),
  postNumbers: (db) => repo.postNumbers(db, scope, 2026, path),
  inServiceOf: (db) => repo.inServiceOf(db, [residentId]),
  liaisonOrganisations: (db) => repo.liaisonOrganisations(db, userId),
  membersOfOrganisations: (db) => repo.membersOfOrganisations(db, [orgId]),
  yearTotalsOfUsers: (db) => repo.yearTotalsOfUsers(db, [userId], 2026),
  userName: (db) => repo.userName(db, userId),
  communityByCode: (db) => repo.communityByCode(db, '610899001001'),
  findTeam: (db) => repo.findTeam(db, teamId),
  teamsInScope: (db) => repo.teamsInScope(db, scope),
  communitiesInScope: (db) => repo.communitiesInScope(db, scope, path),
};
