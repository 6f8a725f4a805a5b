import { AppError } from '../../../platform/errors.js';
import { can, holdsCountyWide, type Actor } from '../../../platform/policy.js';

// Who may change or read the service catalogue. A county has one catalogue (its items, forms,
// materials and bundles are the same in every street), so it is edited at the county: the actor
// holds `services:configure` through a membership at the county itself. Street officers, community
// workers and department staff read it (they serve and review applications); another county's
// staff see none of it: every query names the actor's county.

export const mayEditCatalogue = (actor: Actor): boolean =>
  actor.tenantId !== null && holdsCountyWide(actor, 'services:configure');

/** The county whose catalogue the actor edits (403 when not a county administrator). */
export function editableCounty(actor: Actor): string {
  if (!can(actor, 'services:configure') && !can(actor, 'services:window') && !can(actor, 'services:review'))
    throw new AppError('FORBIDDEN', { permission: 'services:configure' });
  if (!mayEditCatalogue(actor)) throw new AppError('FORBIDDEN', { permission: 'services:configure', level: 'county' });
  return actor.tenantId!;
}

/** The county whose catalogue the actor reads: their own, with any services permission. */
export function readableCounty(actor: Actor): string {
  const any = can(actor, 'services:configure') || can(actor, 'services:window') || can(actor, 'services:review');
  if (!any || actor.tenantId === null) throw new AppError('FORBIDDEN', { permission: 'services:review' });
  return actor.tenantId;
}
