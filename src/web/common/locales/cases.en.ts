import states from './case-states.en';
import type zhCN from './cases.zh-CN';

const en: typeof zhCN = {
  ...states,
  caseChannel: {
    qr: 'QR form',
    snap: 'Snap',
    hotline: 'Hotline',
    walkIn: 'Walk-in',
    kiosk: 'Kiosk',
    patrol: 'Grid patrol',
    open311: 'Open311',
    import: 'Import',
  },
  caseAction: {
    submit: 'Reported',
    accept: 'Accepted',
    reject: 'Rejected',
    contact: 'Called the reporter',
    dispatch: 'Dispatched',
    take: 'Taken',
    return: 'Returned',
    recall: 'Taken back to dispatch anew',
    suspend: 'Put on hold',
    resume: 'Resumed',
    requestExtension: 'Extension requested',
    approveExtension: 'Extension approved',
    escalate: 'Escalated',
    resolve: 'Resolved',
    callback: 'Follow-up call',
    rateSatisfied: 'Rated by the reporter',
    rateReopen: 'Rated unsatisfied, reopened',
    rateEscalate: 'Rated unsatisfied, escalated',
    close: 'Closed',
    note: 'Note',
    warning: 'Deadline near',
    overdue: 'Deadline passed',
    urge: 'Urged (督办)',
    verify: 'Checked on site',
    failVerify: 'Check failed, sent back',
    whistle: {
      whistle: 'Whistle blown',
      acknowledge: 'Summons acknowledged',
      checkIn: 'Checked in on site',
      report: 'Department reported',
      score: 'Summons scored',
      overdue: 'Summons overdue',
    },
    // a dispute made from the case (issue 14)
    dispute: { record: 'Turned into a dispute' },
    // a topic made from the case (issue 17)
    topic: { raise: 'Made a topic' },
  },
  casePriority: { normal: 'Normal', urgent: 'Urgent' },
};

export default en;
