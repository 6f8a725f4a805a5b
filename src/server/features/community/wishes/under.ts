import type { Executor } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';

/**
 * The `?buildingCode=` / `?placeCode=` filter: the place must lie where the actor reads community
 * life (community:read) or serves as steward (stewards:duty, their own building); else NOT_FOUND.
 */
export async function resolveUnderEither(db: Executor, actor: Actor, code: string | undefined) {
  if (!code) return null;
  for (const permission of ['community:read', 'stewards:duty'] as const) {
    try {
      return await resolveUnder(db, actor, permission, code);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  throw new AppError('NOT_FOUND');
}
