import type { AppDeps } from '../../../deps.js';
import { recordAudit } from '../../../platform/audit.js';
import { awardPoints } from '../../../platform/community/points.js';
import { homeCommunityOf } from '../../../platform/community/person.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { inServiceRecordsOf } from './members.js';
import { assertMayManage, assertMayRead, shownTo } from './policy.js';
import { dayOf, iso, isoOf } from './present.js';
import * as repo from './repository.js';
import type { PostInputT, PostPatchT, RecordInputT } from './schemas.js';

// 双报到 · 认岗: the community's posts (岗位); an in-service party member claims one in the community
// they reported to (or their home community), records each month served, and the community confirms
// the month (认岗服务 points then).

type PostRow = NonNullable<Awaited<ReturnType<typeof repo.findPost>>>;
const presentPost = (p: PostRow) => ({
  id: p.id,
  communityId: p.community_id,
  communityName: p.community_name,
  title: p.title,
  duty: p.duty,
  slots: p.slots,
  claimed: Number(p.claimed),
  active: p.active,
});

function requireUser(actor: Actor): string {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  return actor.userId;
}

async function list(deps: AppDeps, actor: Actor, placeCode: string | undefined) {
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  return (await repo.listPosts(deps.db, shownTo(actor), under?.path ?? null)).map(presentPost);
}

async function create(deps: AppDeps, actor: Actor, input: PostInputT) {
  const community = await repo.communityByCode(deps.db, input.communityCode);
  if (!community || community.kind !== 'community' || !community.tenant_id)
    throw invalid('communityCode', 'noSuchPlace');
  assertMayManage(actor, community.path);
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertPost(trx, {
      id,
      tenant_id: community.tenant_id!,
      community_id: community.id,
      place_path: community.path,
      title: input.title,
      duty: input.duty,
      slots: input.slots,
      created_by: actor.userId,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_post.create',
        entityType: 'volunteer_post',
        entityId: id,
        tenantId: community.tenant_id,
        after: { ...input },
      },
      now,
    );
  });
  return presentPost((await repo.findPost(deps.db, id))!);
}

async function update(deps: AppDeps, actor: Actor, id: string, patch: PostPatchT) {
  const post = await repo.findPost(deps.db, id);
  if (!post) throw new AppError('NOT_FOUND');
  assertMayManage(actor, post.place_path);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updatePost(trx, id, { ...patch });
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_post.update',
        entityType: 'volunteer_post',
        entityId: id,
        tenantId: post.tenant_id,
        after: { ...patch },
      },
      now,
    );
  });
  return presentPost((await repo.findPost(deps.db, id))!);
}

/** The communities a member may claim in: those they reported to (双报到), and their home community. */
async function memberCommunities(deps: AppDeps, actor: Actor) {
  const userId = requireUser(actor);
  const records = await inServiceRecordsOf(deps.db, userId);
  if (records.length === 0) return { records, communityIds: [] as string[] };
  const home = await homeCommunityOf(deps.db, actor);
  return { records, communityIds: [...new Set([...records.map((r) => r.community_id), ...(home ? [home.id] : [])])] };
}

async function open(deps: AppDeps, actor: Actor) {
  const userId = requireUser(actor);
  const { records, communityIds } = await memberCommunities(deps, actor);
  let ids = communityIds;
  if (records.length === 0) {
    const home = await homeCommunityOf(deps.db, actor);
    ids = home ? [home.id] : [];
  }
  const mine = new Set((await repo.claimsOfUsers(deps.db, [userId])).filter((c) => !c.ended_at).map((c) => c.post_id));
  const rows = await repo.postsOfCommunities(deps.db, ids);
  return { member: records.length > 0, items: rows.map((p) => ({ ...presentPost(p), mine: mine.has(p.id) })) };
}

async function claim(deps: AppDeps, actor: Actor, postId: string) {
  const userId = requireUser(actor);
  const post = await repo.findPost(deps.db, postId);
  if (!post) throw new AppError('NOT_FOUND');
  const { records, communityIds } = await memberCommunities(deps, actor);
  if (records.length === 0) throw new AppError('ACTIVITY_NOT_MEMBER');
  if (!communityIds.includes(post.community_id)) throw new AppError('NOT_FOUND');
  if (!post.active) throw new AppError('ACTIVITY_POST_CLOSED');
  const now = deps.clock.now();
  const id = newId();
  const residentId = records.find((r) => r.community_id === post.community_id)?.resident_id ?? records[0].resident_id;
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockPost(trx, postId);
    if (await repo.activeClaim(trx, postId, userId)) throw new AppError('ACTIVITY_POST_CLAIMED');
    const fresh = await repo.findPost(trx, postId);
    if (Number(fresh!.claimed) >= fresh!.slots) throw new AppError('ACTIVITY_POST_FULL');
    await repo.insertClaim(trx, {
      id,
      tenant_id: post.tenant_id,
      post_id: postId,
      user_id: userId,
      resident_id: residentId,
      claimed_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_post.claim',
        entityType: 'post_claim',
        entityId: id,
        tenantId: post.tenant_id,
        after: { postId },
      },
      now,
    );
  });
  return (await mineClaims(deps, actor)).find((c) => c.id === id)!;
}

