import type { Transaction } from 'kysely';
import {
  projectActionsFor,
  projectTransition,
  type ProjectAction,
} from '../../../../shared/deliberation-supervisors.js';
import type { VoteResult } from '../../../../shared/decide.js';
import { maskName, normalizePhone } from '../../../../shared/identity.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { registryResidentsOf } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import type { Database } from '../../../platform/db/schema.js';
import { cancelVote, createVote } from '../../../platform/decide/votes.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { PiiCipher } from '../../../platform/pii.js';
import { systemActor, type Actor } from '../../../platform/policy.js';
import { isUnder, resolveUnder } from '../../../platform/scope.js';
import { insertStaffMembership, membershipScope } from '../../account/index.js';
import type { CasesService } from '../../cases/index.js';
import { attachableFiles } from '../../files/index.js';
import type { WhistleInputT } from '../../whistle/index.js';
import { assertManages, assertOwnTerm, assertReads, mayManage, projectsShownTo } from './policy.js';
import * as repo from './repository.js';
import type {
  AppointInputT,
  IssueInputT,
  IssueWhistleInputT,
  LogInputT,
  ProjectActionInputT,
  ProjectInputT,
  ProjectPatchT,
} from './schemas.js';

// 百姓监督员: projects, the public call, the election through the one vote kernel, terms with the
// supervisor membership, inspection logs and issues. One transaction and one audit row per operation.

/** Blows a whistle inside the caller's transaction (the whistle feature's blow, given by the app). */
export type BlowWhistle = (trx: Transaction<Database>, actor: Actor, input: WhistleInputT) => Promise<{ id: string }>;

export interface SupervisorsDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  fileCase: CasesService['intake'];
  blowWhistle: BlowWhistle;
}

type Rest<F> = F extends (deps: never, ...args: infer A) => unknown ? A : never;
type ProjectRow = NonNullable<Awaited<ReturnType<typeof repo.findProject>>>;

const placeKinds = ['community', 'grid', 'building'];
const failureLabels: Record<string, string> = {
  no_quorum: '投票人数未达到法定比例',
  no_majority: '候选人得票未过半',
  tie: '末位得票相同',
};

/** The registry name under which the user lives in the place (a record carrying their phone), or null. */
async function residentNameIn(db: Executor, userId: string, path: string): Promise<string | null> {
  return (await registryResidentsOf(db, userId)).find((r) => isUnder(r.household_path, path))?.name ?? null;
}

/** Whether the user lives in the place: a registry record carrying their phone is in a household under it. */
async function livesIn(db: Executor, userId: string, path: string): Promise<boolean> {
  return (await residentNameIn(db, userId, path)) !== null;
}

