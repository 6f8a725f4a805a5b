import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { CommunityDemoContext } from './community-context.js';

// 表决 (issue 17): the demo county's records, from the fixed seed.
export async function seedDemoVotes(
  _trx: Transaction<Database>,
  _context: CommunityDemoContext,
): Promise<Record<string, number>> {
  return {};
}
