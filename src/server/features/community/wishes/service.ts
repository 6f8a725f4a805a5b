import { wishFulfilDays, wishWallStates, type WishAction } from '../../../../shared/community-wishes.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { awardPoints } from '../../../platform/community/points.js';
import { homeCommunityOf, registryResidentsOf, type HomeCommunity } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { isUnder } from '../../../platform/scope.js';
import type { FileStorage } from '../../../platform/storage.js';
import { attachableFiles } from '../../files/index.js';
import { scheduleClaimExpiry } from './jobs.js';
import { wishTransition } from './lifecycle.js';
import { assertSees, isStaffOver, mayReview, partiesOf, proxyPostPaths, wishesScopeOf } from './policy.js';
import { presentWish, type WishRow } from './present.js';
import * as repo from './repository.js';
import type { WishInputT } from './schemas.js';
import { resolveUnderEither } from './under.js';

// 微心愿: post (for oneself, or for a registry resident by a holder of wishes:post), review, the wall,
// claim (one claim only, also under concurrency), give up, fulfil with a photo (points to the
// claimer), thank, cancel. One transaction and one audit row per operation.

export interface WishesDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
}

const DAY = 86_400_000;

function wallSees(w: { community_id: string; state: string }, home: HomeCommunity | null) {
  return home !== null && home.id === w.community_id && wishWallStates.includes(w.state as never);
}

/** The actor may see the wish at all: staff of its place, its parties, or the wall of their community. */
function sees(actor: Actor, w: WishRow, home: HomeCommunity | null) {
  const me = actor.userId;
  return (
    isStaffOver(actor, w.place_path) ||
    mayReview(actor, w.place_path) ||
    (me !== null && [w.posted_by, w.beneficiary_user_id, w.claimed_by].includes(me)) ||
    wallSees(w, home)
  );
}

