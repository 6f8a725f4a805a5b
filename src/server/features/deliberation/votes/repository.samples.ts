import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const voteId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c01';
const placeId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c02';
const residentId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c03';
const community = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [community], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  findPlace: (db) => repo.findPlace(db, '610899001001'),
  communityAbove: (db) => repo.communityAbove(db, community),
  findCommunityByCode: (db) => repo.findCommunityByCode(db, '610899001001'),
  listVotes: (db) => repo.listVotes(db, scope, { state: 'open', communityPath: community }),
  findVote: (db) => repo.findVote(db, voteId),
  optionsOf: (db) => repo.optionsOf(db, [voteId]),
  rollOf: (db) => repo.rollOf(db, voteId),
  householdsOf: (db) => repo.householdsOf(db, [residentId]),
  votesOfElectors: (db) => repo.votesOfElectors(db, [residentId]),
  publicVotes: (db) => repo.publicVotes(db, placeId, new Date('2026-09-01T00:00:00Z')),
  updateDraft: (db) =>
    repo.updateDraft(db, voteId, {
      scope_place_id: placeId,
      scope_path: community,
      community_id: placeId,
      title: '加装电梯意见征集',
      description: '',
      method: 'yes_no_abstain',
      max_choices: 1,
      seats: 1,
      secret: true,
      electorate: 'households',
      allow_phone: true,
      allow_paper: true,
      quorum_percent: 50,
      majority: 'two_thirds',
      opens_at: null,
      closes_at: new Date('2026-12-01T10:00:00Z'),
    }),
  deleteOptions: (db) => repo.deleteOptions(db, voteId),
  insertOptions: (db) =>
    repo.insertOptions(db, [
      { id: residentId, tenant_id: '610899', vote_id: voteId, position: 1, label: '同意', ref_id: null },
    ]),
  voteNumbers: (db) =>
    repo.voteNumbers(db, scope, null, new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z')),
};
