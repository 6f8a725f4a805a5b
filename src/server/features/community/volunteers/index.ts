// 志愿服务 · 双报到认岗 (issue 16): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { createActivityService } from './activities.js';
import { createParticipationService } from './participation.js';
import { createPostService } from './posts.js';
import { createReportService } from './reports.js';
import { volunteersRoutes } from './routes.js';

export { inServiceRecordsOf } from './members.js';
export { createReportService } from './reports.js';
export { createPostService } from './posts.js';

export const volunteersApi = (deps: AppDeps) =>
  volunteersRoutes(
    createActivityService(deps),
    createParticipationService(deps),
    createPostService(deps),
    createReportService(deps),
  );
