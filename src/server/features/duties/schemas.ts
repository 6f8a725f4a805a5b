import { z } from '@hono/zod-openapi';
import { dutyKinds, dutyTaskStatuses } from '../../../shared/duties.js';
import { text } from '../../platform/text-schema.js';

// 部门派单 / 社区准入核验: a department hands a task to a community; the duty list decides.

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

/** One version of a street's duty list, with how many items of each kind it holds. */
export const DutyListSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    counts: z.record(z.string(), z.number()),
  })
  .openapi('DutyList');

export const DutyItemSchema = z
  .object({
    ref: z.string(),
    kind: z.enum(dutyKinds),
    className: z.string(),
    itemName: z.string(),
    subItemName: z.string(),
    legalBasis: z.string(),
    departmentKind: z.string().nullable(),
    categoryCodes: z.array(z.string()),
    keywords: z.array(z.string()),
  })
  .openapi('DutyItem');

export const DutyListImportedSchema = z.object({ id: z.string(), version: z.number() });

/** Whose duty a case is: the community itself, or a department (then a whistle is proposed). */
export const DutyAdviceSchema = z
  .object({
    item: DutyItemSchema.nullable(),
    handledBy: z.enum(['community', 'department']).nullable(),
    department: Named.nullable(),
    proposeWhistle: z.boolean(),
  })
  .openapi('DutyAdvice');

export type DutyTaskInputT = z.infer<typeof DutyTaskInput>;
export type DutyTaskQueryT = z.infer<typeof DutyTaskQuery>;
