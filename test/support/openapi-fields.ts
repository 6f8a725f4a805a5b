import { randomUUID } from 'node:crypto';

// The operations of /api/v1 and every string field of their inputs, read from the OpenAPI
// document, and a valid value for any schema (the baseline a fuzzed field is put into).

export type JsonSchema = {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
};
export type Location = 'path' | 'query' | 'json' | 'form';
export interface Operation {
  method: string;
  path: string;
  key: string;
  secured: boolean;
  params: Record<'path' | 'query', Record<string, JsonSchema>>;
  requiredQuery: string[];
  body: { location: 'json' | 'form'; schema: JsonSchema } | null;
}
export interface Field {
  op: Operation;
  location: Location;
  path: (string | number)[];
  name: string;
  schema: JsonSchema;
}

export function operationsOf(doc: {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, JsonSchema> };
}) {
  const deref = (s: JsonSchema): JsonSchema => (s.$ref ? deref(doc.components.schemas[s.$ref.split('/').pop()!]) : s);
  const resolve = (s: JsonSchema): JsonSchema => {
    const d = deref(s);
    return {
      ...d,
      ...(d.items ? { items: resolve(d.items) } : {}),
      ...(d.properties
        ? { properties: Object.fromEntries(Object.entries(d.properties).map(([k, v]) => [k, resolve(v)])) }
        : {}),
      ...(d.anyOf ? { anyOf: d.anyOf.map(resolve) } : {}),
    };
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const params: Operation['params'] = { path: {}, query: {} };
      const requiredQuery: string[] = [];
      for (const p of op.parameters ?? []) {
        // Headers (Idempotency-Key) are codes pinned by a pattern, and HTTP cannot carry control characters in them.
        if (p.in !== 'path' && p.in !== 'query') continue;
        params[p.in as 'path' | 'query'][p.name] = resolve(p.schema);
        if (p.in === 'query' && p.required) requiredQuery.push(p.name);
      }
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']
        ? { location: 'json' as const, schema: resolve(content['application/json'].schema) }
        : content['multipart/form-data']
          ? { location: 'form' as const, schema: resolve(content['multipart/form-data'].schema) }
          : null;
      ops.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        secured: Boolean(op.security?.length),
        params,
        requiredQuery,
        body,
      });
    }
  }
  return ops;
}

/** Every string field of an operation's input, arrays entered at item 0; uploaded files left out. */
export function stringFields(op: Operation): Field[] {
  const out: Field[] = [];
  const walk = (location: Location, schema: JsonSchema, path: (string | number)[]) => {
    if (schema.anyOf) return schema.anyOf.forEach((s) => walk(location, s, path));
    if (schema.type === 'object' || schema.properties)
      for (const [k, v] of Object.entries(schema.properties ?? {})) walk(location, v, [...path, k]);
    else if (schema.type === 'array' && schema.items) walk(location, schema.items, [...path, 0]);
    else if (schema.type === 'string' && schema.format !== 'binary')
      out.push({ op, location, path, name: path.join('.'), schema });
  };
  for (const where of ['path', 'query'] as const)
    for (const [name, s] of Object.entries(op.params[where])) walk(where, s, [name]);
  if (op.body) walk(op.body.location, op.body.schema, []);
  return out;
}

/** A value the schema accepts; codes and texts from `samples` by field name or pattern. */
export function sampleOf(
  schema: JsonSchema,
  name: string,
  samples: { byName: Record<string, unknown>; byPattern: Record<string, string> },
): unknown {
  if (schema.anyOf) return sampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], name, samples);
  if (name in samples.byName) return samples.byName[name];
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-11-24';
      if (schema.format === 'date-time') return '2026-11-24T09:00:00+08:00';
      if (schema.format === 'binary') return undefined;
      if (schema.pattern && schema.pattern in samples.byPattern) return samples.byPattern[schema.pattern];
      return '测试文字'.repeat(20).slice(0, Math.max(schema.minLength ?? 0, Math.min(4, schema.maxLength ?? 4)));
    case 'number':
    case 'integer':
      return schema.minimum !== undefined && schema.maximum !== undefined
        ? Math.round((schema.minimum + schema.maximum) / 2)
        : (schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items!, name, samples));
    default: {
      const out: Record<string, unknown> = {};
      for (const k of schema.required ?? []) out[k] = sampleOf(schema.properties![k], k, samples);
      return out;
    }
  }
}

/** Sets `value` at `path`, making the objects and arrays on the way from the schema. */
export function setAt(
  target: Record<string, unknown>,
  schema: JsonSchema,
  path: (string | number)[],
  value: unknown,
  sample: (s: JsonSchema, name: string) => unknown,
) {
  let node: any = target;
  let s = schema;
  for (const [i, key] of path.entries()) {
    const inner: JsonSchema = s.anyOf ? s.anyOf.find((x) => x.type !== 'null')! : s;
    const child = typeof key === 'number' ? inner.items! : inner.properties![key];
    if (i === path.length - 1) node[key] = value;
    else {
      if (node[key] === undefined || (Array.isArray(node[key]) && node[key].length === 0))
        node[key] = typeof key === 'number' ? sample(child, String(key)) : sample(child, key);
      if (Array.isArray(node[key]) && node[key].length === 0) node[key].push(sample(child.items!, String(key)));
      node = node[key];
    }
    s = child;
  }
}
