import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Screenshots, logs and the like of the browser tests (kept by CI). */
export const artifactsDir = path.resolve('.test-artifacts');

// The real server started the way a user starts it (`linli start`: the compiled dist/server/linli.mjs) on
// an embedded database in a folder of its own, on a free port. The global setup starts the one most files
// share.

/** Compiles the server when its sources changed (bin/linli.mjs would too, but once here, before any start). */
export function compileServer(): void {
  const build = spawnSync(process.execPath, [path.resolve('scripts/ensure-server.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Compiling the server failed (node scripts/ensure-server.mjs).');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

export interface RunningServer {
  baseUrl: string;
  /** What the server printed so far (the start banner with its links and the demo logins). */
  output(): string;
  stop(): Promise<void>;
}

const serverEnv = (dataDir: string, env: Record<string, string>) => ({
  ...process.env,
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  JOBS_POLL_MS: '500',
  ...env,
});

/** Runs one `linli` command on the data folder to its end (e.g. `seed --demo` before a start). */
export function runLinli(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('bin/linli.mjs'), ...args], {
      env: serverEnv(dataDir, env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`linli ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** `linli start` on the data folder; resolves once /healthz answers 200. */
export async function startLinli(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.resolve('bin/linli.mjs'), 'start'], {
    env: serverEnv(dataDir, { PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  // A server that dies while the browsers use it fails every later test with "connection refused" and
  // nothing else: what it printed is kept, and its last lines said at once.
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (stopping) return;
    let file = '(not kept)';
    try {
      fs.mkdirSync(artifactsDir, { recursive: true });
      file = path.join(artifactsDir, `server-${port}-exit.log`);
      fs.writeFileSync(file, output);
    } catch {
      // the last lines below still say why
    }
    console.error(
      `linli start (port ${port}) exited with ${signal ?? code}; its output is in ${file}. Last lines:\n${output.split('\n').slice(-40).join('\n')}`,
    );
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // First start migrates and seeds the demo: ~1 min on a quiet machine, several on a loaded one. The
  // deadline only stops a server that never comes up; it measures nothing.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      stopping = true;
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      stopping = true;
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      child.kill('SIGKILL');
    },
  };
}
