// A small key-value store on the phone: IndexedDB (it keeps photos as Blobs), or memory when the
// browser offers no IndexedDB (some private modes) — then drafts last only while the page is open.
const dbName = 'linli-h5';
// version 2 added `cases` (随手拍 reports kept on the phone); the upgrade only creates missing stores.
const dbVersion = 2;
export const storeNames = ['visits', 'photos', 'cases'] as const;
export type StoreName = (typeof storeNames)[number];

let opening: Promise<IDBDatabase | null> | null = null;
const memory: Record<StoreName, Map<string, unknown>> = { visits: new Map(), photos: new Map(), cases: new Map() };

function open(): Promise<IDBDatabase | null> {
  if (opening) return opening;
  opening = new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve(null);
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(dbName, dbVersion);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of storeNames)
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'id' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // another tab opening a newer version: let it upgrade (this tab opens again on its next reload)
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opening;
}

function run<T>(
  db: IDBDatabase,
  name: StoreName,
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, mode);
    const request = action(tx.objectStore(name));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

export async function putRecord<T extends { id: string }>(name: StoreName, value: T): Promise<void> {
  const db = await open();
  if (!db) {
    memory[name].set(value.id, value);
    return;
  }
  await run(db, name, 'readwrite', (store) => store.put(value));
}

export async function getRecord<T>(name: StoreName, id: string): Promise<T | undefined> {
  const db = await open();
  if (!db) return memory[name].get(id) as T | undefined;
  return (await run(db, name, 'readonly', (store) => store.get(id))) as T | undefined;
}

export async function allRecords<T>(name: StoreName): Promise<T[]> {
  const db = await open();
  if (!db) return [...memory[name].values()] as T[];
  return (await run(db, name, 'readonly', (store) => store.getAll())) as T[];
}

export async function deleteRecord(name: StoreName, id: string): Promise<void> {
  const db = await open();
  if (!db) {
    memory[name].delete(id);
    return;
  }
  await run(db, name, 'readwrite', (store) => store.delete(id));
}

/** True when drafts survive closing the page (IndexedDB is available). */
export async function isPersistent() {
  return (await open()) !== null;
}
