// 五公开 (issue 17): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../deps.js';
import { noticesRoutes } from './routes.js';
import { createPublicNoticesService } from './service.js';

export { createPublicNoticesService, type PublicNoticesService } from './service.js';
export { publicList as publishedNoticesOf } from './reads.js';

export const noticesApi = (deps: AppDeps) => noticesRoutes(createPublicNoticesService(deps));
export { noticeNumbers } from './numbers.js';
