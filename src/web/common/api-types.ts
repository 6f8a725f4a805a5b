// Types of the API, inferred from the server's zod schemas (type-only imports: nothing of the
// server ends up in the web bundles), so the web and the server cannot drift apart silently.
import type { z } from '@hono/zod-openapi';
import type { MeSchema } from '../../server/features/account/schemas';
import type {
  DepartmentSchema,
  GridChangeSchema,
  GridSchema,
  HouseholdPageSchema,
  HouseholdRowSchema,
  LocateResultSchema,
  PlaceDetailSchema,
  PlaceSummarySchema,
  placeKinds,
} from '../../server/features/places/schemas';

export type Me = z.infer<typeof MeSchema>;
export type Membership = Me['memberships'][number];
export type PlaceKind = (typeof placeKinds)[number];
export type PlaceSummary = z.infer<typeof PlaceSummarySchema>;
export type PlaceDetail = z.infer<typeof PlaceDetailSchema>;
export type Grid = z.infer<typeof GridSchema>;
export type GridChange = z.infer<typeof GridChangeSchema>;
export type HouseholdRow = z.infer<typeof HouseholdRowSchema>;
export type HouseholdPage = z.infer<typeof HouseholdPageSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type LocateResult = z.infer<typeof LocateResultSchema>;

export interface PublicConfig {
  appName: string;
  mapTileUrl: string;
  mapTileAttribution: string;
  demo: boolean;
}

export interface ListResponse<T> {
  items: T[];
}
