import { recordAudit } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { assertInScope, assertPermission, holdsCountyWide, type Actor } from '../../../platform/policy.js';
import { isUnder, scopeOf } from '../../../platform/scope.js';
import { findByCode } from '../../places/index.js';
import * as repo from './repository.js';

// 值班表: who gets the SMS of a community's new cases, by weekday; and the SMS outbox staff can read.

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
      const rows = await repo.rosterOf(db, place.id);
      return rows.map((r) => ({
        id: r.id,
        user: { id: r.user_id, name: r.display_name, phone: r.phone_masked },
        weekdays: r.weekdays,
      }));
    },
    async set(actor: Actor, input: { communityCode: string; userId: string; weekdays: number[] }) {
      const place = await community(actor, input.communityCode, 'cases:configure');
      const paths = await repo.membershipPaths(db, input.userId);
      // Someone working in the community, or an officer above it.
      const member = paths.some((p) => isUnder(p.path, place.path) || isUnder(place.path, p.path));
      if (!member) throw invalid('userId', 'notCommunityStaff');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.putOnRoster(trx, {
          id: newId(),
          tenant_id: place.tenant_id!,
          community_id: place.id,
          user_id: input.userId,
          weekdays: input.weekdays,
          created_at: now,
        });
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
      const row = await repo.rosterEntry(db, id);
      if (!row) throw new AppError('NOT_FOUND');
      assertInScope(actor, 'cases:configure', row.path);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.removeFromRoster(trx, id);
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
    outbox: (actor: Actor, page: { page: number; pageSize: number }) => outbox(db, actor, page),
  };
}

/** The messages about the places the actor dispatches for, like every list. */
export async function outbox(db: Db, actor: Actor, page: { page: number; pageSize: number }) {
  assertPermission(actor, 'cases:dispatch');
  // Messages about no place (residents' login codes) are shown to county administrators only.
  const loose = holdsCountyWide(actor, 'users:manage') && actor.tenantId !== null;
  const { rows, total } = await repo.outboxPage(
    db,
    { scope: scopeOf(actor, 'cases:dispatch'), looseTenantId: loose ? actor.tenantId! : null },
    { offset: (page.page - 1) * page.pageSize, limit: page.pageSize },
  );
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
    total,
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
