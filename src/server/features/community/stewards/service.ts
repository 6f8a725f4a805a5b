import { maskName, normalizePhone } from '../../../../shared/identity.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { registryResidentsOf } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { PiiCipher } from '../../../platform/pii.js';
import type { Actor } from '../../../platform/policy.js';
import { isUnder, resolveUnder } from '../../../platform/scope.js';
import {
  actionsFrom,
  nominationLost,
  nominationTransitions,
  termTransitions,
  transition,
  voteTransitions,
} from './lifecycle.js';
import { assertManages, assertReads, mayManage, partiesToNomination, stewardsShownTo } from './policy.js';
import * as repo from './repository.js';
import type { NominationInputT, RetireInputT, VoteInputT } from './schemas.js';
import { type NominationAction, type VoteAction } from '../../../../shared/stewards.js';

// 楼门管家 · selection: nominations, building votes, appointment (with the steward membership) and
// retirement, and what the console and a resident see of a building. One transaction and one audit
// row per operation.

export interface StewardsDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
}

type Rest<F> = F extends (deps: never, ...args: infer A) => unknown ? A : never;

type Building = NonNullable<Awaited<ReturnType<typeof repo.findBuilding>>>;
type TermRow = NonNullable<Awaited<ReturnType<typeof repo.findTerm>>>;
type NominationRow = Awaited<ReturnType<typeof repo.nominationsOf>>[number];
type VoteRow = Awaited<ReturnType<typeof repo.votesOf>>[number];

export async function buildingOf(db: Executor, code: string): Promise<Building> {
  const building = await repo.findBuilding(db, code);
  if (!building?.tenant_id) throw new AppError('NOT_FOUND');
  return building;
}

/** Whether the user lives in the place: a registry record carrying their phone is in a household under it. */
export async function livesIn(db: Executor, userId: string, path: string): Promise<boolean> {
  return (await registryResidentsOf(db, userId)).some((r) => isUnder(r.household_path, path));
}

export const presentTerm = (t: TermRow, actor: Actor) => ({
  id: t.id,
  buildingCode: t.building_code,
  buildingName: t.building_name,
  userId: t.user_id,
  name: t.user_name,
  state: t.state,
  startedOn: String(t.started_on),
  endedOn: t.ended_on === null ? null : String(t.ended_on),
  retireReason: t.retire_reason,
  retireNote: t.retire_note,
  byVote: t.vote_id !== null,
  actions: actionsFrom(termTransitions, t.state, mayManage(actor, t.building_path) ? ['community'] : []),
});

function presentNomination(n: NominationRow, actor: Actor, masked: boolean) {
  return {
    id: n.id,
    name: masked ? maskName(n.nominee_name) : n.nominee_name,
    kind: n.kind,
    reason: n.reason,
    state: n.state,
    voteId: n.vote_id,
    createdAt: n.created_at.toISOString(),
    decisionNote: n.decision_note,
    actions: actionsFrom(nominationTransitions, n.state, partiesToNomination(actor, n)),
  };
}

/** A vote as staff see it (every count), or as a voter sees it (names masked, counts once closed). */
async function presentVote(db: Executor, v: VoteRow, actor: Actor, asStaff: boolean) {
  const candidates = await repo.tally(db, v.id);
  const mine = actor.userId ? await repo.ballotOf(db, v.id, actor.userId) : undefined;
  const showCounts = asStaff || v.state === 'closed';
  return {
    id: v.id,
    buildingCode: v.building_code,
    buildingName: v.building_name,
    title: v.title,
    state: v.state,
    closesOn: v.closes_on === null ? null : String(v.closes_on),
    openedAt: v.opened_at.toISOString(),
    closedAt: v.closed_at ? v.closed_at.toISOString() : null,
    ballots: await repo.ballotCount(db, v.id),
    candidates: candidates.map((c) => ({
      nominationId: c.id,
      name: asStaff ? c.display_name : maskName(c.display_name),
      reason: c.reason,
      votes: showCounts ? Number(c.votes) : null,
    })),
    winnerNominationId: v.winner_nomination_id,
    myChoice: mine?.nomination_id ?? null,
    actions: actionsFrom(voteTransitions, v.state, asStaff && mayManage(actor, v.building_path) ? ['community'] : []),
  };
}

