import { z } from '@hono/zod-openapi';

const disputeTypes = ['neighbour', 'family', 'property', 'labour', 'land', 'consumer', 'other'] as const;
export const DisputeInput = z
  .object({
    caseId: z.uuid().optional().openapi({ description: 'A case that becomes a dispute' }),
    placeCode: z.string().trim().min(2).max(40).optional(),
    disputeType: z.enum(disputeTypes),
    summary: z.string().trim().min(5).max(2000),
    source: z.enum(['regular_screening', 'focused_screening', 'case', 'walk_in']),
    risk: z.enum(['low', 'medium', 'high']),
    parties: z.array(z.object({
      role: z.enum(['applicant', 'respondent', 'other']),
      residentId: z.uuid().optional(),
      name: z.string().trim().min(1).max(40),
      phone: z.string().trim().max(20).optional(),
      idNumber: z.string().trim().max(18).optional(),
    })).min(1).max(20),
  })
  .openapi('DisputeInput');

export const MediationInput = z
  .object({
    mediators: z.array(z.string().trim().min(1).max(40)).min(1).max(10),
    legalAdvisers: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    record: z.string().trim().min(2).max(5000),
    outcome: z.enum(['agreed', 'not_agreed', 'adjourned']),
    agreementText: z.string().trim().max(5000).optional(),
    signatureFileIds: z.array(z.uuid()).max(20).default([]).openapi({ description: 'PNG signatures drawn on a phone, uploaded through /files, in the order of the parties' }),
  })
  .openapi('MediationInput');

export const DisputeQuery = z.object({
  under: z.string().trim().min(2).max(40).optional(),
  caseId: z.uuid().optional().openapi({ description: 'The dispute a case became' }),
  status: z.enum(['open', 'mediating', 'agreed', 'failed', 'handed_over', 'closed']).optional(),
  risk: z.enum(['low', 'medium', 'high']).optional(),
});

export type DisputeInputT = z.infer<typeof DisputeInput>;
export type MediationInputT = z.infer<typeof MediationInput>;
