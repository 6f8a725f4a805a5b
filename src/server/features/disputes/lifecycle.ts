// 矛盾纠纷流转: the ledger's states as a table.
export const disputeTransitions = {
  mediate: {
    from: ['open', 'mediating', 'failed'],
    to: { agreed: 'agreed', not_agreed: 'failed', adjourned: 'mediating' },
  },
  followup: { from: ['agreed', 'handed_over', 'closed'], to: null },
  handover: { from: ['open', 'mediating', 'failed'], to: 'handed_over' },
  close: { from: ['agreed', 'handed_over'], to: 'closed' },
} as const;

export type DisputeAction = keyof typeof disputeTransitions;

export function disputeActions(status: string): DisputeAction[] {
  return (Object.keys(disputeTransitions) as DisputeAction[]).filter((a) =>
    (disputeTransitions[a].from as readonly string[]).includes(status),
  );
}