/** Appoints a user steward of the building: the term and the steward membership at the building, in `trx`. */
async function appoint(
  trx: Executor,
  actor: Actor,
  building: { id: string; path: string; tenant_id: string },
  userId: string,
  from: { nominationId: string | null; voteId: string | null },
  now: Date,
) {
  if (await repo.activeTermForUpdate(trx, building.id)) throw new AppError('STEWARD_BUILDING_TAKEN');
  const existing = await repo.stewardMembershipAt(trx, userId, building.id);
  const membershipId = existing?.id ?? newId();
  if (!existing)
    await repo.insertMembership(trx, {
      id: membershipId,
      user_id: userId,
      role: 'steward',
      place_id: building.id,
      created_at: now,
    });
  const termId = newId();
  await repo.insertTerm(trx, {
    id: termId,
    tenant_id: building.tenant_id,
    building_id: building.id,
    building_path: building.path,
    user_id: userId,
    nomination_id: from.nominationId,
    vote_id: from.voteId,
    membership_id: membershipId,
    state: 'active',
    started_on: shanghaiDate(now.getTime()),
    ended_on: null,
    retire_reason: null,
    appointed_by: actor.userId,
    retired_by: null,
    created_at: now,
  });
  return termId;
}

async function buildings(deps: StewardsDeps, actor: Actor, placeCode: string | undefined) {
  const { db } = deps;
  const under = await resolveUnder(db, actor, 'community:read', placeCode);
  const rows = await repo.listBuildings(db, stewardsShownTo(actor), under?.path ?? null);
  return rows.map((b) => ({
    code: b.code,
    name: b.name,
    communityName: b.community_name,
    households: Number(b.households ?? 0),
    steward: b.term_id ? { termId: b.term_id, name: b.steward_name ?? '', startedOn: String(b.started_on) } : null,
    standingNominations: Number(b.standing ?? 0),
    openVoteId: b.open_vote_id,
  }));
}

async function building(deps: StewardsDeps, actor: Actor, code: string) {
  const { db } = deps;
  const b = await buildingOf(db, code);
  assertReads(actor, b.path);
  const [row] = (await repo.listBuildings(db, stewardsShownTo(actor), b.path)).filter((r) => r.code === code);
  const terms = await repo.termsOf(db, b.id);
  const current = terms.find((t) => t.state === 'active');
  const evaluations = await repo.evaluationsOfBuilding(db, b.id);
  return {
    building: {
      code: b.code,
      name: b.name,
      communityName: b.community_name,
      households: Number(row?.households ?? 0),
      steward: current ? { termId: current.id, name: current.user_name, startedOn: String(current.started_on) } : null,
      standingNominations: Number(row?.standing ?? 0),
      openVoteId: row?.open_vote_id ?? null,
    },
    current: current ? presentTerm(current, actor) : null,
    terms: terms.map((t) => presentTerm(t, actor)),
    nominations: (await repo.nominationsOf(db, b.id)).map((n) => presentNomination(n, actor, false)),
    votes: await Promise.all((await repo.votesOf(db, b.id)).map((v) => presentVote(db, v, actor, true))),
    evaluations: evaluations.map((e) => ({
      id: e.id,
      termId: e.term_id,
      name: e.user_name,
      buildingName: e.building_name,
      month: e.month,
      grade: e.grade,
      comment: e.comment,
    })),
    mayManage: mayManage(actor, b.path),
  };
}

/** Who is nominated: the community names anyone of the community; a resident names themself or a neighbour by phone. */
async function nominee(deps: StewardsDeps, actor: Actor, b: Building, input: NominationInputT, asCommunity: boolean) {
  const { db } = deps;
  if (input.nomineeUserId && input.nomineePhone) throw new AppError('STEWARD_NOMINEE_INVALID');
  if (input.nomineePhone) {
    const phone = normalizePhone(input.nomineePhone);
    const user = phone ? await repo.userByPhoneHash(db, deps.pii.lookupHash(phone)) : undefined;
    if (!user || !(await livesIn(db, user.id, asCommunity ? b.community_path : b.path)))
      throw new AppError('STEWARD_NOMINEE_NOT_IN_BUILDING');
    return user.id;
  }
  if (input.nomineeUserId && input.nomineeUserId !== actor.userId) {
    if (!asCommunity) throw new AppError('STEWARD_NOMINEE_INVALID');
    const user = await repo.findUser(db, input.nomineeUserId);
    const works = user ? (await repo.membershipPathsOf(db, user.id)).some((p) => isUnder(p, b.community_path)) : false;
    if (!user || !(works || (await livesIn(db, user.id, b.community_path))))
      throw new AppError('STEWARD_NOMINEE_NOT_IN_BUILDING');
    return user.id;
  }
  return actor.userId!;
}

