import { AppError } from '../../platform/errors.js';
import { assertPermission, can, placeScopePaths, type Actor } from '../../platform/policy.js';

// Who may change case categories. Categories are one county-wide table (statistics, Open311
// service codes and deadlines compare across streets), so they are edited at the county: the
// actor holds `cases:configure` through a county (or higher) place. A street or community that
// holds `cases:configure` for its duty roster may read the tree but not change it, and adds no
// sub-categories of its own: it asks the county, which keeps one list for every street.

/** A county code has 6 digits; the province (2) and city (4) above it also count. */
const isCountyOrAbove = (path: string) => (path.split('/').filter(Boolean).at(-1) ?? '').length <= 6;

export const mayEditCategories = (actor: Actor): boolean =>
  actor.kind === 'system' || placeScopePaths(actor, 'cases:configure').some(isCountyOrAbove);

export function assertMayEditCategories(actor: Actor): void {
  assertPermission(actor, 'cases:configure');
  if (!mayEditCategories(actor)) throw new AppError('FORBIDDEN', { permission: 'cases:configure', level: 'county' });
}

/** The whole tree, inactive classes too, is read by those who configure or read cases. */
export function assertMayReadCategories(actor: Actor): void {
  if (!can(actor, 'cases:configure') && !can(actor, 'cases:read')) throw new AppError('FORBIDDEN');
}
