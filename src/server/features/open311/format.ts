import { XMLBuilder } from 'fast-xml-parser';
import type { Context } from 'hono';
import { AppError, errorTable, type ErrorCode, type InvalidReason } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';

// Open311 answers in JSON or XML, by the extension of the path (GeoReport v2).
const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

export type Format = 'json' | 'xml';

/** 'requests.json' → ['requests', 'json']; null when the extension is not json or xml. */
export function splitFormat(file: string): [string, Format] | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? [match[1], match[2] as Format] : null;
}

/** C0 controls other than tab, line feed and carriage return: never meaningful in a parameter. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * What XML 1.0 cannot carry at all, not even as a character reference: C0 controls other than
 * tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. One such character in one stored row would make
 * the whole feed unreadable for every client, so XML output drops them.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlSafe(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(notXmlChar, '');
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)]));
  return value;
}

export function respond(c: Context, format: Format, root: string, item: string | null, body: unknown, status = 200) {
  if (format === 'json') return c.json(body as object, status as 200);
  const xml = builder.build(xmlSafe({ [root]: item ? { [item]: body } : body }));
  return c.body(`<?xml version="1.0" encoding="utf-8"?>\n${xml}`, status as 200, {
    'content-type': 'text/xml; charset=utf-8',
  });
}

/** An error about one parameter (not only VALIDATION_FAILED), its reason told in the caller's language. */
export const refusal = (code: ErrorCode, path: string, reason: InvalidReason): AppError =>
  new AppError(code, { issues: [{ path, reason }] });

/** The field an error is about, when the thrower named one (`{ issues: [{ path }] }`). */
function fieldOf(details: unknown): string | undefined {
  const issues = (details as { issues?: { path?: unknown }[] } | undefined)?.issues;
  const path = Array.isArray(issues) ? issues[0]?.path : undefined;
  return typeof path === 'string' && path ? path : undefined;
}

/** GeoReport's `<errors>`: the HTTP status as the code, and the message a person can read, in their language. */
export function respondError(c: Context, format: Format, error: AppError, locale: Locale) {
  const message = errorTable[error.code][locale];
  const field = fieldOf(error.details);
  const description = field ? (locale === 'en' ? `${message} (${field})` : `${message}（${field}）`) : message;
  return respond(c, format, 'errors', 'error', [{ code: error.status, description }], error.status);
}

/** GeoReport's discovery: where the endpoint is and which formats it speaks. */
export function discoveryDocument(format: Format, publicUrl: string) {
  const formats = ['text/xml', 'application/json'];
  return {
    changeset: '2026-11-30T00:00:00Z',
    contact: '邻里平台管理员',
    key_service: '向区县管理员申请 API key',
    endpoints:
      format === 'xml'
        ? {
            endpoint: [
              {
                specification: 'http://wiki.open311.org/GeoReport_v2',
                url: `${publicUrl}/open311/v2`,
                changeset: '2026-11-30T00:00:00Z',
                type: 'production',
                formats: { format: formats },
              },
            ],
          }
        : [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: `${publicUrl}/open311/v2`,
              changeset: '2026-11-30T00:00:00Z',
              type: 'production',
              formats,
            },
          ],
  };
}
