/** The kinds of place, from the province down to a household or a spot (地点类型), shared by server and pages. */
export const placeKinds = [
  'province',
  'city',
  'county',
  'street',
  'community',
  'grid',
  'building',
  'unit',
  'household',
  'spot',
] as const;
export type PlaceKind = (typeof placeKinds)[number];
