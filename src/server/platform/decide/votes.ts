import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { VoteElectorate, VoteMajority, VoteMethod, VoteResult, VoteSubjectKind } from '../../../shared/decide.js';
import { yesNoAbstain } from '../../../shared/decide.js';
import { ageOn } from '../../../shared/identity.js';
import { recordAudit, type Executor } from '../audit.js';
import { registryResidentsOf } from '../community/person.js';
import { shanghaiDate } from '../deadlines.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { defineJob, queueJob } from '../jobs.js';
import { systemActor } from '../policy.js';
import { pathUnder } from '../scope.js';
import { tally } from './votes-tally.js';

// 表决 (issue 17): the one vote machinery of Linli. Deliberation meetings, supervisor elections,
// steward elections and stand-alone votes all create their vote here and read its result from here;
// nobody else writes votes, vote_options, vote_electors, vote_ballots or vote_marks.
//
// The rules it keeps:
// - Who may vote is the roll, frozen when the vote opens: the active registry residents (adults) of
//   the scope place, or its households for one-per-household votes.
// - One ballot per elector: `vote_electors.voted_at` is set by one guarded UPDATE (… WHERE voted_at IS
//   NULL) in the same transaction as the ballot; a second attempt — by phone or on paper, at once or
//   later — finds no row to update and is refused. Phone: the resident who logged in by phone code is
//   matched to the roll through the registry (people with that phone). Paper: staff record the ballot
//   of a named elector at the meeting. Never both.
// - Secret votes: the ballot row holds no elector, no user, no time and a random id, so the database
//   cannot link a ballot to its voter. Open votes name the elector on the ballot.
// - Receipt: the voter gets a random code; only its hash is stored with the ballot. Checking it says
//   the ballot was counted (and, in an open vote, what it marked) — never the choice of a secret one.
// - Results are computed once, when the vote closes (by hand, or by the job at closes_at), frozen in
//   votes.result, and not shown before; quorum and majority per VoteResult.
// - Closing calls the outcome handler registered for the vote's subject kind (a steward election
//   appoints its winner, a supervisor election makes its supervisors) in the same transaction.

export interface VoteSpec {
  tenantId: string;
  communityId: string;
  /** the community, a grid or a building: whose residents or households are on the roll */
  scopePlaceId: string;
  subject: { kind: VoteSubjectKind; id: string | null };
  title: string;
  description?: string;
  method: VoteMethod;
  /** method 'options': the labels in order, each optionally naming what it stands for (a candidate) */
  options?: { label: string; refId?: string | null }[];
  maxChoices?: number;
  seats?: number;
  secret: boolean;
  electorate: VoteElectorate;
  allowPhone: boolean;
  allowPaper: boolean;
  quorumPercent: number;
  majority: VoteMajority;
  opensAt: Date | null;
  closesAt: Date | null;
  createdBy: string;
}

const yesNoLabels: Record<(typeof yesNoAbstain)[number], string> = { yes: '同意', no: '反对', abstain: '弃权' };

/** Create a vote in draft with its options; returns its id. The caller audits its own operation. */
export async function createVote(trx: Executor, spec: VoteSpec, now: Date): Promise<string> {
  const options =
    spec.method === 'yes_no_abstain'
      ? yesNoAbstain.map((k) => ({ label: yesNoLabels[k], refId: null }))
      : (spec.options ?? []);
  if (spec.method === 'options' && options.length < 2) throw new AppError('VOTE_OPTIONS_INVALID');
  const id = newId();
  await trx
    .insertInto('votes')
    .values({
      id,
      tenant_id: spec.tenantId,
      community_id: spec.communityId,
      scope_place_id: spec.scopePlaceId,
      scope_path: (
        await trx.selectFrom('places').select('path').where('id', '=', spec.scopePlaceId).executeTakeFirstOrThrow()
      ).path,
      subject_kind: spec.subject.kind,
      subject_id: spec.subject.id,
      title: spec.title,
      description: spec.description ?? '',
      method: spec.method,
      max_choices: spec.method === 'yes_no_abstain' ? 1 : (spec.maxChoices ?? 1),
      seats: spec.method === 'yes_no_abstain' ? 1 : (spec.seats ?? 1),
      secret: spec.secret,
      electorate: spec.electorate,
      allow_phone: spec.allowPhone,
      allow_paper: spec.allowPaper,
      quorum_percent: spec.quorumPercent,
      majority: spec.majority,
      state: 'draft',
      opens_at: spec.opensAt,
      closes_at: spec.closesAt,
      created_by: spec.createdBy,
      created_at: now,
    })
    .execute();
  await trx
    .insertInto('vote_options')
    .values(
      options.map((o, i) => ({
        id: newId(),
        tenant_id: spec.tenantId,
        vote_id: id,
        position: i + 1,
        label: o.label,
        ref_id: o.refId ?? null,
      })),
    )
    .execute();
  return id;
}

