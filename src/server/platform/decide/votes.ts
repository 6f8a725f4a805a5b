import type { VoteElectorate, VoteMajority, VoteMethod, VoteResult, VoteSubjectKind } from '../../../shared/decide.js';
import { yesNoAbstain } from '../../../shared/decide.js';
import type { Executor } from '../audit.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';

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
