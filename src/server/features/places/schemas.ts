import type { InvalidReason } from '../../platform/errors.js';
import { z } from '@hono/zod-openapi';
import { latSchema as lat, lngSchema as lng, optionalLat, optionalLng } from '../../platform/coordinates.js';
import { text } from '../../platform/text-schema.js';
import { spotKinds } from '../../../shared/spots.js';
import { placeKinds } from '../../../shared/place-kinds.js';

export { placeKinds };
export const PlaceKindSchema = z.enum(placeKinds);

const name = text({ min: 1, max: 60 });
const code = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/, 'codeCharacters' satisfies InvalidReason);

export const CodeParam = z.object({
  code: code.openapi({ param: { name: 'code', in: 'path' }, example: '610899001001' }),
});

const position = z.tuple([lng, lat]);
export const PolygonSchema = z
  .object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(position).min(4).max(2000)).min(1).max(20),
  })
  .refine((p) => p.coordinates.every((ring) => ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1]), {
    params: { reason: 'ringClosed' satisfies InvalidReason },
  })
  .openapi('GeoJsonPolygon');

export const PlaceSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: PlaceKindSchema,
    status: z.enum(['active', 'retired']),
    hasChildren: z.boolean(),
  })
  .openapi('PlaceSummary');

export const PlaceDetailSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: PlaceKindSchema,
    status: z.enum(['active', 'retired']),
    path: z.string(),
    ancestors: z.array(z.object({ code: z.string(), name: z.string(), kind: PlaceKindSchema })),
    counts: z.record(z.string(), z.number()),
    building: z.object({ lng: z.number(), lat: z.number(), floors: z.number(), address: z.string() }).nullable(),
    household: z.object({ address: z.string(), room: z.string(), floor: z.number().nullable() }).nullable(),
    grid: z
      .object({
        gridKind: z.enum(['comprehensive', 'dedicated']),
        dedicatedFor: z.string().nullable(),
        boundary: PolygonSchema,
      })
      .nullable(),
    actions: z.array(z.string()).openapi({ description: 'What the current user may do here' }),
    phone: z.string().openapi({ description: 'The number its QR posters print (empty: the nearest above)' }),
  })
  .openapi('PlaceDetail');

export const ChildrenQuery = z.object({
  parent: code.optional().openapi({ description: 'Parent place code; omitted: the roots of your scope' }),
  includeRetired: z.enum(['true', 'false']).optional(),
});

export const CreatePlaceInput = z
  .object({
    parentCode: code,
    kind: z.enum(['street', 'community', 'building', 'unit', 'household']),
    name,
    localCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,8}$/)
      .optional()
      .openapi({
        description: 'Building/unit/room number; streets and communities get the next serial when omitted',
      }),
    lng: optionalLng,
    lat: optionalLat,
    floors: z.number().int().min(1).max(200).optional(),
    address: text({ max: 200 }).optional(),
    floor: z.number().int().min(-5).max(200).optional(),
  })
  .openapi('CreatePlaceInput');

export const UpdatePlaceInput = z.object({ name }).openapi('UpdatePlaceInput');

export const GridSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.enum(['active', 'retired']),
    gridKind: z.enum(['comprehensive', 'dedicated']),
    dedicatedFor: z.string().nullable(),
    boundary: PolygonSchema,
    community: z.object({ code: z.string(), name: z.string() }),
    householdCount: z.number(),
    workers: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('Grid');

export const GridsQuery = z.object({
  under: code.openapi({ description: 'Place code whose grids to list', example: '610899001' }),
  includeRetired: z.enum(['true', 'false']).optional(),
});

export const CreateGridInput = z
  .object({
    communityCode: code,
    name,
    gridKind: z.enum(['comprehensive', 'dedicated']).default('comprehensive'),
    dedicatedFor: text({ max: 60 }).optional(),
    boundary: PolygonSchema,
  })
  .openapi('CreateGridInput');

export const MergeGridsInput = z
  .object({
    codes: z.array(code).min(2).max(50),
    name,
    reason: text({ max: 500, multiline: true }).default(''),
  })
  .openapi('MergeGridsInput');

