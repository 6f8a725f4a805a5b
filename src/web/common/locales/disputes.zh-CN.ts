import {
  disputeHandoverTargetLabels,
  disputePartyRoleLabels,
  disputeRiskLabels,
  disputeSourceLabels,
  disputeStatusLabels,
  disputeTypeLabels,
  mediationOutcomeLabels,
} from '../../../shared/disputes';

// Dispute words (矛盾纠纷) for the phone pages — and for the console, whose own copies in
// admin/locales/*/disputes.ts can give way to these. Spread into the messages like the case words.
export default {
  disputeType: disputeTypeLabels,
  disputeSource: disputeSourceLabels,
  disputeRisk: disputeRiskLabels,
  disputeStatus: disputeStatusLabels,
  partyRole: disputePartyRoleLabels,
  mediationOutcome: mediationOutcomeLabels,
  disputeHandedTo: disputeHandoverTargetLabels,
  /** What happened, as the history says it (dispute_events.kind). */
  disputeEvent: {
    recorded: '登记纠纷',
    mediate: '调解',
    followup: '回访',
    handover: '移交',
    close: '结案',
    whistle: '吹哨',
  },
};
