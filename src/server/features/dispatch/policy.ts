import type { Executor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { assertPermission, type Actor } from '../../platform/policy.js';
import { resolveUnder } from '../../platform/scope.js';

// Who may: a county's smart-dispatch models, settings, history and hit rate belong to the county;
// whoever configures cases for the whole county (its administrator or officer) reads and changes
// them, through the scope helper, so another county's code reads as not found. Street and community
// staff configure their own rosters, not the county's routing: they see suggestions on their cases
// (anyone who reads the case does) and nothing here.

export const DISPATCH_PERMISSION = 'cases:configure' as const;

/** The county the request is about: the one named, else the actor's own; it must lie in their scope. */
export async function countyFor(db: Executor, actor: Actor, code?: string) {
  assertPermission(actor, DISPATCH_PERMISSION);
  const tenant = code ?? actor.tenantId;
  if (!tenant) throw new AppError('NOT_FOUND');
  const place = await resolveUnder(db, actor, DISPATCH_PERMISSION, tenant);
  if (!place || place.kind !== 'county') throw new AppError('NOT_FOUND');
  return { code: place.code, name: place.name, tenantId: place.tenant_id ?? place.code };
}
