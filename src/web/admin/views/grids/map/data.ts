import type { CascaderProps } from 'element-plus';
import { listPlaces } from '../../../../common/api/places';
import type { PlaceSummary } from '../../../../common/api-types';
import { colourIndexes, type ColourablePolygon } from '../../../../../shared/grid-colouring';

/** Eight clearly different colours (after Okabe–Ito, told apart with colour-blindness too). */
export const gridPalette = ['#3b7dd8', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#b8a300', '#7a5cc4'];

/** Each grid's colour by code: neighbouring grids never share one. */
export function gridColours(grids: ColourablePolygon[]): Map<string, string> {
  const indexes = colourIndexes(grids, gridPalette.length);
  return new Map([...indexes].map(([code, index]) => [code, gridPalette[index]]));
}

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
