// What other areas may import from the kiosk.
export { createKioskService } from './service.js';
export { kioskRoutes, KIOSK_TOKEN_HEADER } from './routes.js';

import type { AppDeps } from '../../../deps.js';
import { kioskRoutes } from './routes.js';
import { createKioskService } from './service.js';

/** The kiosk's API, built from the app's deps: one line in api.ts. */
export const kioskApi = (deps: AppDeps) => kioskRoutes(createKioskService(deps));
