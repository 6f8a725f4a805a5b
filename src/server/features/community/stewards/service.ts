import type { VoteResult } from '../../../../shared/decide.js';
import { maskName, normalizePhone } from '../../../../shared/identity.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { registryResidentsOf } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import {
  cancelVote,
  castByPhone,
  closeVote,
  createVote,
  electorsOfUser,
  openVote as openKernelVote,
  parseResult,
} from '../../../platform/decide/votes.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { PiiCipher } from '../../../platform/pii.js';
import { systemActor, type Actor } from '../../../platform/policy.js';
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
import { type NominationAction, type VoteAction, type VoteState } from '../../../../shared/stewards.js';

// 楼门管家 · selection: nominations, building votes, appointment (with the steward membership) and
// retirement, and what the console and a resident see of a building. One transaction and one audit
// row per operation.
//
// A building vote is a vote of the one kernel (platform/decide/votes.ts; issue 17): secret (无记名),
// subject steward_election with the building as subject and scope, one option per standing
// nomination, the roll frozen when it opens (the building's adult registry residents). Ballots are
// cast through the kernel only — here, on 我的表决 or on paper never twice — and counts are known once
// it closes. What a closed election does (appoint the winner) is `onStewardElectionClosed`, run by the
// kernel in its closing transaction, whoever closes it.

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

/** The China-time day a vote closes at the end of: `closes_at` is the next day's first instant. */
const closesOnOf = (closesAt: Date | string | null) =>
  closesAt === null ? null : shanghaiDate(new Date(closesAt).getTime() - 1);

/** The first instant after a China-time day: when a vote that runs through that day closes. */
const endOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000);

/** Whether the user voted in this vote (that, never what), and whether they are on its roll. */
async function ballotOfUser(db: Executor, voteId: string, userId: string | null) {
  if (!userId) return { voted: false, onRoll: false };
  const electors = await electorsOfUser(db, voteId, userId);
  const voted =
    electors.some((e) => e.voter_user_id === userId) ||
    (electors.length > 0 && electors.every((e) => e.voted_at !== null));
  return { voted, onRoll: electors.length > 0 };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A vote's times as the API gives them. */
const timesOf = (v: VoteRow) => ({
  closesOn: closesOnOf(v.closes_at),
  closesAt: iso(v.closes_at),
  openedAt: iso(v.opened_at ?? v.created_at)!,
  closedAt: iso(v.closed_at),
});

/** A vote as staff or a voter see it: counts only in the frozen result of a closed vote (names masked for voters). */
async function presentVote(db: Executor, v: VoteRow, actor: Actor, asStaff: boolean) {
  const candidates = await repo.candidatesOf(db, v.id);
  const result: VoteResult | null = v.state === 'closed' && v.result ? parseResult(v.result) : null;
  const winnerOption = result?.passed ? (result.winners[0] ?? null) : null;
  const mine = await ballotOfUser(db, v.id, actor.userId);
  const state: VoteState = v.state === 'draft' ? 'open' : v.state;
  return {
    id: v.id,
    buildingCode: v.building_code,
    buildingName: v.building_name,
    title: v.title,
    state,
    ...timesOf(v),
    eligible: v.eligible_count ?? 0,
    ballots: await repo.ballotCount(db, v.id),
    candidates: candidates.map((c) => ({
      nominationId: c.id,
      name: asStaff ? c.display_name : maskName(c.display_name),
      reason: c.reason,
      votes: result ? (result.counts.find((k) => k.optionId === c.option_id)?.votes ?? 0) : null,
    })),
    winnerNominationId: candidates.find((c) => c.option_id === winnerOption)?.id ?? null,
    failure: result?.failure ?? null,
    ...mine,
    actions: actionsFrom(voteTransitions, state, asStaff && mayManage(actor, v.building_path) ? ['community'] : []),
  };
}

/** Appoints a user steward of the building: the term and the steward membership at the building, in `trx`. */
async function appoint(
  trx: Executor,
  by: string | null,
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
      tenant_id: building.tenant_id,
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
    appointed_by: by,
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
        actor.userId,
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

/** Opens a secret kernel vote over the building's standing nominations; its roll is frozen now. */
async function openVote(deps: StewardsDeps, actor: Actor, code: string, input: VoteInputT) {
  const { db, clock } = deps;
  const b = await buildingOf(db, code);
  assertManages(actor, b.path);
  const now = clock.now();
  const today = shanghaiDate(now.getTime());
  if (input.closesOn && input.closesOn < today) throw new AppError('STEWARD_DATE_INVALID');
  // without a closing day the vote runs 30 days; it closes at the end of its closing day (China time)
  const closesOn = input.closesOn ?? shanghaiDate(now.getTime() + defaultVoteDays * 86_400_000);
  return db.transaction().execute(async (trx) => {
    if (await repo.activeTermForUpdate(trx, b.id)) throw new AppError('STEWARD_BUILDING_TAKEN');
    if (await repo.openVoteOf(trx, b.id)) throw new AppError('STEWARD_VOTE_OPEN');
    const standing = await repo.standingOf(trx, b.id);
    if (standing.length < 2) throw new AppError('STEWARD_NO_CANDIDATES');
    const id = await createVote(
      trx,
      {
        tenantId: b.tenant_id!,
        communityId: b.community_id,
        scopePlaceId: b.id,
        subject: { kind: 'steward_election', id: b.id },
        title: input.title,
        description: `${b.name}楼门管家选举`,
        method: 'options',
        options: await Promise.all(
          standing.map(async (n) => ({ label: await ballotName(trx, n, b.community_path), refId: n.id })),
        ),
        maxChoices: 1,
        seats: 1,
        secret: true,
        electorate: 'residents',
        allowPhone: true,
        allowPaper: false,
        quorumPercent: 0,
        majority: 'simple',
        opensAt: null,
        closesAt: endOfDay(closesOn),
        createdBy: actor.userId!,
      },
      now,
    );
    await openKernelVote(trx, id, actor.userId!, now);
    const candidates = await repo.setVoteOfStanding(trx, b.id, id, null);
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.vote.open',
        entityType: 'vote',
        entityId: id,
        tenantId: b.tenant_id,
        after: { building: b.code, title: input.title, candidates, closesOn },
      },
      now,
    );
    return { id, state: 'open' as const };
  });
}

