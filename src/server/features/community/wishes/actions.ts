import { recordAudit, type Executor } from '../../../platform/audit.js';
import { awardPoints } from '../../../platform/community/points.js';
import { homeCommunityOf } from '../../../platform/community/person.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import { attachableFiles } from '../../files/index.js';
import { findByCode } from '../../places/index.js';
import * as repo from './repository.js';
import type { ActionInputT } from './schemas.js';
import { readPhoto, type WishesDeps } from './service.js';

// 微行动: a community posts a small group task; persons of the community sign up (never past the
// slots, also when many sign up at once: the action row is locked first); the organiser marks it done
// with proof photos and who took part, and each participant earns action_done points.

type ActionRow = NonNullable<Awaited<ReturnType<typeof repo.findAction>>>;
const today = (deps: WishesDeps) => shanghaiDate(deps.clock.now().getTime());

function present(a: ActionRow, actor: Actor, mine: { took_part: boolean } | undefined) {
  return {
    id: a.id,
    communityName: a.community_name,
    title: a.title,
    description: a.description,
    date: a.action_date,
    location: a.location,
    slots: a.slots,
    signedUp: Number(a.signed_up ?? 0),
    state: a.state,
    proofPhotoIds: a.proof_photo_ids,
    doneAt: a.done_at === null ? null : new Date(a.done_at).toISOString(),
    mine: mine !== undefined,
    tookPart: mine?.took_part ?? false,
    mayManage: can(actor, 'community:manage', a.place_path),
  };
}

const myRows = async (deps: WishesDeps, actor: Actor) =>
  actor.userId ? await repo.actionIdsOfUser(deps.db, actor.userId) : [];

/** Staff of the place, or a person of its community. Others: not found. */
async function load(deps: WishesDeps, actor: Actor, id: string) {
  const a = await repo.findAction(deps.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  if (!can(actor, 'community:read', a.place_path)) {
    const home = await homeCommunityOf(deps.db, actor);
    if (home?.id !== a.community_id) throw new AppError('NOT_FOUND');
  }
  return a;
}

/** One action; staff of the place also see who signed up. */
async function detail(deps: WishesDeps, actor: Actor, id: string) {
  const a = await load(deps, actor, id);
  const mine = (await myRows(deps, actor)).find((r) => r.action_id === id);
  const signups = can(actor, 'community:read', a.place_path) ? await repo.signupsOf(deps.db, id) : [];
  return {
    ...present(a, actor, mine),
    signups: signups.map((s) => ({ userId: s.user_id, name: s.display_name, tookPart: s.took_part })),
  };
}

const audit = (
  trx: Executor,
  actor: Actor,
  action: string,
  a: { id: string; tenant_id: string },
  at: Date,
  after?: unknown,
) =>
  recordAudit(
    trx,
    actor,
    { action, entityType: 'community_micro_action', entityId: a.id, tenantId: a.tenant_id, after },
    at,
  );

async function create(deps: WishesDeps, actor: Actor, input: ActionInputT) {
  const place = await findByCode(deps.db, input.placeCode);
  if (!place) throw new AppError('NOT_FOUND');
  assertInScope(actor, 'community:manage', place.path);
  if (place.kind !== 'community' || !place.tenant_id) throw new AppError('WISH_ACTION_PLACE_INVALID');
  if (input.date < today(deps)) throw new AppError('WISH_ACTION_DATE_PAST');
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertAction(trx, {
      id,
      tenant_id: place.tenant_id!,
      community_id: place.id,
      place_path: place.path,
      title: input.title,
      description: input.description,
      action_date: input.date,
      location: input.location,
      slots: input.slots,
      state: 'open',
      created_by: actor.userId!,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, actor, 'micro-action.create', { id, tenant_id: place.tenant_id! }, now, input);
  });
  return detail(deps, actor, id);
}

async function list(deps: WishesDeps, actor: Actor, placeCode: string | undefined) {
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  const rows = await repo.listActions(deps.db, {
    scope: scopeOf(actor, 'community:read', { placesOnly: true }),
    under: under?.path ?? null,
    limit: 500,
  });
  const mine = await myRows(deps, actor);
  return rows.map((a) =>
    present(
      a,
      actor,
      mine.find((m) => m.action_id === a.id),
    ),
  );
}

