import type { Permission } from '../../../../shared/roles.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';

// Who may read the services numbers: whoever runs the windows of the places they count (administrators,
// street officers, community workers), in the same place scope. A department's reviewers see their own
// parts in the queue, not every community's numbers.

export const numbersPermission: Permission = 'services:window';

export const assertMayReadNumbers = (actor: Actor): void => assertPermission(actor, numbersPermission);
