import area from '@turf/area';
import distance from '@turf/distance';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import union from '@turf/union';
import inside from 'point-in-polygon-hao';
import type { GeoJsonPolygon } from '../../platform/db/schema.js';

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function bboxOf(polygon: GeoJsonPolygon): BBox {
  const ring = polygon.coordinates[0];
  return {
    minLng: Math.min(...ring.map((p) => p[0])),
    minLat: Math.min(...ring.map((p) => p[1])),
    maxLng: Math.max(...ring.map((p) => p[0])),
    maxLat: Math.max(...ring.map((p) => p[1])),
  };
}

/** True inside or on the edge. */
export function containsPoint(polygon: GeoJsonPolygon, lng: number, lat: number): boolean {
  return inside([lng, lat], polygon.coordinates) !== false;
}

/** Square metres on the ellipsoid. */
export const areaOf = (polygon: GeoJsonPolygon): number => area(turfPolygon(polygon.coordinates));

/** The union of touching polygons, or null when they do not form one piece. */
export function unionOf(polygons: GeoJsonPolygon[]): GeoJsonPolygon | null {
  const merged = union(featureCollection(polygons.map((p) => turfPolygon(p.coordinates))));
  if (!merged) return null;
  const geometry = merged.geometry;
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates as [number, number][][] };
  return null;
}

export const approxEqual = (a: number, b: number, tolerance = 0.005): boolean =>
  Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b), 1);

/** Metres between two points on the ground (great-circle). */
export const metresBetween = (a: { lng: number; lat: number }, b: { lng: number; lat: number }): number =>
  Math.round(distance([a.lng, a.lat], [b.lng, b.lat], { units: 'meters' }));

// Error bound of robust-predicates' orient2d fast path (the one point-in-polygon-hao uses): above
// it the plain determinant has the exact sign; below it we hand the point to the library itself.
const epsilon = 1.1102230246251565e-16;
const orientErrorBound = (3 + 16 * epsilon) * epsilon;

/**
 * A polygon prepared for many point tests: its rings flattened into one array of coordinates and
 * its bounding box, so a test allocates nothing. Answers exactly as containsPoint (the same
 * algorithm as point-in-polygon-hao, which decides the rare near-collinear cases).
 */
export class PreparedPolygon {
  private readonly xy: Float64Array;
  /** Index (in points) one past each ring's last point. */
  private readonly ringEnds: Uint32Array;
  /** A ring the library refuses (not closed): let it say so, as containsPoint would. */
  private readonly delegate: boolean;
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;

  constructor(readonly polygon: GeoJsonPolygon) {
    const rings = polygon.coordinates;
    const points = rings.reduce((n, r) => n + r.length, 0);
    this.xy = new Float64Array(points * 2);
    this.ringEnds = new Uint32Array(rings.length);
    let k = 0;
    let delegate = false;
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    rings.forEach((ring, r) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      // Open rings (and the library's error for them) are left to the library.
      if (!first || first[0] !== last[0] || first[1] !== last[1]) delegate = true;
      for (const [x, y] of ring) {
        this.xy[k++] = x;
        this.xy[k++] = y;
        if (x < minLng) minLng = x;
        if (x > maxLng) maxLng = x;
        if (y < minLat) minLat = y;
        if (y > maxLat) maxLat = y;
      }
      this.ringEnds[r] = k / 2;
    });
    this.delegate = delegate;
    this.minLng = minLng;
    this.minLat = minLat;
    this.maxLng = maxLng;
    this.maxLat = maxLat;
  }

  /** True inside or on the edge, like containsPoint. */
  contains(lng: number, lat: number): boolean {
    if (this.delegate) return containsPoint(this.polygon, lng, lat);
    if (lng < this.minLng || lng > this.maxLng || lat < this.minLat || lat > this.maxLat) return false;
    let crossings = 0;
    let start = 0;
    for (let r = 0; r < this.ringEnds.length; r++) {
      const n = ringCrossings(this.xy, start, this.ringEnds[r], lng, lat);
      if (n === ON_EDGE) return true;
      if (n === UNSURE) return containsPoint(this.polygon, lng, lat);
      crossings += n;
      start = this.ringEnds[r];
    }
    return crossings % 2 === 1;
  }
}

const ON_EDGE = -1;
const UNSURE = -2;

/** point-in-polygon-hao's loop over one ring of flat coordinates (points start .. end − 1). */
// eslint-disable-next-line complexity -- the library's loop condition for condition, kept whole so it stays checkable against it
function ringCrossings(xy: Float64Array, start: number, end: number, lng: number, lat: number): number {
  let crossings = 0;
  let u1 = xy[2 * start] - lng;
  let v1 = xy[2 * start + 1] - lat;
  for (let i = start + 1; i < end; i++) {
    const u2 = xy[2 * i] - lng;
    const v2 = xy[2 * i + 1] - lat;
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return ON_EDGE;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      // orient2d(u1, u2, v1, v2, 0, 0) as the library calls it; its exact arithmetic only when unsure.
      const left = u2 * v1;
      const right = u1 * v2;
      const f = left - right;
      if (Math.abs(f) < orientErrorBound * Math.abs(left + right)) return UNSURE;
      if (f === 0) return ON_EDGE;
      if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
    }
    u1 = u2;
    v1 = v2;
  }
  return crossings;
}
