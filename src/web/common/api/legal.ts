import type { ListResponse } from '../api-types';
import { http } from '../http';

// 小律服务: questions to the community's legal adviser (answer within 24 hours) and the public FAQ.

export interface LegalQuestion {
  id: string;
  question: string;
  public: boolean;
  state: string;
  dueAt: string;
  slaLevel: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
  askerName: string;
}

export interface LegalFaq {
  id: string;
  question: string;
  answer: string;
  answeredBy: string;
  answeredAt: string;
}

export const askLegalQuestion = (input: { communityCode: string; question: string; public: boolean }) =>
  http.post<{ id: string; dueAt: string }>('/legal-questions', input);

/** mine: the questions I asked; without it (advisers) the questions of my communities. */
export const listLegalQuestions = (mine: boolean, signal?: AbortSignal) =>
  http.get<ListResponse<LegalQuestion>>('/legal-questions', { query: { mine: mine ? 'true' : undefined }, signal });

export const answerLegalQuestion = (id: string, answer: string) =>
  http.post<{ id: string; state: string }>(`/legal-questions/${encodeURIComponent(id)}/answer`, { answer });

export const searchLegalFaq = (q: string, signal?: AbortSignal) =>
  http.get<ListResponse<LegalFaq>>('/public/legal-faq', { query: { q }, signal });

/** The community's name (public: the same lookup as the QR report form). */
export const communityName = (code: string) =>
  http.get<{ name: string; street: string }>(`/public/communities/${encodeURIComponent(code)}`);
