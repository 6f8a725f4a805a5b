import { XMLBuilder } from 'fast-xml-parser';
import type { Context } from 'hono';

// Open311 answers in JSON or XML, by the extension of the path (GeoReport v2).
const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

export type Format = 'json' | 'xml';

/** 'requests.json' → ['requests', 'json']; null when the extension is not json or xml. */
export function splitFormat(file: string): [string, Format] | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? [match[1], match[2] as Format] : null;
}

export function respond(c: Context, format: Format, root: string, item: string | null, body: unknown, status = 200) {
  if (format === 'json') return c.json(body as object, status as 200);
  const xml = builder.build({ [root]: item ? { [item]: body } : body });
  return c.body(`<?xml version="1.0" encoding="utf-8"?>\n${xml}`, status as 200, { 'content-type': 'text/xml; charset=utf-8' });
}

export class Open311Error extends Error {
  constructor(readonly status: number, readonly code: number, readonly description: string) {
    super(description);
  }
}

export function respondError(c: Context, format: Format, error: Open311Error) {
  return respond(c, format, 'errors', 'error', [{ code: error.code, description: error.description }], error.status);
}
