import type { JobDefinition } from '../../platform/jobs.js';
import { createActions } from './actions.js';
import type { CasesDeps } from './deps.js';
import { caseSupervision, endSupervisionPeriod } from './escalation.js';
import { caseAutoClose, caseSlaAlarm, closeUnrated, raiseAlarm } from './sla.js';

// The background work of cases, with the deps its handlers need: the clock alarms (case.sla) and
// the auto-close a week after resolution (case.autoClose), and the end of a level's supervision
// period (case.supervision, escalation.ts).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export function casesJobs(deps: CasesDeps): JobDefinition<any>[] {
  const actions = createActions(deps);
  return [
    { ...caseSlaAlarm, handler: (trx, alarm, { now }) => raiseAlarm(trx, deps, alarm, now) },
    {
      ...caseAutoClose,
      handler: (trx, payload) => closeUnrated(trx, payload, (t, caseId) => actions.autoClose(t, caseId)),
    },
    { ...caseSupervision, handler: (trx, payload, { now }) => endSupervisionPeriod(trx, deps, payload, now) },
  ] satisfies [typeof caseSlaAlarm, typeof caseAutoClose, typeof caseSupervision];
}
