import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/server/config.js';
import type { AppDeps } from '../../src/server/deps.js';
import { GridLocator } from '../../src/server/features/places/locator.js';
import { systemClock } from '../../src/server/platform/clock.js';
import { openDatabase, type DatabaseHandle } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { PiiCipher } from '../../src/server/platform/pii.js';
import { LocalFolderStorage } from '../../src/server/platform/storage.js';
import { compileServer, startLinli, type RunningServer } from '../e2e/server.js';
import { buildWorld, givePhone, putOnDuty, TEST_PASSWORD, userIdOf } from './factories.js';
import { multipart } from './files.js';

// Several real app processes (`linli start`, the compiled server) on one new PostgreSQL database, behind a
// round-robin HTTP proxy in the calling process: the scale-out test (test/api/scale-out.postgres.test.ts)
// and the province-scale load run (bench/province.ts). The caller seeds through `database.deps` (the
// factories) before the processes start, and reads the database as the truth after.

export interface ClusterDatabase {
  url: string;
  /** The key every process encrypts personal data with (PII_KEY). */
  piiKey: string;
  /** Deps on the cluster's database in this process: for the factories and for reading the truth. */
  deps: AppDeps;
  handle: DatabaseHandle;
  /** Closes this process's pool and drops the database. */
  drop(): Promise<void>;
}

