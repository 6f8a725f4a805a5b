// 共驻共建 · 一书四单 (issue 16): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { unitsRoutes } from './routes.js';
import { createUnitsService } from './service.js';

export { createUnitsService, type UnitsService } from './service.js';

export const unitsApi = (deps: AppDeps) => unitsRoutes(createUnitsService(deps));
