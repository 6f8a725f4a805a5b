import type { Executor } from './audit.js';
import { forEveryCounty } from './db/tenant-guard.js';

// Per-process copies of reference data read on every intake (case categories, the holiday calendar,
// business hours), which change a few times a year. A trigger bumps the 'reference' counter on any
// change of those tables (migration 0051); a process compares it at most once a second, so another
// process's edit is seen within a second, and the services that edit them drop this process's copies
// right after their commit. Copies are shared: callers must not change what they get.

interface Copies {
  version: number;
  checkedAt: number;
  values: Map<string, Promise<unknown>>;
}

const RECHECK_MS = 1000;
// Keyed by the database handle (tests and benchmarks open several in one process).
const copiesOf = new WeakMap<object, Copies>();

async function referenceVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('system_counters').select('value').where('name', '=', 'reference').executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** The cached value of `key`, loaded by `load` when the reference data changed since. */
export async function referenceData<T>(db: Executor, key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  let copies = copiesOf.get(db);
  if (!copies || now - copies.checkedAt >= RECHECK_MS) {
    // The version is read before the data, so a copy is never older than the version it is kept under.
    const version = await referenceVersion(db);
    copies = copiesOf.get(db);
    if (copies?.version === version) copies.checkedAt = now;
    else {
      copies = { version, checkedAt: now, values: new Map() };
      copiesOf.set(db, copies);
    }
  }
  const held = copies.values.get(key);
  if (held) return held as Promise<T>;
  // Kept for every county: loaded outside the county's guard of the request that asked first.
  const loading = forEveryCounty(load);
  const values = copies.values;
  values.set(key, loading);
  loading.catch(() => values.delete(key)); // a failed load is not kept
  return loading;
}

/** This process's copies are stale: a service changed reference data (call after its commit). */
export function invalidateReferenceData(db: Executor): void {
  copiesOf.delete(db);
}
