import { placeKinds } from '../../../shared/place-kinds';
import type { PlaceKind } from '../../common/api-types';

/**
 * Place levels from the top down; a picker offers the levels down to its `maxKind`. 地点 (a park, a
 * market) hangs off a grid beside its buildings; it comes last, so no picker offers it.
 */
export const kindOrder: readonly PlaceKind[] = placeKinds;

// A type alias (not an interface) so it fits the cascader's indexable option type.
export type PlaceOption = { code: string; name: string; kind: PlaceKind; leaf: boolean };
