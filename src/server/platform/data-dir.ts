import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config.js';

// DATA_DIR holds the embedded database, the uploaded files and the key file. It must be a folder
// we can write, and only one process may use its embedded database at a time: PGlite opened by a
// second process aborts (or, under a restore, is swapped away under a running server).

/** Creates DATA_DIR if missing and proves it is a folder we can write; else one line naming it. */
export function prepareDataDir(dir: string): void {
  const refuse = (why: { zh: string; en: string }) =>
    new ConfigError(
      `数据目录不可用 DATA_DIR=${dir}：${why.zh}。The data folder DATA_DIR=${dir} cannot be used: ${why.en}. Set DATA_DIR to a folder Linli can write to.`,
    );
  // One level at a time: Node's recursive mkdir spins forever where the file system refuses a folder (e.g. under /proc).
  const missing: string[] = [];
  for (let at = dir; !fs.existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      throw refuse({
        zh: `无法创建 ${folder}（${(error as NodeJS.ErrnoException).code}）`,
        en: `cannot create ${folder} (${(error as NodeJS.ErrnoException).code})`,
      });
    }
  }
  if (!fs.statSync(dir).isDirectory()) throw refuse({ zh: '它不是文件夹', en: 'it is not a folder' });
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    throw refuse({
      zh: `无法写入（${(error as NodeJS.ErrnoException).code}）`,
      en: `cannot write in it (${(error as NodeJS.ErrnoException).code})`,
    });
  }
}

export class DataDirInUseError extends Error {}

export interface DataDirLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

const LOCK_FILE = 'linli.lock';

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

function isRunning(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true; // another machine's process (shared disk): we cannot tell, so it counts
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dir: string, holder: Holder | null): DataDirInUseError {
  const who = holder ? `PID ${holder.pid}${holder.host === os.hostname() ? '' : ` @ ${holder.host}`}` : 'PID ?';
  const file = path.join(dir, LOCK_FILE);
  return new DataDirInUseError(
    `数据目录 ${dir} 正被另一个 linli 进程（${who}）使用，请先停止它。The data folder ${dir} is in use by another linli process (${who}); stop it first (if no such process runs, delete ${file}).`,
  );
}

/**
 * Takes DATA_DIR/linli.lock (our PID inside) or refuses with the holder's PID. A lock whose
 * process has died is taken over. Released by release() or when this process exits.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (linkLock(file, mine)) return held(file);
    const holder = readHolder(file);
    if (holder === null && fs.existsSync(file) && Date.now() - fs.statSync(file).mtimeMs < 10_000)
      throw inUse(dir, null);
    if (holder && isRunning(holder)) throw inUse(dir, holder);
    removeStaleLock(dir, file, holder);
  }
  throw inUse(dir, readHolder(file));
}

/** Written aside and linked into place: the lock file appears atomically, already holding our PID. False if one exists. */
function linkLock(file: string, mine: Holder): boolean {
  const draft = `${file}.${process.pid}`;
  fs.writeFileSync(draft, JSON.stringify(mine) + '\n');
  try {
    fs.linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** Stale: move it aside, and if what we moved turns out to be a live process's fresh lock, put it back. */
function removeStaleLock(dir: string, file: string, holder: Holder | null): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== holder?.pid || moved.host !== holder?.host) && isRunning(moved)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // someone else took it meanwhile; they hold it now
    }
    fs.rmSync(aside, { force: true });
    throw inUse(dir, moved);
  }
  fs.rmSync(aside, { force: true });
}

function held(file: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { release };
}
