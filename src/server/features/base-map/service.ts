import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';
import { demoBaseMap } from '../../demo/base-map.js';
import { baseKinds, BaseMapFile, type BaseMap } from './schemas.js';

// Where the base map comes from: the file MAP_BASE_FILE names, else the one `linli basemap import`
// put in the data folder, else the demo county's when the demo data is on, else nothing (the maps
// then draw the grids alone). Read once, kept in memory.

const empty: BaseMap = { type: 'FeatureCollection', features: [] };

/** Where `linli basemap import` keeps the base map: in the data folder, next to the database. */
export const importedBaseMapPath = (dataDir: string) => path.join(dataDir, 'base-map.geojson');

/**
 * Parses a GeoJSON base map file; throws a ConfigError naming the file (as `label`, by default the
 * setting that named it) when it is not one.
 */
export function readBaseMapFile(file: string, label = `MAP_BASE_FILE=${file}`): BaseMap {
  let parsed;
  try {
    parsed = BaseMapFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new ConfigError(`底图文件无法读取 ${label}: ${(error as Error).message}`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // features.12.geometry.type → 第 13 个要素 (feature 13), so the operator finds it in the GIS.
    const at =
      issue?.path[0] === 'features' && typeof issue.path[1] === 'number'
        ? `第 ${issue.path[1] + 1} 个要素 feature ${issue.path[1] + 1}: `
        : '';
    throw new ConfigError(
      `底图文件不是可用的 GeoJSON FeatureCollection（线或面，经纬度）${label}: ${at}${issue?.path.join('.')} ${issue?.message}`,
    );
  }
  return {
    type: 'FeatureCollection',
    features: parsed.data.features.map((feature) => {
      const given = feature.properties?.kind;
      const kind = baseKinds.find((k) => k === given) ?? (feature.geometry.type.endsWith('Polygon') ? 'block' : 'road');
      return { type: 'Feature', properties: { kind }, geometry: feature.geometry };
    }),
  };
}

/** The file the server reads its base map from, or null for the demo's or none. */
export function baseMapSource(config: Pick<Config, 'MAP_BASE_FILE' | 'dataDir'>): string | null {
  if (config.MAP_BASE_FILE) return config.MAP_BASE_FILE;
  const imported = importedBaseMapPath(config.dataDir);
  return fs.existsSync(imported) ? imported : null;
}

export function createBaseMapService(config: Pick<Config, 'MAP_BASE_FILE' | 'DEMO_SEED' | 'dataDir'>) {
  let cached: BaseMap | null = null;
  return {
    get(): BaseMap {
      const file = baseMapSource(config);
      cached ??= file ? readBaseMapFile(file) : config.DEMO_SEED ? demoBaseMap() : empty;
      return cached;
    },
  };
}

/** What `linli basemap import` says it took. */
export interface BaseMapImport {
  file: string;
  features: number;
  kinds: Partial<Record<BaseMap['features'][number]['properties']['kind'], number>>;
  /** [west, south, east, north] in degrees, for the operator to see it is their county. */
  bounds: [number, number, number, number];
  bytes: number;
}

/**
 * Checks a GeoJSON file of roads and blocks and writes it, reduced to what the maps draw (each
 * feature's kind and geometry; names and other properties dropped), into the data folder. The file
 * is written beside its final name and renamed, so a running server never reads half of it.
 */
export function importBaseMap(file: string, dataDir: string): BaseMapImport {
  const base = readBaseMapFile(file, file);
  if (base.features.length === 0) throw new ConfigError(`底图文件没有任何要素 ${file}: no features`);
  const kinds: BaseMapImport['kinds'] = {};
  const bounds: BaseMapImport['bounds'] = [180, 90, -180, -90];
  for (const feature of base.features) {
    kinds[feature.properties.kind] = (kinds[feature.properties.kind] ?? 0) + 1;
    for (const [lng, lat] of positionsOf(feature.geometry)) {
      bounds[0] = Math.min(bounds[0], lng);
      bounds[1] = Math.min(bounds[1], lat);
      bounds[2] = Math.max(bounds[2], lng);
      bounds[3] = Math.max(bounds[3], lat);
    }
  }
  const target = importedBaseMapPath(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const text = JSON.stringify(base);
  fs.writeFileSync(`${target}.tmp`, text);
  fs.renameSync(`${target}.tmp`, target);
  return { file: target, features: base.features.length, kinds, bounds, bytes: Buffer.byteLength(text) };
}

function positionsOf(geometry: BaseMap['features'][number]['geometry']): [number, number][] {
  switch (geometry.type) {
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

export type BaseMapService = ReturnType<typeof createBaseMapService>;
