import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { CommunityDemoContext } from './community-context.js';

// 百姓监督员 (issue 17): the demo county's records, from the fixed seed.
export async function seedDemoSupervisors(
  _trx: Transaction<Database>,
  _context: CommunityDemoContext,
): Promise<Record<string, number>> {
  return {};
}
