import type { SqlSamples } from '../../platform/db/sql-samples.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './repository.js';

// Sample calls compiled to src/server/queries/orgs.sql (npm run sql:update).
const community = '/61/6108/610899/610899001/610899001001/';
const scope: Scope = {
  paths: [community],
  departmentIds: [],
  userId: '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a60',
  all: false,
};
const tenantId = '610899';
const partyOrgId = '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a61';
const residentId = '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a62';
const placeId = '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a63';
const at = new Date('2026-03-02T09:30:00Z');
const teamId = '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a65';
const filter = { scope, underPath: null, offset: 0, limit: 20 };

export const samples: SqlSamples<typeof repo> = {
  listPartyOrgs: (db) => repo.listPartyOrgs(db, scope, `${community}610899001001003/`),
  findPartyOrg: (db) => repo.findPartyOrg(db, partyOrgId),
  insertPartyOrg: (db) =>
    repo.insertPartyOrg(db, {
      id: partyOrgId,
      tenant_id: tenantId,
      parent_id: null,
      name: '幸福社区党支部',
      kind: 'community_branch',
      place_id: placeId,
      created_at: at,
    }),
  residentWithPath: (db) => repo.residentWithPath(db, residentId),
  listPartyMembers: (db) => repo.listPartyMembers(db, { ...filter, q: '王', partyOrgId }),
  listVolunteers: (db) => repo.listVolunteers(db, { ...filter, underPath: `${community}610899001001003/` }),
  listInService: (db) => repo.listInService(db, filter),
  upsertPartyMember: (db) =>
    repo.upsertPartyMember(db, {
      resident_id: residentId,
      tenant_id: tenantId,
      party_org_id: partyOrgId,
      joined_on: '2012-07-01',
      member_kind: 'full',
      created_at: at,
    }),
  upsertVolunteer: (db) =>
    repo.upsertVolunteer(db, {
      resident_id: residentId,
      tenant_id: tenantId,
      skills: ['助老', '理发'],
      team: '红马甲',
      registered_at: at,
    }),
  upsertInService: (db) =>
    repo.upsertInService(db, {
      resident_id: residentId,
      tenant_id: tenantId,
      work_unit: '县人民医院',
      community_id: placeId,
      claimed_posts: ['义诊'],
      registered_at: at,
    }),
  listOrganisations: (db) => repo.listOrganisations(db, scope, null, 'property_company'),
  insertOrganisation: (db) =>
    repo.insertOrganisation(db, {
      id: '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a64',
      tenant_id: tenantId,
      kind: 'property_company',
      name: '安居物业服务有限公司',
      place_id: placeId,
      contact_name: '李经理',
      phone: '13800000000',
      created_at: at,
    }),
  listPartyOrgKinds: (db) => repo.listPartyOrgKinds(db),
  lockPartyOrgKind: (db) => repo.lockPartyOrgKind(db, 'joint_committee'),
  insertPartyOrgKind: (db) =>
    repo.insertPartyOrgKind(db, {
      code: 'enterprise_branch',
      label_zh: '非公企业党支部',
      label_en: 'Private enterprise party branch',
      place_kinds: ['community'],
      parent_kinds: ['joint_committee'],
      member_units: false,
      sort: 60,
      active: true,
      updated_at: at,
    }),
  updatePartyOrgKind: (db) => repo.updatePartyOrgKind(db, 'building_group', { active: false, updated_at: at }),
  listOrganisationKinds: (db) => repo.listOrganisationKinds(db),
  lockOrganisationKind: (db) => repo.lockOrganisationKind(db, 'social_org'),
  insertOrganisationKind: (db) =>
    repo.insertOrganisationKind(db, {
      code: 'school',
      label_zh: '驻区学校',
      label_en: 'School in the community',
      sort: 50,
      active: true,
      updated_at: at,
    }),
  updateOrganisationKind: (db) =>
    repo.updateOrganisationKind(db, 'owners_committee', { label_zh: '业委会', updated_at: at }),
  findOrganisation: (db) => repo.findOrganisation(db, '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a64'),
  listPartyOrgUnits: (db) => repo.listPartyOrgUnits(db, [partyOrgId]),
  insertPartyOrgUnit: (db) =>
    repo.insertPartyOrgUnit(db, {
      party_org_id: partyOrgId,
      organisation_id: '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a64',
      tenant_id: tenantId,
      created_at: at,
    }),
  movePartyOrgsOfPlaces: (db) => repo.movePartyOrgsOfPlaces(db, [placeId], '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a65'),
  listTeams: (db) => repo.listTeams(db, { scope, underPath: community, servingPath: null }),
  teamMembers: (db) => repo.teamMembers(db, [teamId]),
  findTeam: (db) => repo.findTeam(db, teamId),
  insertTeam: (db) =>
    repo.insertTeam(db, {
      id: teamId,
      tenant_id: tenantId,
      place_id: placeId,
      name: '和平社区助老志愿服务队',
      leader_user_id: null,
      phone: '',
      created_at: at,
    }),
  updateTeam: (db) => repo.updateTeam(db, teamId, { name: '助老服务队', phone: '', leader_user_id: null }),
  replaceTeamMembers: (db) =>
    repo.replaceTeamMembers(db, teamId, [
      { team_id: teamId, user_id: '0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a60', tenant_id: tenantId, created_at: at },
    ]),
  volunteerUsers: (db) => repo.volunteerUsers(db, community, ['0190a6f2-7c41-7b3e-9a51-3f2d1c4b5a60']),
};