async function nominate(deps: StewardsDeps, actor: Actor, code: string, input: NominationInputT) {
  const { db, clock } = deps;
  if (!actor.userId) throw new AppError('FORBIDDEN');
  const b = await buildingOf(db, code);
  const asCommunity = mayManage(actor, b.path);
  if (!asCommunity && !(await livesIn(db, actor.userId, b.path))) throw new AppError('NOT_FOUND');
  const nomineeId = await nominee(deps, actor, b, input, asCommunity);
  const kind = asCommunity ? 'community' : nomineeId === actor.userId ? 'self' : 'resident';
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const active = await repo.activeTermForUpdate(trx, b.id);
    if (active?.user_id === nomineeId) throw new AppError('STEWARD_ALREADY_STEWARD');
    if (await repo.standingNomination(trx, b.id, nomineeId)) throw new AppError('STEWARD_ALREADY_NOMINATED');
    await repo.insertNomination(trx, {
      id,
      tenant_id: b.tenant_id!,
      building_id: b.id,
      building_path: b.path,
      nominee_user_id: nomineeId,
      nominated_by: actor.userId!,
      kind,
      reason: input.reason,
      state: 'nominated',
      vote_id: null,
      decided_by: null,
      decided_at: null,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.nominate',
        entityType: 'steward_nomination',
        entityId: id,
        tenantId: b.tenant_id,
        after: { building: b.code, nominee: nomineeId, kind },
      },
      now,
    );
  });
  return { id, kind, state: 'nominated' as const };
}

async function actOnNomination(deps: StewardsDeps, actor: Actor, id: string, action: NominationAction, note: string) {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const n = await repo.findNominationForUpdate(trx, id);
    if (!n) throw new AppError('NOT_FOUND');
    const parties = partiesToNomination(actor, n);
    if (parties.length === 0) {
      assertReads(actor, n.building_path);
      throw new AppError('FORBIDDEN');
    }
    const t = transition(nominationTransitions, n.state, action);
    if (!t) throw new AppError('STEWARD_STATE_CONFLICT');
    if (!t.by.some((p) => parties.includes(p))) throw new AppError('FORBIDDEN');
    if (action === 'appoint' && n.vote_id && (await repo.openVoteOf(trx, n.building_id))?.id === n.vote_id)
      throw new AppError('STEWARD_VOTE_OPEN');
    let termId: string | null = null;
    if (action === 'appoint') {
      const b = await buildingOf(trx, n.building_code);
      termId = await appoint(
        trx,
        actor,
        { id: b.id, path: b.path, tenant_id: b.tenant_id! },
        n.nominee_user_id,
        {
          nominationId: n.id,
          voteId: null,
        },
        now,
      );
    }
    await repo.updateNomination(trx, id, {
      state: t.to,
      decided_by: actor.userId,
      decided_at: now,
      decision_note: note,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: `steward.nomination.${action}`,
        entityType: 'steward_nomination',
        entityId: id,
        tenantId: n.tenant_id,
        before: { state: n.state },
        after: { state: t.to, termId, note },
      },
      now,
    );
    return { id, state: t.to, termId };
  });
}

