// 待办 (issue 16): community-life work waiting for the user, for the console's workbench.
import type { AppDeps } from '../../../deps.js';
import { todoRoutes } from './routes.js';
import { createTodoService } from './service.js';

export const todoApi = (deps: AppDeps) => todoRoutes(createTodoService(deps));