async function projectOf(db: Executor, id: string): Promise<ProjectRow> {
  const p = await repo.findProject(db, id);
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

const presentRow = (p: ProjectRow) => ({
  id: p.id,
  title: p.title,
  placeCode: p.place_code,
  placeName: p.place_name,
  communityName: p.community_name,
  seats: p.seats,
  state: p.state,
  candidates: Number(p.candidates ?? 0),
  supervisors: Number(p.supervisors ?? 0),
  logs: Number(p.logs ?? 0),
  issues: Number(p.issues ?? 0),
  createdAt: p.created_at.toISOString(),
});

const presentLog = (l: Awaited<ReturnType<typeof repo.logsOf>>[number], masked: boolean) => ({
  id: l.id,
  termId: l.term_id,
  name: masked ? maskName(l.display_name) : l.display_name,
  kind: l.kind,
  body: l.body,
  rating: l.rating,
  photoIds: l.photo_ids,
  lng: l.lng,
  lat: l.lat,
  locationNote: l.location_note,
  createdAt: l.created_at.toISOString(),
});

const presentIssue = (i: Awaited<ReturnType<typeof repo.issuesOf>>[number], masked: boolean) => ({
  id: i.id,
  termId: i.term_id,
  name: masked ? maskName(i.display_name) : i.display_name,
  body: i.body,
  photoIds: i.photo_ids,
  state: i.state,
  caseId: i.case_id,
  caseTrackingCode: i.tracking_code,
  whistleId: i.whistle_id,
  createdAt: i.created_at.toISOString(),
});

async function election(db: Executor, voteId: string | null) {
  if (!voteId) return null;
  const v = await repo.voteOf(db, voteId);
  if (!v) return null;
  const r = v.result;
  return {
    voteId: v.id,
    state: v.state,
    seats: v.seats,
    maxChoices: v.max_choices,
    options: (await repo.optionsOfVote(db, voteId)).map((o) => ({ id: o.id, label: o.label, candidateId: o.ref_id })),
    result: r
      ? {
          eligible: r.eligible,
          cast: r.cast,
          turnoutPercent: r.turnoutPercent,
          quorumMet: r.quorumMet,
          passed: r.passed,
          failure: r.failure,
          counts: r.counts,
          winners: r.winners,
        }
      : null,
  };
}

async function detailOf(db: Executor, actor: Actor, p: ProjectRow) {
  const manages = mayManage(actor, p.place_path);
  return {
    ...presentRow(p),
    description: p.description,
    duties: p.duties,
    electionNote: p.election_note,
    endNote: p.end_note,
    candidateList: (await repo.candidatesOf(db, p.id)).map((k) => ({
      id: k.id,
      name: k.display_name,
      statement: k.statement,
      source: k.source,
      state: k.state,
      decisionNote: k.decision_note,
      createdAt: k.created_at.toISOString(),
    })),
    election: await election(db, p.vote_id),
    terms: (await repo.termsOf(db, p.id)).map((t) => ({
      id: t.id,
      name: t.display_name,
      origin: t.origin,
      appointReason: t.appoint_reason,
      state: t.state,
      startedAt: t.started_at.toISOString(),
      endedAt: t.ended_at ? t.ended_at.toISOString() : null,
      endNote: t.end_note,
    })),
    logList: (await repo.logsOf(db, p.id)).map((l) => presentLog(l, false)),
    issueList: (await repo.issuesOf(db, p.id)).map((i) => presentIssue(i, false)),
    actions: projectActionsFor(p.state, manages ? ['community'] : []),
    mayManage: manages,
  };
}

// ---- the console

async function list(
  deps: Pick<SupervisorsDeps, 'db'>,
  actor: Actor,
  placeCode: string | undefined,
  state: string | undefined,
) {
  const under = await resolveUnder(deps.db, actor, 'community:read', placeCode);
  return (await repo.listProjects(deps.db, projectsShownTo(actor), under?.path ?? null, state ?? null)).map(presentRow);
}

async function detail(deps: Pick<SupervisorsDeps, 'db'>, actor: Actor, id: string) {
  const p = await projectOf(deps.db, id);
  assertReads(actor, p.place_path);
  return detailOf(deps.db, actor, p);
}

async function create(deps: SupervisorsDeps, actor: Actor, input: ProjectInputT) {
  const { db, clock } = deps;
  const place = await repo.findPlace(db, input.placeCode);
  if (!place || place.status !== 'active' || !place.tenant_id) throw new AppError('NOT_FOUND');
  assertManages(actor, place.path);
  if (!placeKinds.includes(place.kind)) throw new AppError('SUPERVISION_PLACE_INVALID');
  const community = await repo.communityAbove(db, place.path);
  if (!community) throw new AppError('SUPERVISION_PLACE_INVALID');
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertProject(trx, {
      id,
      tenant_id: place.tenant_id!,
      community_id: community.id,
      place_id: place.id,
      place_path: place.path,
      title: input.title,
      description: input.description,
      duties: input.duties,
      seats: input.seats,
      state: 'calling',
      vote_id: null,
      created_by: actor.userId!,
      created_at: now,
      updated_at: now,
      ended_at: null,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.project.create',
        entityType: 'supervision_project',
        entityId: id,
        tenantId: place.tenant_id,
        after: { place: place.code, title: input.title, seats: input.seats },
      },
      now,
    );
  });
  return detailOf(db, actor, await projectOf(db, id));
}

async function update(deps: SupervisorsDeps, actor: Actor, id: string, patch: ProjectPatchT) {
  const { db, clock } = deps;
  const p = await projectOf(db, id);
  assertReads(actor, p.place_path);
  assertManages(actor, p.place_path);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockProject(trx, id);
    if (!locked || locked.state === 'ended' || locked.state === 'cancelled')
      throw new AppError('SUPERVISION_STATE_CONFLICT');
    // Seats are what the election fills: fixed once it started.
    if (patch.seats !== undefined && patch.seats !== locked.seats && locked.state !== 'calling')
      throw new AppError('SUPERVISION_STATE_CONFLICT');
    await repo.updateProject(trx, id, { ...patch, updated_at: now });
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.project.update',
        entityType: 'supervision_project',
        entityId: id,
        tenantId: p.tenant_id,
        before: { title: p.title, seats: p.seats },
        after: patch,
      },
      now,
    );
  });
  return detailOf(db, actor, await projectOf(db, id));
}

