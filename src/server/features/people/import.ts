import { cutText, storableText, textProblem } from '../../../shared/text.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/database.js';
import type { Place } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { newId } from '../../platform/ids.js';
import { releaseLease, stillHolds, takeLease } from '../../platform/leases.js';
import type { Actor } from '../../platform/policy.js';
import { findByCode } from '../places/index.js';
import { importColumns, readResidentSheet, type SheetRow } from './excel.js';
import { checkRow, lookups, rowErrors, type Candidate, type RowError, type RowErrors } from './import-rows.js';
import type { PeopleDeps } from './deps.js';
import { assertMayImportInto } from './policy.js';
import * as repo from './repository.js';

// Excel import of residents into one community: every row checked, a report of each bad row,
// then either the good rows or nothing. Re-running the same file adds nobody twice: a row whose
// person is already in that household (same ID number, or same name when there is none) is skipped.
// That check only holds when imports into a community run one at a time, so an import takes the
// community's lease first; a second one meanwhile is refused with IMPORT_RUNNING.

export interface ImportReport {
  total: number;
  valid: number;
  skipped: number;
  imported: number;
  errors: RowError[];
}
export type ImportMode = 'validate' | 'valid-only' | 'all-or-nothing';
interface ImportInput {
  communityCode: string;
  bytes: Buffer;
  mode: ImportMode;
  fileName: string;
  locale: Locale;
}

// Longer than any import takes; it only matters when a process died holding the lease.
const IMPORT_LEASE_MS = 10 * 60_000;

export function createResidentImport(deps: PeopleDeps) {
  return (actor: Actor, input: ImportInput) => importResidents(deps, actor, input);
}

async function importResidents(deps: PeopleDeps, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const { db, clock } = deps;
  const community = await findByCode(db, input.communityCode);
  if (!community || community.kind !== 'community')
    throw new AppError('NOT_FOUND', { communityCode: input.communityCode });
  assertMayImportInto(actor, community.path);
  if (input.mode === 'validate') return readAndImport(deps, actor, community, input);
  const lease = `resident-import:${community.id}`;
  const holder = newId();
  const taken = await takeLease(db, lease, holder, clock.now(), IMPORT_LEASE_MS);
  if (!taken.taken) throw new AppError('IMPORT_RUNNING', { since: taken.since.toISOString() });
  try {
    return await readAndImport(deps, actor, community, input, { lease, holder });
  } finally {
    await releaseLease(db, lease, holder);
  }
}

/**
 * Against the database: the same person already in that household is skipped; an ID number
 * registered at another address is an error.
 */
async function sortOutRegistered(db: Executor, community: Place, candidates: Candidate[], { fail }: RowErrors) {
  const owners = await repo.findIdNumberOwners(
    db,
    community.tenant_id!,
    candidates.map((c) => c.resident.id_number_hash).filter((h): h is string => h !== null),
  );
  const ownerByHash = new Map(owners.map((o) => [o.id_number_hash, o]));
  const existingByHouseholdName = await repo.activeNamesInHouseholds(db, [
    ...new Set(candidates.map((c) => c.resident.household_id)),
  ]);
  const fresh: Candidate[] = [];
  let skipped = 0;
  for (const c of candidates) {
    const owner = c.resident.id_number_hash ? ownerByHash.get(c.resident.id_number_hash) : undefined;
    if (owner && owner.household_id !== c.resident.household_id) fail(c.sheet, 'idNumber', 'id_registered_elsewhere');
    else if (owner || existingByHouseholdName.has(`${c.resident.household_id}|${c.resident.name}`)) skipped++;
    else fresh.push(c);
  }
  return { fresh, skipped };
}

async function readAndImport(
  deps: PeopleDeps,
  actor: Actor,
  community: Place,
  input: ImportInput,
  lease?: { lease: string; holder: string },
): Promise<ImportReport> {
  const sheet = await readResidentSheet(input.bytes);
  // A cell holding what cannot be stored makes its row bad before anything is looked up with it.
  const unstorable = (r: SheetRow) =>
    importColumns.filter((c) => textProblem(r.values[c.key], { multiline: c.key === 'notes' })).map((c) => c.key);
  const rows = sheet.filter((r) => unstorable(r).length === 0);
  const now = deps.clock.now();
  const found = rowErrors(input.locale);
  const known = await lookups(deps.db, community, rows, actor);
  const candidates: Candidate[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const r of sheet) for (const column of unstorable(r)) found.fail(r, column, 'bad_characters');
  for (const r of rows) {
    const candidate = checkRow(deps, community, r, known, found, firstRowOfId, now);
    if (candidate) candidates.push(candidate);
  }
  const { fresh, skipped } = await sortOutRegistered(deps.db, community, candidates, found);
  const errors = found.errors.sort((a, b) => a.row - b.row);
  const report: ImportReport = { total: sheet.length, valid: fresh.length, skipped, imported: 0, errors };
  if (input.mode === 'validate') return report;
  if (input.mode === 'all-or-nothing' && errors.length) throw new AppError('IMPORT_HAS_ERRORS', report);
  await writeImport(deps.db, actor, community, input, fresh, { skipped, badRows: errors.length, now, lease });
  return { ...report, imported: fresh.length };
}

/** The good rows, their events and one audit row, in one transaction still under the lease. */
async function writeImport(
  db: Db,
  actor: Actor,
  community: Place,
  input: ImportInput,
  fresh: Candidate[],
  done: { skipped: number; badRows: number; now: Date; lease?: { lease: string; holder: string } },
) {
  const { now, lease } = done;
  await db.transaction().execute(async (trx) => {
    // Still ours (it expires only after IMPORT_LEASE_MS), and held until this commit.
    if (lease && !(await stillHolds(trx, lease.lease, lease.holder))) throw new AppError('IMPORT_RUNNING');
    await repo.insertResidents(
      trx,
      fresh.map((c) => c.resident),
    );
    await repo.insertEvents(
      trx,
      fresh.map((c) => ({
        id: newId(),
        tenant_id: c.resident.tenant_id,
        resident_id: c.resident.id,
        kind: 'imported' as const,
        from_household_id: null,
        to_household_id: c.resident.household_id,
        note: cutText(storableText(input.fileName), 200),
        actor_id: actor.userId,
        at: now,
      })),
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'resident.import',
        entityType: 'community',
        entityId: community.code,
        tenantId: community.tenant_id,
        after: {
          file: storableText(input.fileName),
          mode: input.mode,
          imported: fresh.length,
          skipped: done.skipped,
          badRows: done.badRows,
        },
      },
      now,
    );
  });
}
