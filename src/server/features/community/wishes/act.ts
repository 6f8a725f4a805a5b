import { wishFulfilDays } from '../../../../shared/community-wishes.js';
import { awardPoints } from '../../../platform/community/points.js';
import { homeCommunityOf, registryResidentsOf } from '../../../platform/community/person.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { isUnder } from '../../../platform/scope.js';
import { attachableFiles } from '../../files/index.js';
import { scheduleClaimExpiry } from './jobs.js';
import { proxyPostPaths } from './policy.js';
import * as repo from './repository.js';
import type { WishInputT } from './schemas.js';
import { allowedTransition, auditWish, loadWish, viewWish, wallSees, type WishesDeps } from './service.js';

// 微心愿, the operations: post (for oneself, or for a registry resident by a holder of wishes:post),
// review, claim (one claim only, also under concurrency), give up, fulfil with a photo (points to the
// claimer), thank, cancel. One transaction and one audit row each.

const DAY = 86_400_000;

interface Beneficiary {
  tenantId: string;
  path: string;
  name: string;
  residentId: string | null;
  userId: string | null;
}

/** 代发: the registry resident, who must live where the actor holds wishes:post. */
async function residentBeneficiary(deps: WishesDeps, actor: Actor, residentId: string): Promise<Beneficiary> {
  const resident = await repo.residentForWish(deps.db, residentId);
  if (!resident || !proxyPostPaths(actor).some((p) => isUnder(resident.household_path, p)))
    throw new AppError('WISH_RESIDENT_UNKNOWN');
  const { tenant_id: tenantId, household_path: path, name, id } = resident;
  return { tenantId, path, name, residentId: id, userId: null };
}

/** For oneself: one's registry household in the home community, else the community itself. */
async function selfBeneficiary(deps: WishesDeps, actor: Actor, userId: string): Promise<Beneficiary> {
  const home = await homeCommunityOf(deps.db, actor);
  if (!home) throw new AppError('HOME_COMMUNITY_REQUIRED');
  const record = (await registryResidentsOf(deps.db, userId)).find((r) => isUnder(r.household_path, home.path));
  const name = record?.name ?? (await repo.displayNameOf(deps.db, userId)) ?? '';
  return { tenantId: home.tenantId, path: record?.household_path ?? home.path, name, residentId: null, userId };
}

/** 许个心愿 / 代发心愿 */
export async function postWish(deps: WishesDeps, actor: Actor, input: WishInputT) {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const target = input.residentId
    ? await residentBeneficiary(deps, actor, input.residentId)
    : await selfBeneficiary(deps, actor, actor.userId);
  const community = await repo.communityHolding(deps.db, target.path);
  if (!community) throw new AppError('HOME_COMMUNITY_REQUIRED');
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await attachableFiles(trx, actor, input.photoIds, { field: 'photoIds' });
    await repo.insertWish(trx, {
      id,
      tenant_id: target.tenantId,
      community_id: community.id,
      place_path: target.path,
      category: input.category,
      content: input.content,
      photo_ids: input.photoIds,
      beneficiary_resident_id: target.residentId,
      beneficiary_user_id: target.userId,
      beneficiary_name: target.name,
      posted_by: actor.userId!,
      state: 'submitted',
      created_at: now,
      updated_at: now,
    });
    await auditWish(trx, actor, 'wish.post', { id, tenant_id: target.tenantId }, now, {
      category: input.category,
      residentId: target.residentId,
    });
  });
  return viewWish(deps.db, actor, id);
}

type SimpleAction = 'approve' | 'reject' | 'give_up' | 'cancel';
const stamps = (action: SimpleAction, actor: Actor, reason: string, now: Date) =>
  ({
    approve: { reviewed_by: actor.userId, reviewed_at: now, published_at: now },
    reject: { reviewed_by: actor.userId, reviewed_at: now, reject_reason: reason },
    give_up: { claimed_by: null, claimer_organisation_id: null, claimed_at: null, fulfil_due_at: null },
    cancel: { cancelled_at: now },
  })[action];

