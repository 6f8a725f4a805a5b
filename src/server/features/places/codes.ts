import type { PlaceKind } from '../../platform/db/schema.js';

// Place codes. Regions use the national division codes; a grid is its community's 12-digit code
// plus a 3-digit serial (GB/T 30428); buildings, units and households extend their community's
// code with a dash, so they keep their code when grids are merged or split. Codes never hold
// LIKE wildcards, which lets path prefixes be matched without escaping.

export const codePatterns: Record<PlaceKind, RegExp> = {
  province: /^\d{2}$/,
  city: /^\d{4}$/,
  county: /^\d{6}$/,
  street: /^\d{9}$/,
  community: /^\d{12}$/,
  grid: /^\d{15}$/,
  building: /^\d{12}-[0-9A-Za-z]{1,8}$/,
  unit: /^\d{12}-[0-9A-Za-z]{1,8}-[0-9A-Za-z]{1,4}$/,
  household: /^\d{12}-[0-9A-Za-z]{1,8}-[0-9A-Za-z]{1,4}-[0-9A-Za-z]{1,8}$/,
  // 地点 (a park, a market): the community code and a serial after P, given by the system.
  spot: /^\d{12}-P\d{3}$/,
};

/** The kind of place that may stand directly under each kind. */
export const childKindOf: Partial<Record<PlaceKind, PlaceKind>> = {
  province: 'city',
  city: 'county',
  county: 'street',
  street: 'community',
  community: 'grid',
  grid: 'building',
  building: 'unit',
  unit: 'household',
};

export const isValidCode = (kind: PlaceKind, code: string): boolean => codePatterns[kind].test(code);

export const pathOf = (parentPath: string | null, code: string): string => `${parentPath ?? '/'}${code}/`;

/** The community code a building, unit or household code starts with. */
export const communityCodeOf = (code: string): string => code.slice(0, 12);

/** A child code under its parent: serial-numbered for regions and grids, dash-suffixed below. */
export function childCode(parent: { kind: PlaceKind; code: string }, childKind: PlaceKind, local: string): string {
  if (childKind === 'building') return `${communityCodeOf(parent.code)}-${local}`;
  if (childKind === 'unit' || childKind === 'household') return `${parent.code}-${local}`;
  return parent.code + local;
}
