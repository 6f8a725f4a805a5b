import { AppError } from '../../platform/errors.js';
import { assertPermission, scopePaths, type Actor } from '../../platform/policy.js';

// Who may: every member of staff reads the calendar and the hours (deadlines follow them); only an
// administrator whose membership covers a whole county (or more) changes them, because the special
// days are one calendar for the installation and the hours are the county's.

const COUNTY_DEPTH = 3; // /61/6108/610899/

export const assertMayRead = (actor: Actor): void => assertPermission(actor, 'places:read');

export function assertMayEdit(actor: Actor): void {
  assertPermission(actor, 'calendar:write');
  if (actor.kind === 'system') return;
  const county = scopePaths(actor, 'calendar:write').some((p) => p.split('/').filter(Boolean).length <= COUNTY_DEPTH);
  if (!county) throw new AppError('FORBIDDEN', { permission: 'calendar:write' });
}