/** What a caller asks of the kernel beyond creating; implemented by the votes area (issue 17). */
export interface VoteKernel {
  /** draft → open: freeze the roll (eligible_count) now; opens_at is when phones may vote. */
  openVote(trx: Executor, voteId: string, by: string, now: Date): Promise<void>;
  /** A resident's ballot by phone; returns the receipt code (shown once). Refuses: not open, not on the roll, already voted, bad marks. */
  castByPhone(
    trx: Executor,
    voteId: string,
    userId: string,
    optionIds: string[],
    now: Date,
  ): Promise<{ receipt: string }>;
  /** A paper ballot recorded by staff for one elector of the roll; same guard as the phone. */
  recordPaper(
    trx: Executor,
    voteId: string,
    electorId: string,
    optionIds: string[],
    staffUserId: string,
    now: Date,
  ): Promise<{ receipt: string }>;
  /** open → closed: count, freeze the result, run the subject's outcome handler. */
  closeVote(trx: Executor, voteId: string, by: string | null, now: Date): Promise<VoteResult>;
  /** draft/open → cancelled, with a reason; ballots stay uncounted. */
  cancelVote(trx: Executor, voteId: string, by: string, reason: string, now: Date): Promise<void>;
  /** The frozen result, or null while the vote is not closed. */
  voteResult(db: Executor, voteId: string): Promise<VoteResult | null>;
  /** Was the ballot with this receipt counted in this vote (and, open votes only, what it marked)? */
  checkReceipt(db: Executor, voteId: string, receipt: string): Promise<{ counted: boolean; marks: string[] | null }>;
}

/** What runs when a vote of a subject kind closes (in the closing transaction). */
export type VoteOutcomeHandler = (
  trx: Executor,
  vote: { id: string; subjectId: string | null },
  result: VoteResult,
  now: Date,
) => Promise<void>;

const outcomeHandlers = new Map<VoteSubjectKind, VoteOutcomeHandler>();

/** A feature says what a closed vote of its kind does (registered when its API is built; one per kind). */
export function onVoteClosed(kind: VoteSubjectKind, handler: VoteOutcomeHandler): void {
  outcomeHandlers.set(kind, handler);
}

/** The handler of a kind, for the kernel's close. */
export const voteOutcomeHandler = (kind: VoteSubjectKind): VoteOutcomeHandler | undefined => outcomeHandlers.get(kind);

// ——— The kernel (issue 17, votes area) ———

type VoteRow = NonNullable<Awaited<ReturnType<typeof findVote>>>;

const findVote = (db: Executor, voteId: string) =>
  db.selectFrom('votes').selectAll().where('id', '=', voteId).executeTakeFirst();

async function voteOrThrow(db: Executor, voteId: string): Promise<VoteRow> {
  const vote = await findVote(db, voteId);
  if (!vote) throw new AppError('NOT_FOUND');
  return vote;
}