async function openVote(deps: StewardsDeps, actor: Actor, code: string, input: VoteInputT) {
  const { db, clock } = deps;
  const b = await buildingOf(db, code);
  assertManages(actor, b.path);
  const now = clock.now();
  if (input.closesOn && input.closesOn < shanghaiDate(now.getTime())) throw new AppError('STEWARD_DATE_INVALID');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (await repo.activeTermForUpdate(trx, b.id)) throw new AppError('STEWARD_BUILDING_TAKEN');
    if (await repo.openVoteOf(trx, b.id)) throw new AppError('STEWARD_VOTE_OPEN');
    await repo.insertVote(trx, {
      id,
      tenant_id: b.tenant_id!,
      building_id: b.id,
      building_path: b.path,
      title: input.title,
      state: 'open',
      closes_on: input.closesOn ?? null,
      winner_nomination_id: null,
      opened_by: actor.userId!,
      opened_at: now,
      closed_by: null,
      closed_at: null,
    });
    const candidates = await repo.setVoteOfStanding(trx, b.id, id, null);
    if (candidates === 0) throw new AppError('STEWARD_NO_CANDIDATES');
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.vote.open',
        entityType: 'steward_vote',
        entityId: id,
        tenantId: b.tenant_id,
        after: { building: b.code, title: input.title, candidates },
      },
      now,
    );
  });
  return { id, state: 'open' as const };
}

async function vote(deps: StewardsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const v = await repo.findVote(db, id);
  if (!v) throw new AppError('NOT_FOUND');
  if (mayManage(actor, v.building_path)) return presentVote(db, v, actor, true);
  if (!actor.userId || !(await livesIn(db, actor.userId, v.building_path))) {
    assertReads(actor, v.building_path);
    return presentVote(db, v, actor, true);
  }
  return presentVote(db, v, actor, false);
}

/** A resident of the building casts their one ballot (secret: the audit row does not name the choice). */
async function cast(deps: StewardsDeps, actor: Actor, id: string, nominationId: string) {
  const { db, clock } = deps;
  const v = await repo.findVote(db, id);
  if (!v || !actor.userId || !(await livesIn(db, actor.userId, v.building_path))) throw new AppError('NOT_FOUND');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockVote(trx, id);
    if (locked?.state !== 'open') throw new AppError('STEWARD_VOTE_CLOSED');
    if (v.closes_on !== null && String(v.closes_on) < shanghaiDate(now.getTime()))
      throw new AppError('STEWARD_VOTE_CLOSED');
    const candidates = await repo.tally(trx, id);
    if (!candidates.some((c) => c.id === nominationId)) throw invalid('nominationId', 'notFound');
    const cast = await repo.insertBallot(trx, {
      vote_id: id,
      voter_user_id: actor.userId!,
      nomination_id: nominationId,
      tenant_id: v.tenant_id,
      cast_at: now,
    });
    if (!cast) throw new AppError('STEWARD_ALREADY_VOTED');
    await recordAudit(
      trx,
      actor,
      { action: 'steward.vote.cast', entityType: 'steward_vote', entityId: id, tenantId: v.tenant_id },
      now,
    );
  });
  return { id, myChoice: nominationId };
}

/** Close (count; the single winner is appointed, the others lost) or cancel (candidates stand again). */
async function actOnVote(deps: StewardsDeps, actor: Actor, id: string, action: VoteAction) {
  const { db, clock } = deps;
  const v = await repo.findVote(db, id);
  if (!v) throw new AppError('NOT_FOUND');
  assertManages(actor, v.building_path);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const locked = await repo.lockVote(trx, id);
    const t = locked && transition(voteTransitions, locked.state, action);
    if (!t) throw new AppError('STEWARD_STATE_CONFLICT');
    let winner: { id: string; nominee_user_id: string } | null = null;
    let termId: string | null = null;
    if (action === 'close') {
      const counted = (await repo.tally(trx, id)).map((c) => ({ ...c, votes: Number(c.votes) }));
      const top = Math.max(0, ...counted.map((c) => c.votes));
      const leaders = counted.filter((c) => c.votes === top);
      if (top === 0 || leaders.length !== 1) throw new AppError('STEWARD_VOTE_TIE');
      winner = leaders[0];
      const b = await buildingOf(trx, v.building_code);
      termId = await appoint(
        trx,
        actor,
        { id: b.id, path: b.path, tenant_id: b.tenant_id! },
        winner.nominee_user_id,
        {
          nominationId: winner.id,
          voteId: id,
        },
        now,
      );
      await repo.updateNomination(trx, winner.id, { state: 'appointed', decided_by: actor.userId, decided_at: now });
      if (transition({ lost: nominationLost }, 'nominated', 'lost')) await repo.markLosers(trx, id, winner.id, now);
    } else {
      await repo.setVoteOfStanding(trx, v.building_id, null, id);
    }
    await repo.updateVote(trx, id, {
      state: t.to,
      winner_nomination_id: winner?.id ?? null,
      closed_by: actor.userId,
      closed_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: `steward.vote.${action}`,
        entityType: 'steward_vote',
        entityId: id,
        tenantId: v.tenant_id,
        before: { state: locked!.state },
        after: { state: t.to, winner: winner?.id ?? null, termId },
      },
      now,
    );
    return { id, state: t.to, winnerNominationId: winner?.id ?? null, termId };
  });
}

