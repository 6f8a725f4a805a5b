// 共驻共建 · 一书四单 (issue 16): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { createRouter } from '../../../platform/http.js';

export const unitsApi = (_deps: AppDeps) => createRouter();
