// 表决 (issue 17): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { voteCloseJob } from '../../../platform/decide/votes.js';
import { votesRoutes } from './routes.js';
import { createVotesService } from './service.js';

export { createVotesService } from './service.js';

export const votesApi = (deps: AppDeps) => votesRoutes(createVotesService(deps));

/** The job that closes a vote at its closes_at. */
export const votesJobs = () => [voteCloseJob];
export { voteNumbers } from './numbers.js';
