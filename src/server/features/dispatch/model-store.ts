import type { Executor } from '../../platform/audit.js';
import type { DispatchKind } from '../../platform/db/schema-dispatch.js';
import { deserializeModel, type DispatchModel } from './learner/index.js';
import * as repo from './repository.js';

// The county's current models, loaded once per process and version: an intake reads one small row
// (the newest version numbers) and predicts from memory; a new training's version is loaded on the
// next intake, in every process, without a message between them.

const cache = new Map<string, { version: number; model: DispatchModel }>();

export interface CurrentModels {
  category: { version: number; model: DispatchModel } | null;
  department: { version: number; model: DispatchModel } | null;
}

async function load(db: Executor, tenantId: string, kind: DispatchKind, version: number | undefined) {
  if (version === undefined) return null;
  const key = `${tenantId}:${kind}`;
  const cached = cache.get(key);
  if (cached?.version === version) return cached;
  const row = await repo.modelBytes(db, tenantId, kind, version);
  if (!row) return null;
  const loaded = { version, model: deserializeModel(Buffer.from(row.model, 'base64')) };
  cache.set(key, loaded);
  return loaded;
}

export async function currentModels(db: Executor, tenantId: string): Promise<CurrentModels> {
  const versions = new Map((await repo.currentVersions(db, tenantId)).map((v) => [v.kind, Number(v.version)]));
  return {
    category: await load(db, tenantId, 'category', versions.get('category')),
    department: await load(db, tenantId, 'department', versions.get('department')),
  };
}
