import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import type { TopicState } from '../../src/shared/decide.js';
import type { BuiltPlace } from './factories.js';
import { userIdOf } from './factories.js';

// 议事会议 tests: topics are the topics area's; these factories insert them as that area would leave them.

let serial = 0;

/** A topic of the community lying at `place` (the community, a grid or a building), in a state (default accepted). */
export async function buildTopic(
  deps: AppDeps,
  community: BuiltPlace,
  place: BuiltPlace,
  input: { title: string; raisedBy: string; state?: TopicState; isPublic?: boolean },
) {
  const id = newId();
  const now = deps.clock.now();
  serial += 1;
  await deps.db
    .insertInto('deliberation_topics')
    .values({
      id,
      tenant_id: community.tenantId!,
      community_id: community.id,
      place_id: place.id,
      place_path: place.path,
      code: `YT-20261124-${String(serial).padStart(4, '0')}`,
      title: input.title,
      body: `${input.title}，请大家商议。`,
      raised_via: 'community',
      raised_by: await userIdOf(deps, input.raisedBy),
      case_id: null,
      is_public: input.isPublic ?? true,
      state: input.state ?? 'accepted',
      seconds_needed: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function topicState(deps: AppDeps, id: string) {
  return (
    await deps.db.selectFrom('deliberation_topics').select('state').where('id', '=', id).executeTakeFirstOrThrow()
  ).state;
}
