import { z } from '@hono/zod-openapi';
import { optionalLat, optionalLng } from '../../../../platform/coordinates.js';
import { text } from '../../../../platform/text-schema.js';

// 我的社区 and 随手拍 (report from the app) over HTTP.

const Community = z.object({ id: z.string(), name: z.string(), street: z.string() });
export const HomeSchema = z.object({
  community: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** true when the resident chose it; false when it comes from the registry or a membership */
  chosen: z.boolean(),
  options: z.array(Community),
});
export const HomeInput = z.object({ communityId: z.uuid() });

/** The fields of the report form (multipart, with up to 9 photos); name and phone are the account's. */
export const ReportFields = z.object({
  description: text({ min: 5, max: 1000, multiline: true }),
  categoryCode: z
    .string()
    .regex(/^[A-Za-z0-9_]{2,40}$/)
    .optional(),
  address: text({ max: 200 }).default(''),
  lng: optionalLng,
  lat: optionalLat,
  isPublic: z.enum(['true', 'false']).default('false'),
});
export type ReportFieldsT = z.infer<typeof ReportFields>;
export const ReportedSchema = z.object({ trackingCode: z.string(), communityName: z.string() });
