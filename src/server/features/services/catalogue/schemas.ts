import { z } from '@hono/zod-openapi';
import {
  definitionProblems,
  formFieldSchema,
  materialSchema,
  tableColumnKinds,
} from '../../../../shared/service-forms.js';
import { applyChannels, handlerLevels } from '../../../../shared/services.js';
import { text } from '../../../platform/text-schema.js';

// 服务事项目录: what the console edits and what the public reads. Fees travel in fen (分); time
// limits in working days (0 = 即办, done on the spot).

export const catalogueCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'codeCharacters')
  .openapi({ description: '编码: letters, digits, _ and -, at most 40', example: 'MZ-001' });
const sort = z.number().int().min(0).max(9999);

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

// ── categories ───────────────────────────────────────────────────────────────────────────────
export const ServiceCategoryInput = z
  .object({
    code: catalogueCode,
    name: text({ min: 1, max: 20 }),
    sort: sort.default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('ServiceCategoryInput');
export const ServiceCategoryPatch = z
  .object({ name: text({ min: 1, max: 20 }), sort, active: z.boolean() })
  .partial()
  .strict()
  .openapi('ServiceCategoryPatch');
export const ServiceCategorySchema = z
  .object({ id: z.string(), code: z.string(), name: z.string(), sort: z.number(), active: z.boolean() })
  .openapi('ServiceCategory');

// ── items ────────────────────────────────────────────────────────────────────────────────────
// The shared form and material schemas (shared/service-forms.ts) with every text an editor types
// through the one text type (no control characters, lengths in characters); the shape, the keys
// and the rules between fields are the shared ones.
const label = text({ min: 1, max: 40 });
const option = text({ min: 1, max: 40 });
const columnInput = formFieldSchema.shape.columns.unwrap().element.extend({
  label,
  kind: z.enum(tableColumnKinds),
  options: z.array(option).max(50).optional(),
});
const fieldInput = formFieldSchema.extend({
  label,
  help: text({ max: 200 }).optional(),
  options: z.array(option).max(50).optional(),
  columns: z.array(columnInput).max(12).optional(),
});
export const formInput = z
  .object({ fields: z.array(fieldInput).max(60) })
  .superRefine((definition, ctx) => {
    for (const p of definitionProblems(definition.fields))
      ctx.addIssue({
        code: 'custom',
        path: ['fields', p.field, ...(p.column ? [p.column] : [])],
        message: `${p.field}${p.column ? '.' + p.column : ''}: ${p.message.en}`,
        params: { messages: p.message },
      });
  })
  .openapi({ description: 'The form (form builder); a bad definition is a 400 whose issue path names the field key' });
const materialInput = materialSchema.extend({ name: text({ min: 1, max: 60 }), note: text({ max: 200 }).optional() });

const materials = z
  .array(materialInput)
  .max(40)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((m, i) => {
      if (seen.has(m.key))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'key'],
          message: `${m.key}: the key is used twice`,
          params: { messages: { 'zh-CN': `材料标识 ${m.key} 重复`, en: `${m.key}: the key is used twice` } },
        });
      seen.add(m.key);
    });
  })
  .openapi({ description: '申请材料; a sample file (样表) must be an upload the caller may read' });

const itemFields = {
  categoryId: z.uuid(),
  name: text({ min: 1, max: 60 }),
  summary: text({ max: 500, multiline: true }),
  eligibility: text({ max: 1000, multiline: true }).openapi({ description: '申请条件: who may apply' }),
  handlerLevel: z.enum(handlerLevels).openapi({ description: 'community / street / department' }),
  departmentId: z
    .uuid()
    .nullable()
    .openapi({ description: 'The handling department (of the same county), when handlerLevel = department' }),
  timeLimitDays: z.number().int().min(0).max(365).openapi({ description: '承诺时限, working days; 0 = 即办' }),
  feeFen: z.number().int().min(0).max(100_000_000).openapi({ description: '收费, fen (分); 0 = free' }),
  feeNote: text({ max: 200 }),
  legalBasis: text({ max: 2000, multiline: true }).openapi({ description: '设定依据' }),
  channel: z.enum(applyChannels).openapi({ description: 'online / window / both' }),
  form: formInput,
  materials,
  sort,
  active: z.boolean(),
};

