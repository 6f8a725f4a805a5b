import fs from 'node:fs';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';
import { demoBaseMap } from '../../demo/base-map.js';
import { baseKinds, BaseMapFile, type BaseMap } from './schemas.js';

// Where the base map comes from: the file MAP_BASE_FILE names, else the demo county's when the demo
// data is on, else nothing (the maps then draw the grids alone). Read once, kept in memory.

const empty: BaseMap = { type: 'FeatureCollection', features: [] };

/** Parses a GeoJSON base map file; throws a ConfigError naming the file when it is not one. */
export function readBaseMapFile(file: string): BaseMap {
  let parsed;
  try {
    parsed = BaseMapFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new ConfigError(`底图文件无法读取 MAP_BASE_FILE=${file}: ${(error as Error).message}`);
  }
  if (!parsed.success)
    throw new ConfigError(
      `底图文件不是 GeoJSON FeatureCollection MAP_BASE_FILE=${file}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    );
  return {
    type: 'FeatureCollection',
    features: parsed.data.features.map((feature) => {
      const given = feature.properties?.kind;
      const kind = baseKinds.find((k) => k === given) ?? (feature.geometry.type.endsWith('Polygon') ? 'block' : 'road');
      return { type: 'Feature', properties: { kind }, geometry: feature.geometry };
    }),
  };
}

export function createBaseMapService(config: Pick<Config, 'MAP_BASE_FILE' | 'DEMO_SEED'>) {
  let cached: BaseMap | null = null;
  return {
    get(): BaseMap {
      cached ??= config.MAP_BASE_FILE
        ? readBaseMapFile(config.MAP_BASE_FILE)
        : config.DEMO_SEED
          ? demoBaseMap()
          : empty;
      return cached;
    },
  };
}

export type BaseMapService = ReturnType<typeof createBaseMapService>;
