import { describe, expect, it } from 'vitest';
import { adjacency, colourIndexes } from '../../shared/grid-colouring.js';
import { demoBaseMap } from './base-map.js';
import { Random } from './random.js';
import { DEMO_SEED, layOutCounty } from './seed.js';

// The demo county's 36 grids exactly as the seed lays them out (the same seed, the same first draws).
const layout = layOutCounty(new Random(DEMO_SEED), { id: 'city', path: '/61/6108/' }, new Date('2026-01-01'));
const codes = new Map(layout.places.map((place) => [place.id, place.code]));
const grids = layout.grids.map((grid) => ({ code: codes.get(grid.place_id)!, boundary: JSON.parse(grid.boundary) }));

describe('grid colours', () => {
  it('finds the neighbours of the demo grids: those sharing an edge or a corner', () => {
    expect(grids).toHaveLength(36);
    const neighbours = adjacency(grids);
    // Every grid touches another (the communities tile the county), and a 3×2 lattice's middle cell
    // touches all five others of its community.
    expect(neighbours.every((set) => set.size > 0)).toBe(true);
    const first = grids.findIndex((g) => g.code === '610899001001002');
    expect([...neighbours[first]].map((i) => grids[i].code)).toEqual(
      expect.arrayContaining([
        '610899001001001',
        '610899001001003',
        '610899001001004',
        '610899001001005',
        '610899001001006',
      ]),
    );
    // Grids of communities far apart are not neighbours.
    const far = grids.findIndex((g) => g.code === '610899002003001');
    expect(neighbours[first].has(far)).toBe(false);
  });

  it('gives neighbouring demo grids different colours from a palette of eight', () => {
    const colours = colourIndexes(grids, 8);
    const neighbours = adjacency(grids);
    grids.forEach((grid, i) => {
      const mine = colours.get(grid.code)!;
      expect(mine).toBeGreaterThanOrEqual(0);
      expect(mine).toBeLessThan(8);
      for (const j of neighbours[i])
        expect(colours.get(grids[j].code), `${grid.code} ~ ${grids[j].code}`).not.toBe(mine);
    });
    // Varied, not two colours alternating.
    expect(new Set(colours.values()).size).toBeGreaterThanOrEqual(5);
  });

  it('colours squares sharing only a corner apart too, and is the same on every run', () => {
    const square = (code: string, x: number, y: number) => ({
      code,
      boundary: {
        coordinates: [
          [
            [x, y],
            [x + 1, y],
            [x + 1, y + 1],
            [x, y + 1],
            [x, y],
          ],
        ],
      },
    });
    const four = [square('a', 0, 0), square('b', 1, 0), square('c', 0, 1), square('d', 1, 1)];
    const colours = colourIndexes(four, 8);
    expect(new Set(colours.values()).size).toBe(4);
    expect(colourIndexes(four, 8)).toEqual(colours);
  });
});

describe('demo base map', () => {
  it('draws roads and blocks around the demo grids, the same every time', () => {
    const base = demoBaseMap();
    const kinds = new Set(base.features.map((f) => f.properties.kind));
    expect(kinds).toEqual(new Set(['main_road', 'road', 'block', 'park', 'water']));
    expect(demoBaseMap()).toEqual(base);
    // It covers the grids: every grid's vertices lie within the base map's extent.
    const points = base.features.flatMap((f) => f.geometry.coordinates.flat(2) as number[]);
    const lngs = points.filter((_, i) => i % 2 === 0);
    const lats = points.filter((_, i) => i % 2 === 1);
    for (const grid of grids)
      for (const [lng, lat] of grid.boundary.coordinates[0]) {
        expect(lng).toBeGreaterThanOrEqual(Math.min(...lngs));
        expect(lng).toBeLessThanOrEqual(Math.max(...lngs));
        expect(lat).toBeGreaterThanOrEqual(Math.min(...lats));
        expect(lat).toBeLessThanOrEqual(Math.max(...lats));
      }
  });
});
