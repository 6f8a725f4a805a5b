import { z } from '@hono/zod-openapi';
import { text } from '../../platform/text-schema.js';

const disputeTypes = ['neighbour', 'family', 'property', 'labour', 'land', 'consumer', 'other'] as const;
export const DisputeInput = z
  .object({
    caseId: z.uuid().optional().openapi({ description: 'A case that becomes a dispute' }),
    placeCode: text({ min: 2, max: 40 }).optional(),
    disputeType: z.enum(disputeTypes),
    summary: text({ min: 5, max: 2000, multiline: true }),
    source: z.enum(['regular_screening', 'focused_screening', 'case', 'walk_in']),
    risk: z.enum(['low', 'medium', 'high']),
    parties: z
      .array(
        z.object({
          role: z.enum(['applicant', 'respondent', 'other']),
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
    outcome: z.enum(['agreed', 'not_agreed', 'adjourned']),
    agreementText: text({ max: 5000, multiline: true }).optional(),
    signatureFileIds: z.array(z.uuid()).max(20).default([]).openapi({
      description: 'PNG signatures drawn on a phone, uploaded through /files, in the order of the parties',
    }),
  })
  .openapi('MediationInput');

export const DisputeQuery = z.object({
  under: text({ min: 2, max: 40 }).optional(),
  caseId: z.uuid().optional().openapi({ description: 'The dispute a case became' }),
  status: z.enum(['open', 'mediating', 'agreed', 'failed', 'handed_over', 'closed']).optional(),
  risk: z.enum(['low', 'medium', 'high']).optional(),
});

export type DisputeInputT = z.infer<typeof DisputeInput>;
export type MediationInputT = z.infer<typeof MediationInput>;
