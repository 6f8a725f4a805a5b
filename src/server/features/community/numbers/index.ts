// 社区生活数据 (issue 16): the areas' yearly numbers side by side; the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { lifeNumbersRoutes } from './routes.js';
import { createLifeNumbersService } from './service.js';

export { createLifeNumbersService, yuanOf } from './service.js';

export const lifeNumbersApi = (deps: AppDeps) => lifeNumbersRoutes(createLifeNumbersService(deps));
