import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };
const residentId = '019a7f3e-0000-7000-8000-000000000011';
const teamId = '019a7f3e-0000-7000-8000-000000000012';
const userId = '019a7f3e-0000-7000-8000-000000000013';
const visitId = '019a7f3e-0000-7000-8000-000000000014';
const hardship = {
  plain: ['elderly_alone', 'subsistence'],
  sensitive: ['community_correction'],
  sensitiveScope: scope,
};
const now = new Date('2026-11-24T01:00:00Z');

export const samples: SqlSamples<typeof repo> = {
  hardshipTags: (db) => repo.hardshipTags(db),
  listPeople: (db) =>
    repo.listPeople(
      db,
      {
        scope,
        hardship,
        underPath: path,
        teamId,
        tag: 'subsistence',
        name: '王',
        unassigned: false,
        contactBefore: '2026-10-26',
      },
      { offset: 0, limit: 20 },
    ),
  findPerson: (db) => repo.findPerson(db, residentId),
  peopleOfAdviser: (db) => repo.peopleOfAdviser(db, userId),
  upsertAssignment: (db) =>
    repo.upsertAssignment(db, {
      resident_id: residentId,
      tenant_id: '610899',
      team_id: teamId,
      lead_user_id: userId,
      assigned_by: userId,
      assigned_at: now,
      updated_at: now,
    }),
  deleteAssignment: (db) => repo.deleteAssignment(db, residentId),
  listTeams: (db) => repo.listTeams(db, { scope, underPath: path }),
  teamMembers: (db) => repo.teamMembers(db, [teamId]),
  findTeam: (db) => repo.findTeam(db, teamId),
  isOnTeam: (db) => repo.isOnTeam(db, teamId, userId),
  insertTeam: (db) =>
    repo.insertTeam(db, {
      id: teamId,
      tenant_id: '610899',
      community_id: '019a7f3e-0000-7000-8000-000000000001',
      name: '和平社区救助顾问服务团',
      leader_user_id: userId,
      phone: '',
      created_at: now,
      updated_at: now,
    }),
  updateTeam: (db) =>
    repo.updateTeam(db, teamId, { name: '和平社区救助顾问服务团', phone: '', leader_user_id: userId, updated_at: now }),
  replaceTeamMembers: (db) =>
    repo.replaceTeamMembers(db, teamId, [
      { team_id: teamId, user_id: userId, tenant_id: '610899', kind: 'social_worker', created_at: now },
    ]),
  dropLeadsOffTeam: (db) => repo.dropLeadsOffTeam(db, teamId, [userId]),
  staffUsers: (db) => repo.staffUsers(db, path, [userId]),
  insertVisit: (db) =>
    repo.insertVisit(db, {
      id: visitId,
      tenant_id: '610899',
      resident_id: residentId,
      team_id: teamId,
      place_path: `${path}610899001001001/610899001001-1/`,
      adviser_id: userId,
      mode: 'visit',
      kinds: ['policy', 'errand'],
      note: '上门讲解高龄津贴政策',
      visited_on: '2026-11-24',
      application_id: null,
      created_at: now,
    }),
  findVisit: (db) => repo.findVisit(db, visitId),
  listVisits: (db) =>
    repo.listVisits(
      db,
      { scope, underPath: path, residentId, teamId, kind: 'policy', from: '2026-11-01', to: '2026-11-30' },
      { offset: 0, limit: 20 },
    ),
  visitsOf: (db) => repo.visitsOf(db, residentId),
  findApplication: (db) => repo.findApplication(db, '019a7f3e-0000-7000-8000-000000000015'),
  residentIdHash: (db) => repo.residentIdHash(db, residentId),
  overdueDaysOf: (db) => repo.overdueDaysOf(db, '610899'),
  saveOverdueDays: (db) => repo.saveOverdueDays(db, '610899', 30, userId, now),
  assignedPeople: (db) => repo.assignedPeople(db),
};
