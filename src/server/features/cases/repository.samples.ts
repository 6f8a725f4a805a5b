import type { SqlSamples } from '../../platform/db/sql-samples.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './repository.js';

// One sample call per query of cases/repository.ts, compiled to src/server/queries/cases.sql.

const caseId = '01937a2e-5b1c-7f00-8000-000000000001';
const placeId = '01937a2e-5b1c-7f00-8000-000000000002';
const userId = '01937a2e-5b1c-7f00-8000-000000000003';
const departmentId = '01937a2e-5b1c-7f00-8000-000000000004';
const teamId = '01937a2e-5b1c-7f00-8000-000000000005';
const at = new Date('2026-11-24T01:00:00Z');
const gridPath = '/61/6108/610899/610899001/610899001001/610899001001001/';
const scope: Scope = { paths: ['/61/6108/610899/610899001/'], departmentIds: [departmentId], userId, all: false };
const filter: repo.CaseListFilter = {
  scope,
  departmentIds: [departmentId],
  teamIds: [teamId],
  userId,
  mineOnly: false,
  underPath: '/61/6108/610899/610899001/610899001001/',
  states: ['submitted', 'accepted'],
  category: 'street_light',
  channel: 'qr',
  departmentCode: 'D61089901',
  overdue: true,
  from: at,
  to: new Date('2026-11-25T01:00:00Z'),
  q: '路灯',
};

export const samples: SqlSamples<typeof repo> = {
  categories: (db) => repo.categories(db),
  categoryNames: (db) => repo.categoryNames(db),
  categoryAsFiled: (db) => repo.categoryAsFiled(db, 'street_light', 2),
  findByIdempotencyKey: (db) => repo.findByIdempotencyKey(db, '610899', '0b8f5c1e-6a3d-4c2e-9f7a-2d4e6b8a1c3f'),
  insertCase: (db) =>
    repo.insertCase(db, {
      id: caseId,
      tenant_id: '610899',
      tracking_code: 'LL-20261124-0001',
      channel: 'qr',
      category_code: 'street_light',
      priority: 'normal',
      state: 'submitted',
      description: '3号楼门口路灯坏了三天，晚上很黑',
      text_tokens: ['路灯', '坏了'],
      address: '3号楼',
      place_id: placeId,
      place_path: gridPath,
      reporter_name: '陈阿姨',
      photo_ids: [],
      first_contact_due_at: new Date('2026-11-24T01:30:00Z'),
      dispatch_due_at: new Date('2026-11-24T03:00:00Z'),
      created_at: at,
      updated_at: at,
    }),
  lockCase: (db) => repo.lockCase(db, caseId),
  findCase: (db) => repo.findCase(db, caseId),
  findByTrackingCode: (db) => repo.findByTrackingCode(db, 'LL-20261124-0001'),
  updateCase: (db) => repo.updateCase(db, caseId, { state: 'accepted', accepted_at: at, updated_at: at }),
  insertEvent: (db) =>
    repo.insertEvent(db, {
      id: '01937a2e-5b1c-7f00-8000-000000000006',
      tenant_id: '610899',
      case_id: caseId,
      action: 'accept',
      from_state: 'submitted',
      to_state: 'accepted',
      actor_id: userId,
      actor_name: '王社工',
      note: '',
      data: '{}',
      at,
    }),
  resolutionOf: (db) => repo.resolutionOf(db, caseId),
  events: (db) => repo.events(db, caseId),
  nextDailySerial: (db) => repo.nextDailySerial(db, 'tracking:2026-11-24'),
  lockIdempotencyKey: (db) => repo.lockIdempotencyKey(db, '610899', '0b8f5c1e-6a3d-4c2e-9f7a-2d4e6b8a1c3f'),
  placeName: (db) => repo.placeName(db, placeId),
  placeWithAncestors: (db) => repo.placeWithAncestors(db, placeId),
  similarCandidates: (db) =>
    repo.similarCandidates(db, { placeId, since: at, tokens: ['路灯', '坏了'], excludeId: caseId }),
  onDutyUserIds: (db) => repo.onDutyUserIds(db, '610899001001', 2),
  departmentMemberIds: (db) => repo.departmentMemberIds(db, departmentId),
  department: (db) => repo.department(db, departmentId),
  communityStaff: (db) => repo.communityStaff(db, '/61/6108/610899/610899001/610899001001/610899001001001/'),
  volunteerTeam: (db) => repo.volunteerTeam(db, teamId),
  teamUserIds: (db) => repo.teamUserIds(db, teamId),
  listCasesWithCounts: async (db) => {
    // Filtered beyond places: the cases are counted; by place only: the kept counts.
    await repo.listCasesWithCounts(db, filter, { offset: 0, limit: 20 });
    const byPlace = { ...filter, category: undefined, channel: undefined, departmentCode: undefined, from: undefined };
    await repo.listCasesWithCounts(
      db,
      { ...byPlace, to: undefined, q: undefined },
      { offset: 0, limit: 20, after: { createdUs: 1_795_568_400_000_123, id: caseId } },
    );
  },
  casesOfReporter: (db) =>
    repo.casesOfReporter(db, 'c2a3f1e0b9d8c7a6f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1'),
  phoneHashOf: (db) => repo.phoneHashOf(db, userId),
  provenPhoneHash: (db) => repo.provenPhoneHash(db, userId),
  enteredBy: (db) => repo.enteredBy(db, caseId),
};
