import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { assertMayManageApiKeys, isOwnCountyKey } from './policy.js';
import * as repo from './repository.js';

// API keys for Open311 clients: issued and revoked by an administrator; only a hash is kept.
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function createApiKeys({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async create(actor: Actor, input: { name: string; tenantId?: string }) {
      assertMayManageApiKeys(actor);
      const tenantId = input.tenantId ?? actor.tenantId;
      // A key files cases only in its county, so the county must be one that exists.
      if (!tenantId || !(await repo.county(db, tenantId)))
        throw new AppError('SCOPE_UNKNOWN', { tenant: tenantId ?? null });
      const key = `ll_${randomToken(24)}`;
      const id = newId();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.insertApiKey(trx, {
          id,
          tenantId,
          name: input.name,
          prefix: key.slice(0, 10),
          keyHash: hashKey(key),
          createdBy: actor.userId,
          now,
        });
        await recordAudit(
          trx,
          actor,
          {
            action: 'apikey.create',
            entityType: 'api_key',
            entityId: id,
            tenantId,
            after: { name: input.name, prefix: key.slice(0, 10) },
          },
          now,
        );
      });
      return { id, key, prefix: key.slice(0, 10) };
    },

    async list(actor: Actor) {
      assertMayManageApiKeys(actor);
      const rows = await repo.listApiKeys(db, actor.tenantId ?? '');
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        createdAt: new Date(r.created_at).toISOString(),
        revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      }));
    },

    async revoke(actor: Actor, id: string) {
      assertMayManageApiKeys(actor);
      const row = await repo.findApiKey(db, id);
      if (!row || !isOwnCountyKey(actor, row)) throw new AppError('NOT_FOUND');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.revokeApiKey(trx, id, now);
        await recordAudit(
          trx,
          actor,
          { action: 'apikey.revoke', entityType: 'api_key', entityId: id, tenantId: row.tenant_id },
          now,
        );
      });
    },

    /** The tenant a live key belongs to, or null. */
    async verify(key: string): Promise<string | null> {
      const row = await repo.findApiKeyByHash(db, hashKey(key));
      return row && !row.revoked_at ? row.tenant_id : null;
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;
