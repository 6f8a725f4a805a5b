import { z } from '@hono/zod-openapi';
import { caseStates } from '../../../../shared/cases.js';
import { text } from '../../../platform/text-schema.js';

// 督办 over HTTP: the queue of late and escalated cases, and the urge (督办) a supervisor sends.

export const SupervisionQuery = z.object({
  level: z.enum(['0', '1', '2']).optional().openapi({ description: '0 community, 1 street, 2 county' }),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const SupervisionItemSchema = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    state: z.enum(caseStates),
    summary: z.string(),
    place: z.string().openapi({ description: 'The community or grid of the case' }),
    assignee: z.string().nullable().openapi({ description: 'Who has it now; null before it is sent' }),
    escalationLevel: z.number().int().min(0).max(2),
    supervisor: z.string().openapi({ description: 'The place that supervises it now (community, street or county)' }),
    escalatedAt: z.string().nullable(),
    supervisionDueAt: z.string().nullable().openapi({ description: 'When a still-late case climbs again' }),
    overdueSince: z.string().nullable(),
    lateMinutes: z.number().int().nullable().openapi({ description: 'How late it is now; null once back on time' }),
    dueAt: z.string().nullable().openapi({ description: 'The deadline that runs now' }),
  })
  .openapi('SupervisionItem');

export const SupervisionPageSchema = z
  .object({
    items: z.array(SupervisionItemSchema),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    levels: z.array(z.number().int()).openapi({ description: 'The levels the caller supervises' }),
  })
  .openapi('SupervisionPage');

export const UrgeInput = z.object({ note: text({ min: 2, max: 200, multiline: true }) }).openapi('UrgeInput');
export const UrgedSchema = z.object({ told: z.array(z.string()) }).openapi('Urged');
export const SupervisionIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
