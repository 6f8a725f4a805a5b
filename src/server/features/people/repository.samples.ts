import type { SqlSamples } from '../../platform/db/sql-samples.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './repository.js';

// One sample call per query function, compiled to src/server/queries/people.sql (see platform/db/sql-samples.ts).

const now = new Date('2026-12-06T08:00:00Z');
const residentId = '0193a0c2-7a51-7c3e-8f00-5a2b3c4d5e6f';
const householdId = '0193a0c2-7a51-7c3e-8f00-6a2b3c4d5e6f';
const tenantId = '610899';
const idNumberHash = '6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b';
// A community worker of 610899001001 (and a second community): every membership counts.
const scope: Scope = {
  paths: ['/61/6108/610899/610899001/610899001001/', '/61/6108/610899/610899001/610899001002/'],
  departmentIds: [],
  userId: '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f',
  all: false,
};
const search: repo.ResidentSearch = {
  scope,
  underPath: '/61/6108/610899/610899001/610899001001/610899001001003/',
  tag: 'elderly_alone',
  residence: 'registered',
  status: 'active',
  match: { column: 'pinyin', value: 'wf' },
};
const resident = {
  id: residentId,
  tenant_id: tenantId,
  household_id: householdId,
  name: '王芳',
  name_pinyin: 'wangfang',
  name_initials: 'wf',
  gender: 'female' as const,
  birth_date: '1948-03-02',
  id_number_enc: 'v1:iv:ciphertext:tag',
  id_number_hash: idNumberHash,
  id_number_masked: '610899********0022',
  phone_enc: null,
  phone_hash: null,
  phone_masked: null,
  relation: 'self',
  residence: 'registered' as const,
  tags: ['elderly_alone'],
  notes: '',
  created_at: now,
  updated_at: now,
};

export const samples: SqlSamples<typeof repo> = {
  searchResidents: (db) => repo.searchResidents(db, search, { offset: 0, limit: 20 }),
  // The first batch of an export; the generator reads the next one only when asked.
  allResidents: (db) => repo.allResidents(db, { ...search, match: { column: 'name', value: '王' } }).next(),
  findResident: (db) => repo.findResident(db, residentId),
  lockResident: (db) => repo.lockResident(db, residentId),
  householdOf: (db) => repo.householdOf(db, householdId),
  findHousehold: (db) => repo.findHousehold(db, '610899001001-3-1-502'),
  insertResidents: (db) => repo.insertResidents(db, [resident]),
  updateResident: (db) => repo.updateResident(db, residentId, { tags: ['elderly_alone', 'disabled'], updated_at: now }),
  findIdNumberOwner: (db) => repo.findIdNumberOwner(db, tenantId, idNumberHash),
  findIdNumberOwners: (db) => repo.findIdNumberOwners(db, tenantId, [idNumberHash]),
  insertEvents: (db) =>
    repo.insertEvents(db, [
      {
        id: '0193a0c2-7a51-7c3e-8f00-7a2b3c4d5e6f',
        tenant_id: tenantId,
        resident_id: residentId,
        kind: 'registered',
        from_household_id: null,
        to_household_id: householdId,
        actor_id: '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f',
        at: now,
      },
    ]),
  listEvents: (db) => repo.listEvents(db, residentId),
  sealedField: (db) => repo.sealedField(db, residentId, 'id_number_enc'),
  gridNames: (db) => repo.gridNames(db, ['610899001001003', '610899001001004']),
  listTags: (db) => repo.listTags(db),
  lockTag: (db) => repo.lockTag(db, 'legal_aid'),
  insertTag: (db) =>
    repo.insertTag(db, {
      code: 'drug_rehab',
      label_zh: '社区戒毒对象',
      label_en: 'Community drug rehabilitation',
      needs_visit: true,
      sort: 130,
      tone: 'danger',
      sensitive: true,
      active: true,
      updated_at: now,
    }),
  updateTag: (db) => repo.updateTag(db, 'veteran', { label_zh: '退役军人', active: false, updated_at: now }),
  householdSummaries: (db) =>
    repo.householdSummaries(db, '/61/6108/610899/610899001/610899001001/610899001001003/', scope),
  activeNamesInHouseholds: (db) => repo.activeNamesInHouseholds(db, [householdId]),
};
