import { z } from '@hono/zod-openapi';
import {
  agreementActionCodes,
  agreementStates,
  unitEntryActionCodes,
  unitEntryStates,
  unitKinds,
  unitLists,
} from '../../../../shared/community-units.js';
import { text } from '../../../platform/text-schema.js';

// 共驻共建 · 一书四单 as the API takes and gives it.

const day = z.iso.date().openapi({ description: 'YYYY-MM-DD, a day that exists' });
const placeCode = z.string().regex(/^\d{9}(\d{3})?$/, 'a street (9 digits) or community (12 digits) code');
const year = z.coerce.number().int().min(2000).max(2100);

export const IdParam = z.object({ id: z.uuid() });
export const LiaisonParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const EntryActionParams = z.object({ id: z.uuid(), action: z.enum(unitEntryActionCodes) });
export const AgreementActionParams = z.object({ id: z.uuid(), action: z.enum(agreementActionCodes) });

export const UnitsQuery = z.object({
  placeCode: placeCode.optional(),
  kind: z.enum(unitKinds).optional(),
  year: year.optional(),
});
export const YearQuery = z.object({ year: year.optional(), placeCode: placeCode.optional() });
export const UnitYearQuery = z.object({ year: year.optional() });
export const PlaceQuery = z.object({ placeCode });

export const UnitInput = z.object({
  kind: z.enum(unitKinds),
  placeCode: z.string().regex(/^\d{12}$/, 'a community (12 digits) code'),
  name: text({ min: 2, max: 80 }),
  contactName: text({ max: 40 }).default(''),
  phone: z
    .string()
    .regex(/^[0-9-]{0,20}$/)
    .default(''),
});
export const UnitPatch = UnitInput.pick({ name: true, contactName: true, phone: true }).partial();

export const LiaisonInput = z.object({ userId: z.uuid() });

export const ServiceInput = z
  .object({
    termStart: day.nullable().default(null),
    termEnd: day.nullable().default(null),
    buildingIds: z.array(z.uuid()).max(200).default([]),
    note: text({ max: 200, multiline: true }).default(''),
  })
  .refine((v) => !v.termStart || !v.termEnd || v.termEnd >= v.termStart, {
    path: ['termEnd'],
    message: 'the term ends before it starts',
  });

export const AgreementInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    termStart: day,
    termEnd: day,
    signedOn: day.nullable().default(null),
    fileId: z.uuid().nullable().default(null),
    note: text({ max: 500, multiline: true }).default(''),
  })
  .refine((v) => v.termEnd >= v.termStart, { path: ['termEnd'], message: 'the term ends before it starts' });

export const AgreementActionInput = z.object({ signedOn: day.optional() });

export const EntryInput = z.object({
  list: z.enum(unitLists),
  title: text({ min: 2, max: 80 }),
  description: text({ max: 1000, multiline: true }).default(''),
  dueOn: day,
  score: z.number().int().min(0).max(1000),
});

export const EntryActionInput = z.object({
  note: text({ max: 1000, multiline: true }).default(''),
  proofFileIds: z.array(z.uuid()).max(9).default([]),
  reason: text({ max: 500, multiline: true }).default(''),
});

export const LiaisonSchema = z.object({ userId: z.uuid(), displayName: z.string() });
export const ServiceSchema = z.object({
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  buildings: z.array(z.object({ id: z.uuid(), name: z.string() })),
  note: z.string(),
});

export const UnitSchema = z.object({
  id: z.uuid(),
  kind: z.enum(unitKinds),
  name: z.string(),
  contactName: z.string(),
  phone: z.string(),
  placeCode: z.string(),
  placeName: z.string(),
  liaisons: z.array(LiaisonSchema),
  service: ServiceSchema.nullable(),
  agreementState: z.enum(agreementStates).nullable(),
  points: z.number().int(),
  canManage: z.boolean(),
});

export const EntrySchema = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  organisationId: z.uuid(),
  list: z.enum(unitLists),
  title: z.string(),
  description: z.string(),
  dueOn: z.string(),
  score: z.number().int(),
  state: z.enum(unitEntryStates),
  overdue: z.boolean(),
  fulfilmentNote: z.string(),
  proofFileIds: z.array(z.uuid()),
  submittedAt: z.string().nullable(),
  returnReason: z.string(),
  decidedAt: z.string().nullable(),
  pointsAwarded: z.number().int(),
  actions: z.array(z.enum(unitEntryActionCodes)),
});

export const AgreementSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  year: z.number().int(),
  state: z.enum(agreementStates),
  signedOn: z.string().nullable(),
  termStart: z.string(),
  termEnd: z.string(),
  fileId: z.uuid().nullable(),
  note: z.string(),
  actions: z.array(z.enum(agreementActionCodes)),
  entries: z.array(EntrySchema),
});

export const UnitDetailSchema = UnitSchema.extend({
  agreements: z.array(AgreementSchema),
  rank: z.number().int().nullable(),
  unitsRanked: z.number().int(),
});

export const RankingRowSchema = z.object({
  rank: z.number().int(),
  id: z.uuid(),
  name: z.string(),
  placeCode: z.string(),
  placeName: z.string(),
  points: z.number().int(),
  entries: z.number().int(),
  confirmed: z.number().int(),
  onTime: z.number().int(),
});

export const PendingEntrySchema = EntrySchema.extend({ organisationName: z.string() });

export const NumbersRowSchema = z.object({
  placeCode: z.string(),
  placeName: z.string(),
  units: z.number().int(),
  agreements: z.number().int(),
  entries: z.number().int(),
  confirmed: z.number().int(),
  points: z.number().int(),
});

export const CandidateSchema = z.object({ userId: z.uuid(), displayName: z.string(), username: z.string() });
export const BuildingSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export type UnitInputT = z.infer<typeof UnitInput>;
export type UnitPatchT = z.infer<typeof UnitPatch>;
export type ServiceInputT = z.infer<typeof ServiceInput>;
export type AgreementInputT = z.infer<typeof AgreementInput>;
export type EntryInputT = z.infer<typeof EntryInput>;
export type EntryActionInputT = z.infer<typeof EntryActionInput>;
