import { wishActions, type WishAction, type WishState } from '../../../../shared/community-wishes.js';

// 微心愿的一生, as one table: submitted (待审核) → published (心愿墙) | rejected; published → claimed (认领)
// → fulfilled (圆梦) → thanked (致谢); a claim given up or past its fulfil deadline puts the wish back
// on the wall; the poster may cancel it before anyone claims it. `who` names the party that may take
// the action; the service decides whether the actor is that party, and the UI shows only those buttons.

/** reviewer: community:manage over the wish's place · anyone: a logged-in person who sees the wall
 * (not the beneficiary or poster) · claimer: the person who claimed it (or a liaison of the claiming
 * unit) · thanker: the beneficiary or the poster on their behalf · poster: who posted it · system: a job */
export type WishParty = 'reviewer' | 'anyone' | 'claimer' | 'thanker' | 'poster' | 'system';

export interface WishTransition {
  from: readonly WishState[];
  to: WishState;
  who: readonly WishParty[];
}

export const wishTransitions: Record<WishAction, WishTransition> = {
  approve: { from: ['submitted'], to: 'published', who: ['reviewer'] },
  reject: { from: ['submitted'], to: 'rejected', who: ['reviewer'] },
  claim: { from: ['published'], to: 'claimed', who: ['anyone'] },
  give_up: { from: ['claimed'], to: 'published', who: ['claimer'] },
  expire: { from: ['claimed'], to: 'published', who: ['system'] },
  fulfil: { from: ['claimed'], to: 'fulfilled', who: ['claimer'] },
  thank: { from: ['fulfilled'], to: 'thanked', who: ['thanker'] },
  cancel: { from: ['submitted', 'published'], to: 'cancelled', who: ['poster', 'reviewer'] },
};

/** The transition of an action from a state, or null when it is out of turn. */
export const wishTransition = (state: WishState, action: WishAction): WishTransition | null => {
  const t = wishTransitions[action];
  return t.from.includes(state) ? t : null;
};

/** The actions a wish in this state offers to an actor who is each of `parties`. */
export const wishActionsFor = (state: WishState, parties: readonly WishParty[]): WishAction[] =>
  wishActions.filter((a) => {
    const t = wishTransitions[a];
    return t.from.includes(state) && t.who.some((w) => parties.includes(w));
  });
