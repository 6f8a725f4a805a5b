import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { pathUnder } from '../platform/scope.js';
import type { CommunityDemoContext } from './community-context.js';

// 社区公开页 (issue 17): in 和平社区, about a quarter of the last 90 days' reports were made public by
// their reporters (公开), so the public page's map and list have something to show.

const communityCode = '610899001001';
const dayMs = 86_400_000;

export async function seedDemoPublicPage(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const community = await trx.selectFrom('places').select('path').where('code', '=', communityCode).executeTakeFirst();
  if (!community) return {};
  const recent = await trx
    .selectFrom('cases')
    .select('id')
    .where(pathUnder('place_path', community.path))
    .where('created_at', '>=', new Date(context.now.getTime() - 90 * dayMs))
    .where('valid', '=', true)
    .orderBy('created_at', 'desc')
    .limit(240)
    .execute();
  const chosen = recent.filter(() => context.random.next() < 0.25).map((r) => r.id);
  if (chosen.length) await trx.updateTable('cases').set({ is_public: true }).where('id', 'in', chosen).execute();
  return { publicReports: chosen.length };
}
