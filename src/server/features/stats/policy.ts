import type { Permission } from '../../../shared/roles.js';
import { assertInScope, assertPermission, type Actor } from '../../platform/policy.js';

// Who may read the numbers: whoever may read the cases they count, in the same place scope.

export const statsPermission: Permission = 'cases:read';

export const assertMayReadStats = (actor: Actor): void => assertPermission(actor, statsPermission);

/** A stored monthly report is read like the cases of its place; out of scope reads as not found. */
export const assertMayReadReport = (actor: Actor, placePath: string): void =>
  assertInScope(actor, statsPermission, placePath);
