import { describe, expect, it } from 'vitest';
import { ticketActions } from '../../../../shared/hall.js';
import type { TicketState } from '../../../platform/db/schema-hall.js';
import { ticketActionsFrom, ticketTransition, ticketTransitions } from './lifecycle.js';

const states: TicketState[] = ['waiting', 'called', 'serving', 'done', 'skipped', 'absent'];

describe('queue ticket lifecycle', () => {
  it('has a row for every action the clerk may take', () => {
    expect(Object.keys(ticketTransitions).sort()).toEqual([...ticketActions].sort());
  });

  it('walks every state × action: only the listed states move, to the listed state', () => {
    for (const state of states)
      for (const action of ticketActions) {
        const t = ticketTransition(state, action);
        if (ticketTransitions[action].from.includes(state)) expect(t?.to).toBe(ticketTransitions[action].to);
        else expect(t).toBeNull();
      }
  });

  it('reaches done from waiting through called, and ends there', () => {
    expect(ticketTransition('called', 'start')?.to).toBe('serving');
    expect(ticketTransition('serving', 'done')?.to).toBe('done');
    expect(ticketActionsFrom('done')).toEqual([]);
    expect(ticketActionsFrom('absent')).toEqual([]);
    expect(ticketActionsFrom('waiting')).toEqual([]);
  });

  it('lets a skipped ticket back into the queue or be marked absent', () => {
    expect(ticketActionsFrom('skipped').sort()).toEqual(['absent', 'requeue']);
    expect(ticketTransition('skipped', 'requeue')?.to).toBe('waiting');
  });
});
