import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import type { Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { Open311Error, respond, respondError, splitFormat, type Format } from './format.js';
import type { Open311 } from './service.js';

// /open311/v2 — GeoReport v2 (https://wiki.open311.org/GeoReport_v2), JSON and XML.

export function open311Routes(service: Open311, deps: { db: Db; clock: Clock; publicUrl: string }) {
  const app = new Hono<AppEnv>();

  const run = async (c: Context<AppEnv>, file: string, handler: (format: Format) => Promise<Response>) => {
    const parsed = splitFormat(file);
    const format = parsed?.[1] ?? 'json';
    try {
      if (!parsed) throw new Open311Error(404, 404, 'use the .json or .xml extension');
      return await handler(format);
    } catch (error) {
      if (error instanceof Open311Error) return respondError(c, format, error);
      throw error;
    }
  };
  const query = (c: Context<AppEnv>) => Object.fromEntries(Object.entries(c.req.query()).map(([k, v]) => [k, String(v)]));

  app.get('/:file', (c) => run(c, c.req.param('file'), async (format) => {
    const [name] = splitFormat(c.req.param('file'))!;
    if (name === 'discovery') {
      const formats = ['text/xml', 'application/json'];
      return respond(c, format, 'discovery', null, {
        changeset: '2026-11-30T00:00:00Z', contact: '邻里平台管理员', key_service: '向区县管理员申请 API key',
        endpoints: format === 'xml'
          ? { endpoint: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${deps.publicUrl}/open311/v2`, changeset: '2026-11-30T00:00:00Z', type: 'production', formats: { format: formats } }] }
          : [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${deps.publicUrl}/open311/v2`, changeset: '2026-11-30T00:00:00Z', type: 'production', formats }],
      });
    }
    if (name === 'services') return respond(c, format, 'services', 'service', await service.services(c.req.query('jurisdiction_id')));
    if (name === 'requests') return respond(c, format, 'service_requests', 'request', await service.list(query(c)));
    throw new Open311Error(404, 404, 'not found');
  }));

  app.get('/services/:file', (c) => run(c, c.req.param('file'), async (format) => {
    const definition = await service.definition(splitFormat(c.req.param('file'))![0], c.req.query('jurisdiction_id'));
    if (format === 'json') return respond(c, format, 'service_definition', null, definition);
    return respond(c, format, 'service_definition', null, {
      service_code: definition.service_code,
      attributes: { attribute: definition.attributes.map((a) => ({ ...a, values: { value: a.values } })) },
    });
  }));

  app.get('/requests/:file', (c) => run(c, c.req.param('file'), async (format) =>
    respond(c, format, 'service_requests', 'request', await service.one(splitFormat(c.req.param('file'))![0], c.req.query('jurisdiction_id')))));

  app.get('/tokens/:file', (c) => run(c, c.req.param('file'), async (format) =>
    respond(c, format, 'service_requests', 'request', await service.token(splitFormat(c.req.param('file'))![0], c.req.query('jurisdiction_id')))));

  app.post('/:file', (c) => run(c, c.req.param('file'), async (format) => {
    if (splitFormat(c.req.param('file'))![0] !== 'requests') throw new Open311Error(404, 404, 'not found');
    await hitRateLimit(deps.db, `open311:ip:${c.get('ip') ?? 'unknown'}`, 600, 3_600_000, deps.clock.now()).catch(() => { throw new Open311Error(429, 429, 'too many requests'); });
    const body = await c.req.parseBody();
    const params: Record<string, string> = {};
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (typeof value !== 'string') continue;
      const attribute = /^attribute\[(\w+)\]$/.exec(key);
      if (attribute) attributes[attribute[1]] = value;
      else params[key] = value;
    }
    return respond(c, format, 'service_requests', 'request', await service.create({ ...query(c), ...params }, attributes), 201);
  }));

  return app;
}
