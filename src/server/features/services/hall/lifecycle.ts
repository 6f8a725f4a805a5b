import type { TicketAction } from '../../../../shared/hall.js';
import type { TicketState } from '../../../platform/db/schema-hall.js';

// A queue ticket's life, as one table: waiting → called (叫号, by the window's call-next) → serving
// → done; a ticket nobody answers is skipped (过号) and may be put back in the queue or marked absent.
// The console reads the same table to show the buttons.

export interface TicketTransition {
  from: readonly TicketState[];
  to: TicketState;
  /** What else the transition stamps on the ticket. */
  stamps: 'recall' | 'done' | 'requeue' | null;
}

export const ticketTransitions: Record<TicketAction, TicketTransition> = {
  recall: { from: ['called'], to: 'called', stamps: 'recall' },
  start: { from: ['called'], to: 'serving', stamps: null },
  done: { from: ['called', 'serving'], to: 'done', stamps: 'done' },
  skip: { from: ['called'], to: 'skipped', stamps: null },
  requeue: { from: ['skipped'], to: 'waiting', stamps: 'requeue' },
  absent: { from: ['skipped'], to: 'absent', stamps: null },
};

/** The transition of an action from a state, or null when it is out of turn. */
export const ticketTransition = (state: TicketState, action: TicketAction): TicketTransition | null => {
  const t = ticketTransitions[action];
  return t.from.includes(state) ? t : null;
};

/** The actions a ticket in this state offers. */
export const ticketActionsFrom = (state: TicketState): TicketAction[] =>
  (Object.keys(ticketTransitions) as TicketAction[]).filter((a) => ticketTransitions[a].from.includes(state));
