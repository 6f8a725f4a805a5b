import { AppError } from '../../platform/errors.js';
import { holdsCountyWide, type Actor } from '../../platform/policy.js';

// Who may do what with Open311 API keys: a county's user administrators, for their own county.

/**
 * Issuing, listing and revoking keys: the county's administrators (users:manage for the whole county;
 * streets and communities manage their own staff, not the county's keys). FORBIDDEN otherwise.
 */
export const assertMayManageApiKeys = (actor: Actor): void => {
  if (!holdsCountyWide(actor, 'users:manage')) throw new AppError('FORBIDDEN', { permission: 'users:manage' });
};

/** A key of another county reads as not found, so ids cannot be probed. */
export const isOwnCountyKey = (actor: Actor, key: { tenant_id: string }): boolean => key.tenant_id === actor.tenantId;
