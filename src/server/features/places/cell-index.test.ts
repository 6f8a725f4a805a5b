import { describe, expect, it } from 'vitest';
import type { GeoJsonPolygon } from '../../platform/db/schema.js';
import { Random } from '../../demo/random.js';
import { CellIndex } from './cell-index.js';
import { containsPoint, PreparedPolygon } from './geometry.js';

// The locator's index must answer exactly as a linear scan with containsPoint: the first polygon
// (in load order) holding the point, edges and vertices included.

const ring = (points: [number, number][]): [number, number][] => [...points, points[0]];
const square = (x: number, y: number, w: number, h = w): GeoJsonPolygon => ({
  type: 'Polygon',
  coordinates: [
    ring([
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ]),
  ],
});

function shapes(random: Random): GeoJsonPolygon[] {
  const out: GeoJsonPolygon[] = [];
  // A tiling of touching squares (shared edges and corners), like grids of a community.
  for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) out.push(square(108 + i * 0.015, 37 + j * 0.015, 0.015));
  // Concave stars with jittered vertices, overlapping the tiling.
  for (let s = 0; s < 40; s++) {
    const cx = 108 + random.next() * 0.3;
    const cy = 37 + random.next() * 0.3;
    const points: [number, number][] = [];
    for (let k = 0; k < 14; k++) {
      const r = (k % 2 ? 0.004 : 0.012) * (0.7 + 0.6 * random.next());
      const a = (k / 14) * 2 * Math.PI;
      points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
    out.push({ type: 'Polygon', coordinates: [ring(points)] });
  }
  // A polygon with a hole, and one huge box over everything (kept aside by the index).
  out.push({
    type: 'Polygon',
    coordinates: [square(108.05, 37.05, 0.1).coordinates[0], square(108.07, 37.07, 0.02).coordinates[0].reverse()],
  });
  out.push(square(107.5, 36.5, 2));
  // Shuffled, so the answer's order is not the tiling's.
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(random.next() * (i + 1));
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}

describe('cell index with prepared polygons', () => {
  it('finds the same grid as a linear scan, on random points, vertices and edges', () => {
    const random = new Random(19);
    const polygons = shapes(random);
    const prepared = polygons.map((p) => new PreparedPolygon(p));
    // Without the huge box too: then points outside every polygon must give -1.
    for (const set of [polygons, polygons.filter((p) => p.coordinates[0][0][0] !== 107.5)]) {
      const index = new CellIndex(set.map((p) => prepared[polygons.indexOf(p)]));
      const points: [number, number][] = [];
      for (let i = 0; i < 1500; i++) points.push([107.9 + random.next() * 0.5, 36.9 + random.next() * 0.5]);
      for (const p of set)
        for (const r of p.coordinates)
          for (let k = 0; k + 1 < r.length; k++) {
            points.push(r[k]);
            points.push([(r[k][0] + r[k + 1][0]) / 2, (r[k][1] + r[k + 1][1]) / 2]);
          }
      let misses = 0;
      const different: string[] = [];
      for (const [x, y] of points) {
        const linear = set.findIndex((p) => containsPoint(p, x, y));
        if (index.first(x, y) !== linear) different.push(`${x},${y}`);
        if (linear < 0) misses++;
      }
      expect(different).toEqual([]);
      expect(misses > 0).toBe(set.length < polygons.length);
    }
  });

  it('answers each polygon exactly as containsPoint, refusing an open ring the same way', () => {
    const random = new Random(5);
    for (const polygon of shapes(random).slice(0, 60)) {
      const prepared = new PreparedPolygon(polygon);
      for (let i = 0; i < 200; i++) {
        const [x, y] = [107.9 + random.next() * 0.5, 36.9 + random.next() * 0.5];
        expect(prepared.contains(x, y)).toBe(containsPoint(polygon, x, y));
      }
    }
    const open: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      ],
    };
    expect(() => containsPoint(open, 0.5, 0.2)).toThrow();
    expect(() => new PreparedPolygon(open).contains(0.5, 0.2)).toThrow();
  });
});
