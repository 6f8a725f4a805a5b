// 议题 (issue 17): what other areas may import from here, and the API in one line for api.ts.
// The meetings area moves topics (schedule, unschedule, decide, hand up, close) with applyTopicAction
// inside its own transaction; the transition table in shared/decide.ts decides what is in turn.
import type { AppDeps } from '../../../deps.js';
import { topicsRoutes } from './routes.js';

export { applyTopicAction } from './act.js';
export { findTopic } from './repository.js';
export { listTopics } from './service.js';

export const topicsApi = (deps: AppDeps) => topicsRoutes({ db: deps.db, clock: deps.clock });
export { topicNumbers } from './numbers.js';
