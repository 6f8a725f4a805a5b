// Security headers on every response, and a Content-Security-Policy on every HTML page. The policy
// lets a page run only the script files this server sends (no inline script, no event handler
// attribute, no eval), so a name that reached a page as HTML by some future mistake still runs
// nothing. Styles: Element Plus, Vant, Leaflet and ECharts write style attributes, so attributes
// may be inline; <style> elements may not (style-src-elem). Browsers too old for style-src-elem
// fall back to style-src and keep working.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The settings the headers depend on: a slice of Config, declared here so the kernel does not import config.ts. */
export interface HeaderSettings {
  MAP_TILE_URL: string;
  COOKIE_SECURE: boolean;
  PUBLIC_URL?: string;
}

/**
 * Where the map may load its tiles from, as a CSP source: null when no tile server is configured or
 * the tiles come from this server (a path such as `/tiles/{z}/{x}/{y}.png`); the tile server's origin
 * otherwise, with `*.` for a `{s}` (or `t{s}`) subdomain. Undefined when the URL gives no such origin.
 */
export function tileSource(tileUrl: string): string | null | undefined {
  if (!tileUrl || (tileUrl.startsWith('/') && !tileUrl.startsWith('//'))) return null;
  const match = /^(https?):\/\/([^/?#]+)(?:[/?#]|$)/i.exec(tileUrl);
  if (!match) return undefined;
  const [host, port, ...rest] = match[2].split(':');
  if (rest.length || (port !== undefined && !/^\d{1,5}$/.test(port))) return undefined;
  const labels = host.toLowerCase().split('.');
  if (labels[0].includes('{')) labels[0] = '*';
  if (!labels.every((label, i) => (i === 0 && label === '*') || /^[a-z0-9-]+$/.test(label))) return undefined;
  if (labels[0] === '*' && labels.length < 3) return undefined; // `*.com` would allow the world
  return `${match[1].toLowerCase()}://${labels.join('.')}${port ? `:${port}` : ''}`;
}

export function contentSecurityPolicy(config: Pick<HeaderSettings, 'MAP_TILE_URL'>): string {
  const tiles = tileSource(config.MAP_TILE_URL);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "style-src-elem 'self'",
    // data: for the icons inside CSS; blob: for photos shown before they are sent
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** HSTS only where the site is served over HTTPS (COOKIE_SECURE or an https PUBLIC_URL). */
export function securityHeaders(config: HeaderSettings): MiddlewareHandler[] {
  const https = config.COOKIE_SECURE || Boolean(config.PUBLIC_URL?.startsWith('https:'));
  const policy = contentSecurityPolicy(config);
  return [
    // Referrer-Policy: no-referrer (tracking links carry a token); X-Content-Type-Options: nosniff.
    secureHeaders({ crossOriginEmbedderPolicy: false, xFrameOptions: 'DENY', strictTransportSecurity: https }),
    async (c, next) => {
      await next();
      if ((c.res.headers.get('content-type') ?? '').startsWith('text/html'))
        c.res.headers.set('Content-Security-Policy', policy);
    },
  ];
}
