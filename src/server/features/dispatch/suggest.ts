import { recordAudit } from '../../platform/audit.js';
import type { Executor } from '../../platform/audit.js';
import type { StoredSuggestion } from '../../platform/db/schema-dispatch.js';
import { newId } from '../../platform/ids.js';
import { log } from '../../platform/logger.js';
import type { Actor } from '../../platform/policy.js';
import { predictTop, type DispatchModel } from './learner/index.js';
import { currentModels } from './model-store.js';
import * as repo from './repository.js';

// 智能派单 at intake and at dispatch: what the county's models suggest for a new case (kept on the
// case), whether the county lets the case go straight to the suggested department, and what the
// dispatcher then did with the suggestion (the hit rate, and the next training's labels).

/** The handler label of a case the community keeps (its grid or community workers, a volunteer team). */
export const COMMUNITY = 'community';

/** Below this, a category the keyword lists name but the model never learned goes first. */
const KEYWORD_OVER_MODEL = 0.5;

export interface IntakeSuggestion {
  categories: StoredSuggestion[];
  departments: StoredSuggestion[];
  categoryVersion: number | null;
  departmentVersion: number | null;
}

function predict(model: DispatchModel, text: string): StoredSuggestion[] {
  try {
    return predictTop(model, text, 3).map((s) => ({ label: s.label, probability: s.probability, source: 'model' }));
  } catch (error) {
    // A model that cannot read this text must not stop a resident's report from being filed.
    log.warn('dispatch prediction failed', { error: (error as Error).message });
    return [];
  }
}

/**
 * The top three categories and handlers for a description. A category with too few closed cases
 * to be learned (not among the model's labels) still comes from the keyword lists (cases/text.ts):
 * first when the model is unsure, third otherwise; alone when the county has no model yet.
 */
export async function suggestForIntake(
  db: Executor,
  tenantId: string,
  text: string,
  keywordCategory: string | null,
): Promise<IntakeSuggestion> {
  const models = await currentModels(db, tenantId);
  let categories = models.category ? predict(models.category.model, text) : [];
  const learned = models.category?.model.labels ?? [];
  if (keywordCategory && !learned.includes(keywordCategory)) {
    const keyword: StoredSuggestion = { label: keywordCategory, probability: 0, source: 'keywords' };
    const unsure = (categories[0]?.probability ?? 0) < KEYWORD_OVER_MODEL;
    categories = unsure ? [keyword, ...categories].slice(0, 3) : [...categories.slice(0, 2), keyword];
  }
  return {
    categories,
    departments: models.department ? predict(models.department.model, text) : [],
    categoryVersion: models.category?.version ?? null,
    departmentVersion: models.department?.version ?? null,
  };
}

export interface SuggestionRecord {
  caseId: string;
  tenantId: string;
  suggestion: IntakeSuggestion;
  /** The category the person filing the case chose themselves, if they did. */
  chosenCategory: string | null;
  actor: Actor | null;
  now: Date;
}

/**
 * Stores the suggestion with the new case (in its transaction). A category chosen by the person
 * filing is their decision on the suggestion. Returns the department to route the case to when the
 * county has auto-routing on and the model is at least as sure as the county's threshold.
 */
export async function recordSuggestion(trx: Executor, r: SuggestionRecord) {
  const { suggestion: s } = r;
  await repo.insertSuggestion(trx, {
    case_id: r.caseId,
    tenant_id: r.tenantId,
    categories: JSON.stringify(s.categories),
    departments: JSON.stringify(s.departments),
    category_model_version: s.categoryVersion,
    department_model_version: s.departmentVersion,
    created_at: r.now,
  });
  const top = s.categories[0];
  if (r.chosenCategory && top && r.actor?.kind === 'user')
    await outcome(trx, r.caseId, r.tenantId, 'category', top.label, r.chosenCategory, r.actor, r.now);
  const settings = await repo.settings(trx, r.tenantId);
  const best = s.departments[0];
  if (!settings?.auto_route || !best || best.source !== 'model' || best.label === COMMUNITY) return null;
  return best.probability >= settings.threshold ? { departmentId: best.label, probability: best.probability } : null;
}

async function outcome(
  trx: Executor,
  caseId: string,
  tenantId: string,
  kind: 'category' | 'department',
  suggested: string,
  chosen: string,
  actor: Actor,
  now: Date,
) {
  await repo.insertOutcome(trx, {
    id: newId(),
    tenant_id: tenantId,
    case_id: caseId,
    kind,
    suggested,
    chosen,
    outcome: suggested === chosen ? 'accepted' : 'corrected',
    decided_by: actor.userId,
    decided_at: now,
  });
}

/** The case went to `department` (an id) or stayed with the community: auto-routing and its audit row. */
export async function markAutoRouted(
  trx: Executor,
  c: { id: string; tenantId: string },
  route: { departmentId: string; probability: number },
  now: Date,
  actor: Actor,
) {
  await repo.markAutoRouted(trx, c.id);
  await recordAudit(
    trx,
    actor,
    {
      action: 'case.autoRoute',
      entityType: 'case',
      entityId: c.id,
      tenantId: c.tenantId,
      after: { department: route.departmentId, probability: route.probability },
    },
    now,
  );
}

/**
 * A person dispatched the case: their first choice is the outcome of the handler suggestion
 * (accepted when it is the top suggestion). The system's own dispatch (auto-routing) is no decision.
 */
export async function recordDispatchOutcome(
  trx: Executor,
  d: { caseId: string; tenantId: string; chosen: string; actor: Actor; now: Date },
) {
  if (d.actor.kind !== 'user') return;
  const stored = await repo.suggestionOf(trx, d.caseId);
  const top = stored?.departments[0];
  if (!top) return;
  await outcome(trx, d.caseId, d.tenantId, 'department', top.label, d.chosen, d.actor, d.now);
}
