import { describe, expect, it } from 'vitest';
import {
  nominationActions,
  nominationStates,
  opinionActions,
  opinionStates,
  termActions,
  termStates,
  voteActions,
  voteStates,
} from '../../../../shared/stewards.js';
import {
  actionsFrom,
  nominationLost,
  nominationTransitions,
  opinionTransitions,
  termTransitions,
  transition,
  voteTransitions,
  type Transition,
} from './lifecycle.js';

function walk<S extends string, A extends string>(
  table: Record<A, Transition<S>>,
  states: readonly S[],
  actions: readonly A[],
) {
  expect(Object.keys(table).sort()).toEqual([...actions].sort());
  for (const state of states)
    for (const action of actions) {
      const t = transition(table, state, action);
      if (table[action].from.includes(state)) expect(t?.to).toBe(table[action].to);
      else expect(t).toBeNull();
    }
  for (const action of actions) for (const s of [...table[action].from, table[action].to]) expect(states).toContain(s);
}

describe('steward workflows', () => {
  it('walks every state × action of each table: only the listed states move, to the listed state', () => {
    walk(nominationTransitions, nominationStates, nominationActions);
    walk(voteTransitions, voteStates, voteActions);
    walk(termTransitions, termStates, termActions);
    walk(opinionTransitions, opinionStates, opinionActions);
  });

  it('a nomination is decided once: appointed, rejected, withdrawn and lost end it', () => {
    for (const end of ['appointed', 'rejected', 'withdrawn', 'lost'] as const)
      expect(actionsFrom(nominationTransitions, end, ['community', 'nominee', 'nominator', 'system'])).toEqual([]);
    expect(nominationLost).toEqual({ from: ['nominated'], to: 'lost', by: ['system'] });
  });

  it('offers each party only its own buttons', () => {
    expect(actionsFrom(nominationTransitions, 'nominated', ['community']).sort()).toEqual(['appoint', 'reject']);
    expect(actionsFrom(nominationTransitions, 'nominated', ['nominee'])).toEqual(['withdraw']);
    expect(actionsFrom(nominationTransitions, 'nominated', ['nominator'])).toEqual(['withdraw']);
    expect(actionsFrom(nominationTransitions, 'nominated', ['steward'])).toEqual([]);
    expect(actionsFrom(voteTransitions, 'open', ['community']).sort()).toEqual(['cancel', 'close']);
    expect(actionsFrom(voteTransitions, 'open', ['nominee'])).toEqual([]);
    expect(actionsFrom(termTransitions, 'active', ['steward'])).toEqual([]);
    expect(actionsFrom(termTransitions, 'active', ['community'])).toEqual(['retire']);
    expect(actionsFrom(opinionTransitions, 'collected', ['steward'])).toEqual(['file']);
    expect(actionsFrom(opinionTransitions, 'collected', ['community'])).toEqual([]);
  });

  it('a vote and a term end once: closed, cancelled and retired offer nothing', () => {
    expect(actionsFrom(voteTransitions, 'closed', ['community'])).toEqual([]);
    expect(actionsFrom(voteTransitions, 'cancelled', ['community'])).toEqual([]);
    expect(actionsFrom(termTransitions, 'retired', ['community'])).toEqual([]);
    expect(actionsFrom(opinionTransitions, 'filed', ['steward'])).toEqual([]);
  });
});
