import type zh from '../zh-CN/whistle';

// Summons on the phone: merged into the phone messages as `whistle`.
const en: typeof zh = {
  entry: { name: 'Summons', desc: 'Acknowledge, check in, report' },
  title: 'Summons',
  detailTitle: 'Whistle',
  tabs: { open: 'Open', closed: 'Closed' },
  empty: 'No summons for your department',
  request: 'Asked to do',
  summonsState: { summoned: 'Waiting', acknowledged: 'Acknowledged', arrived: 'On site', reported: 'Reported', scored: 'Scored' },
  ackDue: 'Acknowledge by',
  arriveDue: 'Arrive by',
  owner: 'Taken by',
  arrivedAt: 'Arrived',
  reportText: 'Report',
  score: 'Score',
  escalated: 'Overdue, escalated',
  act: { acknowledge: 'Acknowledge', checkIn: 'Check in', report: 'Report', score: 'Score' },
  done: { acknowledge: 'Acknowledged', checkIn: 'Checked in', report: 'Reported', score: 'Scored' },
  taken: 'Another receiver took it: {message}',
  locating: 'Getting your position…',
  noGps: 'Your position is not available. Are you on site? The check-in will use the place of the case.',
  confirmArrive: 'I am on site',
  noPosition: 'No position available. Allow location in the phone settings and check in again.',
  reportTitle: 'Report what was done',
  reportPlaceholder: 'What you did on site and the result',
  reportRequired: 'Please say what was done',
  scoreRequired: 'Please choose 1–5 stars',
  comment: 'Comment (optional)',
  submit: 'Submit',
  noActions: 'Nothing for you to do now',
};
export default en;
