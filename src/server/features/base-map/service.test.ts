import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.js';
import { createBaseMapService, importBaseMap, importedBaseMapPath, readBaseMapFile } from './service.js';

const write = (content: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-base-')), 'base.geojson');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const line = {
  type: 'LineString',
  coordinates: [
    [108.78, 37.58],
    [108.79, 37.58],
  ],
};
const square = {
  type: 'Polygon',
  coordinates: [
    [
      [108.78, 37.58],
      [108.79, 37.58],
      [108.79, 37.59],
      [108.78, 37.58],
    ],
  ],
};

describe('base map 底图', () => {
  it('reads a GeoJSON file, keeping only each feature’s kind (no names or other strings reach the page)', () => {
    const file = write({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { kind: 'main_road', name: '<b>人民路</b>' }, geometry: line },
        { type: 'Feature', properties: { highway: 'residential' }, geometry: line },
        { type: 'Feature', properties: null, geometry: square },
        { type: 'Feature', properties: { kind: 'water' }, geometry: square },
      ],
    });
    const base = readBaseMapFile(file);
    expect(base.features.map((f) => f.properties)).toEqual([
      { kind: 'main_road' },
      { kind: 'road' },
      { kind: 'block' },
      { kind: 'water' },
    ]);
  });

  it('refuses a file that is not GeoJSON with one line naming it', () => {
    expect(() => readBaseMapFile(write('not json'))).toThrow(ConfigError);
    expect(() =>
      readBaseMapFile(
        write({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } }],
        }),
      ),
    ).toThrow(/MAP_BASE_FILE=/);
  });

  it('serves the file, else the demo county’s base when the demo is on, else nothing', () => {
    const file = write({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: line }] });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-base-data-'));
    expect(createBaseMapService({ MAP_BASE_FILE: file, DEMO_SEED: true, dataDir }).get().features).toHaveLength(1);
    expect(createBaseMapService({ MAP_BASE_FILE: '', DEMO_SEED: true, dataDir }).get().features.length).toBeGreaterThan(
      100,
    );
    expect(createBaseMapService({ MAP_BASE_FILE: '', DEMO_SEED: false, dataDir }).get().features).toEqual([]);
  });

  it('imports a file into the data folder (`linli basemap import`), which the server then serves before the demo’s', () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-base-data-')), 'data');
    const file = write({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { kind: 'main_road', name: '人民路' }, geometry: line },
        { type: 'Feature', properties: {}, geometry: square },
      ],
    });
    const done = importBaseMap(file, dataDir);
    expect(done).toMatchObject({ file: importedBaseMapPath(dataDir), features: 2, kinds: { main_road: 1, block: 1 } });
    expect(done.bounds).toEqual([108.78, 37.58, 108.79, 37.59]);
    // Only what the maps draw is kept: no names in the data folder.
    expect(fs.readFileSync(done.file, 'utf8')).not.toContain('人民路');
    expect(createBaseMapService({ MAP_BASE_FILE: '', DEMO_SEED: true, dataDir }).get().features).toHaveLength(2);
  });

  it('refuses a bad file with a line naming the file and the feature, and keeps the base map it had', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-base-data-'));
    const good = write({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: line }] });
    importBaseMap(good, dataDir);
    const points = write({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: line },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [108.78, 37.58] } },
      ],
    });
    expect(() => importBaseMap(points, dataDir)).toThrow(`${points}: 第 2 个要素 feature 2`);
    // Latitude first (37, 108): out of range, refused rather than drawn in the wrong place.
    const swapped = write({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [37.58, 108.78],
              [37.58, 108.79],
            ],
          },
        },
      ],
    });
    expect(() => importBaseMap(swapped, dataDir)).toThrow(ConfigError);
    expect(() => importBaseMap(write({ type: 'FeatureCollection', features: [] }), dataDir)).toThrow(/没有任何要素/);
    expect(() => importBaseMap(write('{"type":"Feature"'), dataDir)).toThrow(/无法读取/);
    expect(createBaseMapService({ MAP_BASE_FILE: '', DEMO_SEED: false, dataDir }).get().features).toHaveLength(1);
  });
});
