import type { RedemptionState } from '../../../../platform/db/schema-shop.js';

// 兑换流转: a redemption is placed (points spent, stock taken); the community's staff hand it over
// against the pickup code the resident shows, or it is cancelled (by the resident while placed, or by
// staff) and the points and stock go back. Who may is a column of the same table.

export type RedemptionAction = 'hand_over' | 'cancel';
export type RedemptionActor = 'owner' | 'staff';

export const redemptionTransitions = {
  placed: {
    hand_over: { to: 'handed_over', by: ['staff'] },
    cancel: { to: 'cancelled', by: ['owner', 'staff'] },
  },
  handed_over: {},
  cancelled: {},
} as const satisfies Record<
  RedemptionState,
  Partial<Record<RedemptionAction, { to: RedemptionState; by: readonly RedemptionActor[] }>>
>;

/** The state after `action`, or null when the table has no such move for these parties. */
export function nextState(
  state: RedemptionState,
  action: RedemptionAction,
  parties: readonly RedemptionActor[],
): RedemptionState | null {
  const move = (
    redemptionTransitions[state] as Partial<
      Record<RedemptionAction, { to: RedemptionState; by: readonly RedemptionActor[] }>
    >
  )[action];
  if (!move) return null;
  return move.by.some((p) => parties.includes(p)) ? move.to : null;
}

/** The actions these parties may take now: the buttons the UI shows. */
export const allowedActions = (state: RedemptionState, parties: readonly RedemptionActor[]): RedemptionAction[] =>
  (['hand_over', 'cancel'] as const).filter((a) => nextState(state, a, parties) !== null);
