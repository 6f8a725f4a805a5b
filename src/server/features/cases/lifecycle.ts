// 案件流转: the case lifecycle as one table. Each row: in which states an action may be taken,
// the state it leads to, who may take it, and which deadline clocks it starts and stops.
// The service looks rows up here; the UI is sent the actions the table allows for the user.

import { caseStates, type CaseState } from '../../../shared/cases.js';
export { caseStates, type CaseState };

export const caseActions = [
  'accept',
  'reject',
  'contact',
  'dispatch',
  'take',
  'return',
  'suspend',
  'resume',
  'requestExtension',
  'approveExtension',
  'escalate',
  'resolve',
  'callback',
  'rateSatisfied',
  'rateReopen',
  'rateEscalate',
  'close',
  'note',
  'verify',
  'failVerify',
  'recall',
] as const;
export type CaseAction = (typeof caseActions)[number];

/**
 * Who takes part: the community/street dispatcher, the handler it was sent to, the reporter, the job
 * system, the grid worker who entered the case for a resident (reporterWorker: may call the
 * reporter back and add notes, nothing more), and the verifier (核查: a grid worker or dispatcher of
 * the case's place who is not its assignee).
 */
export type Party = 'dispatcher' | 'assignee' | 'reporter' | 'system' | 'reporterWorker' | 'verifier';
export type Clock = 'firstContact' | 'dispatch' | 'take' | 'resolve';

/** What taking an action does to the case beyond its state and clocks: one function each, in actions/handlers.ts. */
export const caseHandlers = [
  'markAccepted',
  'reject',
  'recordContact',
  'dispatch',
  'markTaken',
  'returnToDispatcher',
  'suspend',
  'resume',
  'requestExtension',
  'approveExtension',
  'escalate',
  'resolve',
  'noteCallback',
  'closeRated',
  'sendBack',
  'close',
  'addNote',
  'verify',
  'failVerification',
] as const;
export type CaseHandler = (typeof caseHandlers)[number];

export interface Transition {
  action: CaseAction;
  from: readonly CaseState[];
  /** 'same' keeps the state; 'previous' returns to the state before a suspension. */
  to: CaseState | 'same' | 'previous';
  by: readonly Party[];
  handler: CaseHandler;
  starts?: readonly Clock[];
  stops?: readonly Clock[];
  needsReason?: boolean;
  /** When the case needs 核查 (`verify_required`), the row leads here instead of `to`. */
  toIfVerify?: CaseState;
}

const open: readonly CaseState[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'suspended'];
const working: readonly CaseState[] = ['accepted', 'dispatched', 'in_progress'];