export const SplitGridInput = z
  .object({
    parts: z
      .array(z.object({ name, boundary: PolygonSchema }))
      .min(2)
      .max(20),
    reason: text({ max: 500, multiline: true }).default(''),
  })
  .openapi('SplitGridInput');

export const GridChangeSchema = z
  .object({
    id: z.string(),
    changeKind: z.enum(['merge', 'split']),
    fromCodes: z.array(z.string()),
    toCodes: z.array(z.string()),
    reason: z.string(),
    changedAt: z.string(),
    actorName: z.string().nullable(),
    carried: z
      .object({
        partyOrgs: z.array(z.object({ id: z.string(), name: z.string(), to: z.string() })),
        memberships: z.array(
          z.object({ userId: z.string(), name: z.string().nullable(), role: z.string(), to: z.string() }),
        ),
      })
      .openapi({
        description:
          'party organisations and staff memberships moved to the new grid (merge: all; split: the first part)',
      }),
  })
  .openapi('GridChange');

export const LocateQuery = z.object({ lat, lng });
export const LocateResultSchema = z
  .object({
    grid: z.object({ code: z.string(), name: z.string() }),
    community: z.object({ code: z.string(), name: z.string() }),
    street: z.object({ code: z.string(), name: z.string() }),
  })
  .openapi('LocateResult');

export const HouseholdsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: text({ max: 60 }).optional(),
});

export const HouseholdRowSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    address: z.string(),
    room: z.string(),
    floor: z.number().nullable(),
    building: z.object({ code: z.string(), name: z.string() }),
    unitName: z.string(),
  })
  .openapi('HouseholdRow');

export const HouseholdPageSchema = z.object({
  items: z.array(HouseholdRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const DepartmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    streetCode: z.string().nullable(),
    streetName: z.string().nullable(),
    phone: z.string(),
  })
  .openapi('Department');

export type CreatePlace = z.infer<typeof CreatePlaceInput>;
export type CreateGrid = z.infer<typeof CreateGridInput>;
export type MergeGrids = z.infer<typeof MergeGridsInput>;
export type SplitGrid = z.infer<typeof SplitGridInput>;
export type HouseholdsPage = z.infer<typeof HouseholdsQuery>;

// Spots (地点) and QR posters (issue 14)

export const SpotKindSchema = z.enum(spotKinds);

export const SpotSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    spotKind: SpotKindSchema,
    lng: z.number(),
    lat: z.number(),
    address: z.string(),
    grid: z.object({ code: z.string(), name: z.string() }),
  })
  .openapi('Spot');

export const SpotsQuery = z.object({
  under: code.openapi({ description: 'Community, grid or street whose spots to list', example: '610899001001' }),
});

const spotFields = {
  name,
  spotKind: SpotKindSchema,
  lng,
  lat,
  address: text({ max: 200 }).default(''),
};
export const CreateSpotInput = z
  .object({ gridCode: code.openapi({ description: 'The grid the spot lies in' }), ...spotFields })
  .openapi('CreateSpotInput');
export const UpdateSpotInput = z.object(spotFields).openapi('UpdateSpotInput');

export const PlacePhoneInput = z
  .object({
    phone: z
      .string()
      .trim()
      .max(30)
      .regex(/^[0-9 +()-]*$/, 'phoneCharacters' satisfies InvalidReason)
      .openapi({
        description: 'The number posters print (the community office); empty clears it',
        example: '0912-4567890',
      }),
  })
  .openapi('PlacePhoneInput');

export const posterPlaceKinds = ['building', 'unit', 'spot'] as const;
export const QrPosterInput = z
  .object({
    under: code.openapi({
      description: 'The community, grid or building the posters are for',
      example: '610899001001',
    }),
    kinds: z
      .array(z.enum(posterPlaceKinds))
      .min(1)
      .max(3)
      .default(['unit'])
      .openapi({ description: 'Which places under it get a poster (ignored when codes are given)' }),
    codes: z
      .array(code)
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: 'Exactly these buildings, units or spots (all under `under`)' }),
  })
  .openapi('QrPosterInput');

export type CreateSpot = z.infer<typeof CreateSpotInput>;
export type UpdateSpot = z.infer<typeof UpdateSpotInput>;
export type QrPosterRequest = z.infer<typeof QrPosterInput>;
