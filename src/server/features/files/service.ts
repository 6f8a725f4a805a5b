import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertPermission, can, type Actor } from '../../platform/policy.js';
import type { FileStorage } from '../../platform/storage.js';
import { photoTypes, sniffMime } from './content-type.js';
import * as repo from './repository.js';
import { canReadCase } from '../cases/access.js';
import { casePathsShowingFile } from '../cases/repository.js';

export interface FilesDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  config: { UPLOAD_MAX_MB: number };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createFilesService({ db, clock, storage, config }: FilesDeps) {
  async function store(bytes: Buffer, owner: { tenantId: string | null; userId: string | null }, clientId?: string) {
    if (bytes.length > config.UPLOAD_MAX_MB * 1024 * 1024) throw new AppError('UPLOAD_TOO_LARGE', { maxMb: config.UPLOAD_MAX_MB });
    const mime = await sniffMime(bytes);
    if (!mime || !photoTypes.has(mime)) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { detected: mime });
    const now = clock.now();
    const id = clientId ?? newId();
    const key = `${now.toISOString().slice(0, 7).replace('-', '/')}/${id}`;
    await storage.put(key, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await repo.insertFile(db, { id, tenant_id: owner.tenantId, mime, size_bytes: bytes.length, sha256, storage_key: key, uploaded_by: owner.userId, created_at: now });
    return { id, mime, size: bytes.length };
  }

  return {
    /** A photo sent with the public report form: no uploader, the form's own limits apply. */
    storePublicPhoto: (bytes: Buffer, tenantId: string | null) => store(bytes, { tenantId, userId: null }),

    /** Stores a photo. A client-made id makes the upload safe to retry from an offline queue. */
    async uploadPhoto(actor: Actor, bytes: Buffer, clientId?: string) {
      assertPermission(actor, 'files:write');
      if (bytes.length > config.UPLOAD_MAX_MB * 1024 * 1024) throw new AppError('UPLOAD_TOO_LARGE', { maxMb: config.UPLOAD_MAX_MB });
      if (clientId !== undefined && !uuidPattern.test(clientId)) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'id', message: 'must be a UUID' }] });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (clientId) {
        const existing = await repo.findFile(db, clientId);
        if (existing) {
          if (existing.uploaded_by !== actor.userId || existing.sha256 !== sha256) throw new AppError('VISIT_ID_TAKEN');
          return { id: existing.id, mime: existing.mime, size: existing.size_bytes };
        }
      }
      return store(bytes, { tenantId: actor.tenantId, userId: actor.userId }, clientId);
    },

    /** The uploader, and whoever may read a visit log or a case that shows the photo, may see it. */
    async read(actor: Actor, id: string) {
      const file = uuidPattern.test(id) ? await repo.findFile(db, id) : undefined;
      if (!file) throw new AppError('NOT_FOUND');
      const allowed = file.uploaded_by === actor.userId
        || (await repo.visitPathsShowing(db, id)).some((p) => can(actor, 'visits:read', p))
        || (await casePathsShowingFile(db, id)).some((c) => canReadCase(actor, c));
      if (!allowed) throw new AppError('NOT_FOUND');
      const bytes = await storage.get(file.storage_key);
      if (!bytes) throw new AppError('NOT_FOUND');
      return { bytes, mime: file.mime };
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
