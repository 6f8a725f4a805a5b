// Public-form case creation over HTTP (validation, locate, category hint, insert, timeline, deadline
// jobs, SMS outbox, rollup) vs two baselines through the same driver: a raw INSERT of the same row,
// and (the fair one, issue 19) the very statements one intake ran, captured through a Kysely plugin
// and replayed raw in one transaction, with fresh ids and tracking code each time.
import { randomBytes } from 'node:crypto';
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { AppDeps } from '../src/server/deps.js';
import { GridLocator } from '../src/server/features/places/locator.js';
import { systemClock } from '../src/server/platform/clock.js';
import { newId } from '../src/server/platform/ids.js';
import { JobRunner } from '../src/server/platform/jobs.js';
import { PiiCipher } from '../src/server/platform/pii.js';
import { LocalFolderStorage } from '../src/server/platform/storage.js';
import { buildWorld } from '../test/support/factories.js';
import { engines, fmt, freshDatabase, machine } from './lib.js';

const N = Number(process.env.BENCH_CASES ?? 300);
console.log(`intake benchmark — ${N} cases each way — ${machine()}`);
for (const engine of engines) {
  const handle = await freshDatabase(engine);
  const captured: CompiledQuery[] = [];
  let capturing = false;
  const capture: KyselyPlugin = {
    transformQuery(args) {
      if (capturing) captured.push(handle.db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const db = handle.db.withPlugin(capture);
  const deps: AppDeps = {
    db,
    engine: handle.engine,
    clock: systemClock,
    jobs: new JobRunner(db, systemClock),
    locator: new GridLocator(db),
    config: loadConfig({
      DATA_DIR: '/nonexistent',
      LOG_LEVEL: 'error',
      PUBLIC_RATE_PER_IP_HOUR: '1000000',
      PUBLIC_RATE_PER_PHONE_HOUR: '1000000',
    }),
    pii: new PiiCipher(randomBytes(32)),
    storage: new LocalFolderStorage('/tmp/linli-bench-files'),
  };
  const world = await buildWorld(deps);
  const app = buildApp(deps);
  const form = (i: number) => {
    const f = new FormData();
    for (const [k, v] of Object.entries({
      communityCode: world.c1.code,
      description: `第${i}号：楼下路灯坏了，晚上很黑`,
      reporterName: '陈阿姨',
      reporterPhone: `138${String(i).padStart(8, '0')}`,
      lng: '108.005',
      lat: '37.005',
    }))
      f.append(k, v);
    return f;
  };
  await app.request('/api/v1/public/cases', { method: 'POST', body: form(0) }); // warm up
  capturing = true;
  const first = await app.request('/api/v1/public/cases', { method: 'POST', body: form(1) });
  capturing = false;
  const { trackingCode } = (await first.json()) as { trackingCode: string };
  let t = performance.now();
  for (let i = 2; i <= N + 1; i++) {
    const res = await app.request('/api/v1/public/cases', { method: 'POST', body: form(i) });
    if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${await res.text()}`);
  }
  const viaHttp = N / ((performance.now() - t) / 1000);
  const template = await handle.db.selectFrom('cases').selectAll().limit(1).executeTakeFirstOrThrow();
  t = performance.now();
  for (let i = 0; i < N; i++) {
    await handle.db
      .insertInto('cases')
      .values({
        ...template,
        id: newId(),
        tracking_code: `BENCH-${i}`,
        idempotency_key: null,
        created_at: new Date(),
        updated_at: new Date(),
      } as never)
      .execute();
  }
  const raw = N / ((performance.now() - t) / 1000);
  const replay = replayable(captured, trackingCode);
  t = performance.now();
  for (let i = 0; i < N; i++)
    await handle.db.transaction().execute(async (trx) => {
      for (const q of replay()) await trx.executeQuery(q);
    });
  const replayed = N / ((performance.now() - t) / 1000);
  console.log(
    `${engine.padEnd(8)} full intake ${fmt(viaHttp)} cases/s · its ${captured.length} statements replayed in one transaction ${fmt(replayed)}/s · intake/replay ${fmt(viaHttp / replayed, 2)}× (goal ≥ 0.5)`,
  );
  console.log(
    `${engine.padEnd(8)} full intake ${fmt(viaHttp)} cases/s · raw INSERT ${fmt(raw)} rows/s · ratio ${fmt(raw / viaHttp)}× (the cost of everything intake does)`,
  );
  await handle.close();
}

/**
 * The captured statements, each call with fresh values where the database wants unique ones: the
 * ids the intake made for its rows (the first value of each INSERT) and the tracking code, wherever
 * they appear (payloads and dedupe keys hold them too).
 */
function replayable(queries: CompiledQuery[], trackingCode: string) {
  const made = queries
    .filter((q) => /^insert into "(cases|case_events|jobs|sms_outbox|audit_log)"/.test(q.sql))
    .map((q) => String(q.parameters[0]));
  let n = 0;
  return () => {
    n++;
    const fresh = new Map<string, string>([
      ...made.map((id) => [id, newId()] as const),
      [trackingCode, `R${n}-${trackingCode}`],
    ]);
    const swap = (v: unknown): unknown => {
      if (typeof v !== 'string') return v;
      let out = v;
      for (const [from, to] of fresh) if (out.includes(from)) out = out.split(from).join(to);
      return out;
    };
    return queries.map((q) => CompiledQuery.raw(q.sql, q.parameters.map(swap)));
  };
}
