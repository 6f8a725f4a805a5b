import type { FormDefinition } from '../../../shared/service-forms';
import type { z } from '@hono/zod-openapi';
import type {
  ApplicationActionInput,
  ApplicationSummary as ApplicationSummarySchema,
  ApplyInput,
  ApplyInputT,
  Created,
  MyApplications,
  Prefill as PrefillSchema,
  PublicCommunities,
} from '../../../server/features/services/applications/schemas';
import type {
  PublicBundleSchema,
  PublicCatalogueSchema,
  PublicItemSchema,
} from '../../../server/features/services/catalogue/schemas';
import type { StoredFile } from '../api-types';
import { http } from '../http';

// 办事服务 on the resident's phone: the public catalogue (items, 一件事一次办 bundles), applying,
// 我的办件 and its actions (补正 → resubmit, withdraw, rate). Endpoint names from the services plan.

export type Catalogue = z.infer<typeof PublicCatalogueSchema>;
export type CatalogueItem = Catalogue['categories'][number]['items'][number];
type PublicItem = z.infer<typeof PublicItemSchema>;
type PublicBundle = z.infer<typeof PublicBundleSchema>;

/** A material with the address of its sample (样表) when it has one. */
export type ServiceMaterial = PublicItem['materials'][number];
/** The public item, its form read as a form definition (the server stored it checked). */
export type ServiceItemDetail = Omit<PublicItem, 'form'> & { form: FormDefinition };
export type ServiceBundleDetail = Omit<PublicBundle, 'form' | 'items'> & {
  form: FormDefinition;
  items: ServiceItemDetail[];
};

export type MaterialAnswer = NonNullable<ApplyInputT['materials']>[number];
export type ApplicationInput = z.input<typeof ApplyInput>;
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;
export type ApplicationActionBody = z.input<typeof ApplicationActionInput>;
// The detail and its actions are the console's calls too (the server answers what the caller may do).
export {
  applicationAction,
  getApplication,
  type ApplicationAction,
  type ApplicationDetail,
  type ApplicationPart,
} from './services-applications';

/** The resident's own registry record, keyed like the form's prefill keys, and her household's community. */
export type Prefill = z.infer<typeof PrefillSchema>;
export type CommunityChoice = z.infer<typeof PublicCommunities>['items'][number];

/** The county's communities by name, for a resident without a registry match to pick hers. */
export const listCommunities = (signal?: AbortSignal) =>
  http.get<z.infer<typeof PublicCommunities>>('/public/services/communities', { signal });

export const getCatalogue = (signal?: AbortSignal) => http.get<Catalogue>('/public/services/catalogue', { signal });

export const getServiceItem = (id: string, signal?: AbortSignal) =>
  http.get<ServiceItemDetail>(`/public/services/items/${encodeURIComponent(id)}`, { signal });

export const getServiceBundle = (id: string, signal?: AbortSignal) =>
  http.get<ServiceBundleDetail>(`/public/services/bundles/${encodeURIComponent(id)}`, { signal });

export const getPrefill = (idNumber: string, signal?: AbortSignal) =>
  http.get<Prefill>('/services/prefill', { query: { idNumber }, signal });

export const applyForService = (input: ApplicationInput) =>
  http.post<z.infer<typeof Created>>('/services/applications', input);

export const listMyApplications = (signal?: AbortSignal) =>
  http.get<z.infer<typeof MyApplications>>('/services/applications/mine', { signal });

/** A photo or PDF for a form's file field or a material (content-checked by the server). */
export function uploadAttachment(file: Blob, fileName: string) {
  const form = new FormData();
  form.append('file', file, fileName);
  return http.upload<StoredFile>('/files', form);
}
