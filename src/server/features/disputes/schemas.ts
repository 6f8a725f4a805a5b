import { z } from '@hono/zod-openapi';
import { text } from '../../platform/text-schema.js';
import { SummonsRequest, summonsSomeone } from '../whistle/index.js';
import {
  disputeHandoverTargets as handoverTargets,
  disputePartyRoles as partyRoles,
  disputeRisks,
  disputeSources,
  disputeTypes,
} from '../../../shared/disputes.js';
import { disputeActions, disputeStatuses, mediationOutcomes } from './lifecycle.js';

// 矛盾纠纷: what the ledger takes and what it answers. The web takes its types from here
// (src/web/common/api-types.ts), so the two cannot drift apart.

// The closed sets of words live in src/shared/disputes.ts, with their Chinese labels.
export { disputeRisks, disputeSources, disputeTypes, handoverTargets, partyRoles };

export const DisputeId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const DisputeInput = z
  .object({
    caseId: z.uuid().optional().openapi({ description: 'A case that becomes a dispute' }),
    placeCode: text({ min: 2, max: 40 }).optional(),
    disputeType: z.enum(disputeTypes),
    summary: text({ min: 5, max: 2000, multiline: true }),
    source: z.enum(disputeSources),
    risk: z.enum(disputeRisks),
    parties: z
      .array(
        z.object({
          role: z.enum(partyRoles),
          residentId: z.uuid().optional(),
          name: text({ min: 1, max: 40 }),
          phone: text({ max: 20 }).optional(),
          idNumber: text({ max: 18 }).optional(),
        }),
      )
      .min(1)
      .max(20),
  })
  .openapi('DisputeInput');

export const MediationInput = z
  .object({
    mediators: z
      .array(text({ min: 1, max: 40 }))
      .min(1)
      .max(10),
    legalAdvisers: z
      .array(text({ min: 1, max: 40 }))
      .max(10)
      .default([]),
    record: text({ min: 2, max: 5000, multiline: true }),
    outcome: z.enum(mediationOutcomes),
    agreementText: text({ max: 5000, multiline: true }).optional(),
    signatureFileIds: z.array(z.uuid()).max(20).default([]).openapi({
      description: 'PNG signatures drawn on a phone, uploaded through /files, in the order of the parties',
    }),
  })
  .openapi('MediationInput');

export const NoteInput = z.object({ note: text({ min: 2, max: 1000, multiline: true }) });
export const HandoverInput = NoteInput.extend({ to: z.enum(handoverTargets) });

/** 吹哨 on a dispute: whom to summon; the whistle's place and subject come from the dispute. */
export const DisputeWhistleInput = SummonsRequest.refine(...summonsSomeone);

export const DisputeQuery = z.object({
  under: text({ min: 2, max: 40 }).optional(),
  caseId: z.uuid().optional().openapi({ description: 'The dispute a case became' }),
  status: z.enum(disputeStatuses).optional(),
  risk: z.enum(disputeRisks).optional(),
});

export const AnalysisQuery = z.object({
  under: text({ min: 2, max: 40 }),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

export const RecordedSchema = z.object({ id: z.string(), code: z.string() });
export const StatusSchema = z.object({ id: z.string(), status: z.string() });
export const SummonedSchema = z.object({ id: z.string() });

export const DisputeSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  type: z.enum(disputeTypes),
  summary: z.string(),
  risk: z.enum(disputeRisks),
  status: z.enum(disputeStatuses),
  source: z.enum(disputeSources),
  createdAt: z.string(),
});

export const DisputeDetailSchema = DisputeSummarySchema.extend({
  caseId: z.string().nullable(),
  whistleId: z.string().nullable(),
  handedTo: z.string().nullable(),
  place: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** In the order the signatures are sent and the agreement prints them. */
  parties: z.array(
    z.object({
      id: z.string(),
      role: z.enum(partyRoles),
      name: z.string(),
      phone: z.string().nullable().openapi({ description: 'masked' }),
      idNumber: z.string().nullable().openapi({ description: 'masked' }),
    }),
  ),
  sessions: z.array(
    z.object({
      id: z.string(),
      heldAt: z.string(),
      mediators: z.array(z.string()),
      legalAdvisers: z.array(z.string()),
      record: z.string(),
      outcome: z.enum(mediationOutcomes),
      agreementText: z.string().nullable(),
      signatures: z.number().int().openapi({ description: 'How many signatures the session holds' }),
    }),
  ),
  timeline: z.array(z.object({ kind: z.string(), note: z.string(), actorName: z.string(), at: z.string() })),
  /** What the user may do next (the server decides; the UI shows only these). */
  actions: z.array(z.enum(disputeActions)),
}).openapi('DisputeDetail');

export type DisputeInputT = z.infer<typeof DisputeInput>;
export type MediationInputT = z.infer<typeof MediationInput>;
export type DisputeQueryT = z.infer<typeof DisputeQuery>;
export type DisputeWhistleInputT = z.infer<typeof DisputeWhistleInput>;
export type HandoverTarget = (typeof handoverTargets)[number];
export type DisputeDetail = z.infer<typeof DisputeDetailSchema>;