/** The phone: my community's actions of the last month and to come. */
async function ofMyCommunity(deps: WishesDeps, actor: Actor) {
  const home = await homeCommunityOf(deps.db, actor);
  if (!home) throw new AppError('HOME_COMMUNITY_REQUIRED');
  const from = shanghaiDate(deps.clock.now().getTime() - 30 * 86_400_000);
  const mine = await myRows(deps, actor);
  return (await repo.communityActions(deps.db, home.id, from)).map((a) =>
    present(
      a,
      actor,
      mine.find((m) => m.action_id === a.id),
    ),
  );
}

async function signUp(deps: WishesDeps, actor: Actor, id: string) {
  const a = await load(deps, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockAction(trx, id))!;
    if (locked.state !== 'open' || locked.action_date < today(deps)) throw new AppError('WISH_ACTION_CLOSED');
    const { n } = await repo.signupCount(trx, id);
    if (Number(n) >= locked.slots) throw new AppError('WISH_ACTION_FULL');
    const row = { action_id: id, user_id: actor.userId!, tenant_id: a.tenant_id, created_at: now };
    if (await repo.insertSignup(trx, row)) await audit(trx, actor, 'micro-action.sign-up', a, now);
  });
  return detail(deps, actor, id);
}

async function withdraw(deps: WishesDeps, actor: Actor, id: string) {
  const a = await load(deps, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockAction(trx, id))!;
    if (locked.state !== 'open') throw new AppError('WISH_ACTION_CLOSED');
    if (await repo.deleteSignup(trx, id, actor.userId!)) await audit(trx, actor, 'micro-action.withdraw', a, now);
  });
  return detail(deps, actor, id);
}

/** 完成: proof photos and who took part (among those signed up); action_done points to each. */
async function done(
  deps: WishesDeps,
  actor: Actor,
  id: string,
  input: { photoIds: string[]; participantIds: string[] },
) {
  const a = await load(deps, actor, id);
  assertInScope(actor, 'community:manage', a.place_path);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockAction(trx, id))!;
    if (locked.state !== 'open') throw new AppError('WISH_ACTION_CLOSED');
    const signed = new Set((await repo.signupsOf(trx, id)).map((s) => s.user_id));
    const participants = [...new Set(input.participantIds)];
    if (participants.some((p) => !signed.has(p))) throw new AppError('WISH_ACTION_PARTICIPANT_UNKNOWN');
    await attachableFiles(trx, actor, input.photoIds, { field: 'photoIds' });
    await repo.markTookPart(trx, id, participants);
    await repo.updateAction(trx, id, {
      state: 'done',
      proof_photo_ids: input.photoIds,
      done_at: now,
      done_by: actor.userId,
      updated_at: now,
    });
    for (const userId of participants) {
      const source = { kind: 'micro_action', id };
      const write = { tenantId: a.tenant_id, holder: { userId }, communityId: a.community_id, source };
      await awardPoints(trx, { ...write, rule: 'action_done', createdBy: actor.userId }, now);
    }
    await audit(trx, actor, 'micro-action.done', a, now, { participants: participants.length });
  });
  return detail(deps, actor, id);
}

async function cancel(deps: WishesDeps, actor: Actor, id: string) {
  const a = await load(deps, actor, id);
  assertInScope(actor, 'community:manage', a.place_path);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockAction(trx, id))!;
    if (locked.state !== 'open') throw new AppError('WISH_ACTION_CLOSED');
    await repo.updateAction(trx, id, { state: 'cancelled', updated_at: now });
    await audit(trx, actor, 'micro-action.cancel', a, now);
  });
  return detail(deps, actor, id);
}

async function photo(deps: WishesDeps, actor: Actor, id: string, fileId: string) {
  const a = await load(deps, actor, id);
  if (!a.proof_photo_ids.includes(fileId)) throw new AppError('NOT_FOUND');
  return readPhoto(deps, fileId);
}

export const createActionsService = (deps: WishesDeps) => ({
  create: (actor: Actor, input: ActionInputT) => create(deps, actor, input),
  list: (actor: Actor, placeCode: string | undefined) => list(deps, actor, placeCode),
  ofMyCommunity: (actor: Actor) => ofMyCommunity(deps, actor),
  get: (actor: Actor, id: string) => detail(deps, actor, id),
  signUp: (actor: Actor, id: string) => signUp(deps, actor, id),
  withdraw: (actor: Actor, id: string) => withdraw(deps, actor, id),
  done: (actor: Actor, id: string, input: { photoIds: string[]; participantIds: string[] }) =>
    done(deps, actor, id, input),
  cancel: (actor: Actor, id: string) => cancel(deps, actor, id),
  photo: (actor: Actor, id: string, fileId: string) => photo(deps, actor, id, fileId),
});
