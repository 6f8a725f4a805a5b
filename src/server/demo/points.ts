import { interiorPoint } from '../../shared/geometry.js';
import { containsPoint } from '../features/places/geometry.js';
import type { GeoJsonPolygon } from '../platform/db/schema.js';
import type { Random } from './random.js';

// Where demo things happen: always inside the grid they are filed under, as the locator will check.

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const METRES_PER_DEGREE = 111_320;

/** A point inside the grid at most `metres` from `at` (a building, the grid's inner point); `at` itself when a few tries land outside. */
export function pointNear(
  random: Random,
  grid: GeoJsonPolygon,
  at: readonly [number, number],
  metres: number,
): [number, number] {
  for (let tries = 0; tries < 8; tries++) {
    const point = offset(at, random.between(0, metres), random.between(0, 2 * Math.PI));
    if (containsPoint(grid, point[0], point[1])) return point;
  }
  return [round(at[0]), round(at[1])];
}

/** A point inside the grid `metres` (about) from `at` in some direction, or null when every direction tried leaves the grid. */
export function pointAway(
  random: Random,
  grid: GeoJsonPolygon,
  at: readonly [number, number],
  metres: number,
): [number, number] | null {
  for (let tries = 0; tries < 8; tries++) {
    const point = offset(at, metres, random.between(0, 2 * Math.PI));
    if (containsPoint(grid, point[0], point[1])) return point;
  }
  return null;
}

/** A point well inside the grid, to stand for it when nothing nearer is known (not the mean of its vertices). */
export const gridPoint = (grid: GeoJsonPolygon): [number, number] => interiorPoint(grid.coordinates);

function offset(at: readonly [number, number], metres: number, angle: number): [number, number] {
  const lat = at[1] + (metres * Math.sin(angle)) / METRES_PER_DEGREE;
  const lng = at[0] + (metres * Math.cos(angle)) / (METRES_PER_DEGREE * Math.cos((at[1] * Math.PI) / 180));
  return [round(lng), round(lat)];
}
