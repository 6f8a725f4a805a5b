// 议题 (issue 17): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { createRouter } from '../../../platform/http.js';

export const topicsApi = (_deps: AppDeps) => createRouter();
