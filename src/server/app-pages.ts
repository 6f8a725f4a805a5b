import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { SESSION_COOKIE } from './platform/auth/sessions.js';
import { errorBody } from './platform/errors.js';
import type { AppEnv } from './platform/http.js';

// The OpenAPI document with its Swagger page, and the built web pages (console, phone, resident).

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDistDir = path.join(rootDir, 'dist/web');
const swaggerDir = path.dirname(fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json')));

export function useApiDocs(app: OpenAPIHono<AppEnv>) {
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
}

export function useWebPages(app: OpenAPIHono<AppEnv>) {
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
  // The self-service kiosk and the hall's call screen (/kiosk/screen/{token}): no login.
  app.get('/kiosk', page('kiosk/index.html'));
  app.get('/kiosk/*', page('kiosk/index.html'));
  app.get('/m', page('h5/index.html'));
  app.get('/m/*', page('h5/index.html'));
  app.get('*', page('admin/index.html'));
}

const swaggerPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Linli API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const swaggerInit = 'window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });\n';
