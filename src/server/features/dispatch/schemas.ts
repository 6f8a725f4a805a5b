import { z } from '@hono/zod-openapi';

// 智能派单: request and response schemas (they also make the OpenAPI document).

const tenant = z
  .string()
  .regex(/^\d{6}$/)
  .optional()
  .openapi({ description: "the county's 6-digit code; the caller's own county when left out" });

export const TenantQuery = z.object({ tenant });

export const SettingsInput = z
  .object({
    tenant,
    autoRoute: z.boolean().openapi({ description: 'send a new case to the suggested department by itself' }),
    threshold: z.number().min(0.5).max(1).openapi({ description: 'the least confidence (0.5–1) for auto-routing' }),
  })
  .openapi('DispatchSettingsInput');
export type SettingsInputT = z.infer<typeof SettingsInput>;

const ModelSchema = z
  .object({
    version: z.number().int(),
    trainedOn: z.number().int().openapi({ description: 'labelled examples the model learned from' }),
    labels: z.number().int(),
    top1: z
      .number()
      .nullable()
      .openapi({ description: 'cross-validated top-1 accuracy (5 folds); null: too few examples' }),
    top3: z.number().nullable(),
    trainedAt: z.string(),
  })
  .nullable();

export const DispatchStatusSchema = z
  .object({
    county: z.object({ code: z.string(), name: z.string() }),
    models: z.object({ category: ModelSchema, department: ModelSchema }),
    settings: z.object({ autoRoute: z.boolean(), threshold: z.number() }),
    historyRows: z.number().int(),
  })
  .openapi('DispatchStatus');

export const TrainResultSchema = DispatchStatusSchema.extend({
  trained: z.object({ category: z.boolean(), department: z.boolean() }),
}).openapi('DispatchTrainResult');

export const HistoryImportedSchema = z
  .object({
    imported: z.number().int(),
    categoriesCreated: z
      .array(z.string())
      .openapi({ description: 'categories added to the tree, as 一级 / 二级 paths' }),
    unknownDepartments: z
      .array(z.object({ name: z.string(), rows: z.number().int() }))
      .openapi({ description: 'department names the county does not have: those rows teach no department' }),
  })
  .openapi('DispatchHistoryImported');

const Count = z.object({ accepted: z.number().int(), corrected: z.number().int(), rate: z.number().nullable() });

export const HitRateQuery = z.object({
  tenant,
  weeks: z.coerce.number().int().min(1).max(104).default(12),
});

export const HitRateSchema = z
  .object({
    county: z.object({ code: z.string(), name: z.string() }),
    weeks: z.array(
      z.object({
        week: z.string().openapi({ description: 'the Monday the week starts on (China time), YYYY-MM-DD' }),
        category: Count,
        department: Count,
      }),
    ),
    total: z.object({ category: Count, department: Count }),
  })
  .openapi('DispatchHitRate');

const Confidence = {
  probability: z.number().nullable().openapi({ description: 'the model’s confidence; null when keywords gave it' }),
  source: z.enum(['model', 'keywords']),
};

export const CaseSuggestionSchema = z
  .object({
    categories: z.array(z.object({ code: z.string(), name: z.string(), ...Confidence })),
    handlers: z.array(
      z.object({
        kind: z.enum(['department', 'community']),
        id: z.string().nullable(),
        name: z.string(),
        ...Confidence,
      }),
    ),
    autoRouted: z.boolean(),
    outcomes: z.array(
      z.object({
        kind: z.enum(['category', 'department']),
        outcome: z.enum(['accepted', 'corrected']),
        decidedAt: z.string(),
      }),
    ),
  })
  .openapi('CaseDispatchSuggestion');

const Handler = z.object({
  kind: z.enum(['department', 'community']),
  id: z.string().nullable(),
  name: z.string(),
  ...Confidence,
});

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const SuggestionsQuery = z.object({
  ids: z
    .string()
    .regex(new RegExp(`^${uuid}(,${uuid}){0,99}$`))
    .openapi({ description: 'up to 100 case ids, comma-separated' }),
});

export const CaseSuggestionsSchema = z
  .object({
    items: z.array(
      z.object({
        caseId: z.string(),
        handler: Handler.nullable(),
        category: z.object({ code: z.string(), name: z.string(), ...Confidence }).nullable(),
      }),
    ),
  })
  .openapi('CaseDispatchSuggestions');

export const CaseIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
