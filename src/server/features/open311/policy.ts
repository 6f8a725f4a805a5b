import { assertPermission, type Actor } from '../../platform/policy.js';

// Who may do what with Open311 API keys: a county's user administrators, for their own county.

/** Issuing, listing and revoking keys (FORBIDDEN without users:manage). */
export const assertMayManageApiKeys = (actor: Actor): void => assertPermission(actor, 'users:manage');

/** A key of another county reads as not found, so ids cannot be probed. */
export const isOwnCountyKey = (actor: Actor, key: { tenant_id: string }): boolean => key.tenant_id === actor.tenantId;
