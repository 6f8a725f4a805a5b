import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertPermission, type Actor } from '../../platform/policy.js';
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

export function createFilesService({ db, clock, storage, config }: FilesDeps) {
  /** Size and content (magic bytes) of a photo, judged before anything is stored. */
  async function checkPhoto(bytes: Buffer) {
    if (bytes.length > config.UPLOAD_MAX_MB * 1024 * 1024)
      throw new AppError('UPLOAD_TOO_LARGE', { maxMb: config.UPLOAD_MAX_MB });
    const mime = await sniffMime(bytes);
    if (!mime || !photoTypes.has(mime)) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { detected: mime });
    return { mime, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /**
   * The row first, then the object: every stored object has a row, so the orphan sweep finds all
   * of them; an object that could not be written takes its row with it.
   */
  async function store(bytes: Buffer, owner: { tenantId: string | null; userId: string | null }, clientId?: string) {
    const { mime, sha256 } = await checkPhoto(bytes);
    const now = clock.now();
    const id = clientId ?? newId();
    const key = `${now.toISOString().slice(0, 7).replace('-', '/')}/${id}`;
    await repo.insertFile(db, {
      id,
      tenant_id: owner.tenantId,
      mime,
      size_bytes: bytes.length,
      sha256,
      storage_key: key,
      uploaded_by: owner.userId,
      created_at: now,
    });
    try {
      await storage.put(key, bytes);
    } catch (error) {
      await repo.deleteFiles(db, [id]);
      throw error;
    }
    return { id, mime, size: bytes.length };
  }

  /** Removes files stored by a request that then failed: objects first, so a crash leaves rows the sweep takes. */
  async function discard(ids: string[]) {
    const files = await repo.findFiles(db, ids);
    for (const f of files) await storage.delete(f.storage_key);
    await repo.deleteFiles(
      db,
      files.map((f) => f.id),
    );
  }

  return {
    discard,

    /**
     * The photos sent with the public report form: all are checked before any is stored, and none
     * stays when one cannot be stored. No uploader; the form's own limits apply.
     */
    async storePublicPhotos(photos: Buffer[], tenantId: string | null) {
      for (const bytes of photos) await checkPhoto(bytes);
      const ids: string[] = [];
      try {
        for (const bytes of photos) ids.push((await store(bytes, { tenantId, userId: null })).id);
      } catch (error) {
        await discard(ids);
        throw error;
      }
      return ids;
    },

    /** Stores a photo. A client-made id makes the upload safe to retry from an offline queue. */
    async uploadPhoto(actor: Actor, bytes: Buffer, clientId?: string) {
      assertPermission(actor, 'files:write');
      if (bytes.length > config.UPLOAD_MAX_MB * 1024 * 1024)
        throw new AppError('UPLOAD_TOO_LARGE', { maxMb: config.UPLOAD_MAX_MB });
      if (clientId !== undefined && !uuidPattern.test(clientId))
        throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'id', message: 'must be a UUID' }] });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (clientId) {
        const existing = await repo.findFile(db, clientId);
        if (existing) {
          if (existing.uploaded_by !== actor.userId || existing.sha256 !== sha256) throw new AppError('VISIT_ID_TAKEN');
          await storage.put(existing.storage_key, bytes); // the first try may have stopped between row and object
          return { id: existing.id, mime: existing.mime, size: existing.size_bytes };
        }
      }
      return store(bytes, { tenantId: actor.tenantId, userId: actor.userId }, clientId);
    },

    /** Whoever may read it (files/access.ts); anyone else gets 404, as for a file that does not exist. */
    async read(actor: Actor, id: string) {
      const file = uuidPattern.test(id) ? await repo.findFile(db, id) : undefined;
      if (!file || !(await canReadFile(db, actor, file))) throw new AppError('NOT_FOUND');
      const bytes = await storage.get(file.storage_key);
      if (!bytes) throw new AppError('NOT_FOUND');
      return { bytes, mime: file.mime };
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
