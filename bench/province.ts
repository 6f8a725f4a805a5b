// A load run at province scale (issue 19): a 12345-hotline-like mix at ten times Beijing's average appeal
// rate — about 8 appeals a second, each followed by ~10 reads and ~5 actions over the next 90 s — for
// BENCH_MINUTES on PostgreSQL, two `linli start` processes behind a round-robin proxy (test/support/cluster.ts).
// Open loop: appeals arrive at a fixed rate whatever the answers take; each appeal's steps run in order,
// each at its time or when the step before it ends, whichever is later.
// Baseline, in the same run: each operation alone on the idle cluster (stories one at a time, no waits).
//   npm run bench:province   (BENCH_MINUTES=10, BENCH_RATE=8 appeals/s, BENCH_HISTORY=20000 older cases)
import { sql } from 'kysely';
import {
  createClusterDatabase,
  HttpClient,
  reportForm,
  seedCounty,
  startCluster,
  type Answer,
} from '../test/support/cluster.js';
import { fmt, machine, percentile } from './lib.js';

const MINUTES = Number(process.env.BENCH_MINUTES ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 8);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 20_000);
const IDLE_STORIES = Number(process.env.BENCH_IDLE_STORIES ?? 20);

console.log(
  `province benchmark — ${RATE} appeals/s for ${MINUTES} min, 2 processes on PostgreSQL, ${HISTORY.toLocaleString()} older cases — ${machine()}`,
);

const database = await createClusterDatabase();
const county = await seedCounty(database.deps);
await seedHistory(HISTORY);
const cluster = await startCluster(database, { processes: 2, env: { LOG_LEVEL: 'warn', JOBS_POLL_MS: '500' } });

const login = (username: string) => new HttpClient(cluster.url).login(username);
const staff = {
  admin: await login('admin'),
  worker1: await login('worker1'),
  worker2: await login('worker2'),
  gridA: await login('gridA'),
  gridB: await login('gridB'),
};

interface Sample {
  ms: number;
  ok: boolean;
}
type Samples = Map<string, Sample[]>;

/** The community worker of the appeal's community. */
const dispatcherOf = (n: number) =>
  county.grids[n % county.grids.length].community === county.world.c1.code ? staff.worker1 : staff.worker2;

/** One step of an appeal: when (seconds after the report), what it is called, and the request. */
interface Step {
  at: number;
  op: string;
  run: (c: { id: string; code: string; phone4: string }) => Promise<{ status: number }>;
}

/**
 * An appeal's life: the resident's report, then ~10 reads (tracking, inboxes, the case's page) and 5
 * actions. In community 1 the worker sends it to the grid worker, who takes and resolves it; in community 2
 * the worker resolves it and calls the resident back.
 */
