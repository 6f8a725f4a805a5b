import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { operationsOf, sampleOf, setAt, type JsonSchema, type Operation } from '../support/openapi-fields.js';
import { fuzzWorld } from '../support/text-fuzz-world.js';

// 邻里生活 under attack: every number and date of every community-life operation (new ones join by
// themselves, read from the OpenAPI document) given hostile values — negative, zero, beyond 32 and 53
// bits, fractions, the first and last days of the calendar, a day that does not exist — is answered
// with a 2xx or a 4xx, never a 5xx. The text of these operations is the text fuzz's (text-fuzz.test.ts).

let ctx: TestContext;
let fuzz: Awaited<ReturnType<typeof fuzzWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  fuzz = await fuzzWorld(ctx);
});
afterAll(() => ctx?.close());

const numbers = [-1, 0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e300];
const dates = ['0001-01-01', '9999-12-31', '2026-02-30', '1899-12-31'];
const times = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z'];
const queryValues = ['-1', '0', '99999999999999999999', '1.5', '9999-12-31', '0001-01-01'];

type Target = { where: 'json' | 'query'; path: (string | number)[]; values: unknown[] };

function targets(op: Operation): Target[] {
  const out: Target[] = [];
  const walk = (schema: JsonSchema, path: (string | number)[]) => {
    if (schema.anyOf) return schema.anyOf.forEach((s) => walk(s, path));
    if (schema.type === 'object' || schema.properties)
      for (const [k, v] of Object.entries(schema.properties ?? {})) walk(v, [...path, k]);
    else if (schema.type === 'array' && schema.items) walk(schema.items, [...path, 0]);
    else if (schema.type === 'integer' || schema.type === 'number') out.push({ where: 'json', path, values: numbers });
    else if (schema.type === 'string' && schema.format === 'date') out.push({ where: 'json', path, values: dates });
    else if (schema.type === 'string' && schema.format === 'date-time')
      out.push({ where: 'json', path, values: times });
  };
  if (op.body?.location === 'json') walk(op.body.schema, []);
  for (const [name, s] of Object.entries(op.params.query))
    if (s.type === 'integer' || s.type === 'number' || s.format === 'date' || /\\d\{4\}/.test(s.pattern ?? ''))
      out.push({ where: 'query', path: [name], values: queryValues });
  return out;
}

describe(`community life takes hostile numbers and dates without a 5xx (${testEngine})`, () => {
  it('never answers 5xx to a number or date out of range', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as Parameters<typeof operationsOf>[0];
    const ops = operationsOf(doc).filter((o) => o.path.includes('/community/'));
    const failures: string[] = [];
    let requests = 0;
    for (const op of ops)
      for (const t of targets(op))
        for (const value of t.values) {
          const sample = (s: JsonSchema, name: string) => sampleOf(s, name, fuzz.samples);
          const params: Record<string, string> = {};
          for (const [name, s] of Object.entries(op.params.path)) params[name] = String(sample(s, name));
          const query: Record<string, string> = {};
          for (const name of op.requiredQuery) query[name] = String(sample(op.params.query[name], name));
          const body = op.body ? (sample(op.body.schema, '') as Record<string, unknown>) : undefined;
          if (t.where === 'query') query[String(t.path[0])] = String(value);
          else setAt(body!, op.body!.schema, t.path, value, sample);
          const url =
            op.path.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(params[k])) +
            (Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
          const session = await fuzz.as(op.secured ? 'admin' : 'anonymous');
          if (op.path.includes('/public/')) await ctx.deps.db.deleteFrom('rate_limits').execute();
          requests++;
          const res = await session.request(op.method, url, op.body?.location === 'form' ? undefined : body);
          if (res.status >= 500)
            failures.push(`${op.key} ${t.where}:${t.path.join('.')}=${JSON.stringify(value)} answered ${res.status}`);
        }
    expect(requests).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
