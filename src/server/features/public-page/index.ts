// 社区公开页 (issue 17): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../deps.js';
import { publicPageRoutes } from './routes.js';
import { createPublicPageService } from './service.js';

export const publicPageApi = (deps: AppDeps) => publicPageRoutes(createPublicPageService(deps));
