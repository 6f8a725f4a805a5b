import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { newId, randomToken } from '../../platform/ids.js';
import { assertPermission, type Actor } from '../../platform/policy.js';
import { county } from './repository.js';
import { text } from '../../platform/text-schema.js';
import { ApiKeySchema, IssuedApiKeySchema } from './schemas.js';

// API keys for Open311 clients: issued and revoked by an administrator; only a hash is kept.
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function createApiKeys({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async create(actor: Actor, input: { name: string; tenantId?: string }) {
      if (actor.kind !== 'system') assertPermission(actor, 'users:manage');
      const tenantId = input.tenantId ?? actor.tenantId;
      // A key files cases only in its county, so the county must be one that exists.
      if (!tenantId || !(await county(db, tenantId))) throw new AppError('SCOPE_UNKNOWN', { tenant: tenantId ?? null });
      const key = `ll_${randomToken(24)}`;
      const id = newId();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('api_keys')
          .values({
            id,
            tenant_id: tenantId,
            name: input.name,
            prefix: key.slice(0, 10),
            key_hash: hashKey(key),
            created_by: actor.userId,
            created_at: now,
          })
          .execute();
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
      assertPermission(actor, 'users:manage');
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('tenant_id', '=', actor.tenantId ?? '')
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        createdAt: new Date(r.created_at).toISOString(),
        revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      }));
    },
    async revoke(actor: Actor, id: string) {
      assertPermission(actor, 'users:manage');
      const row = await db.selectFrom('api_keys').select(['id', 'tenant_id']).where('id', '=', id).executeTakeFirst();
      if (!row || row.tenant_id !== actor.tenantId) throw new AppError('NOT_FOUND');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
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
      const row = await db
        .selectFrom('api_keys')
        .select(['tenant_id', 'revoked_at'])
        .where('key_hash', '=', hashKey(key))
        .executeTakeFirst();
      return row && !row.revoked_at ? row.tenant_id : null;
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;

const list = authRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['open311'],
  summary: 'Open311 API keys of your county',
  responses: { 200: jsonContent(z.object({ items: z.array(ApiKeySchema) })), ...errorResponses },
});
const create = authRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['open311'],
  summary: 'Issue an Open311 API key (shown once)',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ name: text({ min: 1, max: 60 }) }) } },
      required: true,
    },
  },
  responses: {
    201: jsonContent(IssuedApiKeySchema, 'Issued'),
    ...errorResponses,
  },
});
const revoke = authRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['open311'],
  summary: 'Revoke an API key',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses },
});

export function apiKeyRoutes(keys: ApiKeys) {
  return createRouter()
    .openapi(list, async (c) => c.json({ items: await keys.list(actorOf(c)) }, 200))
    .openapi(create, async (c) => c.json(await keys.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(revoke, async (c) => {
      await keys.revoke(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
