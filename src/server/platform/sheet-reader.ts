import { Worker } from 'node:worker_threads';
import { AppError } from './errors.js';

// Excel uploads are read in a worker thread, one sheet, row by row, stopping at the row limit:
// a million-row file is refused after row 20,001 instead of being loaded whole, the event loop
// stays free for other requests (health checks, the public form, jobs), and the worker's heap is
// capped so a hostile file cannot take the server's memory.

/** Data rows per import (IMPORT_TOO_MANY_ROWS says so); a sheet is refused at the first row past it. */
export const MAX_IMPORT_ROWS = 20_000;

export interface SheetCell {
  column: number;
  text: string;
  formula: boolean;
}
export interface SheetLine {
  row: number;
  cells: SheetCell[];
}
export interface Sheet {
  header: SheetCell[];
  rows: SheetLine[];
}

type WorkerResult =
  | ({ kind: 'sheet' } & Sheet)
  | { kind: 'sheets'; sheets: NamedSheet[] }
  | { kind: 'too-many-rows' }
  | { kind: 'invalid'; reason: string };

export interface NamedSheet extends Sheet {
  name: string;
}

const workerUrl = new URL('./sheet-reader.worker.mjs', import.meta.url);
const HEAP_MB = 256;
const MAX_COLUMNS = 100;
// Two cores: more readers at once would only queue for the CPU and add their heaps up.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** The first worksheet's non-empty rows (row 1 is the header); formula cells are flagged, not evaluated. */
export async function readFirstSheet(bytes: Buffer, options: { maxRows: number }): Promise<Sheet> {
  const result = await runReader(bytes, options.maxRows, false);
  if (result.kind !== 'sheet') throw new AppError('IMPORT_FILE_INVALID');
  return { header: result.header, rows: result.rows };
}

/** Every worksheet, by name, as readFirstSheet reads one; `maxRows` counts the data rows of all sheets together. */
export async function readAllSheets(bytes: Buffer, options: { maxRows: number }): Promise<NamedSheet[]> {
  const result = await runReader(bytes, options.maxRows, true);
  if (result.kind !== 'sheets') throw new AppError('IMPORT_FILE_INVALID');
  return result.sheets;
}

async function runReader(bytes: Buffer, maxRows: number, allSheets: boolean) {
  const release = await slot();
  try {
    const result = await new Promise<WorkerResult>((resolve, reject) => {
      const copy = new Uint8Array(bytes); // transferred to the worker, the caller keeps its buffer
      const worker = new Worker(workerUrl, {
        workerData: { bytes: copy, maxRows, maxColumns: MAX_COLUMNS, allSheets },
        transferList: [copy.buffer],
        resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
      });
      worker.once('message', (message: WorkerResult) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', () => resolve({ kind: 'invalid', reason: 'reader stopped' }));
    });
    if (result.kind === 'too-many-rows') throw new AppError('IMPORT_TOO_MANY_ROWS');
    if (result.kind === 'invalid') throw new AppError('IMPORT_FILE_INVALID');
    return result;
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The worker ran out of its heap or crashed on the file.
    throw new AppError('IMPORT_FILE_INVALID');
  } finally {
    release();
  }
}
