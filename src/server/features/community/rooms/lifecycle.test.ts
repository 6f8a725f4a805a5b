import { describe, expect, it } from 'vitest';
import { bookingStates, type BookingState } from '../../../../shared/community-rooms.js';
import { bookingActionsFor, bookingTransition, bookingTransitions, type BookingMove } from './lifecycle.js';

// The whole table, walked: every state × move × actor, against what the rules say in words.

const expected: Record<BookingState, Partial<Record<BookingMove, BookingState>>> = {
  booked: { 'check-in': 'checked_in', cancel: 'cancelled', no_show: 'no_show' },
  checked_in: { complete: 'completed' },
  completed: {},
  cancelled: {},
  no_show: {},
};

describe('a room booking’s transitions', () => {
  for (const state of bookingStates)
    for (const move of Object.keys(bookingTransitions) as BookingMove[])
      it(`${move} from ${state} ${expected[state][move] ? `goes to ${expected[state][move]}` : 'is refused'}`, () => {
        const by = move === 'no_show' ? 'system' : 'booker';
        expect(bookingTransition(state, move, by)?.to ?? null).toBe(expected[state][move] ?? null);
      });

  it('only the job marks a booking no-show; people never do', () => {
    expect(bookingTransition('booked', 'no_show', 'staff')).toBeNull();
    expect(bookingTransition('booked', 'no_show', 'booker')).toBeNull();
    expect(bookingTransition('booked', 'no_show', 'system')?.to).toBe('no_show');
  });

  it('the job takes none of the people’s actions', () => {
    expect(bookingTransition('booked', 'check-in', 'system')).toBeNull();
    expect(bookingTransition('booked', 'cancel', 'system')).toBeNull();
  });

  it('offers the buttons of each state', () => {
    expect(bookingActionsFor('booked', ['booker'])).toEqual(['check-in', 'cancel']);
    expect(bookingActionsFor('checked_in', ['staff'])).toEqual(['complete']);
    expect(bookingActionsFor('completed', ['booker', 'staff'])).toEqual([]);
    expect(bookingActionsFor('booked', [])).toEqual([]);
  });
});