/** Grants a supervisor term: the term row and (once per place) the `supervisor` membership there. */
async function grantTerm(
  trx: Executor,
  p: { id: string; tenant_id: string; place_id: string; place_code: string },
  person: { userId: string; name: string },
  from: { candidateId: string | null; voteId: string | null; reason: string; by: string | null },
  now: Date,
) {
  const { userId } = person;
  if ((await repo.activeTermsAtPlace(trx, userId, p.place_id)) === 0) {
    const existing = await repo.supervisorMembershipAt(trx, userId, p.place_id);
    if (!existing)
      await insertStaffMembership(
        trx,
        userId,
        { role: 'supervisor', scope: await membershipScope(trx, p.place_code, 'supervisor') },
        now,
      );
  }
  const membership = await repo.supervisorMembershipAt(trx, userId, p.place_id);
  const id = newId();
  await repo.insertTerm(trx, {
    id,
    tenant_id: p.tenant_id,
    project_id: p.id,
    user_id: userId,
    name: person.name,
    candidate_id: from.candidateId,
    origin: from.voteId ? 'vote' : 'appointed',
    vote_id: from.voteId,
    appoint_reason: from.reason,
    membership_id: membership?.id ?? null,
    state: 'active',
    started_at: now,
    ended_at: null,
    created_by: from.by,
    ended_by: null,
  });
  return id;
}

/** Ends a term; the membership goes when no other active term of the user lies on that place. */
async function closeTerm(
  trx: Executor,
  term: { id: string; user_id: string; membership_id: string | null; place_id: string },
  by: string | null,
  note: string,
  now: Date,
) {
  await repo.endTerm(trx, term.id, by, note, now);
  if ((await repo.activeTermsAtPlace(trx, term.user_id, term.place_id)) === 0 && term.membership_id)
    await repo.deleteMembership(trx, term.membership_id);
}

/**
 * The project leaves its election (cancelled, called again, appointed on paper; any other move starts
 * from another state and does nothing here): a vote still in draft or taking ballots is cancelled with
 * the reason, so residents do not vote in an election nobody follows any more. A closed vote stays.
 */
async function dropElection(
  trx: Executor,
  p: { state: string; vote_id: string | null },
  actor: Actor,
  reason: string,
  now: Date,
) {
  if (p.state !== 'electing' || !p.vote_id) return;
  const vote = await repo.voteOf(trx, p.vote_id);
  if (vote?.state === 'draft' || vote?.state === 'open')
    await cancelVote(trx, vote.id, actor.userId!, reason || '选举已撤销', now);
}

async function act(deps: SupervisorsDeps, actor: Actor, id: string, action: ProjectAction, input: ProjectActionInputT) {
  const { db, clock } = deps;
  const p = await projectOf(db, id);
  assertReads(actor, p.place_path);
  assertManages(actor, p.place_path);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockProject(trx, id);
    const t = locked && projectTransition(locked.state, action);
    if (!t || !t.by.includes('community')) throw new AppError('SUPERVISION_STATE_CONFLICT');
    const set: Parameters<typeof repo.updateProject>[2] = { state: t.to, updated_at: now };
    await dropElection(trx, locked!, actor, input.note, now);
    if (action === 'start_election') {
      const accepted = (await repo.candidatesOf(trx, id)).filter((k) => k.state === 'accepted');
      if (accepted.length < 2 || accepted.length < p.seats) throw new AppError('SUPERVISION_TOO_FEW_CANDIDATES');
      set.vote_id = await createVote(
        trx,
        {
          tenantId: p.tenant_id,
          communityId: p.community_id,
          scopePlaceId: p.place_id,
          subject: { kind: 'supervisor_election', id },
          title: `${p.title} · 百姓监督员选举`,
          description: p.duties,
          method: 'options',
          options: accepted.map((k) => ({ label: k.display_name, refId: k.id })),
          maxChoices: p.seats,
          seats: p.seats,
          secret: true,
          electorate: 'residents',
          allowPhone: true,
          allowPaper: true,
          quorumPercent: input.quorumPercent,
          majority: 'simple',
          opensAt: input.opensAt ? new Date(input.opensAt) : null,
          closesAt: input.closesAt ? new Date(input.closesAt) : null,
          createdBy: actor.userId!,
        },
        now,
      );
      set.election_note = '';
    } else if (action === 'reopen_call') {
      // The last election is dropped (its vote cancelled by dropElection above).
      set.vote_id = null;
      set.election_note = input.note;
    } else if (action === 'end') {
      for (const term of (await repo.termsOf(trx, id)).filter((x) => x.state === 'active'))
        await closeTerm(trx, { ...term, place_id: p.place_id }, actor.userId, input.note || '项目结束', now);
      set.ended_at = now;
      set.end_note = input.note;
    } else if (action === 'cancel') {
      set.end_note = input.note;
      set.ended_at = now;
    }
    await repo.updateProject(trx, id, set);
    await recordAudit(
      trx,
      actor,
      {
        action: `supervision.project.${action}`,
        entityType: 'supervision_project',
        entityId: id,
        tenantId: p.tenant_id,
        before: { state: locked!.state },
        after: { state: t.to, voteId: set.vote_id ?? locked!.vote_id, note: input.note },
      },
      now,
    );
  });
  return detailOf(db, actor, await projectOf(db, id));
}

