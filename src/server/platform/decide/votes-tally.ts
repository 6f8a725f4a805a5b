import type { VoteMajority, VoteMethod, VoteResult } from '../../../shared/decide.js';

// 计票: the pure count of a closed vote — no database, no clock — so the rules are tested by table.
// Quorum is a share of the roll (eligible); majorities are shares of the ballots cast.

export interface TallyInput {
  method: VoteMethod;
  majority: VoteMajority;
  seats: number;
  quorumPercent: number;
  eligible: number;
  /** ballots cast (a ballot may mark several options) */
  cast: number;
  /** options in their order, with their marks; yes/no/abstain: positions 1, 2, 3 */
  counts: { optionId: string; label: string; votes: number }[];
}

/** Does `votes` reach the majority of `cast` ballots? simple is decided by the caller (comparison). */
const reaches = (majority: VoteMajority, votes: number, cast: number): boolean =>
  majority === 'two_thirds' ? votes * 3 >= cast * 2 : votes * 2 > cast;

type Base = Pick<VoteResult, 'eligible' | 'cast' | 'turnoutPercent' | 'quorumMet' | 'counts'>;
const failed = (base: Base, failure: VoteResult['failure']): VoteResult => ({
  ...base,
  passed: false,
  winners: [],
  failure,
});

function yesNo(input: TallyInput, base: Base): VoteResult {
  const yes = input.counts[0]?.votes ?? 0;
  const no = input.counts[1]?.votes ?? 0;
  const passed = input.majority === 'simple' ? yes > no : reaches(input.majority, yes, input.cast);
  return passed
    ? { ...base, passed, winners: [input.counts[0]!.optionId], failure: null }
    : failed(base, 'no_majority');
}

function options(input: TallyInput, base: Base): VoteResult {
  const { counts } = input;
  const seats = Math.max(1, Math.min(input.seats, counts.length));
  const ranked = [...counts].sort((a, b) => b.votes - a.votes);
  const chosen = ranked.slice(0, seats);
  const last = chosen[chosen.length - 1];
  const next = ranked[seats];
  if (!last || last.votes === 0) return failed(base, 'no_majority');
  // a tie at the last seat: nobody can be told apart, the seats are not filled by lot
  if (next && next.votes === last.votes) return failed(base, 'tie');
  if (input.majority !== 'simple' && !chosen.every((o) => reaches(input.majority, o.votes, input.cast)))
    return failed(base, 'no_majority');
  // winners in the options' order, as the ballot lists them
  const ids = new Set(chosen.map((o) => o.optionId));
  return {
    ...base,
    passed: true,
    winners: counts.filter((o) => ids.has(o.optionId)).map((o) => o.optionId),
    failure: null,
  };
}

export function tally(input: TallyInput): VoteResult {
  const { eligible, cast, counts } = input;
  const turnoutPercent = eligible > 0 ? Math.round((cast * 1000) / eligible) / 10 : 0;
  // quorum_percent of the roll must have voted (exactly: cast × 100 ≥ quorum × eligible)
  const quorumMet = cast > 0 && cast * 100 >= input.quorumPercent * eligible;
  const base: Base = { eligible, cast, turnoutPercent, quorumMet, counts };
  if (!quorumMet) return failed(base, 'no_quorum');
  return input.method === 'yes_no_abstain' ? yesNo(input, base) : options(input, base);
}
