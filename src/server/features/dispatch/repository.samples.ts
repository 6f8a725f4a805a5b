import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/dispatch.sql is compiled from these).

const at = new Date('2026-11-24T01:00:00Z');
const tenant = '610899';
const caseId = '01937a3e-0000-7000-8000-000000000001';
const id = '01937a3e-0000-7000-8000-000000000002';

export const samples: SqlSamples<typeof repo> = {
  currentVersions: (db) => repo.currentVersions(db, tenant),
  modelIds: (db) => repo.modelIds(db, tenant),
  modelById: (db) => repo.modelById(db, id),
  latestModels: (db) => repo.latestModels(db, tenant),
  lockTraining: (db) => repo.lockTraining(db, tenant, 'category'),
  insertModel: (db) =>
    repo.insertModel(db, {
      id,
      tenant_id: tenant,
      kind: 'category',
      version: 3,
      model: 'AAAA',
      training_size: 120,
      labels: 7,
      top1: 0.86,
      top3: 0.98,
      trained_at: at,
      trained_by: null,
    }),
  pruneModels: (db) => repo.pruneModels(db, tenant, 'category', 2),
  learnableCases: (db) => repo.learnableCases(db, tenant, 20_000),
  recentDescriptions: (db) => repo.recentDescriptions(db, tenant, 5_000),
  historyRows: (db) => repo.historyRows(db, tenant, 20_000),
  historyCount: (db) => repo.historyCount(db, tenant),
  insertHistory: (db) =>
    repo.insertHistory(db, [
      {
        id,
        tenant_id: tenant,
        batch_id: id,
        subject: '垃圾',
        body: '垃圾没人清运',
        category_code: 'garbage',
        department_id: null,
        occurred_on: '2024-03-05',
        imported_at: at,
        imported_by: null,
      },
    ]),
  countiesWithData: (db) => repo.countiesWithData(db),
  settings: (db) => repo.settings(db, tenant),
  upsertSettings: (db) =>
    repo.upsertSettings(db, { tenant_id: tenant, auto_route: true, threshold: 0.9, updated_at: at, updated_by: null }),
  insertSuggestion: (db) =>
    repo.insertSuggestion(db, {
      case_id: caseId,
      tenant_id: tenant,
      categories: '[]',
      departments: '[]',
      category_model_version: 3,
      department_model_version: 3,
      created_at: at,
    }),
  suggestionsOf: (db) => repo.suggestionsOf(db, [caseId]),
  suggestionOf: (db) => repo.suggestionOf(db, caseId),
  markAutoRouted: (db) => repo.markAutoRouted(db, caseId),
  insertOutcome: (db) =>
    repo.insertOutcome(db, {
      id,
      tenant_id: tenant,
      case_id: caseId,
      kind: 'department',
      suggested: 'a',
      chosen: 'b',
      outcome: 'corrected',
      decided_by: null,
      decided_at: at,
    }),
  outcomesOf: (db) => repo.outcomesOf(db, caseId),
  weeklyOutcomes: (db) => repo.weeklyOutcomes(db, tenant, at),
  findCase: (db) => repo.findCase(db, caseId),
  departmentsOfCounty: (db) => repo.departmentsOfCounty(db, tenant),
  categoryNames: (db) => repo.categoryNames(db),
};
