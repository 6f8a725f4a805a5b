// The county dashboard over a million cases: the rollups (whole months from case_monthly, edge days
// from case_daily) vs the raw GROUP BY path, and the daily rollup alone (how it was before issue 19).
import { sql } from 'kysely';
import { rawTotals, rollupTotals, type StatsFilter } from '../src/server/features/stats/repository.js';
import { rebuildRollups } from '../src/server/features/stats/rollup.js';
import { metricColumns } from '../src/server/features/stats/metrics.js';
import { pathUnder } from '../src/server/platform/scope.js';
import { newId } from '../src/server/platform/ids.js';
import { engines, fmt, freshDatabase, machine, percentile, timeEach } from './lib.js';

const CASES = Number(process.env.BENCH_DASHBOARD_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
console.log(`dashboard benchmark — ${CASES.toLocaleString()} cases over a year, 36 grids — ${machine()}`);

for (const engine of engines) {
  const handle = await freshDatabase(engine);
  const db = handle.db;
  const now = new Date();
  const county = newId();
  await db
    .insertInto('places')
    .values({
      id: county,
      tenant_id: '610899',
      code: '610899',
      name: '和宁县',
      kind: 'county',
      parent_id: null,
      path: '/610899/',
      status: 'active',
      created_at: now,
      updated_at: now,
      retired_at: null,
    })
    .execute();
  const grids = Array.from({ length: 36 }, (_, i) => ({
    id: newId(),
    code: `610899001${String(Math.floor(i / 6) + 1).padStart(3, '0')}${String((i % 6) + 1).padStart(3, '0')}`,
  }));
  await db
    .insertInto('places')
    .values(
      grids.map((g) => ({
        id: g.id,
        tenant_id: '610899',
        code: g.code,
        name: g.code,
        kind: 'grid' as const,
        parent_id: county,
        path: `/610899/610899001/${g.code.slice(0, 12)}/${g.code}/`,
        status: 'active' as const,
        created_at: now,
        updated_at: now,
        retired_at: null,
      })),
    )
    .execute();
  const t0 = performance.now();
  // Generated in the database: a year of cases with the mix of states the demo has.
  await sql`
    INSERT INTO cases (id, tenant_id, tracking_code, channel, category_code, state, description, place_id, place_path, valid,
      first_contact_at, first_contact_on_time, resolved_at, resolved_on_time, rating, rating_solved, reopen_count, created_at, updated_at)
    SELECT gen_random_uuid(), '610899', 'B-' || n, (ARRAY['qr','snap','hotline','patrol','walkIn','kiosk'])[1 + n % 6],
      (ARRAY['garbage','street_light','drainage','neighbour','parking','noise','fire','elderly_care'])[1 + (n / 7) % 8],
      CASE WHEN n % 29 = 0 THEN 'rejected' WHEN n % 17 = 0 THEN 'in_progress' ELSE 'closed' END,
      '基准测试诉求', g.ids[1 + n % 36], g.paths[1 + n % 36], n % 29 <> 0,
      t + interval '12 minutes', n % 9 <> 0, CASE WHEN n % 17 = 0 THEN NULL ELSE t + interval '20 hours' END, n % 8 <> 0,
      CASE WHEN n % 5 = 0 THEN NULL WHEN n % 13 = 0 THEN 'unsatisfied' WHEN n % 4 = 0 THEN 'basic' ELSE 'satisfied' END, n % 11 <> 0, CASE WHEN n % 50 = 0 THEN 1 ELSE 0 END, t, t
    FROM generate_series(1, ${CASES}) AS n,
      LATERAL (SELECT now() - (n % 365) * interval '1 day' - (n % 1440) * interval '1 minute' AS t) AS times,
      (SELECT array_agg(id ORDER BY code) AS ids, array_agg(path ORDER BY code) AS paths FROM places WHERE kind = 'grid') AS g`.execute(
    db,
  );
  await rebuildRollups(db);
  const loadSeconds = (performance.now() - t0) / 1000;
  const today = new Date().toISOString().slice(0, 10);
  const month: StatsFilter = {
    paths: ['/610899/'],
    from: new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10),
    to: today,
  };
  const year: StatsFilter = { ...month, from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10) };
  for (const [label, filter] of [
    ['30 days', month],
    ['365 days', year],
  ] as const) {
    const viaRollup = await timeEach(RUNS, () => rollupTotals(db, filter, 'total'));
    // Before issue 19: every day of the period from the daily rollup alone.
    const viaDays = await timeEach(RUNS, () =>
      sql`SELECT ${sql.join(metricColumns.map((m) => sql`coalesce(sum(${sql.ref(m)}), 0)::bigint`))}
          FROM case_daily WHERE ${pathUnder('place_path', '/610899/')} AND day BETWEEN ${filter.from}::date AND ${filter.to}::date`.execute(
        db,
      ),
    );
    const viaRaw = await timeEach(Math.max(3, Math.ceil(RUNS / 3)), () => rawTotals(db, filter));
    const same =
      JSON.stringify(
        Object.values((await rollupTotals(db, filter, 'total'))[0])
          .slice(1)
          .map(Number),
      ) === JSON.stringify(Object.values(await rawTotals(db, filter)).map(Number));
    console.log(
      `${engine.padEnd(8)} ${label.padEnd(8)} rollup p50 ${fmt(percentile(viaRollup, 50))} ms p95 ${fmt(percentile(viaRollup, 95))} ms · daily only p50 ${fmt(percentile(viaDays, 50))} ms p95 ${fmt(percentile(viaDays, 95))} ms · raw p50 ${fmt(percentile(viaRaw, 50))} ms p95 ${fmt(percentile(viaRaw, 95))} ms · ratio ${fmt(percentile(viaRaw, 50) / percentile(viaRollup, 50))}× · same numbers: ${same}`,
    );
  }
  console.log(
    `${engine.padEnd(8)} (loading ${CASES.toLocaleString()} cases and building the rollup took ${fmt(loadSeconds)} s)`,
  );
  await handle.close();
}