/** Retire the steward: the term ends with its reason and the steward membership it granted ends. */
async function retire(deps: StewardsDeps, actor: Actor, termId: string, input: RetireInputT) {
  const { db, clock } = deps;
  const term = await repo.findTerm(db, termId);
  if (!term) throw new AppError('NOT_FOUND');
  assertManages(actor, term.building_path);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const active = await repo.activeTermForUpdate(trx, term.building_id);
    const t = transition(termTransitions, active?.id === termId ? 'active' : 'retired', 'retire');
    if (!t) throw new AppError('STEWARD_STATE_CONFLICT');
    await repo.updateTerm(trx, termId, {
      state: t.to,
      ended_on: shanghaiDate(now.getTime()),
      retire_reason: input.reason,
      retire_note: input.note,
      retired_by: actor.userId,
    });
    if (term.membership_id) await repo.deleteMembership(trx, term.membership_id);
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.retire',
        entityType: 'steward_term',
        entityId: termId,
        tenantId: term.tenant_id,
        before: { state: 'active', user: term.user_id, membership: term.membership_id },
        after: { state: t.to, reason: input.reason, note: input.note },
      },
      now,
    );
    return presentTerm((await repo.findTerm(trx, termId))!, actor);
  });
}

/** A resident's view: the buildings they live in, each with its steward (masked), their nominations and an open vote. */
async function residentView(deps: StewardsDeps, actor: Actor) {
  const { db } = deps;
  if (!actor.userId) return { buildings: [] };
  const homes = await registryResidentsOf(db, actor.userId);
  const codes = new Set<string>();
  for (const h of homes) {
    const code = h.household_path
      .split('/')
      .filter(Boolean)
      .find((c) => /^\d{12}-[0-9A-Za-z]{1,8}$/.test(c));
    if (code) codes.add(code);
  }
  const buildings = [];
  for (const code of codes) {
    const b = await repo.findBuilding(db, code);
    if (!b) continue;
    const current = (await repo.termsOf(db, b.id)).find((t) => t.state === 'active');
    const open = (await repo.votesOf(db, b.id)).find((v) => v.state === 'open');
    buildings.push({
      code: b.code,
      name: b.name,
      communityName: b.community_name,
      stewardName: current ? maskName(current.user_name) : null,
      myNominations: (await repo.nominationsBy(db, b.id, actor.userId)).map((n) => presentNomination(n, actor, true)),
      openVote: open ? await presentVote(db, open, actor, false) : null,
    });
  }
  return { buildings };
}

export function createStewardsService(deps: StewardsDeps) {
  return {
    buildings: (...args: Rest<typeof buildings>) => buildings(deps, ...args),
    building: (...args: Rest<typeof building>) => building(deps, ...args),
    nominate: (...args: Rest<typeof nominate>) => nominate(deps, ...args),
    actOnNomination: (...args: Rest<typeof actOnNomination>) => actOnNomination(deps, ...args),
    openVote: (...args: Rest<typeof openVote>) => openVote(deps, ...args),
    vote: (...args: Rest<typeof vote>) => vote(deps, ...args),
    cast: (...args: Rest<typeof cast>) => cast(deps, ...args),
    actOnVote: (...args: Rest<typeof actOnVote>) => actOnVote(deps, ...args),
    retire: (...args: Rest<typeof retire>) => retire(deps, ...args),
    residentView: (...args: Rest<typeof residentView>) => residentView(deps, ...args),
  };
}

export type StewardsService = ReturnType<typeof createStewardsService>;