async function ownClaim(deps: AppDeps, actor: Actor, claimId: string) {
  const userId = requireUser(actor);
  const c = await repo.findClaim(deps.db, claimId);
  if (!c || c.user_id !== userId) throw new AppError('NOT_FOUND');
  return c;
}

async function endClaim(deps: AppDeps, actor: Actor, claimId: string) {
  const c = await ownClaim(deps, actor, claimId);
  if (c.ended_at) throw new AppError('ACTIVITY_POST_CLOSED');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.endClaim(trx, claimId, now);
    await recordAudit(
      trx,
      actor,
      { action: 'volunteer_post.end', entityType: 'post_claim', entityId: claimId, tenantId: c.tenant_id },
      now,
    );
  });
  return (await mineClaims(deps, actor)).find((x) => x.id === claimId)!;
}

async function mineClaims(deps: AppDeps, actor: Actor) {
  const userId = requireUser(actor);
  const claims = await repo.claimsOfUsers(deps.db, [userId]);
  const records = await repo.recordsOfClaims(
    deps.db,
    claims.map((c) => c.id),
  );
  return claims.map((c) => ({
    id: c.id,
    postId: c.post_id,
    title: c.title,
    duty: c.duty,
    communityName: c.community_name,
    claimedAt: isoOf(c.claimed_at),
    endedAt: iso(c.ended_at),
    records: records
      .filter((r) => r.claim_id === c.id)
      .map((r) => ({
        id: r.id,
        month: r.month,
        minutes: r.minutes,
        note: r.note,
        confirmed: r.confirmed_at !== null,
      })),
  }));
}

/** 履岗记录: the member records a month served (from the claim's month to this month), once per month. */
async function record(deps: AppDeps, actor: Actor, claimId: string, input: RecordInputT) {
  const c = await ownClaim(deps, actor, claimId);
  if (c.ended_at) throw new AppError('ACTIVITY_POST_CLOSED');
  const now = deps.clock.now();
  if (input.month > dayOf(now).slice(0, 7) || input.month < dayOf(c.claimed_at).slice(0, 7))
    throw new AppError('ACTIVITY_RECORD_MONTH');
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const ok = await repo.insertRecord(trx, {
      id,
      tenant_id: c.tenant_id,
      claim_id: claimId,
      month: input.month,
      minutes: input.minutes,
      note: input.note,
      created_at: now,
    });
    if (!ok) throw new AppError('ACTIVITY_RECORD_EXISTS');
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_post.record',
        entityType: 'post_service_record',
        entityId: id,
        tenantId: c.tenant_id,
        after: { ...input },
      },
      now,
    );
  });
  return (await mineClaims(deps, actor)).find((x) => x.id === claimId)!;
}

async function claims(deps: AppDeps, actor: Actor, placeCode: string | undefined) {
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  return (await repo.claimsInScope(deps.db, shownTo(actor), under?.path ?? null)).map((c) => ({
    id: c.id,
    postId: c.post_id,
    title: c.title,
    name: c.display_name,
    claimedAt: isoOf(c.claimed_at),
    endedAt: iso(c.ended_at),
  }));
}

async function records(deps: AppDeps, actor: Actor, placeCode: string | undefined) {
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  return (await repo.recordsInScope(deps.db, shownTo(actor), under?.path ?? null)).map((r) => ({
    id: r.id,
    title: r.title,
    name: r.display_name,
    month: r.month,
    minutes: r.minutes,
    note: r.note,
    confirmed: r.confirmed_at !== null,
  }));
}

/** The community confirms a month served: 认岗服务 points to the member, once. */
async function confirm(deps: AppDeps, actor: Actor, recordId: string) {
  const r = await repo.findRecord(deps.db, recordId);
  if (!r) throw new AppError('NOT_FOUND');
  assertMayRead(actor, r.place_path);
  assertMayManage(actor, r.place_path);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.confirmRecord(trx, recordId, actor.userId, now))) throw new AppError('ACTIVITY_RECORD_CONFIRMED');
    await awardPoints(
      trx,
      {
        tenantId: r.tenant_id,
        holder: { userId: r.user_id },
        communityId: r.community_id,
        rule: 'post_claimed',
        source: { kind: 'post_service_record', id: recordId },
        createdBy: actor.userId,
      },
      now,
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'volunteer_post.confirm',
        entityType: 'post_service_record',
        entityId: recordId,
        tenantId: r.tenant_id,
      },
      now,
    );
  });
  return (await records(deps, actor, undefined)).find((x) => x.id === recordId)!;
}

export function createPostService(deps: AppDeps) {
  return {
    list: list.bind(null, deps),
    create: create.bind(null, deps),
    update: update.bind(null, deps),
    open: open.bind(null, deps),
    claim: claim.bind(null, deps),
    endClaim: endClaim.bind(null, deps),
    mineClaims: mineClaims.bind(null, deps),
    record: record.bind(null, deps),
    claims: claims.bind(null, deps),
    records: records.bind(null, deps),
    confirm: confirm.bind(null, deps),
  };
}

export type PostService = ReturnType<typeof createPostService>;