/** A candidate's name on the ballot: their name on the registry in the community (a phone login has
 * none of its own), else the name of their account (staff the community nominated). */
async function ballotName(db: Executor, n: { nominee_user_id: string; display_name: string }, communityPath: string) {
  const records = await registryResidentsOf(db, n.nominee_user_id);
  return records.find((r) => isUnder(r.household_path, communityPath))?.name ?? n.display_name;
}

/** How long a vote runs when the community gives no closing day. */
const defaultVoteDays = 30;

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

/** The kernel's refusals in the words this API has always used (its other codes pass through). */
const castErrors: Partial<Record<string, () => AppError>> = {
  VOTE_ALREADY_VOTED: () => new AppError('STEWARD_ALREADY_VOTED'),
  VOTE_NOT_OPEN: () => new AppError('STEWARD_VOTE_CLOSED'),
  VOTE_MARKS_INVALID: () => invalid('nominationId', 'notFound'),
};

/** A resident on the roll casts their one secret ballot through the kernel; the receipt is shown once. */
async function cast(deps: StewardsDeps, actor: Actor, id: string, nominationId: string) {
  const { db, clock } = deps;
  const v = await repo.findVote(db, id);
  if (!v || !actor.userId) throw new AppError('NOT_FOUND');
  const userId = actor.userId;
  // neither on the roll nor living in the building: the vote is nothing of theirs
  if ((await electorsOfUser(db, id, userId)).length === 0 && !(await livesIn(db, userId, v.building_path)))
    throw new AppError('NOT_FOUND');
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const candidate = (await repo.candidatesOf(trx, id)).find((c) => c.id === nominationId);
    if (!candidate) throw invalid('nominationId', 'notFound');
    let receipt: string;
    try {
      ({ receipt } = await castByPhone(trx, id, userId, [candidate.option_id], now));
    } catch (e) {
      const translated = e instanceof AppError ? castErrors[e.code] : undefined;
      throw translated ? translated() : e;
    }
    // the audit says THAT this user voted (as the roll does), never what
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.vote.cast',
        entityType: 'vote',
        entityId: id,
        tenantId: v.tenant_id,
        after: { channel: 'phone' },
      },
      now,
    );
    return { id, voted: true as const, receipt };
  });
}

