import { describe, expect, it } from 'vitest';
import { allowedActions, nextState, redemptionTransitions } from './lifecycle.js';

describe('redemption lifecycle (兑换流转)', () => {
  it('staff hand over or cancel a placed redemption; its owner may only cancel', () => {
    expect(nextState('placed', 'hand_over', ['staff'])).toBe('handed_over');
    expect(nextState('placed', 'cancel', ['staff'])).toBe('cancelled');
    expect(nextState('placed', 'cancel', ['owner'])).toBe('cancelled');
    expect(nextState('placed', 'hand_over', ['owner'])).toBeNull();
    expect(allowedActions('placed', ['owner'])).toEqual(['cancel']);
    expect(allowedActions('placed', ['owner', 'staff'])).toEqual(['hand_over', 'cancel']);
  });

  it('a handed-over or cancelled redemption is final for everyone', () => {
    for (const state of ['handed_over', 'cancelled'] as const) {
      expect(Object.keys(redemptionTransitions[state])).toEqual([]);
      for (const action of ['hand_over', 'cancel'] as const)
        expect(nextState(state, action, ['owner', 'staff'])).toBeNull();
      expect(allowedActions(state, ['owner', 'staff'])).toEqual([]);
    }
  });

  it('nobody without a part acts on a redemption', () => {
    expect(allowedActions('placed', [])).toEqual([]);
  });
});
