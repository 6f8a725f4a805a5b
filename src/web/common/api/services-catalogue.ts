import type { z } from '@hono/zod-openapi';
import type {
  BundleClassSchema,
  BundleDetailSchema,
  BundleInput,
  BundlePatch,
  CatalogueSchema,
  ImportResultSchema,
  PublicBundleSchema,
  PublicCatalogueSchema,
  PublicItemSchema,
  ServiceCategorySchema,
  ServiceItemInput,
  ServiceItemPatch,
  ServiceItemSchema,
} from '../../../server/features/services/catalogue/schemas';
import type { FormDefinition } from '../../../shared/service-forms';
import { download, http } from '../http';

// 服务事项目录 (issue 15): the county's catalogue, edited by its administrators; Excel out and in.

export type ServiceCatalogue = z.infer<typeof CatalogueSchema>;
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;
export type ServiceItem = z.infer<typeof ServiceItemSchema>;
export type ServiceItemInputT = z.input<typeof ServiceItemInput>;
export type ServiceItemPatchT = z.input<typeof ServiceItemPatch>;
export type ServiceBundleClass = z.infer<typeof BundleClassSchema>;
export type ServiceBundleDetail = z.infer<typeof BundleDetailSchema>;
export type ServiceBundleInputT = z.input<typeof BundleInput>;
export type ServiceBundlePatchT = z.input<typeof BundlePatch>;
export type CatalogueImported = z.infer<typeof ImportResultSchema>;

export const getCatalogue = (signal?: AbortSignal) => http.get<ServiceCatalogue>('/services/catalogue', { signal });
export const createServiceCategory = (input: { code: string; name: string; sort?: number; active?: boolean }) =>
  http.post<ServiceCategory>('/services/categories', input);
export const updateServiceCategory = (id: string, input: { name?: string; sort?: number; active?: boolean }) =>
  http.patch<ServiceCategory>(`/services/categories/${id}`, input);
export const createServiceItem = (input: ServiceItemInputT) => http.post<ServiceItem>('/services/items', input);
export const updateServiceItem = (id: string, input: ServiceItemPatchT) =>
  http.patch<ServiceItem>(`/services/items/${id}`, input);
export const createBundleClass = (input: { code: string; name: string; sort?: number }) =>
  http.post<ServiceBundleClass>('/services/bundle-classes', input);
export const getBundle = (id: string, signal?: AbortSignal) =>
  http.get<ServiceBundleDetail>(`/services/bundles/${id}`, { signal });
export const createBundle = (input: ServiceBundleInputT) => http.post<ServiceBundleDetail>('/services/bundles', input);
export const updateBundle = (id: string, input: ServiceBundlePatchT) =>
  http.patch<ServiceBundleDetail>(`/services/bundles/${id}`, input);
export const exportCatalogue = (fallbackName: string) => download('/services/catalogue.xlsx', { fallbackName });

// The public reads (no login): what a county offers, one item, one bundle (the phone, the window's 代办).
export type PublicCatalogue = z.infer<typeof PublicCatalogueSchema>;
type PublicItem = z.infer<typeof PublicItemSchema>;
type PublicBundle = z.infer<typeof PublicBundleSchema>;
/** A material with the address of its sample (样表) when it has one. */
export type PublicMaterial = PublicItem['materials'][number];
/** The public item, its form read as a form definition (the server stored it checked). */
export type PublicServiceItem = Omit<PublicItem, 'form'> & { form: FormDefinition };
export type PublicServiceBundle = Omit<PublicBundle, 'form' | 'items'> & {
  form: FormDefinition;
  items: PublicServiceItem[];
};
export const getPublicCatalogue = (signal?: AbortSignal) =>
  http.get<PublicCatalogue>('/public/services/catalogue', { signal });
export const getPublicItem = (id: string, signal?: AbortSignal) =>
  http.get<PublicServiceItem>(`/public/services/items/${encodeURIComponent(id)}`, { signal });
export const getPublicBundle = (id: string, signal?: AbortSignal) =>
  http.get<PublicServiceBundle>(`/public/services/bundles/${encodeURIComponent(id)}`, { signal });

export function importCatalogue(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<CatalogueImported>('/services/catalogue/import', form);
}
