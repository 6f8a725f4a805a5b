import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

// Starts the real server the way a user does (`linli start`) on a fresh embedded database with
// the demo data, on a free port; the browser tests talk to it over HTTP.

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's DATA_DIR: its console SMS provider writes residents' SMS to sms-handset.jsonl there. */
    dataDir: string;
  }
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

let child: ChildProcess | null = null;
let dataDir = '';

export default async function setup(project: TestProject) {
  if (!fs.existsSync('dist/web/admin/index.html')) throw new Error('The web pages are not built: run `npx vite build` (npm test does).');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  const port = await freePort();
  let output = '';
  child = spawn(process.execPath, [path.resolve('bin/linli.mjs'), 'start'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'warn', JOBS_POLL_MS: '500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    child?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
