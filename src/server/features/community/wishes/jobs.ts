import { z } from 'zod';
import { recordAudit } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/audit.js';
import { defineJob, queueJob, type JobDefinition } from '../../../platform/jobs.js';
import { systemActor } from '../../../platform/policy.js';
import { wishTransition } from './lifecycle.js';
import * as repo from './repository.js';

// 圆梦期限: a claimed wish not fulfilled by its deadline goes back on the wall (the claim lapses).
// Queued when the wish is claimed; a job for an older claim (given up and claimed again) does nothing.

export const wishClaimExpiry = defineJob({
  kind: 'wishes.claimExpiry',
  payload: z.object({ wishId: z.string().min(1), claimedAt: z.iso.datetime() }),
  handler: async (trx, { wishId, claimedAt }, { now }) => expireClaim(trx, wishId, claimedAt, now),
});

export async function scheduleClaimExpiry(trx: Executor, clock: Clock, wishId: string, claimedAt: Date, due: Date) {
  await queueJob(
    trx,
    clock,
    wishClaimExpiry,
    { wishId, claimedAt: claimedAt.toISOString() },
    { runAt: due, dedupeKey: `wish-claim:${wishId}:${claimedAt.toISOString()}` },
  );
}

export async function expireClaim(trx: Executor, wishId: string, claimedAt: string, now: Date) {
  const wish = await repo.lockWish(trx, wishId);
  if (!wish || !wish.claimed_at || new Date(wish.claimed_at).toISOString() !== claimedAt) return;
  const t = wishTransition(wish.state, 'expire');
  if (!t || (wish.fulfil_due_at && new Date(wish.fulfil_due_at) > now)) return;
  await repo.updateWish(trx, wishId, {
    state: t.to,
    claimed_by: null,
    claimer_organisation_id: null,
    claimed_at: null,
    fulfil_due_at: null,
    updated_at: now,
  });
  await recordAudit(
    trx,
    systemActor(),
    {
      action: 'wish.expire',
      entityType: 'community_wish',
      entityId: wishId,
      tenantId: wish.tenant_id,
      before: { claimedBy: wish.claimed_by, organisationId: wish.claimer_organisation_id },
    },
    now,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs with different payloads
export const wishesJobs = (): JobDefinition<any>[] => [wishClaimExpiry];
