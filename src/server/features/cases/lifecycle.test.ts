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
import { caseStageLabels, caseStageOf, caseStages, caseStateStages } from '../../../shared/cases.js';

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
  'dispatched recall dispatcher': 'accepted',
  'in_progress recall dispatcher': 'accepted',
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
  'verifying note dispatcher': 'verifying',
  'verifying note assignee': 'verifying',
  'verifying note reporterWorker': 'verifying',
  'submitted contact reporterWorker': 'submitted',
  'accepted contact reporterWorker': 'accepted',
  'dispatched contact reporterWorker': 'dispatched',
  'in_progress contact reporterWorker': 'in_progress',
  'suspended contact reporterWorker': 'suspended',
  'verifying verify verifier': 'resolved',
  'verifying failVerify verifier': 'in_progress',
};
const parties: Party[] = ['dispatcher', 'assignee', 'reporter', 'system', 'reporterWorker', 'verifier'];

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

  it('sends a resolved case to 核查 only where the row says so, when the case needs it', () => {
    const withCheck: Record<string, string> = {};
    for (const t of caseTransitions)
      for (const state of t.from)
        if (nextState(t, state, null, true) !== nextState(t, state, null, false))
          withCheck[`${state} ${t.action} ${t.by.join('/')}`] = nextState(t, state, null, true);
    expect(withCheck).toEqual({ 'in_progress resolve assignee': 'verifying' });
    expect(allowedActions('verifying', ['verifier'])).toEqual(['verify', 'failVerify']);
    // Only notes while the check is pending: nobody closes, rates or works it.
    expect(allowedActions('verifying', ['dispatcher', 'assignee', 'reporter', 'system'])).toEqual(['note']);
  });

  it('puts every state in one of the seven stages, in the order of the flow', () => {
    expect(caseStages).toEqual(['collect', 'file', 'dispatch', 'handle', 'feedback', 'verify', 'evaluate']);
    expect(caseStages.map((s) => caseStageLabels[s]).join('→')).toBe(
      '信息采集→案卷建立→任务派遣→任务处理→处理反馈→核查结案→综合评价',
    );
    expect(caseStateStages).toEqual({
      submitted: 'collect',
      accepted: 'file',
      rejected: 'file',
      dispatched: 'dispatch',
      in_progress: 'handle',
      suspended: 'handle',
      verifying: 'feedback',
      resolved: 'verify',
      closed: 'evaluate',
    });
    expect(caseStageOf('suspended', 'dispatched')).toBe('dispatch');
    expect(caseStageOf('suspended', null)).toBe('handle');
    // The main path never goes back a stage.
    const path: CaseState[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'verifying', 'resolved', 'closed'];
    const order = path.map((s) => caseStages.indexOf(caseStateStages[s]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(Object.values(caseStateStages))).toEqual(new Set(caseStages));
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
      expect(allowedActions(state, ['reporterWorker'])).toEqual(
        state === 'resolved' || state === 'verifying' ? ['note'] : ['contact', 'note'],
      );
    expect(allowedActions('resolved', ['reporter'])).toEqual(['rateSatisfied', 'rateReopen', 'rateEscalate']);
  });

  it('names a reason for every action that needs one', () => {
    const withReason = caseTransitions.filter((t) => t.needsReason).map((t) => t.action as CaseAction);
    expect([...new Set(withReason)].sort()).toEqual([
      'escalate',
      'failVerify',
      'recall',
      'reject',
      'requestExtension',
      'return',
      'suspend',
    ]);
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