export function createWishesService(deps: WishesDeps) {
  const { db, clock } = deps;

  async function load(actor: Actor, id: string) {
    const wish = await repo.findWish(db, id);
    if (!wish) throw new AppError('NOT_FOUND');
    const home = await homeCommunityOf(db, actor);
    assertSees(sees(actor, wish, home));
    return { wish, home };
  }

  async function view(actor: Actor, id: string) {
    const { wish, home } = await load(actor, id);
    const credited = wish.fulfilled_at ? Number((await repo.pointsForWish(db, id)).total) : null;
    return presentWish(wish, actor, wallSees(wish, home), credited);
  }

  const audit = (
    actor: Actor,
    trx: Parameters<typeof recordAudit>[0],
    action: string,
    wish: { id: string; tenant_id: string },
    after?: unknown,
  ) =>
    recordAudit(
      trx,
      actor,
      { action, entityType: 'community_wish', entityId: wish.id, tenantId: wish.tenant_id, after },
      clock.now(),
    );

  /** The transition if this actor is a party allowed to take it, else WISH_ACTION_NOT_ALLOWED. */
  function allowed(actor: Actor, wish: WishRow, action: WishAction, seesWall: boolean) {
    const t = wishTransition(wish.state, action);
    if (!t || !t.who.some((w) => partiesOf(actor, wish, seesWall).includes(w)))
      throw new AppError('WISH_ACTION_NOT_ALLOWED', { state: wish.state, action });
    return t;
  }

  return {
    /** 许个心愿 / 代发心愿 */
    async post(actor: Actor, input: WishInputT) {
      if (!actor.userId) throw new AppError('AUTH_REQUIRED');
      const now = clock.now();
      let target: { tenantId: string; path: string; name: string; residentId: string | null; userId: string | null };
      if (input.residentId) {
        const resident = await repo.residentForWish(db, input.residentId);
        if (!resident || !proxyPostPaths(actor).some((p) => isUnder(resident.household_path, p)))
          throw new AppError('WISH_RESIDENT_UNKNOWN');
        target = {
          tenantId: resident.tenant_id,
          path: resident.household_path,
          name: resident.name,
          residentId: resident.id,
          userId: null,
        };
      } else {
        const home = await homeCommunityOf(db, actor);
        if (!home) throw new AppError('HOME_COMMUNITY_REQUIRED');
        const record = (await registryResidentsOf(db, actor.userId)).find((r) => isUnder(r.household_path, home.path));
        const me = await db
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', actor.userId)
          .executeTakeFirst();
        target = {
          tenantId: home.tenantId,
          path: record?.household_path ?? home.path,
          name: record?.name ?? me?.display_name ?? '',
          residentId: null,
          userId: actor.userId,
        };
      }
      const community = await repo.communityHolding(db, target.path);
      if (!community) throw new AppError('HOME_COMMUNITY_REQUIRED');
      const id = newId();
      await db.transaction().execute(async (trx) => {
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
        await audit(
          actor,
          trx,
          'wish.post',
          { id, tenant_id: target.tenantId },
          { category: input.category, residentId: target.residentId },
        );
      });
      return view(actor, id);
    },

    /** Staff: wishes in scope, by state, optionally under a place (a building: the steward home). */
    async list(actor: Actor, query: { state?: WishRow['state']; buildingCode?: string; placeCode?: string }) {
      const under = await resolveUnderEither(db, actor, query.buildingCode ?? query.placeCode);
      const rows = await repo.listWishes(db, {
        scope: wishesScopeOf(actor),
        under: under?.path ?? null,
        state: query.state ?? null,
        limit: 500,
      });
      return rows.map((w) => presentWish(w, actor, false));
    },

    /** 心愿墙 of the actor's community. */
    async wall(actor: Actor) {
      const home = await homeCommunityOf(db, actor);
      if (!home) throw new AppError('HOME_COMMUNITY_REQUIRED');
      return (await repo.wallWishes(db, home.id, 200)).map((w) => presentWish(w, actor, true));
    },

    async mine(actor: Actor) {
      if (!actor.userId) return [];
      return (await repo.wishesOfUser(db, actor.userId)).map((w) => presentWish(w, actor, false));
    },

    async claimed(actor: Actor) {
      if (!actor.userId) return [];
      return (await repo.wishesClaimedBy(db, actor.userId)).map((w) => presentWish(w, actor, false));
    },

    get: view,

    /** 审核 (approve / reject with a reason), 放弃认领, 撤回. */
    async act(actor: Actor, id: string, action: 'approve' | 'reject' | 'give_up' | 'cancel', reason: string) {
      const { wish, home } = await load(actor, id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockWish(trx, id);
        const current = { ...wish, ...locked! };
        const t = allowed(actor, current, action, wallSees(current, home));
        if (action === 'reject' && !reason) throw new AppError('WISH_REASON_REQUIRED');
        await repo.updateWish(trx, id, {
          state: t.to,
          updated_at: now,
          ...(action === 'approve' ? { reviewed_by: actor.userId, reviewed_at: now, published_at: now } : {}),
          ...(action === 'reject' ? { reviewed_by: actor.userId, reviewed_at: now, reject_reason: reason } : {}),
          ...(action === 'give_up'
            ? { claimed_by: null, claimer_organisation_id: null, claimed_at: null, fulfil_due_at: null }
            : {}),
          ...(action === 'cancel' ? { cancelled_at: now } : {}),
        });
        await audit(actor, trx, `wish.${action}`, wish, action === 'reject' ? { reason } : undefined);
      });
      return view(actor, id);
    },

    /** 认领: by the actor, or by a unit they are the liaison of. One claim only. */
    async claim(actor: Actor, id: string, organisationId: string | undefined) {
      const { wish, home } = await load(actor, id);
      if (organisationId) {
        const units = await repo.liaisonUnits(db, actor.userId!);
        if (!units.some((u) => u.id === organisationId && u.tenant_id === wish.tenant_id))
          throw new AppError('WISH_UNIT_NOT_LIAISON');
      }
      if (wish.state !== 'published') throw new AppError('WISH_ALREADY_CLAIMED');
      allowed(actor, wish, 'claim', wallSees(wish, home));
      const now = clock.now();
      const due = new Date(now.getTime() + wishFulfilDays * DAY);
      await db.transaction().execute(async (trx) => {
        const taken = await repo.claimWish(trx, id, {
          state: 'claimed',
          claimed_by: actor.userId,
          claimer_organisation_id: organisationId ?? null,
          claimed_at: now,
          fulfil_due_at: due,
          updated_at: now,
        });
        if (!taken) throw new AppError('WISH_ALREADY_CLAIMED');
        await scheduleClaimExpiry(trx, clock, id, now, due);
        await audit(actor, trx, 'wish.claim', wish, { organisationId: organisationId ?? null, due });
      });
      return view(actor, id);
    },

    /** 圆梦: the claimer, with a photo; the claimer (person or unit) earns wish_fulfilled points. */
    async fulfil(actor: Actor, id: string, input: { photoIds: string[]; note: string }) {
      const { wish, home } = await load(actor, id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const locked = (await repo.lockWish(trx, id))!;
        const current = { ...wish, ...locked };
        const t = allowed(actor, current, 'fulfil', wallSees(current, home));
        await attachableFiles(trx, actor, input.photoIds, { field: 'photoIds' });
        await repo.updateWish(trx, id, {
          state: t.to,
          fulfil_photo_ids: input.photoIds,
          fulfil_note: input.note,
          fulfilled_at: now,
          updated_at: now,
        });
        await awardPoints(
          trx,
          {
            tenantId: current.tenant_id,
            holder: current.claimer_organisation_id
              ? { organisationId: current.claimer_organisation_id }
              : { userId: current.claimed_by! },
            communityId: current.community_id,
            rule: 'wish_fulfilled',
            source: { kind: 'wish', id },
            createdBy: actor.userId,
          },
          now,
        );
        await audit(actor, trx, 'wish.fulfil', wish, { photoIds: input.photoIds });
      });
      return view(actor, id);
    },

    /** 致谢: the beneficiary, or the poster on their behalf. */
    async thank(actor: Actor, id: string, message: string) {
      const { wish, home } = await load(actor, id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const locked = (await repo.lockWish(trx, id))!;
        const t = allowed(actor, { ...wish, ...locked }, 'thank', wallSees(wish, home));
        await repo.updateWish(trx, id, { state: t.to, thanks_message: message, thanked_at: now, updated_at: now });
        await audit(actor, trx, 'wish.thank', wish);
      });
      return view(actor, id);
    },

    /** 代发: residents under the places where the actor may post for others. */
    async residents(actor: Actor, q: string) {
      const paths = proxyPostPaths(actor);
      if (paths.length === 0) throw new AppError('FORBIDDEN');
      const rows = await repo.residentsUnder(db, paths, q, 50);
      const year = Number(new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        household: r.household_name,
        age: r.birth_date === null ? null : year - birthYear(r.birth_date as unknown),
      }));
    },

    /** The units the actor may claim for. */
    async units(actor: Actor) {
      if (!actor.userId) return [];
      return (await repo.liaisonUnits(db, actor.userId)).map((u) => ({ id: u.id, name: u.name }));
    },

    /** A photo of a wish (its own or the fulfilment's), to whoever sees the wish. */
    async photo(actor: Actor, id: string, fileId: string) {
      const { wish } = await load(actor, id);
      if (![...wish.photo_ids, ...wish.fulfil_photo_ids].includes(fileId)) throw new AppError('NOT_FOUND');
      return readPhoto(deps, fileId);
    },
  };
}

/** A date column reads as 'YYYY-MM-DD' text or as a Date, by driver. */
const birthYear = (value: unknown): number =>
  value instanceof Date ? value.getFullYear() : Number(String(value).slice(0, 4));

export async function readPhoto(deps: WishesDeps, fileId: string) {
  const file = await repo.fileById(deps.db, fileId);
  const bytes = file ? await deps.storage.get(file.storage_key) : null;
  if (!file || !bytes) throw new AppError('NOT_FOUND');
  return { bytes, mime: file.mime };
}

export type WishesService = ReturnType<typeof createWishesService>;
