// Point → grid with 10,000 grids: the in-memory cell index with prepared polygons vs a linear
// point-in-polygon scan (point-in-polygon-hao over every grid, as containsPoint does).
import { GridLocator } from '../src/server/features/places/locator.js';
import { containsPoint } from '../src/server/features/places/geometry.js';
import type { GeoJsonPolygon } from '../src/server/platform/db/schema.js';
import { newId } from '../src/server/platform/ids.js';
import { engines, fmt, freshDatabase, machine } from './lib.js';
import { Random } from '../src/server/demo/random.js';

const GRIDS = Number(process.env.BENCH_GRIDS ?? 10_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 20_000);
const side = Math.ceil(Math.sqrt(GRIDS));
const size = 0.002;

console.log(`locate benchmark — ${GRIDS} grids, ${LOOKUPS} lookups — ${machine()}`);
for (const engine of engines) {
  const handle = await freshDatabase(engine);
  const now = new Date();
  const community = { id: newId(), path: '/61/6108/610899/610899001/610899001001/' };
  await handle.db
    .insertInto('places')
    .values([
      {
        id: newId(),
        tenant_id: null,
        code: '61',
        name: '省',
        kind: 'province',
        parent_id: null,
        path: '/61/',
        status: 'active',
        created_at: now,
        updated_at: now,
        retired_at: null,
      },
    ])
    .execute();
  const parents = [
    ['6108', 'city', '/61/6108/'],
    ['610899', 'county', '/61/6108/610899/'],
    ['610899001', 'street', '/61/6108/610899/610899001/'],
    ['610899001001', 'community', community.path],
  ] as const;
  let parentId = (await handle.db.selectFrom('places').select('id').executeTakeFirstOrThrow()).id;
  for (const [code, kind, path] of parents) {
    const id = kind === 'community' ? community.id : newId();
    await handle.db
      .insertInto('places')
      .values({
        id,
        tenant_id: '610899',
        code,
        name: code,
        kind,
        parent_id: parentId,
        path,
        status: 'active',
        created_at: now,
        updated_at: now,
        retired_at: null,
      })
      .execute();
    parentId = id;
  }
  const polygons: GeoJsonPolygon[] = [];
  const places = [];
  const grids = [];
  for (let i = 0; i < GRIDS; i++) {
    const x = 100 + (i % side) * size;
    const y = 30 + Math.floor(i / side) * size;
    const polygon: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + size, y],
          [x + size, y + size],
          [x, y + size],
          [x, y],
        ],
      ],
    };
    polygons.push(polygon);
    const id = newId();
    const code = `610899001001${String(i).padStart(5, '0')}`.slice(0, 17);
    places.push({
      id,
      tenant_id: '610899',
      code,
      name: `网格${i}`,
      kind: 'grid' as const,
      parent_id: community.id,
      path: `${community.path}${code}/`,
      status: 'active' as const,
      created_at: now,
      updated_at: now,
      retired_at: null,
    });
    grids.push({
      place_id: id,
      tenant_id: '610899',
      grid_kind: 'comprehensive' as const,
      dedicated_for: null,
      boundary: JSON.stringify(polygon),
      min_lng: x,
      min_lat: y,
      max_lng: x + size,
      max_lat: y + size,
    });
  }
  for (let i = 0; i < places.length; i += 500)
    await handle.db
      .insertInto('places')
      .values(places.slice(i, i + 500))
      .execute();
  for (let i = 0; i < grids.length; i += 500)
    await handle.db
      .insertInto('grids')
      .values(grids.slice(i, i + 500))
      .execute();

  const random = new Random(7);
  const points = Array.from(
    { length: LOOKUPS },
    () => [100 + random.next() * side * size, 30 + random.next() * side * size] as const,
  );
  const locator = new GridLocator(handle.db, 60_000);
  // Both paths warmed up before timing (the JIT compiles the loop), so the ratio compares steady states.
  for (const [lng, lat] of points) await locator.locate(lng, lat);
  for (const [lng, lat] of points.slice(-200)) polygons.some((p) => containsPoint(p, lng, lat));
  // Interleaved in ten rounds, so a change of load on a shared machine hits both paths alike.
  const scanCount = Math.min(LOOKUPS, 2000);
  let [indexMs, scanMs, found, scanned] = [0, 0, 0, 0];
  for (let round = 0; round < 10; round++) {
    let t = performance.now();
    for (const [lng, lat] of points.slice((round * LOOKUPS) / 10, ((round + 1) * LOOKUPS) / 10))
      if (await locator.locate(lng, lat)) found++;
    indexMs += performance.now() - t;
    t = performance.now();
    for (const [lng, lat] of points.slice((round * scanCount) / 10, ((round + 1) * scanCount) / 10))
      if (polygons.some((p) => containsPoint(p, lng, lat))) scanned++;
    scanMs += performance.now() - t;
  }
  const indexed = LOOKUPS / (indexMs / 1000);
  const scan = scanCount / (scanMs / 1000);
  console.log(
    `${engine.padEnd(8)} index ${fmt(indexed, 0)} lookups/s · linear scan ${fmt(scan, 0)} lookups/s · ratio ${fmt(indexed / scan)}× · found ${found}/${LOOKUPS}, ${scanned}/${scanCount}`,
  );
  await handle.close();
}
