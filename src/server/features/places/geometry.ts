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
