// 微心愿 · 微行动 (issue 16): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { createActionsService } from './actions.js';
import { wishesRoutes } from './routes.js';
import { createWishActs } from './act.js';
import { createWishReads } from './service.js';

export { wishesJobs } from './jobs.js';
export { wishNumbers } from './numbers.js';
export { createWishReads } from './service.js';

export const wishesApi = (deps: AppDeps) =>
  wishesRoutes(deps.db, { ...createWishReads(deps), ...createWishActs(deps) }, createActionsService(deps));
