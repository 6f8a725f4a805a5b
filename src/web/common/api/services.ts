import type { FormAnswers, FormDefinition, Material } from '../../../shared/service-forms';
import type {
  ApplicationSource,
  ApplicationState,
  ApplyChannel,
  HandlerLevel,
  PartState,
  ServiceRating,
} from '../../../shared/services';
import type { StoredFile } from '../api-types';
import { http } from '../http';

// 办事服务 on the resident's phone: the public catalogue (items, 一件事一次办 bundles), applying,
// 我的办件 and its actions (补正 → resubmit, withdraw, rate). Endpoint names from the services plan.

export interface CatalogueItem {
  id: string;
  code: string;
  name: string;
  summary: string;
  handlerLevel: HandlerLevel;
  timeLimitDays: number;
  channel: ApplyChannel;
  feeFen: number;
}
export interface Catalogue {
  categories: Array<{ id: string; code: string; name: string; items: CatalogueItem[] }>;
  bundleClasses: Array<{
    id: string;
    code: string;
    name: string;
    bundles: Array<{ id: string; code: string; name: string; summary: string; itemIds: string[] }>;
  }>;
}

/** A material with the address of its sample (样表) when it has one. */
export type ServiceMaterial = Material & { sampleUrl?: string | null };

export interface ServiceItemDetail extends CatalogueItem {
  eligibility: string;
  legalBasis: string;
  feeNote: string;
  /** 办理地点: the department's or the level's name. */
  handlerName?: string | null;
  form: FormDefinition;
  materials: ServiceMaterial[];
  version: number;
}

export interface ServiceBundleDetail {
  id: string;
  code: string;
  name: string;
  summary: string;
  items: ServiceItemDetail[];
  form: FormDefinition;
  sources: Record<string, Array<{ itemId: string; key: string }>>;
  materials: ServiceMaterial[];
}

export interface MaterialAnswer {
  key: string;
  fileIds: string[];
  /** 带到窗口核验: the resident brings the original to the window instead of uploading it. */
  atWindow: boolean;
}

export interface ApplicationInput {
  itemId?: string;
  bundleId?: string;
  communityId: string;
  answers: FormAnswers;
  materials: MaterialAnswer[];
}

export interface ApplicationSummary {
  id: string;
  code: string;
  state: ApplicationState;
  name: string;
  itemId: string | null;
  bundleId: string | null;
  source: ApplicationSource;
  createdAt: string;
  dueAt: string | null;
  slaLevel: 'ok' | 'yellow' | 'red';
}

export interface ApplicationPart {
  id: string;
  itemId: string;
  itemName: string;
  state: PartState;
  handlerName: string;
  dueAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface ApplicationEvent {
  id: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string;
  actorName: string;
  at: string;
  partId: string | null;
}

export type ApplicationAction = 'accept' | 'supplement' | 'resubmit' | 'withdraw' | 'ready' | 'collect' | 'rate';

export interface ApplicationDetail {
  application: ApplicationSummary & {
    communityName: string;
    applicantName: string;
    supplementNote: string | null;
    acceptedAt: string | null;
    readyAt: string | null;
    collectedAt: string | null;
    withdrawnAt: string | null;
    rating: ServiceRating | null;
    ratingComment: string | null;
    /** 领取地点: the window where the result is collected. */
    collectAt?: string | null;
    materials: MaterialAnswer[];
  };
  parts: ApplicationPart[];
  timeline: ApplicationEvent[];
  actions: ApplicationAction[];
  /** The material list of the application, for 补正 (which to upload again). */
  materials?: ServiceMaterial[];
}

/** The resident's own registry record, keyed like the form's prefill keys. */
export interface Prefill {
  values: Partial<Record<string, string>>;
  communityId?: string | null;
  communityName?: string | null;
}

export const getCatalogue = (signal?: AbortSignal) => http.get<Catalogue>('/public/services/catalogue', { signal });

export const getServiceItem = (id: string, signal?: AbortSignal) =>
  http.get<ServiceItemDetail>(`/public/services/items/${encodeURIComponent(id)}`, { signal });

export const getServiceBundle = (id: string, signal?: AbortSignal) =>
  http.get<ServiceBundleDetail>(`/public/services/bundles/${encodeURIComponent(id)}`, { signal });

export const getPrefill = (idNumber?: string, signal?: AbortSignal) =>
  http.get<Prefill>('/services/prefill', { query: { idNumber }, signal });

export const applyForService = (input: ApplicationInput) =>
  http.post<ApplicationSummary>('/services/applications', input);

export const listMyApplications = (signal?: AbortSignal) =>
  http.get<{ items: ApplicationSummary[] }>('/services/applications/mine', { signal });

export const getApplication = (id: string, signal?: AbortSignal) =>
  http.get<ApplicationDetail>(`/services/applications/${encodeURIComponent(id)}`, { signal });

export const applicationAction = (id: string, action: ApplicationAction, body: Record<string, unknown> = {}) =>
  http.post<ApplicationDetail>(
    `/services/applications/${encodeURIComponent(id)}/${encodeURIComponent(action)}`,
    body,
  );

/** A photo or PDF for a form's file field or a material (content-checked by the server). */
export function uploadAttachment(file: Blob, fileName: string) {
  const form = new FormData();
  form.append('file', file, fileName);
  return http.upload<StoredFile>('/files', form);
}
