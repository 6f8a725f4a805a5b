import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const campaignId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c01';
const nominationId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c02';
const objectionId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c03';
const householdId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c04';
const residentId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c05';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const now = new Date('2026-11-24T01:00:00Z');
const community = '/61/6108/610899/610899001/610899001001/';
const household = `${community}610899001001001/610899001001-1/610899001001-1-1/610899001001-1-1-101/`;
const scope = { paths: [community], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  findPlace: (db) => repo.findPlace(db, '610899001001'),
  communityAbove: (db) => repo.communityAbove(db, household),
  findResident: (db) => repo.findResident(db, residentId),
  householdsUnder: (db) => repo.householdsUnder(db, community),
  residentsUnder: (db) => repo.residentsUnder(db, community),
  userName: (db) => repo.userName(db, userId),
  panelCandidates: (db) => repo.panelCandidates(db, community),
  insertCampaign: (db) =>
    repo.insertCampaign(db, {
      id: campaignId,
      tenant_id: '610899',
      place_id: householdId,
      place_path: community,
      kind: 'civilised_household',
      year: 2026,
      title: '2026年星级文明户评选',
      state: 'nominating',
      star_bands: '[]',
      objection_ends_on: null,
      created_by: userId,
      created_at: now,
      updated_at: now,
      published_at: null,
    }),
  updateCampaign: (db) => repo.updateCampaign(db, campaignId, { state: 'scoring', updated_at: now }),
  findCampaign: (db) => repo.findCampaign(db, campaignId),
  lockCampaign: (db) => repo.lockCampaign(db, campaignId),
  listCampaigns: (db) => repo.listCampaigns(db, scope, community, 2026),
  campaignsAbove: (db) => repo.campaignsAbove(db, [household]),
  criteriaOf: (db) => repo.criteriaOf(db, campaignId),
  insertCriteria: (db) =>
    repo.insertCriteria(db, [
      {
        id: objectionId,
        tenant_id: '610899',
        campaign_id: campaignId,
        position: 1,
        name: '爱国守法',
        max_points: 20,
        description: '',
      },
    ]),
  deleteCriteria: (db) => repo.deleteCriteria(db, campaignId),
  nominationsOf: (db) => repo.nominationsOf(db, campaignId),
  findNomination: (db) => repo.findNomination(db, nominationId),
  insertNomination: (db) =>
    repo.insertNomination(db, {
      id: nominationId,
      tenant_id: '610899',
      campaign_id: campaignId,
      household_id: householdId,
      household_path: household,
      resident_id: null,
      nominee_key: householdId,
      kind: 'self',
      reason: '家风好',
      nominated_by: userId,
      created_at: now,
      stars: null,
      result: null,
    }),
  updateNomination: (db) => repo.updateNomination(db, nominationId, { shortlisted: true, stars: 4 }),
  nomineeTaken: (db) => repo.nomineeTaken(db, campaignId, householdId),
  panelOf: (db) => repo.panelOf(db, campaignId),
  addPanelMember: (db) => repo.addPanelMember(db, { id: campaignId, tenantId: '610899' }, userId, userId, now),
  removePanelMember: (db) => repo.removePanelMember(db, campaignId, userId),
  sheetsOf: (db) => repo.sheetsOf(db, campaignId, userId),
  upsertSheet: (db) =>
    repo.upsertSheet(db, {
      tenant_id: '610899',
      nomination_id: nominationId,
      member_user_id: userId,
      campaign_id: campaignId,
      points: '{}',
      total: 80,
      updated_at: now,
    }),
  objectionsOf: (db) => repo.objectionsOf(db, campaignId),
  insertObjection: (db) =>
    repo.insertObjection(db, {
      id: objectionId,
      tenant_id: '610899',
      campaign_id: campaignId,
      nomination_id: nominationId,
      body: '情况不实',
      lodged_by: userId,
      lodged_at: now,
      answered_by: null,
      answered_at: null,
    }),
  findObjection: (db) => repo.findObjection(db, objectionId),
  answerObjection: (db) => repo.answerObjection(db, objectionId, '已核实', userId, now),
  honoursOfHousehold: (db) => repo.honoursOfHousehold(db, householdId),
  publicCampaigns: (db) => repo.publicCampaigns(db, community),
  honourNumbers: (db) => repo.honourNumbers(db, scope, null, 2026),
};
