// 居民议事数据 (issue 17): the areas' yearly deliberation numbers side by side; the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { decideNumbersRoutes } from './routes.js';
import { createDecideNumbersService } from './service.js';

export { createDecideNumbersService } from './service.js';

export const decideNumbersApi = (deps: AppDeps) => decideNumbersRoutes(createDecideNumbersService(deps));
