import { Hono, type Context } from 'hono';
import { AppError, invalid } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/http.js';
import {
  controlCharacter,
  discoveryDocument,
  refusal,
  respond,
  respondError,
  splitFormat,
  type Format,
} from './format.js';
import type { Open311 } from './service.js';

// /open311/v2 — GeoReport v2 (https://wiki.open311.org/GeoReport_v2), JSON and XML. Errors are
// AppErrors like everywhere else, answered in GeoReport's <errors> form in the client's format.
// Parameters do not pass through zod here, so control characters are refused at this edge.

/** Refuses NUL and the other C0 controls (tab, LF, CR allowed) in a parameter's name or value. */
function refuseControls(params: Iterable<[string, string]>) {
  for (const [name, value] of params) {
    if (controlCharacter.test(name) || controlCharacter.test(value)) {
      const field = /^[\w[\]]{1,40}$/.test(name) ? name : 'parameter';
      throw invalid(field, 'controlCharacters');
    }
  }
}

/** Answers in the format of the path's extension, errors included. */
async function run(c: Context<AppEnv>, file: string, handler: (format: Format) => Promise<Response>) {
  const parsed = splitFormat(file);
  const format = parsed?.[1] ?? 'json';
  try {
    if (!parsed) throw refusal('ROUTE_NOT_FOUND', 'format', 'extensionJsonOrXml');
    refuseControls([['file', file], ...Object.entries(c.req.query())]);
    return await handler(format);
  } catch (error) {
    if (error instanceof AppError) return respondError(c, format, error, c.get('locale'));
    throw error;
  }
}

const query = (c: Context<AppEnv>) => Object.fromEntries(Object.entries(c.req.query()).map(([k, v]) => [k, String(v)]));

export function open311Routes(service: Open311, deps: { publicUrl: string }) {
  const app = new Hono<AppEnv>();

  app.get('/:file', (c) =>
    run(c, c.req.param('file'), async (format) => {
      const [name] = splitFormat(c.req.param('file'))!;
      if (name === 'discovery') {
        return respond(c, format, 'discovery', null, discoveryDocument(format, deps.publicUrl));
      }
      if (name === 'services')
        return respond(c, format, 'services', 'service', await service.services(c.req.query('jurisdiction_id')));
      if (name === 'requests') return respond(c, format, 'service_requests', 'request', await service.list(query(c)));
      throw new AppError('ROUTE_NOT_FOUND');
    }),
  );

  app.get('/services/:file', (c) =>
    run(c, c.req.param('file'), async (format) => {
      const definition = await service.definition(splitFormat(c.req.param('file'))![0], c.req.query('jurisdiction_id'));
      if (format === 'json') return respond(c, format, 'service_definition', null, definition);
      return respond(c, format, 'service_definition', null, {
        service_code: definition.service_code,
        attributes: { attribute: definition.attributes.map((a) => ({ ...a, values: { value: a.values } })) },
      });
    }),
  );

  app.get('/requests/:file', (c) =>
    run(c, c.req.param('file'), async (format) =>
      respond(
        c,
        format,
        'service_requests',
        'request',
        await service.one(splitFormat(c.req.param('file'))![0], c.req.query('jurisdiction_id')),
      ),
    ),
  );

  app.get('/tokens/:file', (c) =>
    run(c, c.req.param('file'), async (format) =>
      respond(
        c,
        format,
        'service_requests',
        'request',
        await service.token(splitFormat(c.req.param('file'))![0], c.req.query('jurisdiction_id')),
      ),
    ),
  );

  app.post('/:file', (c) =>
    run(c, c.req.param('file'), async (format) => {
      if (splitFormat(c.req.param('file'))![0] !== 'requests') throw new AppError('ROUTE_NOT_FOUND');
      await service.admit(c.get('ip'));
      const body = await c.req.parseBody().catch(() => {
        throw invalid('body', 'formExpected');
      });
      const fields = Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
      refuseControls(fields);
      const params: Record<string, string> = {};
      const attributes: Record<string, string> = {};
      for (const [key, value] of fields) {
        const attribute = /^attribute\[(\w+)\]$/.exec(key);
        if (attribute) attributes[attribute[1]] = value;
        else params[key] = value;
      }
      return respond(
        c,
        format,
        'service_requests',
        'request',
        await service.create({ ...query(c), ...params }, attributes),
        201,
      );
    }),
  );

  return app;
}