/** 审核 (approve / reject with a reason), 放弃认领, 撤回. */
export async function actOnWish(deps: WishesDeps, actor: Actor, id: string, action: SimpleAction, reason: string) {
  const { wish, home } = await loadWish(deps.db, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = { ...wish, ...(await repo.lockWish(trx, id))! };
    const t = allowedTransition(actor, current, action, wallSees(current, home));
    if (action === 'reject' && !reason) throw new AppError('WISH_REASON_REQUIRED');
    await repo.updateWish(trx, id, { state: t.to, updated_at: now, ...stamps(action, actor, reason, now) });
    await auditWish(trx, actor, `wish.${action}`, wish, now, action === 'reject' ? { reason } : undefined);
  });
  return viewWish(deps.db, actor, id);
}

/** 认领: by the actor, or by a unit they are the liaison of. One claim only. */
export async function claimWish(deps: WishesDeps, actor: Actor, id: string, organisationId: string | undefined) {
  const { wish, home } = await loadWish(deps.db, actor, id);
  if (organisationId) {
    const units = await repo.liaisonUnits(deps.db, actor.userId!);
    if (!units.some((u) => u.id === organisationId && u.tenant_id === wish.tenant_id))
      throw new AppError('WISH_UNIT_NOT_LIAISON');
  }
  if (wish.state !== 'published') throw new AppError('WISH_ALREADY_CLAIMED');
  allowedTransition(actor, wish, 'claim', wallSees(wish, home));
  const now = deps.clock.now();
  const due = new Date(now.getTime() + wishFulfilDays * DAY);
  await deps.db.transaction().execute(async (trx) => {
    const taken = await repo.claimWish(trx, id, {
      state: 'claimed',
      claimed_by: actor.userId,
      claimer_organisation_id: organisationId ?? null,
      claimed_at: now,
      fulfil_due_at: due,
      updated_at: now,
    });
    if (!taken) throw new AppError('WISH_ALREADY_CLAIMED');
    await scheduleClaimExpiry(trx, deps.clock, id, now, due);
    await auditWish(trx, actor, 'wish.claim', wish, now, { organisationId: organisationId ?? null, due });
  });
  return viewWish(deps.db, actor, id);
}

/** 圆梦: the claimer, with a photo; the claimer (person or unit) earns wish_fulfilled points. */
export async function fulfilWish(
  deps: WishesDeps,
  actor: Actor,
  id: string,
  input: { photoIds: string[]; note: string },
) {
  const { wish, home } = await loadWish(deps.db, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = { ...wish, ...(await repo.lockWish(trx, id))! };
    const t = allowedTransition(actor, current, 'fulfil', wallSees(current, home));
    await attachableFiles(trx, actor, input.photoIds, { field: 'photoIds' });
    await repo.updateWish(trx, id, {
      state: t.to,
      fulfil_photo_ids: input.photoIds,
      fulfil_note: input.note,
      fulfilled_at: now,
      updated_at: now,
    });
    const holder = current.claimer_organisation_id
      ? { organisationId: current.claimer_organisation_id }
      : { userId: current.claimed_by! };
    await awardPoints(
      trx,
      {
        tenantId: current.tenant_id,
        holder,
        communityId: current.community_id,
        rule: 'wish_fulfilled',
        source: { kind: 'wish', id },
        createdBy: actor.userId,
      },
      now,
    );
    await auditWish(trx, actor, 'wish.fulfil', wish, now, { photoIds: input.photoIds });
  });
  return viewWish(deps.db, actor, id);
}

/** 致谢: the beneficiary, or the poster on their behalf. */
export async function thankForWish(deps: WishesDeps, actor: Actor, id: string, message: string) {
  const { wish, home } = await loadWish(deps.db, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = { ...wish, ...(await repo.lockWish(trx, id))! };
    const t = allowedTransition(actor, current, 'thank', wallSees(current, home));
    await repo.updateWish(trx, id, { state: t.to, thanks_message: message, thanked_at: now, updated_at: now });
    await auditWish(trx, actor, 'wish.thank', wish, now);
  });
  return viewWish(deps.db, actor, id);
}

export const createWishActs = (deps: WishesDeps) => ({
  post: (actor: Actor, input: WishInputT) => postWish(deps, actor, input),
  act: (actor: Actor, id: string, action: SimpleAction, reason: string) => actOnWish(deps, actor, id, action, reason),
  claim: (actor: Actor, id: string, organisationId?: string) => claimWish(deps, actor, id, organisationId),
  fulfil: (actor: Actor, id: string, input: { photoIds: string[]; note: string }) => fulfilWish(deps, actor, id, input),
  thank: (actor: Actor, id: string, message: string) => thankForWish(deps, actor, id, message),
});
