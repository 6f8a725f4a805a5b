import type { CascaderProps } from 'element-plus';
import { listPlaces } from '../../../../common/api/places';
import type { PlaceSummary } from '../../../../common/api-types';

/** Soft, clearly different colours; neighbouring grids (consecutive codes) never share one. */
export const gridPalette = [
  '#5b8ff9',
  '#5ad8a6',
  '#f6bd16',
  '#e8684a',
  '#6dc8ec',
  '#9270ca',
  '#ff9d4d',
  '#269a99',
  '#ff99c3',
  '#5d7092',
  '#a3c35a',
  '#c08a5b',
];

export const gridColor = (index: number) => gridPalette[index % gridPalette.length];

/** Kinds the map can be scoped to; below a community the grids themselves are drawn. */
const scopeKinds = new Set(['province', 'city', 'county', 'street', 'community', 'grid']);
const leafKinds = new Set(['community', 'grid']);

// A type alias (not an interface) so it fits the cascader's indexable option type.
export type ScopeOption = {
  code: string;
  name: string;
  kind: PlaceSummary['kind'];
  leaf: boolean;
};

const toOption = (place: PlaceSummary): ScopeOption => ({
  code: place.code,
  name: place.name,
  kind: place.kind,
  leaf: leafKinds.has(place.kind) || !place.hasChildren,
});

/** Lazy cascader over the user's scope: county → street → community. */
export const scopeCascaderProps = (onError: (error: unknown) => void): CascaderProps => ({
  lazy: true,
  checkStrictly: true,
  emitPath: true,
  value: 'code',
  label: 'name',
  leaf: 'leaf',
  lazyLoad: async (node, resolve) => {
    try {
      const { items } = await listPlaces(node.level === 0 ? undefined : (node.value as string));
      resolve(items.filter((place) => scopeKinds.has(place.kind)).map(toOption));
    } catch (error) {
      resolve([]);
      onError(error);
    }
  },
});
