import type {
  NominationAction,
  NominationState,
  OpinionAction,
  OpinionState,
  TermAction,
  TermState,
  VoteAction,
  VoteState,
} from '../../../../shared/stewards.js';

// 楼门管家's workflows as tables (state × action → next, and who may). The console and the phone
// read the same tables (through the `actions` of each record) for their buttons.
//
//   nomination: nominated → appointed (the community appoints; a closed vote appoints its winner)
//                         → rejected (the community) | withdrawn (the nominee or whoever nominated)
//                         → lost (a closed vote with another winner)
//   vote:       open → closed (counted; the winner appointed) | cancelled
//   term:       active → retired (reason; the steward membership ends) — then a by-election
//   opinion:    collected → filed (one tap makes it a case)

/** Who may take an action: the community (community:manage at the building), the nominee or nominator, the steward. */
export type Party = 'community' | 'nominee' | 'nominator' | 'steward' | 'system';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  by: readonly Party[];
}

export const nominationTransitions: Record<NominationAction, Transition<NominationState>> = {
  appoint: { from: ['nominated'], to: 'appointed', by: ['community', 'system'] },
  reject: { from: ['nominated'], to: 'rejected', by: ['community'] },
  withdraw: { from: ['nominated'], to: 'withdrawn', by: ['nominee', 'nominator'] },
};

/** What a closed vote does to the candidates who did not win (not an action anyone takes). */
export const nominationLost: Transition<NominationState> = { from: ['nominated'], to: 'lost', by: ['system'] };

export const voteTransitions: Record<VoteAction, Transition<VoteState>> = {
  close: { from: ['open'], to: 'closed', by: ['community'] },
  cancel: { from: ['open'], to: 'cancelled', by: ['community'] },
};

export const termTransitions: Record<TermAction, Transition<TermState>> = {
  retire: { from: ['active'], to: 'retired', by: ['community'] },
};

export const opinionTransitions: Record<OpinionAction, Transition<OpinionState>> = {
  file: { from: ['collected'], to: 'filed', by: ['steward'] },
};

/** The transition of an action from a state, or null when it is out of turn. */
export function transition<S extends string, A extends string>(
  table: Record<A, Transition<S>>,
  state: S,
  action: A,
): Transition<S> | null {
  const t = table[action];
  return t && t.from.includes(state) ? t : null;
}

/** The actions one of `who` may take on a record in this state: what the UI offers. */
export function actionsFrom<S extends string, A extends string>(
  table: Record<A, Transition<S>>,
  state: S,
  who: readonly Party[],
): A[] {
  return (Object.keys(table) as A[]).filter(
    (a) => table[a].from.includes(state) && table[a].by.some((b) => who.includes(b)),
  );
}
