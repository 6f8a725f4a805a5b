import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { CommunityDemoContext } from './community-context.js';

// 志愿服务 · 双报到认岗 (issue 16): the demo county's records, from the fixed seed.
export async function seedDemoVolunteers(
  _trx: Transaction<Database>,
  _context: CommunityDemoContext,
): Promise<Record<string, number>> {
  return {};
}
