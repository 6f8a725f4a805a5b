// 议事会议 (issue 17): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { noticeDeps } from '../../../deps.js';
import { createCasesService } from '../../cases/index.js';
import { createWhistleService } from '../../whistle/index.js';
import type { MeetingState } from '../../../../shared/deliberation-meetings.js';
import type { Actor } from '../../../platform/policy.js';
import { get, list } from './meetings.js';
import { registerVoteOutcome } from './minutes.js';
import { meetingsRoutes } from './routes.js';

export { meetingsJobs } from './minutes.js';

/** The console's reads (meetings in scope, one meeting with its tasks and their actions), for other areas' counts. */
export const meetingReads = (deps: Pick<AppDeps, 'db' | 'clock'>) => ({
  list: (actor: Actor, state?: MeetingState) => list(deps, actor, state),
  get: (actor: Actor, id: string) => get(deps, actor, id),
});

/** The meetings' API; tasks file cases through the cases feature and blow whistles through the whistle's blow. */
export const meetingsApi = (deps: AppDeps) => {
  const withNotices = { ...deps, ...noticeDeps(deps.config) };
  const cases = createCasesService(withNotices);
  const whistles = createWhistleService(withNotices);
  registerVoteOutcome();
  return meetingsRoutes({
    db: deps.db,
    clock: deps.clock,
    publicUrl: withNotices.publicUrl,
    fileCase: cases.intake,
    caseAction: cases.actions.act,
    blowWhistle: (trx, actor, input) => whistles.blow(actor, input, trx),
  });
};
export { meetingNumbers } from './numbers.js';