// ---- the public call

/** A resident of the project's place applies with a statement (竞选陈述). */
async function apply(deps: SupervisorsDeps, actor: Actor, id: string, statement: string) {
  const { db, clock } = deps;
  if (!actor.userId) throw new AppError('FORBIDDEN');
  const p = await projectOf(db, id);
  const name = await residentNameIn(db, actor.userId, p.place_path);
  if (name === null) {
    if (!mayManage(actor, p.place_path)) throw new AppError('NOT_FOUND');
    throw new AppError('SUPERVISION_NOT_RESIDENT');
  }
  const now = clock.now();
  const cid = newId();
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockProject(trx, id);
    if (locked?.state !== 'calling') throw new AppError('SUPERVISION_STATE_CONFLICT');
    if (await repo.candidateOfUser(trx, id, actor.userId!)) throw new AppError('SUPERVISION_ALREADY_APPLIED');
    await repo.insertCandidate(trx, {
      id: cid,
      tenant_id: p.tenant_id,
      project_id: id,
      user_id: actor.userId!,
      name,
      statement,
      source: 'self',
      state: 'applied',
      decided_by: null,
      decided_at: null,
      created_by: actor.userId!,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      { action: 'supervision.apply', entityType: 'supervision_candidate', entityId: cid, tenantId: p.tenant_id },
      now,
    );
  });
  return { id: cid, state: 'applied' as const };
}

/** Staff add a candidate: a resident of the place, named by the phone they log in with. */
async function addCandidate(
  deps: SupervisorsDeps,
  actor: Actor,
  id: string,
  input: { phone: string; statement: string },
) {
  const { db, clock } = deps;
  const p = await projectOf(db, id);
  assertReads(actor, p.place_path);
  assertManages(actor, p.place_path);
  const phone = normalizePhone(input.phone);
  const user = phone ? await repo.userByPhoneHash(db, deps.pii.lookupHash(phone)) : undefined;
  const name = user ? await residentNameIn(db, user.id, p.place_path) : null;
  if (!user || name === null) throw new AppError('SUPERVISION_NOT_RESIDENT');
  const now = clock.now();
  const cid = newId();
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockProject(trx, id);
    if (locked?.state !== 'calling') throw new AppError('SUPERVISION_STATE_CONFLICT');
    if (await repo.candidateOfUser(trx, id, user.id)) throw new AppError('SUPERVISION_ALREADY_APPLIED');
    await repo.insertCandidate(trx, {
      id: cid,
      tenant_id: p.tenant_id,
      project_id: id,
      user_id: user.id,
      name,
      statement: input.statement,
      source: 'staff',
      state: 'accepted',
      decided_by: actor.userId,
      decided_at: now,
      created_by: actor.userId!,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.candidate.add',
        entityType: 'supervision_candidate',
        entityId: cid,
        tenantId: p.tenant_id,
        after: { user: user.id },
      },
      now,
    );
  });
  return { id: cid, state: 'accepted' as const };
}

