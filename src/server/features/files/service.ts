import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { NO_COUNTY } from '../../platform/db/table-kinds.js';
import { forEveryCounty } from '../../platform/db/tenant-guard.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertPermission, can, type Actor } from '../../platform/policy.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import type { FileStorage } from '../../platform/storage.js';
import { photoTypes, sniffMime } from './content-type.js';
import { canReadFile } from './access.js';
import * as repo from './repository.js';

export interface FilesDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  config: { UPLOAD_MAX_MB: number };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const assertSize = ({ config }: FilesDeps, bytes: Buffer) => {
  if (bytes.length > config.UPLOAD_MAX_MB * 1024 * 1024)
    throw new AppError('UPLOAD_TOO_LARGE', { maxMb: config.UPLOAD_MAX_MB });
};

/** Photos, and PDF files (a resident's materials, a sample, a result): what a logged-in upload may be. */
export const uploadTypes = new Set([...photoTypes, 'application/pdf']);
/** A resident (a logged-in user without files:write) stores at most this many files an hour. */
export const residentUploadsPerHour = 30;

/** Size and content (magic bytes) of a photo (or of the `allowed` types), judged before anything is stored. */
async function checkPhoto(deps: FilesDeps, bytes: Buffer, allowed: ReadonlySet<string> = photoTypes) {
  assertSize(deps, bytes);
  const mime = await sniffMime(bytes);
  if (!mime || !allowed.has(mime)) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { detected: mime });
  return { mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The row first, then the object: every stored object has a row, so the orphan sweep finds all
 * of them; an object that could not be written takes its row with it.
 */
async function store(
  deps: FilesDeps,
  bytes: Buffer,
  owner: { tenantId: string | null; userId: string | null },
  clientId?: string,
  allowed: ReadonlySet<string> = photoTypes,
) {
  const { mime, sha256 } = await checkPhoto(deps, bytes, allowed);
  const now = deps.clock.now();
  const id = clientId ?? newId();
  const tenant = owner.tenantId ?? NO_COUNTY;
  // The county in the key too: a file id is unique by the app's check, not by the (id, tenant_id) key.
  const key = `${tenant}/${now.toISOString().slice(0, 7).replace('-', '/')}/${id}`;
  await repo.insertFile(deps.db, {
    id,
    tenant_id: tenant,
    mime,
    size_bytes: bytes.length,
    sha256,
    storage_key: key,
    uploaded_by: owner.userId,
    created_at: now,
  });
  try {
    await deps.storage.put(key, bytes);
  } catch (error) {
    await repo.deleteFiles(deps.db, [id]);
    throw error;
  }
  return { id, mime, size: bytes.length };
}

/** Removes files stored by a request that then failed: objects first, so a crash leaves rows the sweep takes. */
async function discard({ db, storage }: FilesDeps, ids: string[]) {
  const files = await repo.findFiles(db, ids);
  for (const f of files) await storage.delete(f.storage_key);
  await repo.deleteFiles(
    db,
    files.map((f) => f.id),
  );
}

/**
 * The photos sent with the public report form: all are checked before any is stored, and none
 * stays when one cannot be stored. No uploader; the form's own limits apply.
 */
async function storePublicPhotos(deps: FilesDeps, photos: Buffer[], tenantId: string | null) {
  for (const bytes of photos) await checkPhoto(deps, bytes);
  const ids: string[] = [];
  try {
    for (const bytes of photos) ids.push((await store(deps, bytes, { tenantId, userId: null })).id);
  } catch (error) {
    await discard(deps, ids);
    throw error;
  }
  return ids;
}

/**
 * Stores a photo or a PDF file, owned by the uploader. Staff (files:write) as before; a resident
 * logged in by phone code too (her application's materials), at most `residentUploadsPerHour` an
 * hour. A client-made id makes the upload safe to retry from an offline queue.
 */
async function uploadPhoto(deps: FilesDeps, actor: Actor, bytes: Buffer, clientId?: string) {
  if (!can(actor, 'files:write')) {
    if (actor.kind !== 'user' || !actor.userId) assertPermission(actor, 'files:write');
    await hitRateLimit(deps.db, `upload:${actor.userId}`, residentUploadsPerHour, 3_600_000, deps.clock.now());
  }
  assertSize(deps, bytes);
  if (clientId !== undefined && !uuidPattern.test(clientId)) throw invalid('id', 'uuid');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (clientId) {
    // Every county's files: under the tenant guard another county's file with this id would be unseen,
    // and a second row with the same id would be stored (the key is (id, tenant_id) since 0054).
    const existing = await forEveryCounty(() => repo.findFile(deps.db, clientId));
    if (existing) {
      if (existing.uploaded_by !== actor.userId || existing.sha256 !== sha256) throw new AppError('VISIT_ID_TAKEN');
      await deps.storage.put(existing.storage_key, bytes); // the first try may have stopped between row and object
      return { id: existing.id, mime: existing.mime, size: existing.size_bytes };
    }
  }
  return store(deps, bytes, { tenantId: actor.tenantId, userId: actor.userId }, clientId, uploadTypes);
}

/** Whoever may read it (files/access.ts); anyone else gets 404, as for a file that does not exist. */
async function read({ db, storage }: FilesDeps, actor: Actor, id: string) {
  const file = uuidPattern.test(id) ? await repo.findFile(db, id) : undefined;
  if (!file || !(await canReadFile(db, actor, file))) throw new AppError('NOT_FOUND');
  const bytes = await storage.get(file.storage_key);
  if (!bytes) throw new AppError('NOT_FOUND');
  return { bytes, mime: file.mime };
}

// Files attached to nothing: photos of a report that never came (a crash between upload and case, a
// form abandoned after its photos went up), monthly reports made again. A day's grace covers the
// grid worker's offline queue, which uploads a photo first and sends its case a little later.
export const orphanGraceMs = 86_400_000;
const sweepBatch = 500;

/**
 * Deletes the orphans older than the grace: the rows in the caller's transaction and their objects
 * right after; should the commit then fail, the rows come back without objects and the next sweep
 * takes them (deleting nothing is no error).
 */
export async function sweepOrphans(trx: Executor, storage: FileStorage, now: Date) {
  const before = new Date(now.getTime() - orphanGraceMs);
  for (;;) {
    const keys = await repo.deleteOrphans(trx, before, sweepBatch);
    for (const key of keys) await storage.delete(key);
    if (keys.length < sweepBatch) break;
  }
}

export function createFilesService(deps: FilesDeps) {
  return {
    discard: (ids: string[]) => discard(deps, ids),
    storePublicPhotos: (photos: Buffer[], tenantId: string | null) => storePublicPhotos(deps, photos, tenantId),
    uploadPhoto: (actor: Actor, bytes: Buffer, clientId?: string) => uploadPhoto(deps, actor, bytes, clientId),
    read: (actor: Actor, id: string) => read(deps, actor, id),
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
