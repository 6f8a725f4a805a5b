import { z } from '@hono/zod-openapi';
import { text } from '../../platform/text-schema.js';

export const relations = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'in_law',
  'tenant',
  'other',
] as const;
export const residences = ['registered', 'resident', 'floating'] as const;
export const residentStatuses = ['active', 'moved_out', 'deceased'] as const;

const placeCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/);
const tagCode = z.string().regex(/^[a-z_]{2,40}$/);

export const ResidentIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const ResidentInput = z
  .object({
    householdCode: placeCode,
    name: text({ min: 1, max: 40 }),
    idNumber: text({ max: 18 })
      .optional()
      .openapi({ description: '18-character ID number (GB 11643); birth date and gender are derived from it' }),
    phone: text({ max: 20 }).optional(),
    gender: z.enum(['male', 'female']).optional(),
    birthDate: z.iso.date().optional(),
    relation: z.enum(relations).default('other'),
    residence: z.enum(residences).default('registered'),
    tags: z.array(tagCode).max(20).default([]),
    notes: text({ max: 500, multiline: true }).default(''),
  })
  .openapi('ResidentInput');

export const ResidentUpdate = z
  .object({
    name: text({ min: 1, max: 40 }).optional(),
    idNumber: text({ max: 18 }).optional(),
    phone: text({ max: 20 }).optional(),
    relation: z.enum(relations).optional(),
    residence: z.enum(residences).optional(),
    tags: z.array(tagCode).max(20).optional(),
    notes: text({ max: 500, multiline: true }).optional(),
  })
  .openapi('ResidentUpdate');

export const MoveInput = z
  .object({ householdCode: placeCode, note: text({ max: 300, multiline: true }).default('') })
  .openapi('MoveInput');
export const LeaveInput = z.object({ note: text({ max: 300, multiline: true }).default('') }).openapi('LeaveInput');

/** What a resident row offers the current user (the server decides; the UI shows only these). */
export const residentActions = ['edit', 'move', 'moveOut', 'death', 'reveal'] as const;
export const revealFields = ['idNumber', 'phone'] as const;

export const RevealInput = z
  .object({
    field: z.enum(revealFields),
    reason: text({ min: 2, max: 200, multiline: true }).openapi({
      description: 'Why the full value is needed; kept in the audit log',
    }),
  })
  .openapi('RevealInput');

export const ResidentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    birthDate: z.string().nullable(),
    age: z.number().nullable(),
    idNumber: z.string().nullable().openapi({ description: 'Masked: 610824********1234' }),
    phone: z.string().nullable().openapi({ description: 'Masked: 138****5678' }),
    relation: z.enum(relations),
    residence: z.enum(residences),
    tags: z.array(z.string()),
    notes: z.string(),
    status: z.enum(residentStatuses),
    household: z.object({ code: z.string(), address: z.string() }),
    grid: z.object({ code: z.string(), name: z.string() }).nullable(),
    party: z.boolean(),
    volunteer: z.boolean(),
    // each one of residentActions; the people service types them as strings
    actions: z.array(z.string()),
  })
  .openapi('Resident');

export const ResidentEventSchema = z.object({
  kind: z.string(),
  note: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  toAddress: z.string().nullable(),
});

export const ResidentDetailSchema = ResidentSchema.extend({ history: z.array(ResidentEventSchema) }).openapi(
  'ResidentDetail',
);

export const ResidentFilters = z.object({
  q: text({ max: 40 })
    .optional()
    .openapi({ description: 'Name, pinyin initials (zs), full pinyin, exact ID number or phone' }),
  under: placeCode
    .optional()
    .openapi({ description: 'Place code (street, community, grid, building…); default: your whole scope' }),
  tag: tagCode.optional(),
  residence: z.enum(residences).optional(),
  status: z.enum([...residentStatuses, 'all']).default('active'),
});

export const ResidentQuery = ResidentFilters.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ResidentPageSchema = z
  .object({ items: z.array(ResidentSchema), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('ResidentPage');

export const tagTones = ['default', 'primary', 'success', 'warning', 'danger'] as const;
export const TagSchema = z
  .object({
    code: z.string(),
    label: z.string().openapi({ description: 'in the caller’s language' }),
    labelZh: z.string(),
    labelEn: z.string(),
    needsVisit: z.boolean(),
    tone: z.enum(tagTones),
    sensitive: z.boolean().openapi({ description: 'seen only with people:sensitive' }),
    hardship: z.boolean().openapi({ description: '困难群众: in the care of an assistance-adviser team' }),
    active: z.boolean().openapi({ description: 'false: retired, kept by who has it, not given anew' }),
    sort: z.number(),
  })
  .openapi('ResidentTag');
const tagFields = {
  labelZh: text({ min: 1, max: 20 }),
  labelEn: text({ max: 60 }),
  needsVisit: z.boolean(),
  tone: z.enum(tagTones),
  sensitive: z.boolean(),
  hardship: z.boolean(),
  sort: z.number().int().min(0).max(100_000),
};
export const TagInput = z
  .object({
    code: tagCode.optional().openapi({ description: 'made from the label’s pinyin when left out' }),
    labelZh: tagFields.labelZh,
    labelEn: tagFields.labelEn.default(''),
    needsVisit: tagFields.needsVisit.default(false),
    tone: tagFields.tone.default('default'),
    sensitive: tagFields.sensitive.default(false),
    hardship: tagFields.hardship.default(false),
    sort: tagFields.sort.optional(),
  })
  .openapi('ResidentTagInput');
export const TagUpdate = z
  .object({
    labelZh: tagFields.labelZh.optional(),
    labelEn: tagFields.labelEn.optional(),
    needsVisit: tagFields.needsVisit.optional(),
    tone: tagFields.tone.optional(),
    sensitive: tagFields.sensitive.optional(),
    hardship: tagFields.hardship.optional(),
    sort: tagFields.sort.optional(),
    active: z.boolean().optional(),
  })
  .openapi('ResidentTagUpdate');
export const TagCodeParam = z.object({ code: tagCode });
export type TagInputT = z.infer<typeof TagInput>;
export type TagUpdateT = z.infer<typeof TagUpdate>;

export const HouseholdSummarySchema = z
  .object({
    code: z.string(),
    members: z.number(),
    tags: z.array(z.string()),
    needsVisit: z.boolean(),
    lastVisitAt: z.string().nullable(),
  })
  .openapi('HouseholdSummary');

export type ResidentInputT = z.infer<typeof ResidentInput>;
export type ResidentUpdateT = z.infer<typeof ResidentUpdate>;
export type ResidentFiltersT = z.infer<typeof ResidentFilters>;
export type ResidentQueryT = z.infer<typeof ResidentQuery>;

export const ResidentIdSchema = z.object({ id: z.string() });
/** One full ID number or phone, revealed with a reason (audited). */
export const RevealedSchema = z.object({ field: z.enum(revealFields), value: z.string() });

export const importModes = ['validate', 'valid-only', 'all-or-nothing'] as const;
export const ImportReportSchema = z
  .object({
    total: z.number(),
    valid: z.number(),
    skipped: z.number(),
    imported: z.number(),
    errors: z.array(z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi('ImportReport');