function storyOf(n: number) {
  const at = county.grids[n % county.grids.length];
  const phone = `139${String(n).padStart(8, '0')}`;
  const resident = new HttpClient(cluster.url, `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
  const dispatcher = dispatcherOf(n);
  const gridWorker = county.gridWorkers[at.grid];
  const handler = gridWorker ? staff[gridWorker.username as 'gridA' | 'gridB'] : dispatcher;
  const act =
    (client: HttpClient, action: string, body: Record<string, unknown> = {}) =>
    (c: { id: string }) =>
      client.post(`/api/v1/cases/${c.id}/actions/${action}`, body);
  const track = (c: { code: string; phone4: string }) =>
    resident.get(`/api/v1/public/cases/${c.code}?phone4=${c.phone4}`);
  const detail = (client: HttpClient) => (c: { id: string }) => client.get(`/api/v1/cases/${c.id}`);
  const inbox = (client: HttpClient, query: string) => () => client.get(`/api/v1/cases?${query}`);
  const handling: Step[] = gridWorker
    ? [
        {
          at: 20,
          op: 'dispatch',
          run: act(dispatcher, 'dispatch', { target: { kind: 'user', id: gridWorker.id }, resolveHours: 24 }),
        },
        { at: 25, op: 'inbox (grid worker)', run: inbox(handler, 'state=dispatched&mine=true&pageSize=20') },
        { at: 30, op: 'take', run: act(handler, 'take') },
        { at: 40, op: 'case detail', run: detail(handler) },
        { at: 50, op: 'resolve', run: act(handler, 'resolve', { result: '已到现场处理完毕' }) },
      ]
    : [
        { at: 20, op: 'note', run: act(dispatcher, 'note', { note: '已联系物业' }) },
        { at: 25, op: 'inbox (community)', run: inbox(dispatcher, 'state=accepted&pageSize=20') },
        { at: 40, op: 'case detail', run: detail(dispatcher) },
        { at: 50, op: 'resolve', run: act(dispatcher, 'resolve', { result: '物业已清理完毕' }) },
        { at: 70, op: 'callback', run: act(dispatcher, 'callback', { note: '回访：居民满意' }) },
      ];
  return {
    phone4: phone.slice(-4),
    report: () =>
      resident.post('/api/v1/public/cases', reportForm(n, at, phone), { 'idempotency-key': `province-${n}` }),
    steps: [
      { at: 2, op: 'tracking', run: track },
      { at: 6, op: 'inbox (community)', run: inbox(dispatcher, 'state=submitted&pageSize=20') },
      { at: 8, op: 'case detail', run: detail(dispatcher) },
      { at: 10, op: 'accept', run: act(dispatcher, 'accept') },
      { at: 15, op: 'contact', run: act(dispatcher, 'contact', { note: '已电话联系居民' }) },
      ...handling,
      { at: 55, op: 'tracking', run: track },
      { at: 60, op: 'case detail', run: detail(dispatcher) },
      { at: 80, op: 'tracking', run: track },
      { at: 90, op: 'inbox (county)', run: inbox(staff.admin, 'state=open&page=1&pageSize=20') },
    ].sort((a, b) => a.at - b.at),
  };
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

/** What each failed request answered. */
const failures: string[] = [];

async function timed(samples: Samples, op: string, fn: () => Promise<{ status: number }>, expect: number) {
  const t = performance.now();
  const res: { status: number; body?: unknown } = await fn().catch((error: Error) => ({
    status: 0,
    body: error.message,
  }));
  const ms = performance.now() - t;
  const list = samples.get(op) ?? [];
  list.push({ ms, ok: res.status === expect });
  if (res.status !== expect) failures.push(`${op}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  samples.set(op, list);
  return res;
}

/** Runs one appeal; `pace` false runs its steps back to back (the idle baseline). */
async function runStory(n: number, samples: Samples, pace: boolean): Promise<boolean> {
  const story = storyOf(n);
  const start = performance.now();
  const filed = await timed(samples, 'intake', story.report, 201);
  const code = filed.status === 201 ? (filed as Answer).body.trackingCode : undefined;
  if (!code) return false;
  // The community worker looks the report up by its tracking code (the resident read it out on the phone).
  if (pace) await sleepUntil(start + 4000);
  const search = await timed(
    samples,
    'search by code',
    () => dispatcherOf(n).get(`/api/v1/cases?state=all&q=${code}`),
    200,
  );
  const id = (search as Answer).body?.items?.[0]?.id as string | undefined;
  if (!id) return false;
  const c = { id, code, phone4: story.phone4 };
  for (const step of story.steps) {
    if (pace) await sleepUntil(start + step.at * 1000);
    await timed(samples, step.op, () => step.run(c), 200);
  }
  return true;
}

function report(title: string, samples: Samples, baseline?: Samples) {
  console.log(`\n${title}`);
  console.log(
    `${'operation'.padEnd(20)} ${'count'.padStart(7)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} errors${baseline ? '  p95 vs idle' : ''}`,
  );
  for (const [op, list] of [...samples].sort(([a], [b]) => a.localeCompare(b))) {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b);
    const idle = baseline
      ?.get(op)
      ?.map((s) => s.ms)
      .sort((a, b) => a - b);
    const ratio = idle?.length ? ` ${fmt(percentile(ms, 95) / percentile(idle, 95), 2)}×` : '';
    console.log(
      `${op.padEnd(20)} ${String(ms.length).padStart(7)} ${[50, 95, 99].map((p) => fmt(percentile(ms, p)).padStart(8)).join(' ')} ${fmt(ms.at(-1)!).padStart(8)} ${String(list.filter((s) => !s.ok).length).padStart(6)}${ratio}`,
    );
  }
}

