import { z } from '@hono/zod-openapi';
import { text } from '../../platform/text-schema.js';

// 事项分类: what the console edits and shows. Limits travel in the units they are stored in
// (minutes; hours to resolve); the console shows them in minutes, hours or days.

export const categoryCode = z.string().regex(/^[A-Za-z0-9_]{2,40}$/);
const departmentKind = z.string().regex(/^[a-z_]{2,40}$/);

export const categoryLimits = {
  firstContactMinutes: z.number().int().min(1).max(1440).openapi({ description: 'First contact, minutes (≤ 1 day)' }),
  dispatchMinutes: z.number().int().min(1).max(10080).openapi({ description: 'Dispatch, minutes (≤ 7 days)' }),
  takeMinutes: z.number().int().min(1).max(10080).openapi({ description: 'Take, minutes (≤ 7 days)' }),
  resolveHours: z.number().int().min(1).max(2160).openapi({ description: 'Resolve, hours (≤ 90 days)' }),
  businessDays: z.boolean().openapi({ description: 'Dispatch and resolve count working days only' }),
};

const fields = {
  parentCode: categoryCode.nullable(),
  nameZh: text({ min: 1, max: 20 }),
  nameEn: text({ max: 60 }),
  ...categoryLimits,
  urgent: z.boolean().openapi({ description: 'Cases filed here are urgent (突发事件)' }),
  defaultDepartmentKind: departmentKind.nullable(),
  keywords: z.array(text({ min: 1, max: 12 })).max(30),
  sort: z.number().int().min(0).max(9999),
  active: z.boolean(),
};

export const CategoryCreateInput = z
  .object({
    ...fields,
    kind: z.enum(['event', 'component']).default('event').openapi({ description: 'A sub-class takes its parent’s' }),
    parentCode: fields.parentCode.default(null),
    nameEn: fields.nameEn.default(''),
    urgent: fields.urgent.default(false),
    defaultDepartmentKind: fields.defaultDepartmentKind.default(null),
    keywords: fields.keywords.default([]),
    sort: fields.sort.default(0),
    active: fields.active.default(true),
  })
  .strict()
  .openapi('CategoryCreateInput');
export type CategoryCreateInputT = z.infer<typeof CategoryCreateInput>;

export const CategoryPatchInput = z
  .object({
    ...z.object(fields).partial().shape,
    version: z.number().int().min(1).openapi({ description: 'The version being edited; another edit first is a 409' }),
  })
  .strict()
  .openapi('CategoryPatchInput');
export type CategoryPatchInputT = z.infer<typeof CategoryPatchInput>;

export const CategoryDetailSchema = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    kind: z.enum(['event', 'component']),
    name: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    firstContactMinutes: z.number(),
    dispatchMinutes: z.number(),
    takeMinutes: z.number(),
    resolveHours: z.number(),
    businessDays: z.boolean(),
    urgent: z.boolean(),
    defaultDepartmentKind: z.string().nullable(),
    keywords: z.array(z.string()),
    sort: z.number(),
    active: z.boolean(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi('CategoryDetail');

export const CategoryListSchema = z
  .object({
    items: z.array(CategoryDetailSchema),
    mayEdit: z.boolean().openapi({ description: 'The user may edit categories (cases:configure at county level)' }),
  })
  .openapi('CategoryList');

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const CategoryVersionSchema = z
  .object({
    version: z.number(),
    change: z.enum(['initial', 'create', 'edit', 'import']),
    changedBy: z.string(),
    changedAt: z.string(),
    changes: z.array(
      z.object({ field: z.string(), before: fieldValue, after: fieldValue }).openapi({
        description: 'A field that differs from the version before (all fields for the first version)',
      }),
    ),
  })
  .openapi('CategoryVersion');

export const CategoryImportResultSchema = z
  .object({ added: z.number(), kept: z.number() })
  .openapi('CategoryImportResult', { description: 'Classes added, and classes already there and left as they are' });
