// 文明户评选 (issue 17): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { honoursRoutes } from './routes.js';
import { createHonoursService } from './service.js';

export { createHonoursService } from './service.js';

/** The honours API: campaigns, nominations, the panel, the notice and objections, the registry's stars, the public notice. */
export const honoursApi = (deps: AppDeps) => honoursRoutes(createHonoursService(deps));
export { honourNumbers } from './numbers.js';
