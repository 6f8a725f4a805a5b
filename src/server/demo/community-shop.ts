import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { CommunityDemoContext } from './community-context.js';

// 积分 · 积分超市 (issue 16): the demo county's records, from the fixed seed.
export async function seedDemoShop(
  _trx: Transaction<Database>,
  _context: CommunityDemoContext,
): Promise<Record<string, number>> {
  return {};
}
