import type { Grid, GridChange, ListResponse } from '../api-types';
import { http } from '../http';

/** Grids under a place (street, community…), with boundaries for the map. */
export const listGrids = (under: string, signal?: AbortSignal) =>
  http.get<ListResponse<Grid>>('/grids', { query: { under }, signal });

/** History of merges and splits under a place. */
export const listGridChanges = (under: string) =>
  http.get<ListResponse<GridChange>>('/grid-changes', { query: { under } });
