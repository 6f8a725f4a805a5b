import { z } from '@hono/zod-openapi';

/** A stored photo, as an upload answers it. */
export const StoredFileSchema = z.object({ id: z.string(), mime: z.string(), size: z.number() }).openapi('StoredFile');
