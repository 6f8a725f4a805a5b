import { z } from '@hono/zod-openapi';
import { optionalLat, optionalLng } from '../../platform/coordinates.js';
import { text } from '../../platform/text-schema.js';

export const VisitLogInput = z
  .object({
    id: z.uuid().openapi({ description: 'Made on the phone; sending the same log again returns the first one' }),
    householdCode: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .regex(/^[0-9A-Za-z-]+$/),
    content: text({ min: 1, max: 2000, multiline: true }),
    photoIds: z.array(z.uuid()).max(9).default([]),
    lng: optionalLng,
    lat: optionalLat,
    visitedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('VisitLogInput');

export const VisitLogSchema = z
  .object({
    id: z.string(),
    content: z.string(),
    photoIds: z.array(z.string()),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    visitedAt: z.string(),
    author: z.object({ id: z.string(), name: z.string() }),
    household: z.object({ code: z.string(), address: z.string() }),
    grid: z.object({ code: z.string(), name: z.string() }).nullable(),
  })
  .openapi('VisitLog');

export const VisitLogQuery = z.object({
  under: text({ min: 2, max: 40 }).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type VisitLogInputT = z.infer<typeof VisitLogInput>;
export type VisitLogQueryT = z.infer<typeof VisitLogQuery>;

export const VisitLogPageSchema = z.object({
  items: z.array(VisitLogSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
