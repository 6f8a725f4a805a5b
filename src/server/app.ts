import { OpenAPIHono } from '@hono/zod-openapi';
import { buildApi } from './api.js';
import { useHealthCheck, useRequestContext } from './app-middleware.js';
import { useApiDocs, useWebPages } from './app-pages.js';
import type { AppDeps } from './deps.js';
import { registerJobs } from './jobs.js';
import { handleError, type AppEnv } from './platform/http.js';
import { securityHeaders } from './platform/security-headers.js';
import { usePasswordHashCost } from './platform/auth/passwords.js';

export { webDistDir } from './app-pages.js';

/** The whole HTTP app: middleware, the API, the docs and the web pages; the jobs registered with it. */
export function buildApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  usePasswordHashCost(deps.config.PASSWORD_HASH_COST);
  registerJobs(deps);
  app.onError(handleError);
  app.use('*', ...securityHeaders(deps.config));
  useRequestContext(app, deps);
  useHealthCheck(app, deps);
  const { api, open311 } = buildApi(deps);
  app.route('/api/v1', api);
  app.route('/open311/v2', open311);
  useApiDocs(app);
  useWebPages(app);
  return app;
}