export const ServiceItemInput = z
  .object({
    ...itemFields,
    code: catalogueCode,
    summary: itemFields.summary.default(''),
    eligibility: itemFields.eligibility.default(''),
    departmentId: itemFields.departmentId.default(null),
    feeFen: itemFields.feeFen.default(0),
    feeNote: itemFields.feeNote.default(''),
    legalBasis: itemFields.legalBasis.default(''),
    form: itemFields.form.default({ fields: [] }),
    materials: itemFields.materials.default([]),
    sort: sort.default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('ServiceItemInput');
export type ServiceItemInputT = z.infer<typeof ServiceItemInput>;

export const ServiceItemPatch = z
  .object({
    ...z.object(itemFields).partial().shape,
    version: z.number().int().min(1).openapi({ description: 'The version being edited; another edit first is a 409' }),
  })
  .strict()
  .openapi('ServiceItemPatch');
export type ServiceItemPatchT = z.infer<typeof ServiceItemPatch>;

const formJson = z.object({ fields: z.array(z.record(z.string(), z.unknown())) }).openapi({
  description: 'A form definition (shared/service-forms.ts)',
});
const materialJson = z.object({
  key: z.string(),
  name: z.string(),
  required: z.boolean(),
  original: z.boolean(),
  copies: z.number(),
  note: z.string().optional(),
  sampleFileId: z.string().optional(),
  sampleUrl: z.string().nullable().openapi({ description: 'Where anyone may download the sample (样表)' }),
});

export const ServiceItemSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    categoryId: z.string(),
    summary: z.string(),
    eligibility: z.string(),
    handlerLevel: z.enum(handlerLevels),
    departmentId: z.string().nullable(),
    handlerName: z.string().openapi({ description: 'Where it is handled: the department’s name or 社区/街道办理' }),
    timeLimitDays: z.number(),
    feeFen: z.number(),
    feeNote: z.string(),
    legalBasis: z.string(),
    channel: z.enum(applyChannels),
    form: formJson,
    materials: z.array(materialJson),
    sort: z.number(),
    active: z.boolean(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi('ServiceItem');

// ── bundles ──────────────────────────────────────────────────────────────────────────────────
export const BundleClassInput = z
  .object({ code: catalogueCode, name: text({ min: 1, max: 20 }), sort: sort.default(0) })
  .strict()
  .openapi('ServiceBundleClassInput');
export const BundleClassPatch = z
  .object({ name: text({ min: 1, max: 20 }), sort })
  .partial()
  .strict()
  .openapi('ServiceBundleClassPatch');
export const BundleClassSchema = z
  .object({ id: z.string(), code: z.string(), name: z.string(), sort: z.number() })
  .openapi('ServiceBundleClass');

const bundleFields = {
  classId: z.uuid(),
  name: text({ min: 1, max: 60 }),
  summary: text({ max: 500, multiline: true }),
  itemIds: z
    .array(z.uuid())
    .min(2)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'an item is listed twice' })
    .openapi({ description: 'The items of the bundle, 2 to 10, in order' }),
  sort,
  active: z.boolean(),
};
export const BundleInput = z
  .object({
    ...bundleFields,
    code: catalogueCode,
    summary: bundleFields.summary.default(''),
    sort: sort.default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('ServiceBundleInput');
export type BundleInputT = z.infer<typeof BundleInput>;
export const BundlePatch = z.object(bundleFields).partial().strict().openapi('ServiceBundlePatch');
export type BundlePatchT = z.infer<typeof BundlePatch>;

export const BundleSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    classId: z.string(),
    summary: z.string(),
    itemIds: z.array(z.string()),
    sort: z.number(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('ServiceBundle');

const sourcesJson = z
  .record(z.string(), z.array(z.object({ itemId: z.string(), key: z.string() })))
  .openapi({ description: 'Which item fields each merged field feeds' });

export const BundleDetailSchema = BundleSchema.extend({
  items: z.array(ServiceItemSchema),
  form: formJson,
  sources: sourcesJson,
  materials: z.array(materialJson),
}).openapi('ServiceBundleDetail');

export const CatalogueSchema = z
  .object({
    categories: z.array(ServiceCategorySchema),
    items: z.array(ServiceItemSchema),
    bundleClasses: z.array(BundleClassSchema),
    bundles: z.array(BundleSchema),
    departments: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    mayEdit: z.boolean().openapi({ description: 'The user may edit the catalogue (services:configure, county-wide)' }),
  })
  .openapi('ServiceCatalogue');

// ── public ───────────────────────────────────────────────────────────────────────────────────
const publicItemBrief = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  handlerLevel: z.enum(handlerLevels),
  timeLimitDays: z.number(),
  channel: z.enum(applyChannels),
  feeFen: z.number(),
});
export const PublicCatalogueSchema = z
  .object({
    county: z.object({ code: z.string(), name: z.string() }),
    categories: z.array(
      z.object({ id: z.string(), code: z.string(), name: z.string(), items: z.array(publicItemBrief) }),
    ),
    bundleClasses: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        bundles: z.array(
          z.object({
            id: z.string(),
            code: z.string(),
            name: z.string(),
            summary: z.string(),
            itemIds: z.array(z.string()),
          }),
        ),
      }),
    ),
  })
  .openapi('PublicServiceCatalogue');

export const PublicItemSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    categoryName: z.string(),
    summary: z.string(),
    eligibility: z.string(),
    handlerLevel: z.enum(handlerLevels),
    handlerName: z.string(),
    timeLimitDays: z.number(),
    feeFen: z.number(),
    feeNote: z.string(),
    legalBasis: z.string(),
    channel: z.enum(applyChannels),
    form: formJson,
    materials: z.array(materialJson),
    version: z.number(),
  })
  .openapi('PublicServiceItem');

export const PublicBundleSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    className: z.string(),
    summary: z.string(),
    items: z.array(PublicItemSchema),
    form: formJson,
    sources: sourcesJson,
    materials: z.array(materialJson),
  })
  .openapi('PublicServiceBundle');

export const ImportResultSchema = z
  .object({
    categories: z.object({ added: z.number(), changed: z.number() }),
    items: z.object({ added: z.number(), changed: z.number() }),
    bundleClasses: z.object({ added: z.number(), changed: z.number() }),
    bundles: z.object({ added: z.number(), changed: z.number() }),
  })
  .openapi('ServiceCatalogueImported', { description: 'Rows added and rows changed, per sheet' });
