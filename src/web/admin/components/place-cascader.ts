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
];

// A type alias (not an interface) so it fits the cascader's indexable option type.
export type PlaceOption = { code: string; name: string; kind: PlaceKind; leaf: boolean };
