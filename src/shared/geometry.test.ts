import inside from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import { interiorPoint } from './geometry.js';

const shapes: Record<string, [number, number][][]> = {
  square: [
    [
      [108, 37],
      [108.01, 37],
      [108.01, 37.01],
      [108, 37.01],
      [108, 37],
    ],
  ],
  'L (its box middle is in the bite)': [
    [
      [108.03, 37],
      [108.05, 37],
      [108.05, 37.008],
      [108.038, 37.008],
      [108.038, 37.02],
      [108.03, 37.02],
      [108.03, 37],
    ],
  ],
  'U (its vertex mean is in the gap)': [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
  'ring not closed': [
    [
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 4],
      [0, 4],
    ],
  ],
  'square with a hole in the middle': [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
    [
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3],
      [1, 1],
    ],
  ],
  'vertex at mid height': [
    [
      [0, 0],
      [2, 1],
      [0, 2],
      [1, 1],
      [0, 0],
    ],
  ],
};

describe('interiorPoint', () => {
  for (const [name, rings] of Object.entries(shapes)) {
    it(`lies strictly inside: ${name}`, () => {
      const [lng, lat] = interiorPoint(rings);
      const closed = rings.map((r) => (r[0][0] === r.at(-1)![0] && r[0][1] === r.at(-1)![1] ? r : [...r, r[0]]));
      expect(inside([lng, lat], closed)).toBe(true);
    });
  }

  it('is the middle of a rectangle', () => {
    const [lng, lat] = interiorPoint(shapes.square);
    expect(lng).toBeCloseTo(108.005, 9);
    expect(lat).toBeCloseTo(37.005, 9);
  });
});
