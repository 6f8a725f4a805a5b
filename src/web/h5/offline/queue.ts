// The offline queue shared by the phone's forms (走访日记, 随手拍 / 网格巡查): a record written on
// the phone is a draft first, kept in IndexedDB with a UUID made when the draft was created, its
// photos stored beside it with their own UUIDs. The queue sends the pending photos, then the
// record, whenever the network is there (app start, the `online` event, coming back to the app,
// every minute, a tap). The server is idempotent by those ids, so a retry after a lost answer
// never makes a second record nor stores a photo twice.
import { reactive } from 'vue';
import { uploadPhoto } from '../../common/api/files';
import { ApiError } from '../../common/http';
import { session } from '../../common/session';
import { newUuid } from '../../common/uuid';
import { allRecords, deleteRecord, getRecord, putRecord, type StoreName } from './store';

/** What every queued record has; each queue adds its own fields. */
export interface QueuedDraft {
  /** made on the phone when the draft was created; the server's idempotency key */
  id: string;
  userId: string;
  photoIds: string[];
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

/** A photo picked on the phone: its id is made when it is picked (so a resend stores it once). */
export interface DraftPhoto {
  id: string;
  blob: Blob;
}

export interface QueueState<D extends QueuedDraft, R> {
  /** this user's drafts not yet on the server, newest first */
  drafts: D[];
  syncing: boolean;
  lastError: string;
  /** set after each successful send, so lists can reload */
  sentAt: number;
  /** what the server answered for the drafts sent since the page loaded, by draft id */
  results: Record<string, R>;
}

export interface OfflineQueue<D extends QueuedDraft, R> {
  state: QueueState<D, R>;
  /** Keeps a new record on the phone and returns its id; sending is sync()'s job. */
  save(fields: Omit<D, keyof QueuedDraft>, photos: DraftPhoto[], id?: string): Promise<string>;
  refresh(): Promise<void>;
  /** Sends every pending draft of the current user, oldest first; returns how many were sent (never throws). */
  sync(): Promise<number>;
  /** A refused draft goes back to the queue (after the user fixed the reason, e.g. logged in again). */
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
  /** A photo of a draft, for its thumbnail. */
  photo(id: string): Promise<Blob | null>;
}

const currentUser = () => session.me?.user.id ?? '';

/** The network or the server is briefly away: keep the draft and try again later. */
export const isTransient = (error: unknown) =>
  !(error instanceof ApiError) ||
  error.status === 0 ||
  error.status === 401 ||
  error.status === 408 ||
  error.status === 429 ||
  error.status >= 500;

const queues: OfflineQueue<QueuedDraft, unknown>[] = [];

export function createQueue<D extends QueuedDraft, R = unknown>(
  store: Exclude<StoreName, 'photos'>,
  send: (draft: D) => Promise<R>,
): OfflineQueue<D, R> {
  const state = reactive({ drafts: [], syncing: false, lastError: '', sentAt: 0, results: {} }) as QueueState<D, R>;

  /** This user's drafts as plain objects (IndexedDB cannot store Vue's reactive proxies), newest first. */
  async function storedDrafts(): Promise<D[]> {
    const user = currentUser();
    try {
      const all = await allRecords<D>(store);
      return all.filter((d) => d.userId === user).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    } catch {
      return []; // storage unavailable: nothing to show
    }
  }

  async function refresh() {
    state.drafts = await storedDrafts();
  }

  async function save(fields: Omit<D, keyof QueuedDraft>, photos: DraftPhoto[], id = newUuid()) {
    const userId = currentUser();
    for (const photo of photos)
      await putRecord<PhotoRecord>('photos', { id: photo.id, userId, blob: photo.blob, uploaded: false });
    const draft = {
      ...fields,
      id,
      userId,
      photoIds: photos.map((p) => p.id),
      createdAt: new Date().toISOString(),
      state: 'pending',
      attempts: 0,
    } as D;
    await putRecord<D>(store, draft);
    await refresh();
    return id;
  }

  async function photo(id: string) {
    return (await getRecord<PhotoRecord>('photos', id))?.blob ?? null;
  }

  async function discard(id: string) {
    const draft = await getRecord<D>(store, id);
    if (draft) for (const photoId of draft.photoIds) await deleteRecord('photos', photoId);
    await deleteRecord(store, id);
    await refresh();
  }

  async function sendOne(draft: D): Promise<R> {
    for (const photoId of draft.photoIds) {
      const stored = await getRecord<PhotoRecord>('photos', photoId);
      if (!stored || stored.uploaded) continue;
      await uploadPhoto(stored.blob, stored.id, `${stored.id}.${stored.blob.type.split('/')[1] ?? 'jpg'}`);
      await putRecord<PhotoRecord>('photos', { ...stored, uploaded: true });
    }
    const result = await send(draft);
    for (const photoId of draft.photoIds) await deleteRecord('photos', photoId);
    await deleteRecord(store, draft.id);
    return result;
  }

  let running: Promise<number> | null = null;
  /** asked again while a run was going: a draft saved meanwhile is not in that run's list */
  let again = false;

  function sync(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      if (!currentUser()) return 0;
      const stored = await storedDrafts();
      state.drafts = stored;
      const queue = stored.filter((d) => d.state === 'pending').reverse();
      if (!queue.length) return 0;
      state.syncing = true;
      let sent = 0;
      try {
        for (const draft of queue) {
          try {
            state.results[draft.id] = await sendOne(draft);
            sent += 1;
            state.lastError = '';
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (isTransient(error)) {
              await putRecord<D>(store, { ...draft, attempts: draft.attempts + 1 });
              state.lastError = message;
              break; // the network is down: the next drafts would fail the same way
            }
            await putRecord<D>(store, { ...draft, attempts: draft.attempts + 1, state: 'failed', error: message });
          }
        }
      } finally {
        state.syncing = false;
        if (sent) state.sentAt = Date.now();
        await refresh();
      }
      return sent;
    })()
      .catch(() => 0) // storage trouble: the drafts stay where they are; the next attempt tries again
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void sync();
        }
      });
    return running;
  }

  async function retry(id: string) {
    const draft = await getRecord<D>(store, id);
    if (!draft) return;
    await putRecord<D>(store, { ...draft, state: 'pending', error: undefined });
    await refresh();
    await sync();
  }

  const queue: OfflineQueue<D, R> = { state, save, refresh, sync, retry, discard, photo };
  queues.push(queue as unknown as OfflineQueue<QueuedDraft, unknown>);
  return queue;
}

/** Sends what every queue holds (never throws). */
export const syncAll = () =>
  Promise.all(queues.map((q) => q.sync())).then((counts) => counts.reduce((a, b) => a + b, 0));

let started = false;

/** Once per page load: send when the network comes back, when the app is shown again, and every minute while drafts wait. */
export function startOfflineSync() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncAll());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncAll();
  });
  setInterval(() => {
    if (!navigator.onLine) return;
    for (const q of queues) if (q.state.drafts.some((d) => d.state === 'pending')) void q.sync();
  }, 60_000);
  void syncAll();
}
