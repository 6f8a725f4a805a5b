import { z } from '@hono/zod-openapi';
import { text } from '../../platform/text-schema.js';

// 部门派单 / 社区准入核验: a department hands a task to a community; the duty list decides.

export const dutyTaskStatuses = ['accepted', 'refused'] as const;

export const DutyTaskInput = z.object({
  communityCode: z.string().regex(/^\d{12}$/),
  title: text({ min: 2, max: 100 }),
  description: text({ max: 1000, multiline: true }).default(''),
  itemRef: text({ max: 40 }).optional(),
});

/** The verdict on one task: 准入 (accepted), or 不予准入 (refused) with the list's reference. */
export const DutyTaskVerdictSchema = z
  .object({ id: z.string(), status: z.enum(dutyTaskStatuses), reason: z.string(), itemRef: z.string().nullable() })
  .openapi('DutyTaskVerdict');

const Named = z.object({ code: z.string(), name: z.string() });

export const DutyTaskSchema = z
  .object({
    id: z.string(),
    community: Named,
    department: Named,
    title: z.string(),
    description: z.string(),
    status: z.enum(dutyTaskStatuses),
    reason: z.string(),
    itemRef: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('DutyTask');

export const DutyTaskQuery = z.object({
  under: text({ min: 2, max: 40 }).optional().openapi({ description: 'only tasks for communities under this place' }),
  status: z.enum(dutyTaskStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const DutyTaskPageSchema = z.object({
  items: z.array(DutyTaskSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const DutyTaskStatSchema = z
  .object({ department: Named, total: z.number(), refused: z.number() })
  .openapi('DutyTaskStat');

export type DutyTaskInputT = z.infer<typeof DutyTaskInput>;
export type DutyTaskQueryT = z.infer<typeof DutyTaskQuery>;