async function decideCandidate(
  deps: SupervisorsDeps,
  actor: Actor,
  candidateId: string,
  action: 'accept' | 'reject',
  note: string,
) {
  const { db, clock } = deps;
  const k = await repo.findCandidate(db, candidateId);
  if (!k) throw new AppError('NOT_FOUND');
  const p = await projectOf(db, k.project_id);
  assertReads(actor, p.place_path);
  assertManages(actor, p.place_path);
  const now = clock.now();
  const to = action === 'accept' ? ('accepted' as const) : ('rejected' as const);
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockProject(trx, p.id);
    const current = await repo.findCandidate(trx, candidateId);
    if (locked?.state !== 'calling' || !current || !['applied', 'accepted', 'rejected'].includes(current.state))
      throw new AppError('SUPERVISION_STATE_CONFLICT');
    await repo.updateCandidate(trx, candidateId, {
      state: to,
      decision_note: note,
      decided_by: actor.userId,
      decided_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: `supervision.candidate.${action}`,
        entityType: 'supervision_candidate',
        entityId: candidateId,
        tenantId: p.tenant_id,
        before: { state: current.state },
        after: { state: to, note },
      },
      now,
    );
  });
  return { id: candidateId, state: to };
}

// ---- the election's outcome and direct appointment

/**
 * What a closed supervisor election does (registered with the vote kernel, run in its closing
 * transaction): the winners become supervisors; a failed election leaves the project electing with a
 * note so staff can call again. A vote the project no longer follows changes nothing.
 */
export async function onElectionClosed(
  trx: Executor,
  vote: { id: string; subjectId: string | null },
  result: VoteResult,
  now: Date,
) {
  if (!vote.subjectId) return;
  const locked = await repo.lockProject(trx, vote.subjectId);
  if (!locked || locked.vote_id !== vote.id || locked.state !== 'electing') return;
  const p = (await repo.findProject(trx, vote.subjectId))!;
  const options = await repo.optionsOfVote(trx, vote.id);
  const winners = result.winners
    .map((optionId) => options.find((o) => o.id === optionId)?.ref_id ?? null)
    .filter((x): x is string => x !== null);
  const actor = systemActor();
  if (!result.passed || winners.length === 0) {
    const note = `选举未产生监督员：${failureLabels[result.failure ?? ''] ?? '未形成结果'}（投票${result.cast}/${result.eligible}人）`;
    await repo.updateProject(trx, p.id, { election_note: note, updated_at: now });
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.election.failed',
        entityType: 'supervision_project',
        entityId: p.id,
        tenantId: p.tenant_id,
        after: { voteId: vote.id, failure: result.failure },
      },
      now,
    );
    return;
  }
  const candidates = await repo.candidatesOf(trx, p.id);
  const terms: string[] = [];
  for (const cid of winners.slice(0, p.seats)) {
    const k = candidates.find((c) => c.id === cid);
    if (!k) continue;
    terms.push(
      await grantTerm(
        trx,
        p,
        { userId: k.user_id, name: k.display_name },
        { candidateId: k.id, voteId: vote.id, reason: '', by: null },
        now,
      ),
    );
    await repo.updateCandidate(trx, k.id, { state: 'elected', decided_at: now });
  }
  await repo.markNotElected(trx, p.id, winners, now);
  const t = projectTransition(locked.state, 'elected')!;
  await repo.updateProject(trx, p.id, { state: t.to, election_note: '', updated_at: now });
  await recordAudit(
    trx,
    actor,
    {
      action: 'supervision.election.elected',
      entityType: 'supervision_project',
      entityId: p.id,
      tenantId: p.tenant_id,
      before: { state: locked.state },
      after: { state: t.to, voteId: vote.id, terms },
    },
    now,
  );
}

