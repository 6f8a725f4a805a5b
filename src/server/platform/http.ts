import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody, type ErrorCode } from './errors.js';
import type { Locale } from './i18n/locale.js';
import { issueMessage } from './i18n/validation-messages.js';
import { log } from './logger.js';
import type { Actor } from './policy.js';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    locale: Locale;
    ip: string | null;
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
  };
}

/** A router whose validation failures all answer VALIDATION_FAILED with the zod issues. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        throw new AppError('VALIDATION_FAILED', {
          issues: validationIssues(result.error, c.get('locale'), (result as { data?: unknown }).data),
        });
    },
  });
}

/**
 * Each zod issue as the field's path and a message in the caller's language (platform/i18n/
 * validation-messages.ts); `input`, what was parsed, lets a field not sent be told as required.
 */
export function validationIssues(error: z.ZodError, locale: Locale, input?: unknown) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: issueMessage(i, locale, input) }));
}

export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('actor')) throw new AppError('AUTH_REQUIRED');
  await next();
};

/** A route that needs a logged-in user (401 AUTH_REQUIRED otherwise). */
export const authRoute = <const R extends Parameters<typeof createRoute>[0]>(route: R) =>
  createRoute({ ...route, middleware: [requireAuth] as const, security: [{ cookieAuth: [] }] });

export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('AUTH_REQUIRED');
  return actor;
}

const httpExceptionCodes: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_JSON',
  404: 'ROUTE_NOT_FOUND',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function handleError(error: Error, c: Context<AppEnv>): Response {
  const locale = c.get('locale') ?? 'zh-CN';
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json(errorBody(error.code, locale, error.details), error.status as 400);
  }
  if (error instanceof HTTPException) {
    // Thrown by Hono itself: malformed JSON, or a body whose content type the route does not take.
    const code: ErrorCode = httpExceptionCodes[error.status] ?? 'INTERNAL';
    return c.json(errorBody(code, locale), error.status);
  }
  const requestId = c.get('requestId');
  if (isUniqueViolation(error)) {
    // Two requests raced past a service's own check for the same unique row (a name, an open vote,
    // a standing nomination): the loser is told the record exists, not that the server failed.
    log.warn('unique violation answered 409', { requestId, path: c.req.path });
    return c.json(errorBody('CONFLICT', locale), 409);
  }
  log.error('unhandled error', { requestId, path: c.req.path, error: error.message, stack: error.stack });
  return c.json(errorBody('INTERNAL', locale, { requestId }), 500);
}

/** PostgreSQL's unique_violation (23505), as both drivers (pg, PGlite) report it. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

// Shared OpenAPI pieces.
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NOT_FOUND' }),
      message: z.string().openapi({ example: '找不到该记录' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Not logged in', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Not allowed', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found or out of scope', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const jsonContent = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
