import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './platform/http.js';

// While a first start generates the demo data (most of a minute), the port is already open: /healthz
// says "starting" (503, as when the database is unreachable), the pages say to wait and refresh by
// themselves, the API answers 503. Nothing reaches the app, so no request sees part of the demo or
// queries the database the seed is writing in one transaction. Once ready, every request goes to the app.

type Fetch = OpenAPIHono<AppEnv>['fetch'];

const startingPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>邻里正在启动</title></head>
<body style="font: 18px/1.6 system-ui, sans-serif; max-width: 32em; margin: 3em auto; padding: 0 1em">
<h1 style="font-size: 22px">邻里正在启动，请稍候…</h1>
<p>首次启动正在生成演示数据，约需半分钟。本页每 5 秒自动刷新，准备好后即显示登录页。</p>
<p lang="en">Linli is starting: the first start generates the demo data (about half a minute). This page refreshes every 5 seconds.</p>
</body></html>
`;

/** A fetch handler that answers "starting" until open() is called, then hands every request to the app. */
export function startGate(app: { fetch: Fetch }) {
  let ready = false;
  const fetch: Fetch = (request, env, executionCtx) => {
    if (ready) return app.fetch(request, env, executionCtx);
    const headers = { 'Cache-Control': 'no-store', 'Retry-After': '5', 'X-Content-Type-Options': 'nosniff' };
    const { pathname } = new URL(request.url);
    if (pathname === '/healthz' || /^\/(api|open311)\//.test(pathname))
      return Response.json({ status: 'starting' }, { status: 503, headers });
    return new Response(startingPage, {
      status: 503,
      headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
    });
  };
  return {
    fetch,
    open: () => {
      ready = true;
    },
  };
}
