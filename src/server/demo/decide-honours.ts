import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { CommunityDemoContext } from './community-context.js';

// 文明户评选 (issue 17): the demo county's records, from the fixed seed.
export async function seedDemoHonours(
  _trx: Transaction<Database>,
  _context: CommunityDemoContext,
): Promise<Record<string, number>> {
  return {};
}