/** A new, migrated database on the PostgreSQL server at TEST_DATABASE_URL. */
export async function createClusterDatabase(): Promise<ClusterDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `linli_cluster_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  const piiKey = randomBytes(32).toString('base64');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cluster-seed-'));
  const deps: AppDeps = {
    db: handle.db,
    engine: handle.engine,
    clock: systemClock,
    config: loadConfig({ DATA_DIR: dataDir, DEMO_SEED: 'false', LOG_LEVEL: 'error' }),
    jobs: new JobRunner(handle.db, systemClock),
    locator: new GridLocator(handle.db),
    pii: new PiiCipher(Buffer.from(piiKey, 'base64')),
    storage: new LocalFolderStorage(path.join(dataDir, 'files')),
  };
  return {
    url: url.toString(),
    piiKey,
    deps,
    handle,
    async drop() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Cluster {
  /** The round-robin proxy: what the clients call. */
  url: string;
  /** Each app process, to be called directly. */
  nodes: RunningServer[];
  /** Requests the proxy forwarded to each process. */
  forwarded: number[];
  /** Requests the proxy could not forward or whose answer broke off (answered 502 when nothing was sent yet). */
  proxyErrors: string[];
  stop(): Promise<void>;
}

/**
 * `processes` × `linli start` on the database, each with its own port and data folder, the jobs running in
 * every one, and a round-robin proxy in front. The proxy appends the client's address to X-Forwarded-For
 * as nginx does, and the processes trust it (TRUSTED_PROXIES), so clients may say which address they call
 * from (the per-address limits of the public pages then count per client, not for the whole proxy).
 */
export async function startCluster(
  database: ClusterDatabase,
  { processes, env = {} }: { processes: number; env?: Record<string, string> },
): Promise<Cluster> {
  compileServer(); // once here, not in three processes at once
  const dirs = Array.from({ length: processes }, (_, i) =>
    fs.mkdtempSync(path.join(os.tmpdir(), `linli-cluster-${i + 1}-`)),
  );
  const nodes = await Promise.all(
    dirs.map((dir) =>
      startLinli(dir, {
        DATABASE_URL: database.url,
        PII_KEY: database.piiKey,
        DEMO_SEED: 'false',
        JOBS_ENABLED: 'true',
        JOBS_POLL_MS: '200',
        TRUSTED_PROXIES: '127.0.0.1',
        PUBLIC_RATE_PER_PHONE_HOUR: '1000000',
        PUBLIC_RATE_PER_IP_HOUR: '1000000',
        LOG_LEVEL: 'info',
        ...env,
      }),
    ),
  );
  const forwarded = nodes.map(() => 0);
  // Idle sockets are dropped after 4 s, before the app's server closes them (Node's keepAliveTimeout, 5 s):
  // a request sent on a socket the server is closing fails with no answer (nginx has the same race).
  const agents = nodes.map(() => new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 }));
  const proxyErrors: string[] = [];
  let next = 0;
  const proxy = http.createServer((req, res) => {
    const i = next++ % nodes.length;
    forwarded[i]++;
    const target = new URL(nodes[i].baseUrl);
    const peer = req.socket.remoteAddress ?? '127.0.0.1';
    const headers = {
      ...req.headers,
      'x-forwarded-for': [req.headers['x-forwarded-for'], peer].filter(Boolean).join(', '),
    };
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: agents[i] },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      proxyErrors.push(`${req.method} ${req.url} → process ${i + 1}: ${error.message}`);
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  proxy.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    url,
    nodes,
    forwarded,
    proxyErrors,
    async stop() {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      agents.forEach((a) => a.destroy());
      await Promise.all(nodes.map((n) => n.stop()));
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: any;
}

/**
 * A client over real HTTP: keeps its cookies, sends the CSRF token on writes, and says which address it
 * calls from (X-Forwarded-For, which the cluster's proxy passes on).
 */
export class HttpClient {
  cookie = '';
  private csrf = '';
  constructor(
    public baseUrl: string,
    public address = '10.0.0.1',
  ) {}

  /** The same login (cookies) against another base URL, e.g. one process directly. */
  at(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl, this.address);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  async login(username: string, password = TEST_PASSWORD): Promise<this> {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const form = body instanceof FormData;
    const res = await fetch(this.baseUrl + url, {
      method,
      headers: {
        'x-forwarded-for': this.address,
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const set = res.headers.getSetCookie();
    if (set.length) {
      const jar = new Map(
        this.cookie
          .split('; ')
          .filter(Boolean)
          .map((c) => c.split('=') as [string, string]),
      );
      for (const c of set) {
        const [name, value] = c.split(';')[0].split('=');
        if (value && !/Max-Age=0/i.test(c)) jar.set(name, value);
        else jar.delete(name);
        if (name === 'linli_csrf') this.csrf = value;
      }
      this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
}

/**
 * The small county of the factories (buildWorld: street, communities C1 with grids A and B, C2 with grid C,
 * one user per role), with phones and the community workers on duty, so each report texts someone.
 */
export async function seedCounty(deps: AppDeps) {
  const world = await buildWorld(deps);
  await givePhone(deps, 'worker1', '13900000001');
  await givePhone(deps, 'worker2', '13900000002');
  await givePhone(deps, 'officer', '13900000003');
  await givePhone(deps, 'gridA', '13900000004');
  await givePhone(deps, 'gridB', '13900000005');
  await putOnDuty(deps, 'worker1', world.c1.code);
  await putOnDuty(deps, 'worker2', world.c2.code);
  const gridWorkers = {
    [world.gridA.code]: { username: 'gridA', id: await userIdOf(deps, 'gridA') },
    [world.gridB.code]: { username: 'gridB', id: await userIdOf(deps, 'gridB') },
  };
  // Where a resident stands when reporting: a point inside grid A, B (community C1) or C (C2).
  const grids = [
    { community: world.c1.code, grid: world.gridA.code, lng: 108.0 },
    { community: world.c1.code, grid: world.gridB.code, lng: 108.01 },
    { community: world.c2.code, grid: world.gridC.code, lng: 108.02 },
  ];
  return { world, gridWorkers, grids };
}

/** A resident's QR report (the public form's fields) at a point inside the grid whose west edge is at `lng`. */
export function reportForm(n: number, at: { community: string; lng: number }, phone: string) {
  return multipart({
    communityCode: at.community,
    description: `${n}号楼门口路灯坏了三天，晚上很黑，请尽快修理`,
    reporterName: '陈阿姨',
    reporterPhone: phone,
    lng: String(at.lng + 0.001 + ((n * 37) % 80) / 10_000),
    lat: String(37.001 + ((n * 53) % 80) / 10_000),
  });
}
