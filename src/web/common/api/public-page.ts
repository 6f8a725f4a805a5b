import type { z } from '@hono/zod-openapi';
import type { PublicOverviewSchema, PublicReportSchema } from '../../../server/features/public-page/schemas';
import { http } from '../http';

// 社区公开页 (no login): the community's numbers and its public reports; the other areas' public
// lists (notices, meetings, votes …) are read raw, each section shown only when its list answers.

export type PublicOverview = z.infer<typeof PublicOverviewSchema>;
export type PublicCommunityReport = z.infer<typeof PublicReportSchema>;

const base = (code: string) => `/public/communities/${encodeURIComponent(code)}`;

export const getPublicOverview = (code: string, signal?: AbortSignal) =>
  http.get<PublicOverview>(`${base(code)}/overview`, { signal });

export const getPublicReports = (code: string, signal?: AbortSignal) =>
  http.get<{ items: PublicCommunityReport[] }>(`${base(code)}/reports`, { signal });

/** Another area's public list of the community (…/notices, …/meetings); its answer is not trusted to have a shape. */
export const getPublicSection = (code: string, section: string, signal?: AbortSignal) =>
  http.get<unknown>(`${base(code)}/${section}`, { signal });
