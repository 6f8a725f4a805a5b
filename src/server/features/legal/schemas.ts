import { z } from '@hono/zod-openapi';
import { slaLevels } from '../../../shared/cases.js';
import { text } from '../../platform/text-schema.js';

/** A question is open until its one answer (答复). */
export const legalQuestionStates = ['open', 'answered'] as const;

// 小律服务: what a resident asks, what the adviser answers, and the public FAQ.

/**
 * The community is picked by name on the phone (its id); a link or another client may name it by its
 * 12-digit code. Either must be an active community, else 400 with a plain reason. Private by default.
 */
export const LegalQuestionInput = z
  .object({
    communityId: z.uuid().optional(),
    communityCode: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    question: text({ min: 5, max: 2000, multiline: true }),
    public: z.boolean().default(false),
  })
  .refine((v) => Boolean(v.communityId ?? v.communityCode), {
    path: ['communityId'],
    message: 'communityId or communityCode is required',
  });

export const LegalAnswerInput = z.object({ answer: text({ min: 5, max: 5000, multiline: true }) });

export const LegalQuestionQuery = z.object({ mine: z.enum(['true', 'false']).optional() });

export const LegalFaqQuery = z.object({ q: text({ max: 100 }).optional() });

export const QuestionId = z.object({ id: z.uuid() });

export const LegalQuestionSchema = z
  .object({
    id: z.string(),
    question: z.string(),
    public: z.boolean(),
    state: z.enum(legalQuestionStates),
    dueAt: z.string(),
    slaLevel: z.enum(slaLevels),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
    createdAt: z.string(),
    askerName: z.string(),
  })
  .openapi('LegalQuestion');

export const AskedSchema = z.object({ id: z.string(), dueAt: z.string() });

export const AnsweredSchema = z.object({ id: z.string(), state: z.enum(legalQuestionStates) });

/** A public answer: the asker stays anonymous. */
export const LegalFaqSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  answeredBy: z.string(),
  answeredAt: z.string(),
});

export type LegalQuestionInputT = z.infer<typeof LegalQuestionInput>;
