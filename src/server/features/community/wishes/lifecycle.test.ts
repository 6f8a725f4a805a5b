import { describe, expect, it } from 'vitest';
import { wishActions, wishStates } from '../../../../shared/community-wishes.js';
import { wishActionsFor, wishTransition, wishTransitions } from './lifecycle.js';

describe('micro-wish lifecycle', () => {
  it('has a row for every action', () => {
    expect(Object.keys(wishTransitions).sort()).toEqual([...wishActions].sort());
  });

  it('walks every state × action: only the listed states move, to the listed state', () => {
    for (const state of wishStates)
      for (const action of wishActions) {
        const t = wishTransition(state, action);
        if (wishTransitions[action].from.includes(state)) expect(t?.to).toBe(wishTransitions[action].to);
        else expect(t).toBeNull();
      }
  });

  it('goes submitted → published → claimed → fulfilled → thanked, and ends there', () => {
    expect(wishTransition('submitted', 'approve')?.to).toBe('published');
    expect(wishTransition('published', 'claim')?.to).toBe('claimed');
    expect(wishTransition('claimed', 'fulfil')?.to).toBe('fulfilled');
    expect(wishTransition('fulfilled', 'thank')?.to).toBe('thanked');
    for (const end of ['thanked', 'rejected', 'cancelled'] as const)
      expect(wishActionsFor(end, ['reviewer', 'anyone', 'claimer', 'thanker', 'poster', 'system'])).toEqual([]);
  });

  it('puts a claimed wish back on the wall when the claimer gives up or the deadline passes', () => {
    expect(wishTransition('claimed', 'give_up')?.to).toBe('published');
    expect(wishTransition('claimed', 'expire')?.to).toBe('published');
    expect(wishActionsFor('claimed', ['system'])).toEqual(['expire']);
  });

  it('offers each party only its own buttons', () => {
    expect(wishActionsFor('submitted', ['reviewer'])).toEqual(['approve', 'reject', 'cancel']);
    expect(wishActionsFor('submitted', ['poster'])).toEqual(['cancel']);
    expect(wishActionsFor('published', ['anyone'])).toEqual(['claim']);
    expect(wishActionsFor('published', ['poster'])).toEqual(['cancel']);
    expect(wishActionsFor('claimed', ['claimer'])).toEqual(['give_up', 'fulfil']);
    expect(wishActionsFor('claimed', ['anyone', 'poster'])).toEqual([]);
    expect(wishActionsFor('fulfilled', ['thanker'])).toEqual(['thank']);
    expect(wishActionsFor('fulfilled', ['claimer'])).toEqual([]);
  });
});
