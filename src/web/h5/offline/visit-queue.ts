// 走访日记 written on the phone are drafts first: kept in IndexedDB with a UUID made at creation,
// photos with their own UUIDs. The queue sends the pending photos, then the log, whenever the
// network is there (app start, the `online` event, coming back to the app, a timer, a tap). The
// server is idempotent by those ids, so a retry after a lost answer never makes a second record.
import { reactive } from 'vue';
import { uploadPhoto } from '../../common/api/files';
import { recordVisitLog } from '../../common/api/visits';
import { ApiError } from '../../common/http';
import { session } from '../../common/session';
import { newUuid } from '../../common/uuid';
import { allRecords, deleteRecord, getRecord, putRecord } from './store';

export interface VisitDraft {
  id: string;
  userId: string;
  householdCode: string;
  /** the address, to show the draft without the network */
  householdLabel: string;
  content: string;
  photoIds: string[];
  lng?: number;
  lat?: number;
  visitedAt: string;
  createdAt: string;
  /** pending: will be sent; failed: the server refused it (the message says why), sent again only on request */
  state: 'pending' | 'failed';
  error?: string;
  attempts: number;
}

interface PhotoRecord {
  id: string;
  userId: string;
  blob: Blob;
  uploaded: boolean;
}

export const visitQueue = reactive({
  /** this user's drafts not yet on the server, newest first */
  drafts: [] as VisitDraft[],
  syncing: false,
  lastError: '',
  /** set after each successful send, so lists can reload */
  sentAt: 0,
});

export const pendingCount = () => visitQueue.drafts.length;

const currentUser = () => session.me?.user.id ?? '';

/** This user's drafts as plain objects (IndexedDB cannot store Vue's reactive proxies), newest first. */
async function storedDrafts(): Promise<VisitDraft[]> {
  const user = currentUser();
  try {
    const all = await allRecords<VisitDraft>('visits');
    return all.filter((d) => d.userId === user).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  } catch {
    return []; // storage unavailable: nothing to show
  }
}

export async function refreshDrafts() {
  visitQueue.drafts = await storedDrafts();
}

export interface NewVisit {
  householdCode: string;
  householdLabel: string;
  content: string;
  photos: Blob[];
  lng?: number;
  lat?: number;
}

/** Keeps a new log on the phone (ids made here, now) and returns its id; sending is syncVisits()'s job. */
export async function saveVisitDraft(input: NewVisit): Promise<string> {
  const userId = currentUser();
  const now = new Date().toISOString();
  const photoIds: string[] = [];
  for (const blob of input.photos) {
    const id = newUuid();
    await putRecord<PhotoRecord>('photos', { id, userId, blob, uploaded: false });
    photoIds.push(id);
  }
  const draft: VisitDraft = {
    id: newUuid(),
    userId,
    householdCode: input.householdCode,
    householdLabel: input.householdLabel,
    content: input.content,
    photoIds,
    lng: input.lng,
    lat: input.lat,
    visitedAt: now,
    createdAt: now,
    state: 'pending',
    attempts: 0,
  };
  await putRecord('visits', draft);
  await refreshDrafts();
  return draft.id;
}

/** A photo of a draft, for its thumbnail. */
export async function draftPhoto(id: string): Promise<Blob | null> {
  return (await getRecord<PhotoRecord>('photos', id))?.blob ?? null;
}

export async function discardDraft(id: string) {
  const draft = await getRecord<VisitDraft>('visits', id);
  if (draft) for (const photoId of draft.photoIds) await deleteRecord('photos', photoId);
  await deleteRecord('visits', id);
  await refreshDrafts();
}

/** A refused draft goes back to the queue (after the user fixed the reason, e.g. logged in again). */
export async function retryDraft(id: string) {
  const draft = await getRecord<VisitDraft>('visits', id);
  if (!draft) return;
  await putRecord('visits', { ...draft, state: 'pending', error: undefined });
  await refreshDrafts();
  await syncVisits();
}

/** The network or the server is briefly away: keep the draft and try again later. */
const isTransient = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;

async function sendOne(draft: VisitDraft) {
  for (const photoId of draft.photoIds) {
    const photo = await getRecord<PhotoRecord>('photos', photoId);
    if (!photo || photo.uploaded) continue;
    await uploadPhoto(photo.blob, photo.id, `${photo.id}.${photo.blob.type.split('/')[1] ?? 'jpg'}`);
    await putRecord<PhotoRecord>('photos', { ...photo, uploaded: true });
  }
  await recordVisitLog({
    id: draft.id,
    householdCode: draft.householdCode,
    content: draft.content,
    photoIds: draft.photoIds,
    lng: draft.lng,
    lat: draft.lat,
    visitedAt: draft.visitedAt,
  });
  for (const photoId of draft.photoIds) await deleteRecord('photos', photoId);
  await deleteRecord('visits', draft.id);
}

let running: Promise<number> | null = null;

/** Sends every pending draft of the current user, oldest first; returns how many were sent (never throws). */
export function syncVisits(): Promise<number> {
  if (running) return running;
  running = (async () => {
    if (!currentUser()) return 0;
    const stored = await storedDrafts();
    visitQueue.drafts = stored;
    const queue = stored.filter((d) => d.state === 'pending').reverse();
    if (!queue.length) return 0;
    visitQueue.syncing = true;
    let sent = 0;
    try {
      for (const draft of queue) {
        try {
          await sendOne(draft);
          sent += 1;
          visitQueue.lastError = '';
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (isTransient(error)) {
            await putRecord('visits', { ...draft, attempts: draft.attempts + 1 });
            visitQueue.lastError = message;
            break; // the network is down: the next drafts would fail the same way
          }
          await putRecord('visits', { ...draft, attempts: draft.attempts + 1, state: 'failed', error: message });
        }
      }
    } finally {
      visitQueue.syncing = false;
      if (sent) visitQueue.sentAt = Date.now();
      await refreshDrafts();
    }
    return sent;
  })()
    .catch(() => 0) // storage trouble: the drafts stay where they are; the next attempt tries again
    .finally(() => {
      running = null;
    });
  return running;
}

let started = false;

/** Once per page load: send when the network comes back, when the app is shown again, and every minute while drafts wait. */
export function startVisitSync() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncVisits());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncVisits();
  });
  setInterval(() => {
    if (visitQueue.drafts.some((d) => d.state === 'pending') && navigator.onLine) void syncVisits();
  }, 60_000);
  void syncVisits();
}
