import { z } from '@hono/zod-openapi';

/** An Open311 API key of the county (the key itself is shown only once, when issued). */
export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');
export const IssuedApiKeySchema = z.object({ id: z.string(), key: z.string(), prefix: z.string() });