/** 直接任命: the community decided on paper; recorded with its reason. */
async function appoint(deps: SupervisorsDeps, actor: Actor, id: string, input: AppointInputT) {
  const { db, clock } = deps;
  const p = await projectOf(db, id);
  assertReads(actor, p.place_path);
  assertManages(actor, p.place_path);
  let userId: string;
  let name: string;
  let candidateId: string | null = null;
  if (input.candidateId) {
    const k = (await repo.candidatesOf(db, id)).find((c) => c.id === input.candidateId);
    if (!k) throw invalid('candidateId', 'notFound');
    userId = k.user_id;
    name = k.display_name;
    candidateId = k.id;
  } else {
    const phone = normalizePhone(input.phone!);
    const user = phone ? await repo.userByPhoneHash(db, deps.pii.lookupHash(phone)) : undefined;
    const registered = user ? await residentNameIn(db, user.id, p.place_path) : null;
    if (!user || registered === null) throw new AppError('SUPERVISION_NOT_RESIDENT');
    userId = user.id;
    name = registered;
  }
  const now = clock.now();
  const termId = await db.transaction().execute(async (trx) => {
    const locked = await repo.lockProject(trx, id);
    const t = locked && projectTransition(locked.state, 'appoint');
    if (!t) throw new AppError('SUPERVISION_STATE_CONFLICT');
    const active = (await repo.termsOf(trx, id)).filter((x) => x.state === 'active');
    if (active.some((x) => x.user_id === userId)) throw new AppError('SUPERVISION_ALREADY_APPLIED');
    if (active.length >= p.seats) throw new AppError('SUPERVISION_SEATS_FULL');
    const termId = await grantTerm(
      trx,
      p,
      { userId, name },
      { candidateId, voteId: null, reason: input.reason, by: actor.userId },
      now,
    );
    if (candidateId)
      await repo.updateCandidate(trx, candidateId, { state: 'elected', decided_by: actor.userId, decided_at: now });
    await dropElection(trx, locked!, actor, '直接任命', now);
    await repo.updateProject(trx, id, { state: t.to, updated_at: now });
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.appoint',
        entityType: 'supervision_term',
        entityId: termId,
        tenantId: p.tenant_id,
        before: { state: locked!.state },
        after: { state: t.to, user: userId, reason: input.reason },
      },
      now,
    );
    return termId;
  });
  return { id: termId, state: 'active' as const };
}

async function endTerm(deps: SupervisorsDeps, actor: Actor, termId: string, note: string) {
  const { db, clock } = deps;
  const term = await repo.findTerm(db, termId);
  if (!term) throw new AppError('NOT_FOUND');
  assertReads(actor, term.place_path);
  assertManages(actor, term.place_path);
  if (term.state !== 'active') throw new AppError('SUPERVISION_TERM_ENDED');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await repo.lockProject(trx, term.project_id);
    await closeTerm(trx, term, actor.userId, note, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.term.end',
        entityType: 'supervision_term',
        entityId: termId,
        tenantId: term.tenant_id,
        before: { state: 'active', user: term.user_id, membership: term.membership_id },
        after: { state: 'ended', note },
      },
      now,
    );
  });
  return { id: termId, state: 'ended' as const };
}

// ---- the supervisor at work

async function ownTerm(deps: SupervisorsDeps, actor: Actor, termId: string) {
  const term = await repo.findTerm(deps.db, termId);
  if (!term) throw new AppError('NOT_FOUND');
  assertOwnTerm(actor, term);
  return term;
}

/** Photos must be the actor's own uploads (and readable by them): another user's file id is refused. */
async function ownPhotos(db: Executor, actor: Actor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const own = await repo.ownUploads(db, actor.userId!, unique);
  if (own.length !== unique.length) throw invalid('photoIds', 'unknownPhoto');
  await attachableFiles(db, actor, unique, { field: 'photoIds' });
  return unique;
}

async function home(deps: SupervisorsDeps, actor: Actor) {
  const { db } = deps;
  if (!actor.userId) return { terms: [] };
  const terms = [];
  for (const t of await repo.myTerms(db, actor.userId)) {
    terms.push({
      termId: t.term_id,
      projectId: t.project_id,
      title: t.title,
      placeName: t.place_name,
      duties: t.duties,
      startedAt: t.started_at.toISOString(),
      logs: (await repo.logsOf(db, t.project_id)).map((l) => presentLog(l, l.user_id !== actor.userId)),
      issues: (await repo.issuesOf(db, t.project_id))
        .filter((i) => i.user_id === actor.userId)
        .map((i) => presentIssue(i, false)),
    });
  }
  return { terms };
}

async function addLog(deps: SupervisorsDeps, actor: Actor, termId: string, input: LogInputT) {
  const { db, clock } = deps;
  const term = await ownTerm(deps, actor, termId);
  if ((input.lng === undefined) !== (input.lat === undefined)) throw invalid('lat', 'required');
  const photos = await ownPhotos(db, actor, input.photoIds);
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertLog(trx, {
      id,
      tenant_id: term.tenant_id,
      project_id: term.project_id,
      term_id: termId,
      kind: input.kind,
      body: input.body,
      rating: input.rating,
      photo_ids: photos,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      location_note: input.locationNote,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      { action: 'supervision.log', entityType: 'supervision_log', entityId: id, tenantId: term.tenant_id },
      now,
    );
  });
  return { id, state: 'logged' };
}

