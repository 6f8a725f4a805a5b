// 居民议事待办 (issue 17): deliberation work waiting for the user, for the console's workbench.
import type { AppDeps } from '../../../deps.js';
import { decideTodoRoutes } from './routes.js';
import { createDecideTodoService } from './service.js';

export const decideTodoApi = (deps: AppDeps) => decideTodoRoutes(createDecideTodoService(deps));
