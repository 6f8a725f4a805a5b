import type { BookingAction, BookingState } from '../../../../shared/community-rooms.js';

// A booking's life as one table (预约流转): booked → checked in (签到: the booker at the room's QR, or
// staff) → completed (the attended count) | cancelled | no-show (the job, when the end passed with
// nobody checked in). `by` says who may take the action; the UI shows the buttons this table allows.

export type BookingActor = 'booker' | 'staff';
export type BookingMove = BookingAction | 'no_show';

export interface BookingTransition {
  from: readonly BookingState[];
  to: BookingState;
  by: readonly (BookingActor | 'system')[];
}

export const bookingTransitions: Record<BookingMove, BookingTransition> = {
  'check-in': { from: ['booked'], to: 'checked_in', by: ['booker', 'staff'] },
  complete: { from: ['checked_in'], to: 'completed', by: ['booker', 'staff'] },
  cancel: { from: ['booked'], to: 'cancelled', by: ['booker', 'staff'] },
  no_show: { from: ['booked'], to: 'no_show', by: ['system'] },
};

/** The transition of a move from a state by someone, or null when it is out of turn or not theirs. */
export function bookingTransition(
  state: BookingState,
  move: BookingMove,
  who: BookingActor | 'system',
): BookingTransition | null {
  const t = bookingTransitions[move];
  return t.from.includes(state) && t.by.includes(who) ? t : null;
}

/** The actions a person in these roles may take on a booking in this state. */
export const bookingActionsFor = (state: BookingState, roles: readonly BookingActor[]): BookingAction[] =>
  (['check-in', 'complete', 'cancel'] as const).filter((a) => roles.some((r) => bookingTransition(state, a, r)));

/** States whose time is held: a new booking may not overlap them. */
export const holdingStates: readonly BookingState[] = ['booked', 'checked_in', 'completed'];
/** States of a booking that took place (the room was used). */
export const usedStates: readonly BookingState[] = ['checked_in', 'completed'];
