import type { PlaceKind } from '../../common/api-types';

/** Place levels from the top down; a picker offers the levels down to its `maxKind`. */
export const kindOrder: PlaceKind[] = [
  'province',
  'city',
  'county',
  'street',
  'community',
  'grid',
  'building',
  'unit',
  'household',
  // 地点 (a park, a market) hangs off a grid beside its buildings; last, so no picker offers it
  'spot',
];

// A type alias (not an interface) so it fits the cascader's indexable option type.
export type PlaceOption = { code: string; name: string; kind: PlaceKind; leaf: boolean };