async function raiseIssue(deps: SupervisorsDeps, actor: Actor, termId: string, input: IssueInputT) {
  const { db, clock } = deps;
  const term = await ownTerm(deps, actor, termId);
  const photos = await ownPhotos(db, actor, input.photoIds);
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertIssue(trx, {
      id,
      tenant_id: term.tenant_id,
      project_id: term.project_id,
      term_id: termId,
      body: input.body,
      photo_ids: photos,
      state: 'raised',
      case_id: null,
      whistle_id: null,
      handled_by: null,
      handled_at: null,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      { action: 'supervision.issue.raise', entityType: 'supervision_issue', entityId: id, tenantId: term.tenant_id },
      now,
    );
  });
  return { id, state: 'raised' };
}

/** Staff in the project's place, or the supervisor who raised it, may act on an issue. */
async function issueFor(deps: SupervisorsDeps, actor: Actor, id: string, staffOnly: boolean) {
  const issue = await repo.findIssue(deps.db, id);
  if (!issue) throw new AppError('NOT_FOUND');
  const p = await projectOf(deps.db, issue.project_id);
  if (mayManage(actor, p.place_path)) return { issue, p };
  const term = await repo.findTerm(deps.db, issue.term_id);
  if (!term) throw new AppError('NOT_FOUND');
  if (staffOnly) {
    // The supervisor who raised it knows it exists; anyone else is told it does not.
    if (term.user_id !== actor.userId) assertReads(actor, p.place_path);
    throw new AppError('FORBIDDEN');
  }
  assertOwnTerm(actor, term);
  return { issue, p };
}

/** The issue becomes a case through the cases feature's intake (idempotent by the issue's key); the issue keeps the link. */
async function issueToCase(deps: SupervisorsDeps, actor: Actor, id: string) {
  const { db, clock } = deps;
  const { issue, p } = await issueFor(deps, actor, id, false);
  if (issue.state !== 'raised') throw new AppError('SUPERVISION_ISSUE_HANDLED');
  const filed = await deps.fileCase(actor, {
    channel: 'patrol',
    placeCode: p.place_code,
    exactPlace: true,
    address: `${p.community_name}${p.place_name === p.community_name ? '' : p.place_name} · ${p.title}`,
    priority: 'normal',
    description: `【百姓监督员发现问题】${issue.body}`,
    reporterName: actor.displayName,
    reporterUserId: actor.userId,
    photoIds: issue.photo_ids,
    idempotencyKey: `supervision-issue-${issue.id}`,
  });
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockIssue(trx, id);
    if (locked?.state !== 'raised') throw new AppError('SUPERVISION_ISSUE_HANDLED');
    await repo.updateIssue(trx, id, { state: 'case', case_id: filed.id, handled_by: actor.userId, handled_at: now });
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.issue.case',
        entityType: 'supervision_issue',
        entityId: id,
        tenantId: issue.tenant_id,
        after: { caseId: filed.id, trackingCode: filed.trackingCode },
      },
      now,
    );
  });
  return { id, state: 'case', caseId: filed.id, trackingCode: filed.trackingCode };
}

/** Staff blow a whistle on the issue (吹哨 to departments), in one transaction with the link. */
async function issueToWhistle(deps: SupervisorsDeps, actor: Actor, id: string, input: IssueWhistleInputT) {
  const { db, clock } = deps;
  const { issue, p } = await issueFor(deps, actor, id, true);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const locked = await repo.lockIssue(trx, id);
    if (locked?.state !== 'raised') throw new AppError('SUPERVISION_ISSUE_HANDLED');
    const blown = await deps.blowWhistle(trx, actor, {
      ...input,
      placeCode: p.place_code,
      subject: `监督员发现问题：${p.title}`.slice(0, 80),
    });
    await repo.updateIssue(trx, id, {
      state: 'whistle',
      whistle_id: blown.id,
      handled_by: actor.userId,
      handled_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.issue.whistle',
        entityType: 'supervision_issue',
        entityId: id,
        tenantId: issue.tenant_id,
        after: { whistleId: blown.id },
      },
      now,
    );
    return { id, state: 'whistle', whistleId: blown.id };
  });
}

// ---- residents and the public

