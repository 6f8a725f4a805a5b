import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { compileServer, startLinli, type RunningServer } from './server.js';

// Starts the real server the way a user does (`linli start`) on a fresh embedded database with
// the demo data, on a free port; the browser tests talk to it over HTTP.

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's DATA_DIR: its console SMS provider writes residents' SMS to sms-handset.jsonl there. */
    dataDir: string;
    /** What `linli start` printed until it was healthy: the links and the demo logins. */
    startOutput: string;
  }
}

let server: RunningServer | null = null;
let dataDir = '';

export default async function setup(project: TestProject) {
  if (!fs.existsSync('dist/web/admin/index.html'))
    throw new Error('The web pages are not built: run `node scripts/ensure-web.mjs` (npm install and npm test do).');
  compileServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  server = await startLinli(dataDir);
  project.provide('baseUrl', server.baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('startOutput', server.output());
  return async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
