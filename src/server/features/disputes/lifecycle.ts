// 矛盾纠纷流转: the ledger's states as a table. Each row: the states an action may be taken in and
// the state it leads to ('same' keeps it; a mediation's outcome picks it). Who may act is policy.ts;
// what each action writes is workflow.ts, one small handler per row.

import {
  disputeStatuses,
  mediationOutcomes,
  type DisputeStatus,
  type MediationOutcome,
} from '../../../shared/disputes.js';

export { disputeStatuses, mediationOutcomes, type DisputeStatus, type MediationOutcome };

export const disputeActions = ['mediate', 'followup', 'handover', 'close'] as const;
export type DisputeAction = (typeof disputeActions)[number];

interface DisputeTransition {
  from: readonly DisputeStatus[];
  to: DisputeStatus | 'same' | Readonly<Record<MediationOutcome, DisputeStatus>>;
}

export const disputeTransitions = {
  mediate: {
    from: ['open', 'mediating', 'failed'],
    to: { agreed: 'agreed', not_agreed: 'failed', adjourned: 'mediating' },
  },
  followup: { from: ['agreed', 'handed_over', 'closed'], to: 'same' },
  handover: { from: ['open', 'mediating', 'failed'], to: 'handed_over' },
  close: { from: ['agreed', 'handed_over'], to: 'closed' },
} as const satisfies Record<DisputeAction, DisputeTransition>;

/** The actions the table allows in a state. */
export function allowedDisputeActions(status: DisputeStatus): DisputeAction[] {
  return disputeActions.filter((a) => (disputeTransitions[a].from as readonly DisputeStatus[]).includes(status));
}

/** The state an action leads to, or null when the table does not allow it in `status`. */
export function nextDisputeStatus(
  action: DisputeAction,
  status: DisputeStatus,
  outcome?: MediationOutcome,
): DisputeStatus | null {
  const row: DisputeTransition = disputeTransitions[action];
  if (!row.from.includes(status)) return null;
  if (row.to === 'same') return status;
  if (typeof row.to === 'string') return row.to;
  return row.to[outcome!];
}
