// The case inbox over HTTP under load (issue 19): a county of ~25,000 cases, the county administrator's
// and a community worker's first page at 1, 10 and 50 connections, vs the same page of rows read raw
// through the same driver at the same concurrency. On PGlite also /healthz while the load runs.
//   npm run bench:inbox -- [--db pglite|postgres]   (BENCH_INBOX_CASES, BENCH_SECONDS)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { AppDeps } from '../src/server/deps.js';
import { GridLocator } from '../src/server/features/places/locator.js';
import { systemClock } from '../src/server/platform/clock.js';
import { JobRunner } from '../src/server/platform/jobs.js';
import { PiiCipher } from '../src/server/platform/pii.js';
import { LocalFolderStorage } from '../src/server/platform/storage.js';
import { pathUnder } from '../src/server/platform/scope.js';
import { TEST_PASSWORD } from '../test/support/factories.js';
import { seedCounty } from './inbox-seed.js';
import { engines as defaultEngines, fmt, freshDatabase, machine, percentile } from './lib.js';

const CASES = Number(process.env.BENCH_INBOX_CASES ?? 25_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map(Number);
const dbArg = process.argv.indexOf('--db');
const engines = dbArg > 0 ? [process.argv[dbArg + 1] as 'pglite' | 'postgres'] : defaultEngines;
const PAGE = 'state=open&page=1&pageSize=20';

console.log(`inbox benchmark — ${CASES.toLocaleString()} cases, ${SECONDS} s per run — ${machine()}`);

interface Run {
  count: number;
  errors: number;
  seconds: number;
  times: number[];
}

/** `connections` loops calling `fn` back to back for `SECONDS`; latencies sorted. */
async function load(connections: number, fn: () => Promise<boolean>, seconds = SECONDS): Promise<Run> {
  const times: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await fn().catch(() => false);
        times.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  return { count: times.length, errors, seconds: (performance.now() - t0) / 1000, times: times.sort((a, b) => a - b) };
}

const line = (r: Run) =>
  `${fmt(r.count / r.seconds)} req/s p50 ${fmt(percentile(r.times, 50))} p95 ${fmt(percentile(r.times, 95))} p99 ${fmt(percentile(r.times, 99))} max ${fmt(r.times.at(-1) ?? 0)} ms${r.errors ? ` · ${r.errors} errors` : ''}`;

function get(agent: http.Agent, port: number, path: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers: { cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

for (const engine of engines) {
  const handle = await freshDatabase(engine);
  const db = handle.db;
  const deps: AppDeps = {
    db,
    engine: handle.engine,
    clock: systemClock,
    jobs: new JobRunner(db, systemClock),
    locator: new GridLocator(db),
    config: loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error', PASSWORD_HASH_COST: 'test' }),
    pii: new PiiCipher(randomBytes(32)),
    storage: new LocalFolderStorage('/tmp/linli-bench-files'),
  };
  const t0 = performance.now();
  const { county, communities } = await seedCounty(deps, CASES);
  console.log(`${engine}: ${CASES} cases seeded in ${fmt((performance.now() - t0) / 1000)} s`);

  const app = buildApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => (server.listening ? r(null) : server.once('listening', r)));
  const port = (server.address() as AddressInfo).port;
  const cookies = { admin: await login(port, 'admin'), worker: await login(port, 'worker') };

  // The raw baseline: the rows of the same first page (open cases, newest first, the columns a line
  // shows with the place's and the category's names), read with the same driver, filtered by the
  // same place prefix: what one hand-written query costs, without session, scope, counts or HTTP.
  const rawPage = (prefix: string) =>
    sql`SELECT c.id, c.tracking_code, c.state, c.channel, c.category_code, c.priority, c.description, c.address,
          c.assignee_name, c.sla_level, c.escalation_level, c.created_at, c.first_contact_due_at, c.dispatch_due_at,
          c.take_due_at, c.resolve_due_at, p.code AS place_code, p.name AS place_name, cc.name_zh, cc.name_en
        FROM cases c JOIN places p ON p.id = c.place_id LEFT JOIN case_categories cc ON cc.code = c.category_code
        WHERE ${pathUnder('c.place_path', prefix)}
          AND c.state IN ('submitted','accepted','dispatched','in_progress','suspended','resolved','verifying')
        ORDER BY c.created_at DESC, c.id DESC LIMIT 20`
      .execute(db)
      .then((r) => r.rows.length === 20);

  for (const [who, prefix] of [
    ['county admin', county.path],
    ['community worker', communities[0].path],
  ] as const) {
    const cookie = who === 'county admin' ? cookies.admin : cookies.worker;
    const check = await get(new http.Agent(), port, `/api/v1/cases?${PAGE}`, cookie);
    const page = JSON.parse(check.body) as { items: unknown[] };
    if (check.status !== 200 || page.items.length !== 20)
      throw new Error(`inbox: ${check.status} ${check.body.slice(0, 300)}`);
    for (const connections of LEVELS) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
      const health: number[] = [];
      let loading = true;
      const probe =
        engine === 'pglite' && connections === LEVELS.at(-1)
          ? (async () => {
              const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
              while (loading) {
                const t = performance.now();
                const res = await get(healthAgent, port, '/healthz', '');
                health.push(res.status === 200 ? performance.now() - t : Infinity);
                await new Promise((r) => setTimeout(r, 100));
              }
              healthAgent.destroy();
            })()
          : Promise.resolve();
      const viaHttp = await load(connections, async () => {
        const res = await get(agent, port, `/api/v1/cases?${PAGE}`, cookie);
        return res.status === 200;
      });
      loading = false;
      await probe;
      agent.destroy();
      const raw = await load(connections, () => rawPage(prefix));
      console.log(
        `${engine.padEnd(8)} ${who.padEnd(16)} ${String(connections).padStart(2)} conn · inbox ${line(viaHttp)} · raw ${line(raw)} · throughput ${fmt((viaHttp.count / viaHttp.seconds / (raw.count / raw.seconds)) * 100, 0)} % of raw`,
      );
      if (health.length) {
        const sorted = health.sort((a, b) => a - b);
        console.log(
          `${engine.padEnd(8)} /healthz during the ${connections}-connection run: ${health.length} probes, p50 ${fmt(percentile(sorted, 50))} p95 ${fmt(percentile(sorted, 95))} max ${fmt(sorted.at(-1)!)} ms`,
        );
      }
    }
  }
  await new Promise((r) => server.close(r));
  await deps.jobs.stop();
  await handle.close();
}
process.exit(0);
