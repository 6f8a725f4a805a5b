// 底图 (issue 18): the base map drawn under the grids, and the API in one line for api.ts.
import type { AppDeps } from '../../deps.js';
import { baseMapRoutes } from './routes.js';
import { createBaseMapService } from './service.js';

export { baseMapSource, importBaseMap, readBaseMapFile } from './service.js';
export const baseMapApi = (deps: AppDeps) => baseMapRoutes(createBaseMapService(deps.config));
