import { z } from '@hono/zod-openapi';

// Longitude and latitude as they arrive: numbers in JSON, text in forms and query strings. An empty
// value (`lat=` from an untouched form field, "" or null in JSON) is no point at all — never the
// point 0,0, where Number('') and Number(null) would put it. Every lng/lat of the API uses these.

const coordinate = () =>
  z.union([z.number(), z.string().trim(), z.null()]).transform((v) => (v === null || v === '' ? undefined : Number(v)));
const doc = (min: number, max: number, optional: boolean) => ({
  type: 'number' as const,
  minimum: min,
  maximum: max,
  ...(optional ? { description: 'empty means no point' } : {}),
});

export const lngSchema = coordinate()
  .pipe(z.number().min(-180).max(180))
  .openapi(doc(-180, 180, false));
export const latSchema = coordinate()
  .pipe(z.number().min(-90).max(90))
  .openapi(doc(-90, 90, false));
export const optionalLng = coordinate()
  .pipe(z.number().min(-180).max(180).optional())
  .optional()
  .openapi(doc(-180, 180, true));
export const optionalLat = coordinate()
  .pipe(z.number().min(-90).max(90).optional())
  .optional()
  .openapi(doc(-90, 90, true));
