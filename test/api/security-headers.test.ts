import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';

// What a browser is told about the pages: run only this server's script files (so text that slipped
// into a page as HTML could not run), load images only from here and the configured tile server, never
// be framed, never sniff a type, send no Referer (tracking links carry a token).

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const directives = (policy: string | null) =>
  Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );

/** The app as configured otherwise (a job runner of its own: buildApp registers its jobs). */
const appWith = (config: Partial<TestContext['deps']['config']>) =>
  buildApp({ ...ctx.deps, jobs: new JobRunner(ctx.deps.db, ctx.clock), config: { ...ctx.deps.config, ...config } });

describe(`security headers (${testEngine})`, () => {
  it('sends the API documentation page with a Content-Security-Policy that runs only script files from this server, and serves its script as such a file', async () => {
    const res = await ctx.app.request('/api/docs');
    expect(res.status).toBe(200);
    const policy = directives(res.headers.get('content-security-policy'));
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
    });
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toContain('/api/docs/init.js');
    for (const src of scripts) {
      const script = await ctx.app.request(src);
      expect(script.status, src).toBe(200);
      expect(script.headers.get('content-type'), src).toMatch(/javascript/);
    }
    expect(await (await ctx.app.request('/api/docs/init.js')).text()).toContain('/api/openapi.json');
  });

  it('tells the browser on every answer not to sniff types, not to be framed and not to send a Referer; no HSTS over plain HTTP', async () => {
    for (const url of ['/api/docs', '/api/v1/public/config', '/healthz', '/api/v1/nothing-here']) {
      const res = await ctx.app.request(url);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), url).toBeNull();
    }
  });

  it('lets the maps load images from the configured tile server (its {s} subdomains too) and nothing else; HSTS when the site is on HTTPS', async () => {
    const res = await appWith({
      MAP_TILE_URL: 'https://t{s}.tiles.example.gov.cn/vec/{z}/{x}/{y}.png?tk=KEY',
      COOKIE_SECURE: true,
    }).request('/api/docs');
    const policy = directives(res.headers.get('content-security-policy'));
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://*.tiles.example.gov.cn']);
    // The pages learn what {s} stands for (天地图: t0…t7) from the public config.
    const tiled = appWith({
      MAP_TILE_URL: 'https://t{s}.tiles.example.gov.cn/vec/{z}/{x}/{y}.png?tk=KEY',
      MAP_TILE_SUBDOMAINS: ['0', '1', '2', '3', '4', '5', '6', '7'],
    });
    expect((await (await tiled.request('/api/v1/public/config')).json()).mapTileSubdomains).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);

    const local = await appWith({
      MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png',
      PUBLIC_URL: 'https://linli.example.gov.cn',
    }).request('/api/docs');
    expect(directives(local.headers.get('content-security-policy'))['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(local.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});