/** Close (the kernel counts; the single winner is appointed by the outcome handler) or cancel (candidates stand again). */
async function actOnVote(deps: StewardsDeps, actor: Actor, id: string, action: VoteAction) {
  const { db, clock } = deps;
  const v = await repo.findVote(db, id);
  if (!v) throw new AppError('NOT_FOUND');
  assertManages(actor, v.building_path);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const locked = await repo.lockVote(trx, id);
    const t = locked && locked.state !== 'draft' && transition(voteTransitions, locked.state, action);
    if (!t) throw new AppError('STEWARD_STATE_CONFLICT');
    let winner: string | null = null;
    let termId: string | null = null;
    if (action === 'close') {
      // a tie or no ballot throws STEWARD_VOTE_TIE from the outcome handler: all rolls back, the vote stays open
      const result = await closeVote(trx, id, actor.userId, now);
      const candidates = await repo.candidatesOf(trx, id);
      winner = candidates.find((c) => c.option_id === result.winners[0])?.id ?? null;
      termId = (await repo.termOfVote(trx, id))?.id ?? null;
    } else {
      await cancelVote(trx, id, actor.userId!, '楼门管家选举已取消', now);
      await repo.setVoteOfStanding(trx, v.building_id!, null, id);
    }
    await recordAudit(
      trx,
      actor,
      {
        action: `steward.vote.${action}`,
        entityType: 'vote',
        entityId: id,
        tenantId: v.tenant_id,
        before: { state: locked!.state },
        after: { state: t.to, winner, termId },
      },
      now,
    );
    return { id, state: t.to, winnerNominationId: winner, termId };
  });
}

/**
 * What a closed steward election does (registered with the vote kernel, run in its closing
 * transaction, whoever closes it — the steward page, the console's 表决 page or the close job at the
 * end of the closing day). One winner: appointed (term with the vote, steward membership), the other
 * candidates lost. No winner (a tie, or no ballot): closed by a person, STEWARD_VOTE_TIE rolls the
 * close back and the vote stays open; closed by time, it stays closed without a steward and the
 * candidates stand again for the next vote or a direct appointment.
 */
export async function onStewardElectionClosed(
  trx: Executor,
  vote: { id: string; subjectId: string | null },
  result: VoteResult,
  now: Date,
) {
  const v = await repo.findVote(trx, vote.id);
  if (!v?.building_id) return;
  const by = v.closed_by;
  const audit = (action: string, after: Record<string, unknown>) =>
    recordAudit(
      trx,
      systemActor(),
      {
        action,
        entityType: 'vote',
        entityId: v.id,
        tenantId: v.tenant_id,
        after: { building: v.building_code, ...after },
      },
      now,
    );
  const winner = result.passed
    ? (await repo.candidatesOf(trx, v.id)).find((c) => c.option_id === result.winners[0])
    : undefined;
  const taken = winner ? await repo.activeTermForUpdate(trx, v.building_id) : undefined;
  if (!winner || taken) {
    if (by) throw new AppError(winner ? 'STEWARD_BUILDING_TAKEN' : 'STEWARD_VOTE_TIE');
    await repo.setVoteOfStanding(trx, v.building_id, null, v.id);
    await audit('steward.election.failed', { failure: result.failure ?? 'building_taken' });
    return;
  }
  const b = await buildingOf(trx, v.building_code);
  const termId = await appoint(
    trx,
    by,
    { id: b.id, path: b.path, tenant_id: b.tenant_id! },
    winner.nominee_user_id,
    { nominationId: winner.id, voteId: v.id },
    now,
  );
  await repo.updateNomination(trx, winner.id, { state: 'appointed', decided_by: by, decided_at: now });
  if (transition({ lost: nominationLost }, 'nominated', 'lost')) await repo.markLosers(trx, v.id, winner.id, now);
  await audit('steward.election.elected', { winner: winner.id, termId });
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
