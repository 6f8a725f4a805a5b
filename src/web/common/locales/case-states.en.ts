import type zhCN from './case-states.zh-CN';

const en: typeof zhCN = {
  caseState: {
    submitted: 'New',
    accepted: 'Accepted',
    dispatched: 'Dispatched',
    in_progress: 'In progress',
    suspended: 'On hold',
    resolved: 'Resolved',
    closed: 'Closed',
    rejected: 'Rejected',
    verifying: 'Awaiting check',
  },
  caseRating: { satisfied: 'Satisfied', basic: 'Fairly satisfied', unsatisfied: 'Not satisfied' },
  caseClock: { firstContact: 'First contact', dispatch: 'Dispatch', take: 'Take', resolve: 'Resolve' },
  caseTime: {
    left: '{time} left',
    over: '{time} overdue',
    dh: '{d} d {h} h',
    hm: '{h} h {m} min',
    m: '{m} min',
    none: 'No deadline',
  },
  caseStage: {
    collect: 'Reported',
    file: 'Filed',
    dispatch: 'Dispatched',
    handle: 'Handling',
    feedback: 'Reported back',
    verify: 'Checked and closed',
    evaluate: 'Evaluated',
  },
};

export default en;
