import type zhCN from './disputes.zh-CN';

const en: typeof zhCN = {
  disputeType: {
    neighbour: 'Neighbours',
    family: 'Family',
    property: 'Property management',
    labour: 'Labour',
    land: 'Land',
    consumer: 'Consumer',
    other: 'Other',
  },
  disputeSource: {
    regular_screening: 'Regular screening',
    focused_screening: 'Focused screening',
    case: 'From a case',
    walk_in: 'Walk-in',
  },
  disputeRisk: { low: 'Low', medium: 'Medium', high: 'High' },
  disputeStatus: {
    open: 'Waiting',
    mediating: 'Mediating',
    agreed: 'Agreed',
    failed: 'Not agreed',
    handed_over: 'Handed over',
    closed: 'Closed',
  },
  partyRole: { applicant: 'Applicant', respondent: 'Respondent', other: 'Other party' },
  mediationOutcome: { agreed: 'Agreed', not_agreed: 'Not agreed', adjourned: 'Adjourned' },
  disputeHandedTo: { justice_office: 'Justice office', court: 'Court' },
  disputeEvent: {
    recorded: 'Recorded',
    mediate: 'Mediation',
    followup: 'Follow-up',
    handover: 'Handed over',
    close: 'Closed',
    whistle: 'Whistle',
  },
};
export default en;
