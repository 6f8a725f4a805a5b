import { describe, expect, it } from 'vitest';
import type { VoteMajority, VoteMethod } from '../../../shared/decide.js';
import { tally } from './votes-tally.js';

// The count rules by table: each row is a small vote and what it must decide.

interface Row {
  name: string;
  method: VoteMethod;
  majority: VoteMajority;
  seats?: number;
  quorum?: number;
  eligible: number;
  cast: number;
  votes: number[];
  passed: boolean;
  winners?: number[];
  failure: 'no_quorum' | 'no_majority' | 'tie' | null;
  turnout?: number;
}

const rows: Row[] = [
  {
    name: 'yna simple: more yes than no',
    method: 'yes_no_abstain',
    majority: 'simple',
    eligible: 10,
    cast: 6,
    votes: [3, 2, 1],
    passed: true,
    winners: [0],
    failure: null,
    turnout: 60,
  },
  {
    name: 'yna simple: yes = no fails',
    method: 'yes_no_abstain',
    majority: 'simple',
    eligible: 10,
    cast: 6,
    votes: [2, 2, 2],
    passed: false,
    failure: 'no_majority',
  },
  {
    name: 'yna absolute: 3 of 6 is not more than half',
    method: 'yes_no_abstain',
    majority: 'absolute',
    eligible: 10,
    cast: 6,
    votes: [3, 1, 2],
    passed: false,
    failure: 'no_majority',
  },
  {
    name: 'yna absolute: 4 of 6',
    method: 'yes_no_abstain',
    majority: 'absolute',
    eligible: 10,
    cast: 6,
    votes: [4, 1, 1],
    passed: true,
    winners: [0],
    failure: null,
  },
  {
    name: 'yna two thirds: 4 of 6 is exactly 2/3',
    method: 'yes_no_abstain',
    majority: 'two_thirds',
    eligible: 6,
    cast: 6,
    votes: [4, 2, 0],
    passed: true,
    winners: [0],
    failure: null,
  },
  {
    name: 'yna two thirds: 3 of 5 is short',
    method: 'yes_no_abstain',
    majority: 'two_thirds',
    eligible: 5,
    cast: 5,
    votes: [3, 2, 0],
    passed: false,
    failure: 'no_majority',
  },
  {
    name: 'quorum 50 %: 4 of 10 is short',
    method: 'yes_no_abstain',
    majority: 'simple',
    quorum: 50,
    eligible: 10,
    cast: 4,
    votes: [4, 0, 0],
    passed: false,
    failure: 'no_quorum',
    turnout: 40,
  },
  {
    name: 'quorum 50 %: 5 of 10 is met',
    method: 'yes_no_abstain',
    majority: 'simple',
    quorum: 50,
    eligible: 10,
    cast: 5,
    votes: [3, 2, 0],
    passed: true,
    winners: [0],
    failure: null,
  },
  {
    name: 'quorum 0 % but nobody voted',
    method: 'yes_no_abstain',
    majority: 'simple',
    eligible: 10,
    cast: 0,
    votes: [0, 0, 0],
    passed: false,
    failure: 'no_quorum',
    turnout: 0,
  },
  {
    name: 'turnout rounds to one decimal',
    method: 'yes_no_abstain',
    majority: 'simple',
    eligible: 3,
    cast: 1,
    votes: [1, 0, 0],
    passed: true,
    winners: [0],
    failure: null,
    turnout: 33.3,
  },
  {
    name: 'options simple: plurality',
    method: 'options',
    majority: 'simple',
    eligible: 10,
    cast: 7,
    votes: [3, 2, 2],
    passed: true,
    winners: [0],
    failure: null,
  },
  {
    name: 'options simple: tie at the top',
    method: 'options',
    majority: 'simple',
    eligible: 10,
    cast: 6,
    votes: [3, 3, 0],
    passed: false,
    failure: 'tie',
  },
  {
    name: 'options two seats: tie below the last seat is fine',
    method: 'options',
    majority: 'simple',
    seats: 2,
    eligible: 10,
    cast: 8,
    votes: [5, 4, 2, 2],
    passed: true,
    winners: [0, 1],
    failure: null,
  },
  {
    name: 'options two seats: tie at the last seat',
    method: 'options',
    majority: 'simple',
    seats: 2,
    eligible: 10,
    cast: 8,
    votes: [5, 3, 3, 1],
    passed: false,
    failure: 'tie',
  },
  {
    name: 'options winners listed in ballot order',
    method: 'options',
    majority: 'simple',
    seats: 2,
    eligible: 10,
    cast: 8,
    votes: [1, 6, 0, 5],
    passed: true,
    winners: [1, 3],
    failure: null,
  },
  {
    name: 'options absolute: plurality without half fails',
    method: 'options',
    majority: 'absolute',
    eligible: 10,
    cast: 7,
    votes: [3, 2, 2],
    passed: false,
    failure: 'no_majority',
  },
  {
    name: 'options absolute: each winner more than half of cast',
    method: 'options',
    majority: 'absolute',
    seats: 2,
    eligible: 10,
    cast: 6,
    votes: [4, 4, 1],
    passed: true,
    winners: [0, 1],
    failure: null,
  },
  {
    name: 'options two thirds: second seat short',
    method: 'options',
    majority: 'two_thirds',
    seats: 2,
    eligible: 10,
    cast: 6,
    votes: [4, 3, 1],
    passed: false,
    failure: 'no_majority',
  },
  {
    name: 'options nobody marked',
    method: 'options',
    majority: 'simple',
    eligible: 0,
    cast: 0,
    votes: [0, 0],
    passed: false,
    failure: 'no_quorum',
  },
];

describe('vote tally', () => {
  it.each(rows)('$name', (row) => {
    const counts = row.votes.map((votes, i) => ({ optionId: `o${i}`, label: `L${i}`, votes }));
    const result = tally({
      method: row.method,
      majority: row.majority,
      seats: row.seats ?? 1,
      quorumPercent: row.quorum ?? 0,
      eligible: row.eligible,
      cast: row.cast,
      counts,
    });
    expect(result.passed).toBe(row.passed);
    expect(result.failure).toBe(row.failure);
    expect(result.winners).toEqual((row.winners ?? []).map((i) => `o${i}`));
    expect(result.counts).toEqual(counts);
    if (row.turnout !== undefined) expect(result.turnoutPercent).toBe(row.turnout);
  });
});
