import type { z } from '@hono/zod-openapi';
import type {
  AnsweredSchema,
  AskedSchema,
  LegalFaqSchema,
  LegalQuestionInput,
  LegalQuestionSchema,
} from '../../../server/features/legal/schemas';
import type { ListResponse } from '../api-types';
import { http } from '../http';

// 小律服务: questions to the community's legal adviser (answer within 24 hours) and the public FAQ.

export type LegalQuestion = z.infer<typeof LegalQuestionSchema>;
export type LegalFaq = z.infer<typeof LegalFaqSchema>;

export const askLegalQuestion = (input: z.input<typeof LegalQuestionInput>) =>
  http.post<z.infer<typeof AskedSchema>>('/legal-questions', input);

/** mine: the questions I asked; without it (advisers) the questions of my communities. */
export const listLegalQuestions = (mine: boolean, signal?: AbortSignal) =>
  http.get<ListResponse<LegalQuestion>>('/legal-questions', { query: { mine: mine ? 'true' : undefined }, signal });

export const answerLegalQuestion = (id: string, answer: string) =>
  http.post<z.infer<typeof AnsweredSchema>>(`/legal-questions/${encodeURIComponent(id)}/answer`, { answer });

export const searchLegalFaq = (q: string, signal?: AbortSignal) =>
  http.get<ListResponse<LegalFaq>>('/public/legal-faq', { query: { q }, signal });
