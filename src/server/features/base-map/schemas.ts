import { z } from '@hono/zod-openapi';

// 底图: the area's roads, buildings and landmarks as GeoJSON, drawn under the grids. Public,
// non-personal geography; properties other than `kind` are dropped (no strings reach the page).
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const line = z.array(position).min(2).max(20_000);
const ring = z.array(position).min(4).max(20_000);

const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).max(2000) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(200) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(200)).max(2000) }),
]);

export const baseKinds = ['main_road', 'road', 'block', 'park', 'water'] as const;

export const BaseFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ kind: z.enum(baseKinds) }),
  geometry: Geometry,
});

export const BaseMapSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(BaseFeatureSchema).max(200_000) })
  .openapi('BaseMap');

/** A GeoJSON file as given: a missing or unknown `kind` becomes `block` (polygons) or `road` (lines). */
export const BaseMapFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ kind: z.unknown() }).partial().nullable().optional(),
        geometry: Geometry,
      }),
    )
    .max(200_000),
});

export type BaseMap = z.infer<typeof BaseMapSchema>;
export type BaseFeature = z.infer<typeof BaseFeatureSchema>;
