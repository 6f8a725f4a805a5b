import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.js';
import { createBaseMapService, readBaseMapFile } from './service.js';

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
    expect(createBaseMapService({ MAP_BASE_FILE: file, DEMO_SEED: true }).get().features).toHaveLength(1);
    expect(createBaseMapService({ MAP_BASE_FILE: '', DEMO_SEED: true }).get().features.length).toBeGreaterThan(100);
    expect(createBaseMapService({ MAP_BASE_FILE: '', DEMO_SEED: false }).get().features).toEqual([]);
  });
});