export const caseTransitions: readonly Transition[] = [
  { action: 'accept', from: ['submitted'], to: 'accepted', by: ['dispatcher'], handler: 'markAccepted' },
  {
    action: 'reject',
    from: ['submitted', 'accepted'],
    to: 'rejected',
    by: ['dispatcher'],
    handler: 'reject',
    stops: ['firstContact', 'dispatch', 'take', 'resolve'],
    needsReason: true,
  },
  {
    action: 'contact',
    from: open,
    to: 'same',
    by: ['dispatcher', 'assignee', 'reporterWorker'],
    handler: 'recordContact',
    stops: ['firstContact'],
  },
  {
    action: 'dispatch',
    from: ['accepted'],
    to: 'dispatched',
    by: ['dispatcher'],
    handler: 'dispatch',
    starts: ['take', 'resolve'],
    stops: ['dispatch'],
  },
  { action: 'take', from: ['dispatched'], to: 'in_progress', by: ['assignee'], handler: 'markTaken', stops: ['take'] },
  {
    action: 'return',
    from: ['dispatched', 'in_progress'],
    to: 'accepted',
    by: ['assignee'],
    handler: 'returnToDispatcher',
    starts: ['dispatch'],
    stops: ['take', 'resolve'],
    needsReason: true,
  },
  // 收回改派: a dispatcher of the case's place — the community, or the street or county supervising it
  // after escalation (督办) — takes the case back from an assignee who does not act, to send it anew.
  {
    action: 'recall',
    from: ['dispatched', 'in_progress'],
    to: 'accepted',
    by: ['dispatcher'],
    handler: 'returnToDispatcher',
    starts: ['dispatch'],
    stops: ['take', 'resolve'],
    needsReason: true,
  },
  { action: 'suspend', from: working, to: 'suspended', by: ['dispatcher'], handler: 'suspend', needsReason: true },
  { action: 'resume', from: ['suspended'], to: 'previous', by: ['dispatcher'], handler: 'resume' },
  {
    action: 'requestExtension',
    from: ['in_progress'],
    to: 'same',
    by: ['assignee'],
    handler: 'requestExtension',
    needsReason: true,
  },
  { action: 'approveExtension', from: ['in_progress'], to: 'same', by: ['dispatcher'], handler: 'approveExtension' },
  {
    action: 'escalate',
    from: working,
    to: 'same',
    by: ['dispatcher', 'system'],
    handler: 'escalate',
    needsReason: true,
  },
  // A resolved case has no clock left running: a first contact never made stays missed in the rates,
  // but nobody is texted about it once the problem is solved.
  {
    action: 'resolve',
    from: ['accepted'],
    to: 'resolved',
    by: ['dispatcher'],
    handler: 'resolve',
    stops: ['firstContact', 'dispatch', 'take', 'resolve'],
  },
  {
    action: 'resolve',
    from: ['in_progress'],
    to: 'resolved',
    toIfVerify: 'verifying',
    by: ['assignee'],
    handler: 'resolve',
    stops: ['firstContact', 'dispatch', 'take', 'resolve'],
  },
  { action: 'callback', from: ['resolved'], to: 'same', by: ['dispatcher'], handler: 'noteCallback' },
  { action: 'rateSatisfied', from: ['resolved'], to: 'closed', by: ['reporter'], handler: 'closeRated' },
  {
    action: 'rateReopen',
    from: ['resolved'],
    to: 'accepted',
    by: ['reporter'],
    handler: 'sendBack',
    starts: ['dispatch'],
  },
  {
    action: 'rateEscalate',
    from: ['resolved'],
    to: 'accepted',
    by: ['reporter'],
    handler: 'sendBack',
    starts: ['dispatch'],
  },
  { action: 'close', from: ['resolved'], to: 'closed', by: ['dispatcher', 'system'], handler: 'close' },
  // 备注: a line on the timeline, nothing else changes.
  {
    action: 'note',
    from: [...open, 'verifying', 'resolved'],
    to: 'same',
    by: ['dispatcher', 'assignee', 'reporterWorker'],
    handler: 'addNote',
  },
  // 核查: a case whose result must be checked on site waits in `verifying` (no clock of its own: the
  // verifier's inbox lists it). Passed → resolved, and the reporter is texted the rating link as on an
  // unchecked resolve; failed → back to the handler with the reason and a new resolve deadline.
  { action: 'verify', from: ['verifying'], to: 'resolved', by: ['verifier'], handler: 'verify' },
  {
    action: 'failVerify',
    from: ['verifying'],
    to: 'in_progress',
    by: ['verifier'],
    handler: 'failVerification',
    starts: ['resolve'],
    needsReason: true,
  },
];

export const finalStates: readonly CaseState[] = ['closed', 'rejected'];

/** The row that lets one of these parties take the action in this state, or null. */
export function findTransition(state: CaseState, action: CaseAction, parties: readonly Party[]): Transition | null {
  return (
    caseTransitions.find(
      (t) => t.action === action && t.from.includes(state) && t.by.some((p) => parties.includes(p)),
    ) ?? null
  );
}

export function nextState(
  transition: Transition,
  current: CaseState,
  suspendedFrom: CaseState | null,
  verifyRequired = false,
): CaseState {
  if (verifyRequired && transition.toIfVerify) return transition.toIfVerify;
  if (transition.to === 'same') return current;
  if (transition.to === 'previous') return suspendedFrom ?? 'accepted';
  return transition.to;
}

/** Every action these parties may take in this state, in table order. */
export function allowedActions(state: CaseState, parties: readonly Party[]): CaseAction[] {
  return [
    ...new Set(
      caseTransitions
        .filter((t) => t.from.includes(state) && t.by.some((p) => parties.includes(p)))
        .map((t) => t.action),
    ),
  ];
}
