import { describe, expect, it } from 'vitest';
import { actionHandlers } from './actions/handlers.js';
import {
  allowedActions,
  caseHandlers,
  caseActions,
  caseStates,
  caseTransitions,
  findTransition,
  nextState,
  type CaseAction,
  type CaseState,
  type Party,
} from './lifecycle.js';

// The whole table, walked: for every state, action and party, the expected outcome is written here
// independently of the table, so a change to the table must be a deliberate change to this list.
const expected: Record<string, string> = {
  'submitted accept dispatcher': 'accepted',
  'submitted reject dispatcher': 'rejected',
  'accepted reject dispatcher': 'rejected',
  'submitted contact dispatcher': 'submitted',
  'accepted contact dispatcher': 'accepted',
  'dispatched contact dispatcher': 'dispatched',
  'in_progress contact dispatcher': 'in_progress',
  'suspended contact dispatcher': 'suspended',
  'submitted contact assignee': 'submitted',
  'accepted contact assignee': 'accepted',
  'dispatched contact assignee': 'dispatched',
  'in_progress contact assignee': 'in_progress',
  'suspended contact assignee': 'suspended',
  'accepted dispatch dispatcher': 'dispatched',
  'dispatched take assignee': 'in_progress',
  'dispatched return assignee': 'accepted',
  'in_progress return assignee': 'accepted',
  'accepted suspend dispatcher': 'suspended',
  'dispatched suspend dispatcher': 'suspended',
  'in_progress suspend dispatcher': 'suspended',
  'suspended resume dispatcher': '(previous)',
  'in_progress requestExtension assignee': 'in_progress',
  'in_progress approveExtension dispatcher': 'in_progress',
  'accepted escalate dispatcher': 'accepted',
  'dispatched escalate dispatcher': 'dispatched',
  'in_progress escalate dispatcher': 'in_progress',
  'accepted escalate system': 'accepted',
  'dispatched escalate system': 'dispatched',
  'in_progress escalate system': 'in_progress',
  'accepted resolve dispatcher': 'resolved',
  'in_progress resolve assignee': 'resolved',
  'resolved callback dispatcher': 'resolved',
  'resolved rateSatisfied reporter': 'closed',
  'resolved rateReopen reporter': 'accepted',
  'resolved rateEscalate reporter': 'accepted',
  'resolved close dispatcher': 'closed',
  'resolved close system': 'closed',
  // 备注, and the grid worker who entered the case for a resident: calls back and notes, nothing more (issue 14)
  'submitted note dispatcher': 'submitted',
  'accepted note dispatcher': 'accepted',
  'dispatched note dispatcher': 'dispatched',
  'in_progress note dispatcher': 'in_progress',
  'suspended note dispatcher': 'suspended',
  'resolved note dispatcher': 'resolved',
  'submitted note assignee': 'submitted',
  'accepted note assignee': 'accepted',
  'dispatched note assignee': 'dispatched',
  'in_progress note assignee': 'in_progress',
  'suspended note assignee': 'suspended',
  'resolved note assignee': 'resolved',
  'submitted note reporterWorker': 'submitted',
  'accepted note reporterWorker': 'accepted',
  'dispatched note reporterWorker': 'dispatched',
  'in_progress note reporterWorker': 'in_progress',
  'suspended note reporterWorker': 'suspended',
  'resolved note reporterWorker': 'resolved',
  'submitted contact reporterWorker': 'submitted',
  'accepted contact reporterWorker': 'accepted',
  'dispatched contact reporterWorker': 'dispatched',
  'in_progress contact reporterWorker': 'in_progress',
  'suspended contact reporterWorker': 'suspended',
};
const parties: Party[] = ['dispatcher', 'assignee', 'reporter', 'system', 'reporterWorker'];

describe('case lifecycle table', () => {
  it('allows exactly the listed transitions, for exactly the listed parties', () => {
    const actual: Record<string, string> = {};
    for (const state of caseStates) {
      for (const action of caseActions) {
        for (const party of parties) {
          const t = findTransition(state, action, [party]);
          if (t) actual[`${state} ${action} ${party}`] = t.to === 'previous' ? '(previous)' : nextState(t, state, null);
        }
      }
    }
    expect(actual).toEqual(expected);
  });

  it('returns to the state before a suspension', () => {
    const resume = findTransition('suspended', 'resume', ['dispatcher'])!;
    expect(nextState(resume, 'suspended', 'in_progress')).toBe('in_progress');
  });

  it('lets nobody act on a closed or rejected case, and lets a handler only work what was sent', () => {
    for (const state of ['closed', 'rejected'] as CaseState[]) expect(allowedActions(state, parties)).toEqual([]);
    expect(allowedActions('dispatched', ['assignee'])).toEqual(['contact', 'take', 'return', 'note']);
    expect(allowedActions('submitted', ['assignee'])).toEqual(['contact', 'note']);
    for (const state of caseStates.filter((s) => s !== 'closed' && s !== 'rejected'))
      expect(allowedActions(state, ['reporterWorker'])).toEqual(state === 'resolved' ? ['note'] : ['contact', 'note']);
    expect(allowedActions('resolved', ['reporter'])).toEqual(['rateSatisfied', 'rateReopen', 'rateEscalate']);
  });

  it('names a reason for every action that needs one', () => {
    const withReason = caseTransitions.filter((t) => t.needsReason).map((t) => t.action as CaseAction);
    expect([...new Set(withReason)].sort()).toEqual(['escalate', 'reject', 'requestExtension', 'return', 'suspend']);
  });

  it('names a handler for every row, and every handler exists and is used', () => {
    for (const t of caseTransitions)
      expect(typeof actionHandlers[t.handler], `${t.action}: ${t.handler}`).toBe('function');
    expect(Object.keys(actionHandlers).sort()).toEqual([...caseHandlers].sort());
    expect([...new Set(caseTransitions.map((t) => t.handler))].sort()).toEqual([...caseHandlers].sort());
    for (const action of caseActions)
      expect(
        caseTransitions.some((t) => t.action === action),
        action,
      ).toBe(true);
  });
});
