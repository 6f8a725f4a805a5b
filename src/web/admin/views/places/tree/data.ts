import type { PlaceKind } from '../../../../common/api-types';

/** The order counts are shown in, top level first. */
export const countOrder: PlaceKind[] = ['street', 'community', 'grid', 'building', 'unit', 'household', 'spot'];

/** Kinds whose households can be listed (GET /places/{code}/households). */
export const householdHolders: PlaceKind[] = ['community', 'grid', 'building', 'unit'];

export const treeProps = {
  label: 'name',
  children: 'children',
  isLeaf: (data: { hasChildren: boolean }) => !data.hasChildren,
};
