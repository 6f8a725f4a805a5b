import { describe, expect, it } from 'vitest';
import {
  allowedDisputeActions,
  disputeActions,
  disputeStatuses,
  disputeTransitions,
  nextDisputeStatus,
} from './lifecycle.js';

describe('dispute workflow table', () => {
  it('offers in each state exactly the actions that lead somewhere from it', () => {
    for (const status of disputeStatuses)
      for (const action of disputeActions)
        expect(allowedDisputeActions(status).includes(action)).toBe(
          nextDisputeStatus(action, status, 'agreed') !== null,
        );
  });

  it('ends a mediation in the state its outcome names', () => {
    expect(nextDisputeStatus('mediate', 'open', 'agreed')).toBe('agreed');
    expect(nextDisputeStatus('mediate', 'mediating', 'not_agreed')).toBe('failed');
    expect(nextDisputeStatus('mediate', 'failed', 'adjourned')).toBe('mediating');
    expect(nextDisputeStatus('mediate', 'agreed', 'agreed')).toBeNull();
  });

  it('keeps the state on a follow-up and closes only what was agreed or handed over', () => {
    expect(nextDisputeStatus('followup', 'handed_over')).toBe('handed_over');
    expect(nextDisputeStatus('close', 'agreed')).toBe('closed');
    expect(nextDisputeStatus('close', 'open')).toBeNull();
    expect(allowedDisputeActions('closed')).toEqual(['followup']);
  });

  it('leads only to known states', () => {
    const targets = Object.values(disputeTransitions).flatMap((t) =>
      typeof t.to === 'string' ? [t.to] : Object.values(t.to),
    );
    for (const target of targets) expect([...disputeStatuses, 'same']).toContain(target);
  });
});
