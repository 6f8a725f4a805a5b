// 随手拍 / 网格巡查 reports written on the phone: drafts in the shared offline queue (queue.ts),
// sent as POST /cases with the draft's UUID as the idempotency key — a resend after a lost answer
// gets the first case back instead of making a second one.
import { createCase } from '../../common/api/cases';
import { createQueue, type DraftPhoto, type QueuedDraft } from './queue';

export interface SnapReport extends QueuedDraft {
  channel: 'patrol' | 'snap';
  placeCode?: string;
  lng?: number;
  lat?: number;
  address: string;
  categoryCode?: string;
  priority: 'normal' | 'urgent';
  description: string;
  reporterName: string;
  /** 代居民反映: the resident's mobile (kept on the phone only until the report is sent) */
  reporterPhone?: string;
}

export interface SentCase {
  id: string;
  trackingCode: string;
}

const queue = createQueue<SnapReport, SentCase>('cases', (draft) =>
  createCase({
    channel: draft.channel,
    placeCode: draft.placeCode,
    lng: draft.lng,
    lat: draft.lat,
    address: draft.address,
    categoryCode: draft.categoryCode,
    priority: draft.priority,
    description: draft.description,
    reporterName: draft.reporterName,
    reporterPhone: draft.reporterPhone,
    photoIds: draft.photoIds,
    idempotencyKey: draft.id,
  }),
);

export const snapQueue = queue.state;

/** Keeps a report on the phone under `key` (the draft's idempotency key) with its photos; returns the key. */
export const saveSnapReport = (key: string, fields: Omit<SnapReport, keyof QueuedDraft>, photos: DraftPhoto[]) =>
  queue.save(fields, photos, key);

export const syncSnaps = queue.sync;
export const retrySnap = queue.retry;
export const discardSnap = queue.discard;
