import { describe, expect, it } from 'vitest';
import {
  allowedSummonsActions,
  findSummonsTransition,
  isSummonsClock,
  summonsActions,
  summonsClocks,
  summonsStates,
  type SummonsParty,
} from './lifecycle.js';

const expected = {
  'summoned acknowledge departmentMember': 'acknowledged',
  'acknowledged checkIn owner': 'arrived',
  'arrived report owner': 'reported',
  'reported score whistler': 'scored',
};

describe('summons lifecycle table', () => {
  it('allows exactly acknowledge → check in → report → score, each by its party', () => {
    const actual: Record<string, string> = {};
    const parties: SummonsParty[] = ['departmentMember', 'owner', 'whistler'];
    for (const s of summonsStates)
      for (const a of summonsActions)
        for (const p of parties) {
          const t = findSummonsTransition(s, a, [p]);
          if (t) actual[`${s} ${a} ${p}`] = t.to;
        }
    expect(actual).toEqual(expected);
  });

  it('lets a department member who is not the owner do nothing after the acknowledgement', () => {
    expect(allowedSummonsActions('acknowledged', ['departmentMember'])).toEqual([]);
    expect(allowedSummonsActions('acknowledged', ['departmentMember', 'owner'])).toEqual(['checkIn']);
    expect(allowedSummonsActions('scored', ['departmentMember', 'owner', 'whistler'])).toEqual([]);
  });

  it('runs the acknowledgement clock until 接哨 and the arrival clock until 报到', () => {
    expect(summonsClocks.ack.runsIn).toEqual(['summoned']);
    expect(summonsClocks.arrive.runsIn).toEqual(['summoned', 'acknowledged']);
    expect(['ack', 'arrive', 'take', 'toString'].filter(isSummonsClock)).toEqual(['ack', 'arrive']);
  });
});