async function presentForResident(db: Executor, actor: Actor, p: ProjectRow, lives: boolean) {
  const candidates = await repo.candidatesOf(db, p.id);
  const mine = candidates.find((k) => k.user_id === actor.userId);
  const terms = (await repo.termsOf(db, p.id)).filter((t) => t.state === 'active');
  return {
    id: p.id,
    title: p.title,
    placeName: p.place_name,
    description: p.description,
    duties: p.duties,
    seats: p.seats,
    state: p.state,
    // Residents see who stands (accepted or elected), masked, with their statements.
    candidates: candidates
      .filter((k) => ['accepted', 'elected', 'not_elected'].includes(k.state))
      .map((k) => ({ id: k.id, name: maskName(k.display_name), statement: k.statement, state: k.state })),
    supervisors: terms.map((t) => maskName(t.display_name)),
    voteId: p.state === 'electing' ? p.vote_id : null,
    myApplication: mine ? { id: mine.id, state: mine.state } : null,
    mayApply: lives && p.state === 'calling' && !mine,
  };
}

async function residentProjects(deps: SupervisorsDeps, actor: Actor) {
  const { db } = deps;
  if (!actor.userId) return { items: [] };
  const homes = (await registryResidentsOf(db, actor.userId)).map((r) => r.household_path);
  const items = [];
  for (const p of await repo.projectsAbove(db, homes)) items.push(await presentForResident(db, actor, p, true));
  return { items };
}

async function residentProject(deps: SupervisorsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const p = await projectOf(db, id);
  const lives = actor.userId ? await livesIn(db, actor.userId, p.place_path) : false;
  if (!lives && !(await repo.candidateOfUser(db, id, actor.userId ?? ''))) assertReads(actor, p.place_path);
  return presentForResident(db, actor, p, lives);
}

/** The public page of a community (no login): projects, states, masked supervisors, counts. */
async function publicCommunity(deps: SupervisorsDeps, code: string) {
  const { db } = deps;
  const c = await repo.findPlace(db, code);
  if (!c || c.kind !== 'community' || c.status !== 'active') throw new AppError('NOT_FOUND');
  const projects = [];
  for (const p of await repo.projectsOfCommunity(db, c.id)) {
    const terms = (await repo.termsOf(db, p.id)).filter((t) => t.state === 'active');
    projects.push({
      id: p.id,
      title: p.title,
      placeName: p.place_name,
      state: p.state,
      seats: p.seats,
      supervisors: terms.map((t) => maskName(t.display_name)),
      inspections: Number(p.logs ?? 0),
      issues: Number(p.issues ?? 0),
    });
  }
  return { community: { code: c.code, name: c.name }, projects };
}

/** The console's reads (the projects in scope, one project), for other areas' counts: they need only the database. */
export function supervisorReads(deps: Pick<SupervisorsDeps, 'db'>) {
  return {
    list: (...a: Rest<typeof list>) => list(deps, ...a),
    detail: (...a: Rest<typeof detail>) => detail(deps, ...a),
  };
}

export function createSupervisorsService(deps: SupervisorsDeps) {
  return {
    list: (...a: Rest<typeof list>) => list(deps, ...a),
    detail: (...a: Rest<typeof detail>) => detail(deps, ...a),
    create: (...a: Rest<typeof create>) => create(deps, ...a),
    update: (...a: Rest<typeof update>) => update(deps, ...a),
    act: (...a: Rest<typeof act>) => act(deps, ...a),
    apply: (...a: Rest<typeof apply>) => apply(deps, ...a),
    addCandidate: (...a: Rest<typeof addCandidate>) => addCandidate(deps, ...a),
    decideCandidate: (...a: Rest<typeof decideCandidate>) => decideCandidate(deps, ...a),
    appoint: (...a: Rest<typeof appoint>) => appoint(deps, ...a),
    endTerm: (...a: Rest<typeof endTerm>) => endTerm(deps, ...a),
    home: (...a: Rest<typeof home>) => home(deps, ...a),
    addLog: (...a: Rest<typeof addLog>) => addLog(deps, ...a),
    raiseIssue: (...a: Rest<typeof raiseIssue>) => raiseIssue(deps, ...a),
    issueToCase: (...a: Rest<typeof issueToCase>) => issueToCase(deps, ...a),
    issueToWhistle: (...a: Rest<typeof issueToWhistle>) => issueToWhistle(deps, ...a),
    residentProjects: (...a: Rest<typeof residentProjects>) => residentProjects(deps, ...a),
    residentProject: (...a: Rest<typeof residentProject>) => residentProject(deps, ...a),
    publicCommunity: (...a: Rest<typeof publicCommunity>) => publicCommunity(deps, ...a),
  };
}

export type SupervisorsService = ReturnType<typeof createSupervisorsService>;
