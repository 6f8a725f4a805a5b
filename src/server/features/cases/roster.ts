import { z } from '@hono/zod-openapi';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { newId } from '../../platform/ids.js';
import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { inScope, isUnder, scopeOf } from '../../platform/scope.js';
import { findByCode } from '../places/repository.js';
import { DutyRosterEntrySchema, SmsOutboxPageSchema } from './schemas.js';

// 值班表: who gets the SMS of a community's new cases, by weekday; and the SMS outbox staff can read.

const Weekdays = z.array(z.number().int().min(1).max(7)).min(1).max(7);

export function createRosterService({ db, clock }: { db: Db; clock: Clock }) {
  async function community(actor: Actor, code: string, permission: 'cases:read' | 'cases:configure') {
    const place = await findByCode(db, code);
    if (!place || place.kind !== 'community') throw new AppError('NOT_FOUND');
    assertInScope(actor, permission, place.path);
    return place;
  }
  return {
    async list(actor: Actor, communityCode: string) {
      const place = await community(actor, communityCode, 'cases:read');
      const rows = await db
        .selectFrom('duty_roster as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.id', 'r.weekdays', 'u.id as user_id', 'u.display_name', 'u.phone_masked'])
        .where('r.community_id', '=', place.id)
        .orderBy('u.display_name')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        user: { id: r.user_id, name: r.display_name, phone: r.phone_masked },
        weekdays: r.weekdays,
      }));
    },
    async set(actor: Actor, input: { communityCode: string; userId: string; weekdays: number[] }) {
      const place = await community(actor, input.communityCode, 'cases:configure');
      const paths = await db
        .selectFrom('memberships as m')
        .innerJoin('places as p', 'p.id', 'm.place_id')
        .select('p.path')
        .where('m.user_id', '=', input.userId)
        .execute();
      // Someone working in the community, or an officer above it.
      const member = paths.some((p) => isUnder(p.path, place.path) || isUnder(place.path, p.path));
      if (!member)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'userId', message: 'this person does not work in the community' }],
        });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('duty_roster')
          .values({
            id: newId(),
            tenant_id: place.tenant_id!,
            community_id: place.id,
            user_id: input.userId,
            weekdays: input.weekdays,
            created_at: now,
          })
          .onConflict((oc) => oc.columns(['community_id', 'user_id']).doUpdateSet({ weekdays: input.weekdays }))
          .execute();
        await recordAudit(
          trx,
          actor,
          {
            action: 'roster.set',
            entityType: 'community',
            entityId: place.code,
            tenantId: place.tenant_id,
            after: input,
          },
          now,
        );
      });
    },
    async remove(actor: Actor, id: string) {
      const row = await db
        .selectFrom('duty_roster as r')
        .innerJoin('places as p', 'p.id', 'r.community_id')
        .select(['r.id', 'p.path', 'p.code', 'r.tenant_id'])
        .where('r.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      assertInScope(actor, 'cases:configure', row.path);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('duty_roster').where('id', '=', id).execute();
        await recordAudit(
          trx,
          actor,
          {
            action: 'roster.remove',
            entityType: 'community',
            entityId: row.code,
            tenantId: row.tenant_id,
            before: { id },
          },
          now,
        );
      });
    },
    /** The messages about the places the actor dispatches for, like every list. */
    async outbox(actor: Actor, page: { page: number; pageSize: number }) {
      assertPermission(actor, 'cases:dispatch');
      // Messages about no place (residents' login codes) are shown to county administrators only.
      const loose = can(actor, 'users:manage') && actor.tenantId !== null;
      const base = db
        .selectFrom('sms_outbox')
        .where((eb) =>
          eb.or([
            inScope('place_path', scopeOf(actor, 'cases:dispatch')),
            ...(loose
              ? [
                  eb.and([
                    eb('place_path', 'is', null),
                    eb.or([eb('tenant_id', '=', actor.tenantId!), eb('tenant_id', 'is', null)]),
                  ]),
                ]
              : []),
          ]),
        );
      const [rows, total] = await Promise.all([
        base
          .select(['id', 'to_masked', 'template', 'body', 'status', 'provider', 'created_at', 'sent_at', 'case_id'])
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .offset((page.page - 1) * page.pageSize)
          .limit(page.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to_masked,
          template: r.template,
          body: r.body,
          status: r.status,
          provider: r.provider,
          caseId: r.case_id,
          createdAt: new Date(r.created_at).toISOString(),
          sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        })),
        total: Number(total.n),
      };
    },
  };
}

const tags = ['cases'];
const listRoute = authRoute({
  method: 'get',
  path: '/duty-roster',
  tags,
  summary: 'On-duty roster of a community',
  request: { query: z.object({ community: z.string().regex(/^\d{12}$/) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DutyRosterEntrySchema) })), ...errorResponses },
});
const setRoute = authRoute({
  method: 'put',
  path: '/duty-roster',
  tags,
  summary: 'Put someone on duty (weekdays 1–7, Monday = 1)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ communityCode: z.string().regex(/^\d{12}$/), userId: z.uuid(), weekdays: Weekdays }),
        },
      },
      required: true,
    },
  },
  responses: { 204: { description: 'Saved' }, ...errorResponses },
});
const removeRoute = authRoute({
  method: 'delete',
  path: '/duty-roster/{id}',
  tags,
  summary: 'Take someone off the roster',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
});
const outboxRoute = authRoute({
  method: 'get',
  path: '/sms-outbox',
  tags,
  summary: 'SMS sent by the platform (numbers masked)',
  request: {
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: jsonContent(SmsOutboxPageSchema), ...errorResponses },
});

export function rosterRoutes(service: ReturnType<typeof createRosterService>) {
  return createRouter()
    .openapi(listRoute, async (c) =>
      c.json({ items: await service.list(actorOf(c), c.req.valid('query').community) }, 200),
    )
    .openapi(setRoute, async (c) => {
      await service.set(actorOf(c), c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(removeRoute, async (c) => {
      await service.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(outboxRoute, async (c) => c.json(await service.outbox(actorOf(c), c.req.valid('query')), 200));
}