try {
  // The baseline: appeals one at a time on the idle cluster, each step right after the one before.
  const idle: Samples = new Map();
  for (let i = 0; i < 3; i++) await runStory(2_000_000 + i, new Map(), false); // warm-up, not counted
  for (let i = 0; i < IDLE_STORIES; i++) await runStory(1_000_000 + i, idle, false);
  report(`idle cluster, ${IDLE_STORIES} appeals one at a time (ms)`, idle);

  // The load: arrivals every 1/RATE s for MINUTES, each appeal then lives its 90 s.
  const loaded: Samples = new Map();
  const arrivals = Math.round(MINUTES * 60 * RATE);
  const t0 = performance.now();
  const lateness: number[] = [];
  const stories: Promise<boolean>[] = [];
  for (let i = 0; i < arrivals; i++) {
    const due = t0 + (i * 1000) / RATE;
    await sleepUntil(due);
    lateness.push(performance.now() - due);
    stories.push(runStory(i + 1, loaded, true));
  }
  const arrived = (performance.now() - t0) / 1000;
  const filed = (await Promise.all(stories)).filter(Boolean).length;
  const seconds = (performance.now() - t0) / 1000;
  report(
    `under load: ${arrivals} appeals in ${fmt(arrived)} s (${fmt(arrivals / arrived, 2)}/s), run ${fmt(seconds)} s (ms)`,
    loaded,
    idle,
  );
  const total = [...loaded.values()].reduce((n, l) => n + l.length, 0);
  const errors = [...loaded.values()].reduce((n, l) => n + l.filter((s) => !s.ok).length, 0);
  lateness.sort((a, b) => a - b);
  const cases = await sql<{ n: string; keys: string }>`
    SELECT count(*)::text AS n, count(DISTINCT idempotency_key)::text AS keys FROM cases
    WHERE idempotency_key LIKE 'province-%' AND length(idempotency_key) < length('province-1000000')`.execute(
    database.deps.db,
  );
  const jobs = await sql<{ status: string; n: string }>`
    SELECT CASE WHEN status = 'queued' AND run_at > now() THEN 'queued for later' ELSE status END AS status,
      count(*)::text AS n FROM jobs GROUP BY 1 ORDER BY 1`.execute(database.deps.db);
  console.log(
    `\n${total} requests (${fmt(total / seconds)}/s), ${errors} errors; ${filed} appeals filed, ${cases.rows[0].n} of the load's cases in the database (${cases.rows[0].keys} keys); arrivals late p95 ${fmt(percentile(lateness, 95))} ms max ${fmt(lateness.at(-1) ?? 0)} ms; requests per process ${cluster.forwarded.join(' / ')}; jobs ${jobs.rows.map((j) => `${j.status} ${j.n}`).join(', ')}`,
  );
  for (const failure of failures.slice(0, 20)) console.log(`  failed: ${failure}`);
  for (const error of cluster.proxyErrors.slice(0, 10)) console.log(`  proxy: ${error}`);
  for (const [i, node] of cluster.nodes.entries()) {
    const errors = node
      .output()
      .split('\n')
      .filter((l) => l.includes('"level":"error"'));
    for (const line of errors.slice(0, 10)) console.log(`  process ${i + 1}: ${line.slice(0, 500)}`);
  }
} finally {
  await cluster.stop();
  await database.drop();
}
process.exit(0);

/** `count` older cases over the county's grids and the past year, most closed, generated in the database. */
async function seedHistory(count: number) {
  await sql`
    INSERT INTO cases (id, tenant_id, tracking_code, channel, category_code, state, description, place_id, place_path,
      sla_level, created_at, updated_at)
    SELECT gen_random_uuid(), '610899', 'H' || n, (ARRAY['qr','snap','hotline','patrol','walkIn','kiosk'])[1 + n % 6],
      (SELECT code FROM case_categories ORDER BY code OFFSET n % 5 LIMIT 1),
      (ARRAY['closed','closed','closed','closed','closed','closed','closed','closed','closed','resolved','rejected','accepted'])[1 + n % 12],
      '楼道灯坏了，晚上很黑，请尽快修理（往年诉求）', g.ids[1 + n % 3], g.paths[1 + n % 3], 'ok', t, t
    FROM generate_series(1, ${count}) AS n,
      LATERAL (SELECT now() - interval '1 day' - (n % 365) * interval '1 day' - (n % 1440) * interval '1 minute' AS t) AS times,
      (SELECT array_agg(id ORDER BY code) AS ids, array_agg(path ORDER BY code) AS paths FROM places WHERE kind = 'grid') AS g`.execute(
    database.deps.db,
  );
  await sql`ANALYZE`.execute(database.deps.db);
}
