import type { Transaction } from 'kysely';
import type { Database, GeoJsonPolygon } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { pathOf } from '../features/places/codes.js';
import { bboxOf, containsPoint } from '../features/places/geometry.js';
import type { SpotKind } from '../../shared/spots.js';

// QR posters in the demo: every community has an office phone to print, and one public spot (a
// square, a market, a park) in its first grid, so 生成二维码海报 has units and spots to print.

const spotNames: [string, SpotKind][] = [
  ['文化广场', 'square'],
  ['农贸市场', 'market'],
  ['滨河公园', 'park'],
  ['社区小游园', 'park'],
  ['公交站', 'station'],
];

export async function seedDemoSpots(trx: Transaction<Database>, now: Date) {
  const communities = await trx
    .selectFrom('places')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'community')
    .where('tenant_id', '=', '610899')
    .orderBy('code')
    .execute();
  let spots = 0;
  for (const [i, community] of communities.entries()) {
    await trx
      .updateTable('places')
      .set({ phone: `0912-38${String(10_000 + i * 37).padStart(5, '0')}` })
      .where('id', '=', community.id)
      .execute();
    const grid = await trx
      .selectFrom('places as p')
      .innerJoin('grids as g', 'g.place_id', 'p.id')
      .select(['p.id', 'p.path', 'p.tenant_id', 'g.boundary'])
      .where('p.parent_id', '=', community.id)
      .orderBy('p.code')
      .executeTakeFirst();
    if (!grid) continue;
    const box = bboxOf(grid.boundary as GeoJsonPolygon);
    const lng = Number(((box.minLng + box.maxLng) / 2).toFixed(6));
    const lat = Number(((box.minLat + box.maxLat) / 2).toFixed(6));
    if (!containsPoint(grid.boundary as GeoJsonPolygon, lng, lat)) continue;
    const [name, kind] = spotNames[i % spotNames.length];
    const code = `${community.code}-P001`;
    const id = newId();
    await trx
      .insertInto('places')
      .values({
        id,
        tenant_id: grid.tenant_id,
        code,
        name: `${community.name.replace(/社区$|村$/, '')}${name}`,
        kind: 'spot',
        parent_id: grid.id,
        path: pathOf(grid.path, code),
        status: 'active',
        created_at: now,
        updated_at: now,
        retired_at: null,
      })
      .execute();
    await trx
      .insertInto('spots')
      .values({ place_id: id, tenant_id: grid.tenant_id!, spot_kind: kind, lng, lat, address: '' })
      .execute();
    spots++;
  }
  return { spots };
}
