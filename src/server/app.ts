import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { AppDeps } from './deps.js';
import { phoneLoginRoutes } from './features/account/phone-login.js';
import { createPhoneLogin } from './features/account/phone-login-service.js';
import { accountRoutes, publicConfigRoute } from './features/account/routes.js';
import { createAccountService } from './features/account/service.js';
import { publicCaseRoutes } from './features/cases/public-routes.js';
import { createPublicCaseService } from './features/cases/public-service.js';
import { casesRoutes } from './features/cases/routes.js';
import { rosterRoutes } from './features/cases/roster/routes.js';
import { createRosterService } from './features/cases/roster/service.js';
import { createCasesService } from './features/cases/service.js';
import { casesJobs } from './features/cases/jobs.js';
import { filesRoutes } from './features/files/routes.js';
import { createFilesService } from './features/files/service.js';
import { filesJobs } from './features/files/jobs.js';
import { gridworkRoutes } from './features/gridwork/routes.js';
import { createGridworkService } from './features/gridwork/service.js';
import { orgsRoutes } from './features/orgs/routes.js';
import { createOrgsService } from './features/orgs/service.js';
import { peopleRoutes } from './features/people/routes.js';
import { createPeopleService } from './features/people/service.js';
import { apiKeyRoutes } from './features/open311/apikeys.js';
import { createApiKeys } from './features/open311/apikeys-service.js';
import { open311Routes } from './features/open311/routes.js';
import { createOpen311 } from './features/open311/service.js';
import { disputesRoutes } from './features/disputes/routes.js';
import { createDisputesService } from './features/disputes/service.js';
import type { BlowWhistle } from './features/disputes/deps.js';
import { dutiesRoutes } from './features/duties/routes.js';
import { legalJobs } from './features/legal/jobs.js';
import { legalRoutes } from './features/legal/routes.js';
import { createLegalService } from './features/legal/service.js';
import { createDutiesService } from './features/duties/service.js';
import { placesRoutes } from './features/places/routes.js';
import { whistleRoutes } from './features/whistle/routes.js';
import { createWhistleService } from './features/whistle/service.js';
import { whistleJobs } from './features/whistle/jobs.js';
import { statsJobs } from './features/stats/jobs.js';
import { monthlyRoutes } from './features/stats/monthly.js';
import { statsRoutes } from './features/stats/routes.js';
import { createStatsService } from './features/stats/service.js';
import { createPlacesService } from './features/places/service.js';
import { CSRF_HEADER, SESSION_COOKIE, loadSession } from './platform/auth/sessions.js';
import { isMigrated } from './platform/db/migrate.js';
import { AppError, errorBody } from './platform/errors.js';
import { handleError, type AppEnv } from './platform/http.js';
import { rateLimitPruning } from './platform/rate-limit.js';
import { clientAddress, parseTrustedProxies } from './platform/client-address.js';
import { pickLocale } from './platform/i18n/locale.js';
import { newId } from './platform/ids.js';
import { consoleProvider, httpProvider } from './platform/notify/providers.js';
import { smsSendJob } from './platform/notify/sms.js';
import { securityHeaders } from './platform/security-headers.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDistDir = path.join(rootDir, 'dist/web');
const swaggerDir = path.dirname(fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json')));

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function buildApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const trustedProxies = parseTrustedProxies(deps.config.TRUSTED_PROXIES);
  const accountService = createAccountService(deps);
  const placesService = createPlacesService(deps);
  const filesService = createFilesService(deps);
  const casesDeps = {
    ...deps,
    sign: deps.config.SMS_SIGN,
    publicUrl: deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`,
    trackingPrefix: deps.config.TRACKING_PREFIX,
  };
  const casesService = createCasesService(casesDeps);
  for (const job of casesJobs(casesDeps)) deps.jobs.add(job);
  deps.jobs.add(rateLimitPruning);
  for (const job of filesJobs(deps)) deps.jobs.add(job);
  deps.jobs.add(smsSendJob({ pii: deps.pii, provider: smsProvider(deps.config), sign: deps.config.SMS_SIGN }));

  app.onError(handleError);
  app.use('*', ...securityHeaders(deps.config));
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w-]{8,64}$/.test(given) ? given : newId();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('locale', pickLocale(c.req.header('accept-language')));
    let peer: string | null = null;
    try {
      peer = getConnInfo(c).remote.address ?? null;
    } catch {
      peer = null; // in-process requests (tests) have no socket
    }
    c.set('ip', clientAddress(peer, c.req.header('x-forwarded-for'), trustedProxies));
    c.set('actor', null);
    c.set('sessionToken', null);
    c.set('csrfToken', null);
    c.header('X-Request-Id', requestId);
    await next();
  });

  app.use('/api/*', compress());
  // JSON bodies are small; uploads (multipart) have their own limits on their routes.
  const jsonLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError('UPLOAD_TOO_LARGE', { maxBytes: 1024 * 1024 });
    },
  });
  app.use('/api/*', async (c, next) =>
    (c.req.header('content-type') ?? '').includes('json') ? jsonLimit(c, next) : next(),
  );

  // Session and CSRF: a cookie-authenticated write must echo the session's CSRF token.
  app.use('/api/*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const loaded = await loadSession(deps.db, token, {
        now: deps.clock.now(),
        requestId: c.get('requestId'),
        ip: c.get('ip'),
      });
      if (loaded) {
        if (!safeMethods.has(c.req.method) && c.req.header(CSRF_HEADER) !== loaded.csrfToken)
          throw new AppError('CSRF_FAILED');
        c.set('actor', loaded.actor);
        c.set('sessionToken', token);
        c.set('csrfToken', loaded.csrfToken);
      }
    }
    await next();
  });

  let migrated = false;
  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      migrated ||= await isMigrated(deps.db);
      if (!migrated) return c.json({ status: 'migrating' }, 503);
      return c.json({ status: 'ok' }, 200);
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  const api = new OpenAPIHono<AppEnv>();
  api.openapi(publicConfigRoute, (c) =>
    c.json(
      {
        appName: '邻里',
        mapTileUrl: deps.config.MAP_TILE_URL,
        mapTileAttribution: deps.config.MAP_TILE_ATTRIBUTION,
        demo: deps.config.DEMO_SEED,
      },
      200,
    ),
  );
  api.route('/', accountRoutes(accountService, { secure: deps.config.COOKIE_SECURE }));
  api.route('/', phoneLoginRoutes(createPhoneLogin(deps), accountService, { secure: deps.config.COOKIE_SECURE }));
  api.route('/', placesRoutes(placesService));
  api.route('/', peopleRoutes(createPeopleService(deps)));
  api.route('/', filesRoutes(filesService, deps.config.UPLOAD_MAX_MB));
  api.route('/', casesRoutes(casesService));
  api.route('/', rosterRoutes(createRosterService(deps)));
  const statsService = createStatsService(deps);
  for (const job of statsJobs(deps)) deps.jobs.add(job);
  api.route('/', statsRoutes(statsService));
  api.route('/', monthlyRoutes(statsService));
  const whistleService = createWhistleService(casesDeps);
  for (const job of whistleJobs(casesDeps)) deps.jobs.add(job);
  api.route('/', whistleRoutes(whistleService));
  const blowWhistle: BlowWhistle = (trx, actor, input) => whistleService.blow(actor, input, trx);
  api.route('/', disputesRoutes(createDisputesService({ ...deps, blowWhistle })));
  api.route('/', dutiesRoutes(createDutiesService(deps)));
  for (const job of legalJobs(casesDeps)) deps.jobs.add(job);
  api.route('/', legalRoutes(createLegalService(casesDeps)));
  const apiKeys = createApiKeys(deps);
  api.route('/', apiKeyRoutes(apiKeys));
  api.route('/', publicCaseRoutes(createPublicCaseService(casesDeps, casesService, filesService), deps.config));
  api.route('/', gridworkRoutes(createGridworkService(deps)));
  api.route('/', orgsRoutes(createOrgsService(deps)));
  app.route('/api/v1', api);
  app.route(
    '/open311/v2',
    open311Routes(
      createOpen311({ db: deps.db, cases: casesService, keys: apiKeys, clock: deps.clock, locator: deps.locator }),
      { publicUrl: casesDeps.publicUrl },
    ),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Linli 邻里 API',
      version: '1',
      description: 'Community governance platform. Errors: {"error":{"code","message","details"}}.',
    },
    servers: [{ url: '/' }],
  });
  app.get('/api/docs', (c) => c.html(swaggerPage));
  // The page's own script is a file, as the Content-Security-Policy allows no inline script.
  app.get('/api/docs/init.js', (c) => c.body(swaggerInit, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.use(
    '/api/docs/assets/*',
    serveStatic({
      root: path.relative(process.cwd(), swaggerDir),
      rewriteRequestPath: (p) => p.replace('/api/docs/assets', ''),
    }),
  );
  app.all('/api/*', (c) => c.json(errorBody('ROUTE_NOT_FOUND', c.get('locale')), 404));

  // The built web pages: the console at /, phone pages at /m/ (single-page apps).
  const webRoot = path.relative(process.cwd(), webDistDir) || '.';
  // Hashed file names: cache for a year; compressed for cheap phones on slow networks.
  app.use(
    '/assets/*',
    compress(),
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root: webRoot }),
  );
  app.get('/favicon.svg', serveStatic({ root: webRoot }));
  const page = (file: string) => (c: import('hono').Context<AppEnv>) => {
    const full = path.join(webDistDir, file);
    if (!fs.existsSync(full))
      return c.text('The web pages are not built yet: run `npm run build`. 页面尚未构建。', 503);
    return c.html(fs.readFileSync(full, 'utf8'));
  };
  // The resident's public pages (QR report form, tracking, rating): a small app of their own.
  app.get('/r', page('report/index.html'));
  app.get('/r/*', page('report/index.html'));
  app.get('/m', page('h5/index.html'));
  app.get('/m/*', page('h5/index.html'));
  app.get('*', page('admin/index.html'));
  return app;
}

function smsProvider(config: AppDeps['config']) {
  if (config.SMS_PROVIDER === 'console')
    return consoleProvider({ handsetFile: path.join(config.dataDir, 'sms-handset.jsonl') });
  if (!config.SMS_HTTP_URL) throw new Error('SMS_PROVIDER=http needs SMS_HTTP_URL');
  return httpProvider({
    url: config.SMS_HTTP_URL,
    token: config.SMS_HTTP_TOKEN,
    templateIds: JSON.parse(config.SMS_TEMPLATE_IDS) as Record<string, string>,
  });
}

const swaggerPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Linli API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const swaggerInit = 'window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });\n';
