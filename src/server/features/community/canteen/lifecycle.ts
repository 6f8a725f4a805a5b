import type { CanteenOrderState } from '../../../platform/db/schema-canteen.js';

// 订餐: an order is placed by a resident; the canteen serves it (a meal record is made) or it is
// cancelled — by the resident while it is not served, or by the canteen. Who may is a column.

export const orderActions = ['serve', 'cancel'] as const;
export type OrderAction = (typeof orderActions)[number];
export type OrderActor = 'resident' | 'operator';

export const orderTransitions = {
  placed: {
    serve: { to: 'served', by: ['operator'] },
    cancel: { to: 'cancelled', by: ['resident', 'operator'] },
  },
  served: {},
  cancelled: {},
} as const satisfies Record<
  CanteenOrderState,
  Partial<Record<OrderAction, { to: CanteenOrderState; by: readonly OrderActor[] }>>
>;

/** The next state, or null when the action is not allowed in this state for this actor. */
export function nextOrderState(
  state: CanteenOrderState,
  action: OrderAction,
  by: OrderActor,
): CanteenOrderState | null {
  const step = (
    orderTransitions[state] as Partial<Record<OrderAction, { to: CanteenOrderState; by: readonly OrderActor[] }>>
  )[action];
  return step && step.by.includes(by) ? step.to : null;
}

/** What the actor may do to an order in this state: the buttons the pages show. */
export const orderActionsFor = (state: CanteenOrderState, by: OrderActor): OrderAction[] =>
  orderActions.filter((a) => nextOrderState(state, a, by) !== null);
