import type { Executor } from '../../platform/audit.js';
import type { DispatchKind } from '../../platform/db/schema-dispatch.js';
import { deserializeModel, type DispatchModel } from './learner/index.js';
import * as repo from './repository.js';

// The county's current models, loaded once per process: an intake reads one small list (the kept
// models' ids, newest first) and predicts from memory; a new training's model is loaded on the next
// intake, in every process, without a message between them. Cached by the model row's id (UUIDv7),
// which no other database or training shares.

const cache = new Map<string, DispatchModel>();
const MAX_CACHED = 200;

export interface LoadedModel {
  version: number;
  model: DispatchModel;
}
export type CurrentModels = Record<DispatchKind, LoadedModel | null>;

async function load(db: Executor, row: { id: string; version: number } | undefined): Promise<LoadedModel | null> {
  if (!row) return null;
  let model = cache.get(row.id);
  if (!model) {
    const found = await repo.modelById(db, row.id);
    if (!found) return null;
    model = deserializeModel(Buffer.from(found.model, 'base64'));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(row.id, model);
  }
  return { version: row.version, model };
}

export async function currentModels(db: Executor, tenantId: string): Promise<CurrentModels> {
  const rows = await repo.modelIds(db, tenantId);
  return {
    category: await load(
      db,
      rows.find((r) => r.kind === 'category'),
    ),
    department: await load(
      db,
      rows.find((r) => r.kind === 'department'),
    ),
  };
}
