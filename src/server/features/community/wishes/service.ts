import { wishWallStates, type WishAction } from '../../../../shared/community-wishes.js';
import { ageOn } from '../../../../shared/identity.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { homeCommunityOf, type HomeCommunity } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import type { FileStorage } from '../../../platform/storage.js';
import { wishTransition } from './lifecycle.js';
import { assertSees, isStaffOver, mayReview, partiesOf, proxyPostPaths, wishesScopeOf } from './policy.js';
import { presentWish, type WishRow } from './present.js';
import * as repo from './repository.js';
import { resolveUnderEither } from './under.js';

// 微心愿, the reading side and what the operations share: who sees a wish (staff of its place, its
// parties, the wall of one's own community), the staff list, the wall, mine, claimed, the residents
// one may post for, the units one may claim for, photos. The operations are in act.ts.

export interface WishesDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
}

export function wallSees(w: { community_id: string; state: string }, home: HomeCommunity | null) {
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

/** The wish and the actor's home community; NOT_FOUND when the actor may not see it. */
export async function loadWish(db: Db, actor: Actor, id: string) {
  const wish = await repo.findWish(db, id);
  if (!wish) throw new AppError('NOT_FOUND');
  const home = await homeCommunityOf(db, actor);
  assertSees(sees(actor, wish, home));
  return { wish, home };
}

/** One wish as this actor sees it, with the points its fulfilment credited. */
export async function viewWish(db: Db, actor: Actor, id: string) {
  const { wish, home } = await loadWish(db, actor, id);
  const credited = wish.fulfilled_at ? Number((await repo.pointsForWish(db, id)).total) : null;
  return presentWish(wish, actor, wallSees(wish, home), credited);
}

export const auditWish = (
  trx: Executor,
  actor: Actor,
  action: string,
  wish: { id: string; tenant_id: string },
  at: Date,
  after?: unknown,
) =>
  recordAudit(
    trx,
    actor,
    { action, entityType: 'community_wish', entityId: wish.id, tenantId: wish.tenant_id, after },
    at,
  );

/** The transition if this actor is a party allowed to take it, else WISH_ACTION_NOT_ALLOWED. */
export function allowedTransition(actor: Actor, wish: WishRow, action: WishAction, seesWall: boolean) {
  const t = wishTransition(wish.state, action);
  if (!t || !t.who.some((w) => partiesOf(actor, wish, seesWall).includes(w)))
    throw new AppError('WISH_ACTION_NOT_ALLOWED', { state: wish.state, action });
  return t;
}

/** Staff: wishes in scope, by state, optionally under a place (a building: the steward home). */
export async function listWishes(
  db: Db,
  actor: Actor,
  query: { state?: WishRow['state']; buildingCode?: string; placeCode?: string },
) {
  const under = await resolveUnderEither(db, actor, query.buildingCode ?? query.placeCode);
  const rows = await repo.listWishes(db, {
    scope: wishesScopeOf(actor),
    under: under?.path ?? null,
    state: query.state ?? null,
    limit: 500,
  });
  return rows.map((w) => presentWish(w, actor, false));
}

/** 心愿墙 of the actor's community. */
export async function wishWall(db: Db, actor: Actor) {
  const home = await homeCommunityOf(db, actor);
  if (!home) throw new AppError('HOME_COMMUNITY_REQUIRED');
  return (await repo.wallWishes(db, home.id, 200)).map((w) => presentWish(w, actor, true));
}

/** 代发: residents under the places where the actor may post for others (name, room, age). */
export async function residentsToPostFor(deps: WishesDeps, actor: Actor, q: string) {
  const paths = proxyPostPaths(actor);
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  const rows = await repo.residentsUnder(deps.db, paths, q, 50);
  const today = shanghaiDate(deps.clock.now().getTime());
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    household: r.household_name,
    age: ageOn(r.birth_date, today),
  }));
}

export async function readPhoto(deps: WishesDeps, fileId: string) {
  const file = await repo.fileById(deps.db, fileId);
  const bytes = file ? await deps.storage.get(file.storage_key) : null;
  if (!file || !bytes) throw new AppError('NOT_FOUND');
  return { bytes, mime: file.mime };
}

/** A photo of a wish (its own or the fulfilment's), to whoever sees the wish. */
async function wishPhoto(deps: WishesDeps, actor: Actor, id: string, fileId: string) {
  const { wish } = await loadWish(deps.db, actor, id);
  if (![...wish.photo_ids, ...wish.fulfil_photo_ids].includes(fileId)) throw new AppError('NOT_FOUND');
  return readPhoto(deps, fileId);
}

const mine = async (db: Db, actor: Actor) =>
  actor.userId ? (await repo.wishesOfUser(db, actor.userId)).map((w) => presentWish(w, actor, false)) : [];
const claimed = async (db: Db, actor: Actor) =>
  actor.userId ? (await repo.wishesClaimedBy(db, actor.userId)).map((w) => presentWish(w, actor, false)) : [];
const units = async (db: Db, actor: Actor) =>
  actor.userId ? (await repo.liaisonUnits(db, actor.userId)).map((u) => ({ id: u.id, name: u.name })) : [];

export const createWishReads = (deps: WishesDeps) => ({
  list: (actor: Actor, query: Parameters<typeof listWishes>[2]) => listWishes(deps.db, actor, query),
  wall: (actor: Actor) => wishWall(deps.db, actor),
  mine: (actor: Actor) => mine(deps.db, actor),
  claimed: (actor: Actor) => claimed(deps.db, actor),
  get: (actor: Actor, id: string) => viewWish(deps.db, actor, id),
  residents: (actor: Actor, q: string) => residentsToPostFor(deps, actor, q),
  units: (actor: Actor) => units(deps.db, actor),
  photo: (actor: Actor, id: string, fileId: string) => wishPhoto(deps, actor, id, fileId),
});
