// 走访日记 written on the phone: drafts in the shared offline queue (queue.ts), sent as
// POST /visit-logs with the draft's UUID as the log's id.
import { recordVisitLog } from '../../common/api/visits';
import { createQueue, type DraftPhoto, type QueuedDraft } from './queue';

export interface VisitDraft extends QueuedDraft {
  householdCode: string;
  /** the address, to show the draft without the network */
  householdLabel: string;
  content: string;
  lng?: number;
  lat?: number;
  visitedAt: string;
}

const queue = createQueue<VisitDraft>('visits', (draft) =>
  recordVisitLog({
    id: draft.id,
    householdCode: draft.householdCode,
    content: draft.content,
    photoIds: draft.photoIds,
    lng: draft.lng,
    lat: draft.lat,
    visitedAt: draft.visitedAt,
  }),
);

export const visitQueue = queue.state;

export const pendingCount = () => visitQueue.drafts.length;

export interface NewVisit {
  householdCode: string;
  householdLabel: string;
  content: string;
  photos: DraftPhoto[];
  lng?: number;
  lat?: number;
}

/** Keeps a new log on the phone (ids made here, now) and returns its id; sending is syncVisits()'s job. */
export const saveVisitDraft = ({ photos, ...fields }: NewVisit) =>
  queue.save({ ...fields, visitedAt: new Date().toISOString() }, photos);

export const refreshDrafts = queue.refresh;
export const syncVisits = queue.sync;
export const retryDraft = queue.retry;
export const discardDraft = queue.discard;
export const draftPhoto = queue.photo;
