import { assertInScope, assertPermission, type Actor } from '../../platform/policy.js';

// Who may do what with party organisations, party members, volunteers and organisations (组织).
// Out of scope reads as not found, so ids cannot be probed.

/** Reading the rosters somewhere (FORBIDDEN without orgs:read). */
export const assertMayReadOrgs = (actor: Actor): void => assertPermission(actor, 'orgs:read');

/** Reading what belongs to the place at this path (a party organisation a member joins). */
export const assertMayReadOrgsAt = (actor: Actor, path: string): void => assertInScope(actor, 'orgs:read', path);

/** Recording organisations and people at the place at this path. */
export const assertMayWriteOrgsAt = (actor: Actor, path: string): void => assertInScope(actor, 'orgs:write', path);

/** Editing the county's lists of party organisation and organisation kinds (administrators). */
export const assertMayConfigureKinds = (actor: Actor): void => assertPermission(actor, 'lists:configure');
