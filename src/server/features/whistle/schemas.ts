import { z } from '@hono/zod-openapi';
import { summonsActions } from './lifecycle.js';

export const WhistleInput = z
  .object({
    caseId: z.uuid().optional(),
    placeCode: z.string().trim().min(2).max(40).optional(),
    subject: z.string().trim().min(2).max(80),
    request: z.string().trim().min(2).max(1000).openapi({ description: 'What the departments are asked to do' }),
    departmentCodes: z.array(z.string().regex(/^D\d+$/)).min(1).max(20),
    ackMinutes: z.number().int().min(5).max(24 * 60).default(30),
    arriveMinutes: z.number().int().min(10).max(7 * 24 * 60).default(120),
  })
  .openapi('WhistleInput');

export const SummonsActionInput = z
  .object({
    note: z.string().trim().max(1000).optional(),
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    score: z.number().int().min(1).max(5).optional(),
    comment: z.string().trim().max(500).optional(),
  })
  .openapi('SummonsActionInput');

export const SummonsParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(summonsActions).openapi({ param: { name: 'action', in: 'path' } }),
});

const Summons = z.object({
  id: z.string(), department: z.object({ code: z.string(), name: z.string() }), state: z.string(), ackDueAt: z.string(), arriveDueAt: z.string(),
  acknowledgedAt: z.string().nullable(), owner: z.string().nullable(), arrivedAt: z.string().nullable(), reportText: z.string().nullable(),
  score: z.number().nullable(), scoreComment: z.string().nullable(), slaLevel: z.string(), escalated: z.boolean(), actions: z.array(z.enum(summonsActions)),
});
export const WhistleSchema = z
  .object({
    id: z.string(), caseId: z.string().nullable(), subject: z.string(), request: z.string(), state: z.string(), createdBy: z.string(), createdAt: z.string(),
    summonses: z.array(Summons), timeline: z.array(z.object({ action: z.string(), actorName: z.string(), note: z.string(), at: z.string() })),
  })
  .openapi('Whistle');

export type WhistleInputT = z.infer<typeof WhistleInput>;
export type SummonsActionInputT = z.infer<typeof SummonsActionInput>;
