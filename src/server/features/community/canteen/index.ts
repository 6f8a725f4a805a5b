// 社区食堂 · 助餐点 (issue 16): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { createDeskService } from './desk.js';
import { canteenRoutes } from './routes.js';
import { createCanteenService } from './service.js';

export { chooseSubsidy } from './subsidy.js';
export { createCanteenService } from './service.js';

export const canteenApi = (deps: AppDeps) => canteenRoutes(createCanteenService(deps), createDeskService(deps));
