import { recordAudit, type Executor } from '../../platform/audit.js';
import type { DispatchKind } from '../../platform/db/schema-dispatch.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { crossValidate, serializeModel, trainModel, type LabelledText } from './learner/index.js';
import * as repo from './repository.js';
import { COMMUNITY } from './suggest.js';

// Training a county's two models (category; handling department or community) from what the county
// decided: closed cases, cases a dispatcher already decided on (corrections count at once), and the
// hotline history it imported. Labels with too few examples are left to the keyword lists.

/** A label needs this many examples to be learned; below it the keyword lists answer. */
export const MIN_EXAMPLES_PER_LABEL = 3;
/** Cross-validated accuracy needs at least this many examples (5 folds of 4); fewer leave it null. */
export const MIN_EXAMPLES_TO_MEASURE = 20;
const MAX_EXAMPLES = 20_000;
const MAX_UNLABELLED = 5_000;
const KEEP_VERSIONS = 5;
const SEED = 42;

export interface Examples {
  category: LabelledText[];
  department: LabelledText[];
  unlabelled: string[];
}

const historyText = (h: { subject: string; body: string }) => (h.subject ? `${h.subject}\n${h.body}` : h.body);

export async function gatherExamples(db: Executor, tenantId: string, limit = MAX_EXAMPLES): Promise<Examples> {
  const [cases, history, unlabelled] = await Promise.all([
    repo.learnableCases(db, tenantId, limit),
    repo.historyRows(db, tenantId, limit),
    repo.recentDescriptions(db, tenantId, Math.min(limit, MAX_UNLABELLED)),
  ]);
  const category: LabelledText[] = [];
  const department: LabelledText[] = [];
  for (const c of cases) {
    if (c.category_code && c.category_code !== 'other') category.push({ text: c.description, label: c.category_code });
    const handler =
      c.chosen_department ??
      (c.assignee_kind === 'department' ? c.assignee_department_id : c.assignee_kind ? COMMUNITY : null);
    if (handler) department.push({ text: c.description, label: handler });
  }
  for (const h of history) {
    if (h.category_code) category.push({ text: historyText(h), label: h.category_code });
    if (h.department_id) department.push({ text: historyText(h), label: h.department_id });
  }
  return { category, department, unlabelled };
}

/** The examples of labels seen often enough; null when fewer than two such labels remain. */
export function learnable(examples: LabelledText[]): LabelledText[] | null {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const kept = examples.filter((e) => counts.get(e.label)! >= MIN_EXAMPLES_PER_LABEL);
  const labels = new Set(kept.map((e) => e.label));
  return labels.size >= 2 ? kept : null;
}

export interface TrainedModel {
  kind: DispatchKind;
  version: number;
  trainingSize: number;
  labels: number;
  top1: number | null;
  top3: number | null;
}

/** Learns one model; the caller stores it. CPU-bound: run outside a long-held transaction when possible. */
export function fit(examples: LabelledText[], unlabelled: string[]) {
  const model = trainModel(examples, { seed: SEED, unlabelledTexts: unlabelled });
  const measured =
    examples.length >= MIN_EXAMPLES_TO_MEASURE ? crossValidate(examples, { folds: 5, seed: SEED }) : null;
  return { model, top1: measured?.top1 ?? null, top3: measured?.top3 ?? null };
}

async function store(
  trx: Executor,
  tenantId: string,
  kind: DispatchKind,
  fitted: ReturnType<typeof fit>,
  size: number,
  actor: Actor,
  now: Date,
): Promise<TrainedModel> {
  await repo.lockTraining(trx, tenantId, kind);
  const current = (await repo.currentVersions(trx, tenantId)).find((v) => v.kind === kind);
  const version = Number(current?.version ?? 0) + 1;
  const labels = fitted.model.labels.length;
  await repo.insertModel(trx, {
    id: newId(),
    tenant_id: tenantId,
    kind,
    version,
    model: serializeModel(fitted.model).toString('base64'),
    training_size: size,
    labels,
    top1: fitted.top1,
    top3: fitted.top3,
    trained_at: now,
    trained_by: actor.userId,
  });
  await repo.pruneModels(trx, tenantId, kind, version - KEEP_VERSIONS + 1);
  const trained = { kind, version, trainingSize: size, labels, top1: fitted.top1, top3: fitted.top3 };
  await recordAudit(
    trx,
    actor,
    {
      action: 'dispatch.train',
      entityType: 'dispatch_model',
      entityId: `${kind}:${version}`,
      tenantId,
      after: trained,
    },
    now,
  );
  return trained;
}

/**
 * Trains both models of a county from what it has now and stores them as new versions. A kind
 * with too little to learn from keeps its previous model (or none) and answers null.
 */
export async function trainCounty(
  db: Executor,
  inTransaction: <T>(work: (trx: Executor) => Promise<T>) => Promise<T>,
  tenantId: string,
  actor: Actor,
  now: Date,
  options: { maxExamples?: number } = {},
): Promise<Record<DispatchKind, TrainedModel | null>> {
  const examples = await gatherExamples(db, tenantId, options.maxExamples);
  const result: Record<DispatchKind, TrainedModel | null> = { category: null, department: null };
  for (const kind of ['category', 'department'] as const) {
    const kept = learnable(examples[kind]);
    if (!kept) continue;
    const fitted = fit(kept, examples.unlabelled);
    result[kind] = await inTransaction((trx) => store(trx, tenantId, kind, fitted, kept.length, actor, now));
  }
  return result;
}
