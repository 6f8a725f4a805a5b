// The county of bench:inbox: 2 streets × 5 communities × 2 grids, an administrator and a community
// worker, and `cases` cases spread over the 20 grids and a year, generated in the database.
import { sql } from 'kysely';
import type { AppDeps } from '../src/server/deps.js';
import { buildPlace, buildUser, type BuiltPlace } from '../test/support/factories.js';

export async function seedCounty(deps: AppDeps, cases: number) {
  const db = deps.db;
  // A county of 2 streets × 5 communities × 2 grids; the cases spread over the 20 grids and a year.
  const province = await buildPlace(deps, { kind: 'province', code: '61', name: '陕西省', tenantId: null });
  const city = await buildPlace(deps, { kind: 'city', code: '6108', name: '榆林市', parent: province });
  const county = await buildPlace(deps, {
    kind: 'county',
    code: '610899',
    name: '和宁县',
    parent: city,
    tenantId: '610899',
  });
  const communities: BuiltPlace[] = [];
  for (let s = 1; s <= 2; s++) {
    const street = await buildPlace(deps, {
      kind: 'street',
      code: `610899${String(s).padStart(3, '0')}`,
      parent: county,
    });
    for (let k = 1; k <= 5; k++) {
      const community = await buildPlace(deps, {
        kind: 'community',
        code: `${street.code}${String(k).padStart(3, '0')}`,
        parent: street,
      });
      communities.push(community);
      for (let g = 1; g <= 2; g++)
        await buildPlace(deps, {
          kind: 'grid',
          code: `${community.code}${String(g).padStart(3, '0')}`,
          parent: community,
        });
    }
  }
  await buildUser(deps, 'admin', 'admin', county.code);
  await buildUser(deps, 'worker', 'community_worker', communities[0].code);
  // Generated in the database, like bench:dashboard: most cases closed, one in six still open.
  await sql`
    INSERT INTO cases (id, tenant_id, tracking_code, channel, category_code, state, description, place_id, place_path,
      sla_level, created_at, updated_at)
    SELECT gen_random_uuid(), '610899', 'B' || n, (ARRAY['qr','snap','hotline','patrol','walkIn','kiosk'])[1 + n % 6],
      (SELECT code FROM case_categories ORDER BY code OFFSET n % 5 LIMIT 1),
      (ARRAY['closed','closed','closed','closed','closed','submitted','accepted','dispatched','in_progress','resolved','rejected','closed'])[1 + n % 12],
      '楼道灯坏了，晚上很黑，请尽快修理（基准测试）', g.ids[1 + n % 20], g.paths[1 + n % 20],
      (ARRAY['ok','ok','ok','yellow','red'])[1 + n % 5], t, t
    FROM generate_series(1, ${cases}) AS n,
      LATERAL (SELECT now() - (n % 365) * interval '1 day' - (n % 1440) * interval '1 minute' AS t) AS times,
      (SELECT array_agg(id ORDER BY code) AS ids, array_agg(path ORDER BY code) AS paths FROM places WHERE kind = 'grid') AS g`.execute(
    db,
  );
  await sql`ANALYZE`.execute(db);
  return { county, communities };
}
