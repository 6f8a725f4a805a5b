import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';

// 志愿服务队: the demo community 和平社区 has a home-service team led by the demo volunteer (郑小红), so
// a dispatcher can send a case to it (上门服务) and the volunteer can take it on the phone.
export async function seedDemoTeams(
  trx: Transaction<Database>,
  context: { userIds: Map<string, string>; placeIds: Map<string, string>; now: Date; tenantId: string },
) {
  const leader = context.userIds.get('volunteer');
  const placeId = context.placeIds.get('610899001001');
  if (!leader || !placeId) return { volunteerTeams: 0 };
  await trx
    .insertInto('volunteer_teams')
    .values({
      id: newId(),
      tenant_id: context.tenantId,
      place_id: placeId,
      name: '和平社区助老志愿服务队',
      leader_user_id: leader,
      phone: '',
      created_at: context.now,
    })
    .execute();
  return { volunteerTeams: 1 };
}