/** A receipt the voter can read aloud: 12 characters of an unambiguous alphabet in groups of four. */
const receiptAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newReceipt(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => receiptAlphabet[b % receiptAlphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
/** Only this is stored: the receipt is shown to the voter once and kept nowhere else. */
export const receiptHash = (voteId: string, receipt: string): string =>
  createHash('sha256').update(`${voteId}:${receipt.trim().toUpperCase()}`).digest('hex');

/** The close job: runs at closes_at; harmless when the vote was closed, cancelled or moved meanwhile. */
export const voteCloseJob = defineJob({
  kind: 'vote.close',
  payload: z.object({ voteId: z.string().min(1), due: z.string().min(1) }),
  handler: async (trx, payload, { now }) => {
    const vote = await findVote(trx, payload.voteId);
    if (!vote || vote.state !== 'open' || !vote.closes_at) return;
    if (new Date(vote.closes_at).toISOString() !== payload.due || new Date(vote.closes_at) > now) return;
    const result = await closeVote(trx, vote.id, null, now);
    await recordAudit(
      trx,
      systemActor(),
      {
        action: 'vote.closed',
        entityType: 'vote',
        entityId: vote.id,
        tenantId: vote.tenant_id,
        after: { passed: result.passed, failure: result.failure },
      },
      now,
    );
  },
});

/** draft → open: freeze the roll (eligible_count) now; opens_at is when phones may vote. */
export async function openVote(trx: Executor, voteId: string, _by: string, now: Date): Promise<void> {
  const vote = await voteOrThrow(trx, voteId);
  if (vote.state !== 'draft') throw new AppError('VOTE_STATE');
  if (!vote.closes_at || new Date(vote.closes_at) <= now) throw new AppError('VOTE_TIMES_INVALID');
  const households = await trx
    .selectFrom('residents')
    .innerJoin('places as h', 'h.id', 'residents.household_id')
    .select(['residents.id', 'residents.household_id', 'residents.birth_date'])
    .where('residents.status', '=', 'active')
    .where('residents.tenant_id', '=', vote.tenant_id)
    .where('h.status', '=', 'active')
    .where(pathUnder('h.path', vote.scope_path))
    .orderBy('residents.id')
    .execute();
  const today = shanghaiDate(now.getTime());
  // residents: adults of the registry (a record without a birth date counts as adult: the registry keeps
  // minors by their ID number); households: every household with at least one active resident
  const roll =
    vote.electorate === 'residents'
      ? households
          .filter((r) => (ageOn(dateText(r.birth_date), today) ?? 18) >= 18)
          .map((r) => ({ elector_id: r.id, household_id: r.household_id }))
      : [...new Set(households.map((r) => r.household_id))].map((h) => ({ elector_id: h, household_id: h }));
  if (roll.length === 0) throw new AppError('VOTE_ROLL_EMPTY');
  for (let i = 0; i < roll.length; i += 500)
    await trx
      .insertInto('vote_electors')
      .values(roll.slice(i, i + 500).map((e) => ({ ...e, vote_id: vote.id, tenant_id: vote.tenant_id })))
      .execute();
  await trx
    .updateTable('votes')
    .set({ state: 'open', eligible_count: roll.length, opened_at: now, opens_at: vote.opens_at ?? now })
    .where('id', '=', vote.id)
    .where('state', '=', 'draft')
    .execute();
  const due = new Date(vote.closes_at);
  await queueJob(
    trx,
    { now: () => now },
    voteCloseJob,
    { voteId: vote.id, due: due.toISOString() },
    {
      runAt: due,
      dedupeKey: `vote.close:${vote.id}:${due.toISOString()}`,
    },
  );
}

const dateText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);

/** The vote takes ballots now: open, inside its times. */
function assertTakesBallots(vote: VoteRow, now: Date): void {
  if (vote.state !== 'open') throw new AppError('VOTE_NOT_OPEN');
  if (vote.opens_at && new Date(vote.opens_at) > now) throw new AppError('VOTE_NOT_OPEN');
  if (vote.closes_at && new Date(vote.closes_at) <= now) throw new AppError('VOTE_NOT_OPEN');
}

/** 1..max_choices distinct options of this vote. */
async function checkMarks(db: Executor, vote: VoteRow, optionIds: string[]): Promise<string[]> {
  const marks = [...new Set(optionIds)];
  if (marks.length !== optionIds.length || marks.length < 1 || marks.length > vote.max_choices)
    throw new AppError('VOTE_MARKS_INVALID');
  const found = await db
    .selectFrom('vote_options')
    .select('id')
    .where('vote_id', '=', vote.id)
    .where('id', 'in', marks)
    .execute();
  if (found.length !== marks.length) throw new AppError('VOTE_MARKS_INVALID');
  return marks;
}

/** The ballot and its marks; a secret ballot has a random id and no elector. */
async function insertBallot(trx: Executor, vote: VoteRow, electorId: string, marks: string[]) {
  const receipt = newReceipt();
  const ballotId = vote.secret ? randomUUID() : newId();
  await trx
    .insertInto('vote_ballots')
    .values({
      id: ballotId,
      tenant_id: vote.tenant_id,
      vote_id: vote.id,
      elector_id: vote.secret ? null : electorId,
      receipt_hash: receiptHash(vote.id, receipt),
    })
    .execute();
  await trx
    .insertInto('vote_marks')
    .values(marks.map((option_id) => ({ tenant_id: vote.tenant_id, ballot_id: ballotId, option_id })))
    .execute();
  return { receipt };
}

/** The electors of the roll a phone user stands for (their registry records, or their households). */
export async function electorsOfUser(db: Executor, voteId: string, userId: string) {
  const records = await registryResidentsOf(db, userId);
  if (records.length === 0) return [];
  const ids = records.map((r) => r.id);
  const households = await db.selectFrom('residents').select('household_id').where('id', 'in', ids).execute();
  const electorIds = [...new Set([...ids, ...households.map((h) => h.household_id)])];
  // one statement, one snapshot: whether the user voted and which elector is free are read together
  return db
    .selectFrom('vote_electors')
    .select(['elector_id', 'household_id', 'voted_at', 'channel', 'voter_user_id'])
    .where('vote_id', '=', voteId)
    .where('elector_id', 'in', electorIds)
    .orderBy('elector_id')
    .execute();
}

/** The guard against a second ballot: exactly one transaction sets voted_at. */
async function markVoted(
  trx: Executor,
  voteId: string,
  electorId: string,
  set: { channel: 'phone' | 'paper'; voter_user_id: string | null; recorded_by: string | null },
  now: Date,
): Promise<void> {
  const updated = await trx
    .updateTable('vote_electors')
    .set({ voted_at: now, ...set })
    .where('vote_id', '=', voteId)
    .where('elector_id', '=', electorId)
    .where('voted_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('VOTE_ALREADY_VOTED');
}

/** A resident's ballot by phone; returns the receipt code (shown once). */
export async function castByPhone(
  trx: Executor,
  voteId: string,
  userId: string,
  optionIds: string[],
  now: Date,
): Promise<{ receipt: string }> {
  const vote = await voteOrThrow(trx, voteId);
  assertTakesBallots(vote, now);
  if (!vote.allow_phone) throw new AppError('VOTE_CHANNEL_CLOSED');
  const electors = await electorsOfUser(trx, vote.id, userId);
  if (electors.length === 0) throw new AppError('VOTE_NOT_ELIGIBLE');
  // one ballot per user, even when several registry records carry their phone
  if (electors.some((e) => e.voter_user_id === userId)) throw new AppError('VOTE_ALREADY_VOTED');
  const free = electors.find((e) => e.voted_at === null);
  if (!free) throw new AppError('VOTE_ALREADY_VOTED');
  const marks = await checkMarks(trx, vote, optionIds);
  await markVoted(trx, vote.id, free.elector_id, { channel: 'phone', voter_user_id: userId, recorded_by: null }, now);
  return insertBallot(trx, vote, free.elector_id, marks);
}

/** A paper ballot recorded by staff for one elector of the roll; same guard as the phone. */
export async function recordPaper(
  trx: Executor,
  voteId: string,
  electorId: string,
  optionIds: string[],
  staffUserId: string,
  now: Date,
): Promise<{ receipt: string }> {
  const vote = await voteOrThrow(trx, voteId);
  assertTakesBallots(vote, now);
  if (!vote.allow_paper) throw new AppError('VOTE_CHANNEL_CLOSED');
  const elector = await trx
    .selectFrom('vote_electors')
    .select(['elector_id', 'voted_at'])
    .where('vote_id', '=', vote.id)
    .where('elector_id', '=', electorId)
    .executeTakeFirst();
  if (!elector) throw new AppError('VOTE_NOT_ELIGIBLE');
  if (elector.voted_at !== null) throw new AppError('VOTE_ALREADY_VOTED');
  const marks = await checkMarks(trx, vote, optionIds);
  await markVoted(trx, vote.id, electorId, { channel: 'paper', voter_user_id: null, recorded_by: staffUserId }, now);
  return insertBallot(trx, vote, electorId, marks);
}

/** open → closed: count, freeze the result, run the subject's outcome handler. */
export async function closeVote(trx: Executor, voteId: string, by: string | null, now: Date): Promise<VoteResult> {
  const vote = await voteOrThrow(trx, voteId);
  if (vote.state !== 'open') throw new AppError('VOTE_STATE');
  const options = await trx
    .selectFrom('vote_options')
    .leftJoin('vote_marks', 'vote_marks.option_id', 'vote_options.id')
    .select(['vote_options.id', 'vote_options.label', (eb) => eb.fn.count<string>('vote_marks.ballot_id').as('votes')])
    .where('vote_options.vote_id', '=', vote.id)
    .groupBy(['vote_options.id', 'vote_options.label', 'vote_options.position'])
    .orderBy('vote_options.position')
    .execute();
  const cast = await trx
    .selectFrom('vote_ballots')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('vote_id', '=', vote.id)
    .executeTakeFirstOrThrow();
  const result = tally({
    method: vote.method,
    majority: vote.majority,
    seats: vote.seats,
    quorumPercent: vote.quorum_percent,
    eligible: vote.eligible_count ?? 0,
    cast: Number(cast.n),
    counts: options.map((o) => ({ optionId: o.id, label: o.label, votes: Number(o.votes) })),
  });
  const closed = await trx
    .updateTable('votes')
    .set({ state: 'closed', closed_at: now, closed_by: by, result: JSON.stringify(result) })
    .where('id', '=', vote.id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) !== 1) throw new AppError('VOTE_STATE');
  const handler = voteOutcomeHandler(vote.subject_kind);
  if (handler) await handler(trx, { id: vote.id, subjectId: vote.subject_id }, result, now);
  return result;
}

/** draft/open → cancelled, with a reason; ballots stay uncounted. */
export async function cancelVote(trx: Executor, voteId: string, _by: string, reason: string, now: Date): Promise<void> {
  const cancelled = await trx
    .updateTable('votes')
    .set({ state: 'cancelled', cancel_reason: reason, closed_at: now })
    .where('id', '=', voteId)
    .where('state', 'in', ['draft', 'open'])
    .executeTakeFirst();
  if (Number(cancelled.numUpdatedRows) !== 1) {
    await voteOrThrow(trx, voteId);
    throw new AppError('VOTE_STATE');
  }
}

/** The frozen result, or null while the vote is not closed. */
export async function voteResult(db: Executor, voteId: string): Promise<VoteResult | null> {
  const vote = await db.selectFrom('votes').select(['state', 'result']).where('id', '=', voteId).executeTakeFirst();
  if (!vote) throw new AppError('NOT_FOUND');
  return vote.state === 'closed' && vote.result ? parseResult(vote.result) : null;
}

/** jsonb arrives parsed from both drivers; a string is parsed once more to be safe. */
export const parseResult = (value: unknown): VoteResult =>
  (typeof value === 'string' ? JSON.parse(value) : value) as VoteResult;

/** Was the ballot with this receipt counted in this vote (and, open votes only, what it marked)? */
export async function checkReceipt(
  db: Executor,
  voteId: string,
  receipt: string,
): Promise<{ counted: boolean; marks: string[] | null }> {
  const vote = await voteOrThrow(db, voteId);
  const ballot = await db
    .selectFrom('vote_ballots')
    .select('id')
    .where('vote_id', '=', vote.id)
    .where('receipt_hash', '=', receiptHash(vote.id, receipt))
    .executeTakeFirst();
  if (!ballot) return { counted: false, marks: null };
  if (vote.secret) return { counted: true, marks: null };
  const marks = await db
    .selectFrom('vote_marks')
    .innerJoin('vote_options', 'vote_options.id', 'vote_marks.option_id')
    .select('vote_options.id')
    .where('vote_marks.ballot_id', '=', ballot.id)
    .orderBy('vote_options.position')
    .execute();
  return { counted: true, marks: marks.map((m) => m.id) };
}

/** The kernel as one object, for callers that take it as a dependency. */
export const voteKernel: VoteKernel = {
  openVote,
  castByPhone,
  recordPaper,
  closeVote,
  cancelVote,
  voteResult,
  checkReceipt,
};
