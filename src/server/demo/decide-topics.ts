import type { Transaction } from 'kysely';
import type { TopicParty, TopicSource, TopicState } from '../../shared/decide.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { pathUnder } from '../platform/scope.js';
import type { CommunityDemoContext } from './community-context.js';

// 议题 (issue 17): the demo county's records, from the fixed seed. In 和平社区: a resident's topic
// gathering seconds that the `resident` login (黄玉兰) can second; the steward's topic, accepted and
// waiting for a meeting; a case that became a topic (linked both ways); 黄玉兰's own topic, turned
// down with the reason shown to her.

type Trx = Transaction<Database>;
const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
const HEPING = '610899001001';

interface DemoTopic {
  placeCode: string;
  via: TopicSource;
  by: string;
  title: string;
  body: string;
  daysAgo: number;
  /** the steps after raising: [action, to, party, note] */
  steps: [string, TopicState, TopicParty, string][];
  seconds?: string[];
  caseId?: string;
}

async function nextCode(trx: Trx, tenantId: string, at: Date) {
  const day = new Date(at.getTime() + SHANGHAI).toISOString().slice(0, 10);
  const row = await trx
    .insertInto('system_counters')
    .values({ name: `topic:${tenantId}:${day}`, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('system_counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return `YT-${day.replaceAll('-', '')}-${String(row.value).padStart(4, '0')}`;
}

async function addTopic(
  trx: Trx,
  context: CommunityDemoContext,
  community: { id: string },
  t: DemoTopic,
  worker: string,
) {
  const place = await trx
    .selectFrom('places')
    .select(['id', 'path'])
    .where('code', '=', t.placeCode)
    .executeTakeFirst();
  if (!place) return false;
  const created = new Date(context.now.getTime() - t.daysAgo * DAY);
  const first: TopicState = t.via === 'resident' ? 'seconding' : 'screening';
  const last = t.steps.at(-1)?.[1] ?? first;
  const screen = t.steps.find(([a]) => a === 'accept' || a === 'reject');
  const id = newId();
  const code = await nextCode(trx, context.tenantId, created);
  await trx
    .insertInto('deliberation_topics')
    .values({
      id,
      tenant_id: context.tenantId,
      community_id: community.id,
      place_id: place.id,
      place_path: place.path,
      code,
      title: t.title,
      body: t.body,
      raised_via: t.via,
      raised_by: t.by,
      case_id: t.caseId ?? null,
      state: last,
      seconds_needed: 5,
      seconds_count: t.seconds?.length ?? 0,
      screen_note: screen?.[3] ?? '',
      screened_by: screen ? worker : null,
      screened_at: screen ? new Date(created.getTime() + DAY) : null,
      created_at: created,
      updated_at: created,
    })
    .execute();
  await addHistory(trx, context, { id, code, created, first, worker }, t);
  return true;
}

interface Made {
  id: string;
  code: string;
  created: Date;
  first: TopicState;
  worker: string;
}

/** The topic's events, its seconds, and the case it came from pointing back to it. */
async function addHistory(trx: Trx, context: CommunityDemoContext, m: Made, t: DemoTopic) {
  const { id, created, first, worker } = m;
  const event = (action: string, from: TopicState | null, to: TopicState, party: TopicParty, note: string, at: Date) =>
    trx
      .insertInto('deliberation_topic_events')
      .values({
        id: newId(),
        tenant_id: context.tenantId,
        topic_id: id,
        action,
        from_state: from,
        to_state: to,
        by_party: party,
        by_user_id: party === 'system' ? null : party === 'community' ? worker : t.by,
        note,
        at,
      })
      .execute();
  await event('raise', null, first, 'raiser', '', created);
  let state: TopicState = first;
  for (const [i, [action, to, party, note]] of t.steps.entries()) {
    await event(action, state, to, party, note, new Date(created.getTime() + (i + 1) * DAY));
    state = to;
  }
  for (const [i, user] of (t.seconds ?? []).entries())
    await trx
      .insertInto('deliberation_seconds')
      .values({
        topic_id: id,
        user_id: user,
        tenant_id: context.tenantId,
        created_at: new Date(created.getTime() + (i + 1) * 3_600_000),
      })
      .execute();
  if (t.caseId) await linkCase(trx, context, m, t.caseId);
}

async function linkCase(trx: Trx, context: CommunityDemoContext, m: Made, caseId: string) {
  await trx.updateTable('cases').set({ topic_id: m.id }).where('id', '=', caseId).execute();
  await trx
    .insertInto('case_events')
    .values({
      id: newId(),
      tenant_id: context.tenantId,
      case_id: caseId,
      action: 'topic.raise',
      from_state: null,
      to_state: null,
      actor_id: m.worker,
      // the worker's own name, as the service writes it (actor.displayName)
      actor_name: (
        await trx.selectFrom('users').select('display_name').where('id', '=', m.worker).executeTakeFirstOrThrow()
      ).display_name,
      note: `转为议题 ${m.code}`,
      data: JSON.stringify({ topicId: m.id, topicCode: m.code }),
      at: m.created,
    })
    .execute();
}

export async function seedDemoTopics(trx: Trx, context: CommunityDemoContext): Promise<Record<string, number>> {
  const user = (name: string) => context.userIds.get(name);
  const [resident, party, steward, worker, volunteer, canteen] = [
    'resident',
    'party',
    'steward',
    'community',
    'volunteer',
    'canteen',
  ].map(user);
  const community = await trx.selectFrom('places').select(['id', 'path']).where('code', '=', HEPING).executeTakeFirst();
  if (!community || !resident || !party || !steward || !worker || !volunteer || !canteen) return {};
  // The case that needs the residents to decide: an open case of 和平社区, the most recent.
  const openCase = await trx
    .selectFrom('cases')
    .select('id')
    .where(pathUnder('place_path', community.path))
    .where('state', 'in', ['accepted', 'dispatched', 'in_progress'])
    .where('topic_id', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const topics: DemoTopic[] = [
    {
      placeCode: HEPING,
      via: 'resident',
      by: party,
      title: '小区东侧空地改建临时停车位',
      body: '小区东侧有一块闲置空地，晚上车辆乱停堵住消防通道。建议改建为临时停车位，由业委会统一管理，收费用于小区维修。',
      daysAgo: 3,
      steps: [],
      seconds: [volunteer, canteen],
    },
    {
      placeCode: `${HEPING}-1`,
      via: 'steward',
      by: steward,
      title: '1号楼楼道堆物清理公约',
      body: '1号楼楼道长期堆放纸箱、旧家具，存在消防隐患。建议全楼商定一份楼道公约：定期清理、不得堆放易燃物。',
      daysAgo: 12,
      steps: [['accept', 'accepted', 'community', '列入本月居民议事会，请各户代表参加']],
    },
    {
      placeCode: HEPING,
      via: 'resident',
      by: resident,
      title: '增设老年人送餐上门服务',
      body: '楼里几位高龄老人行动不便，去老年食堂吃饭不方便，希望社区能增设送餐上门服务。',
      daysAgo: 20,
      steps: [
        ['screen_in', 'screening', 'system', ''],
        ['reject', 'rejected', 'community', '老年食堂已开通送餐上门，可拨打食堂电话预约，无需另行议事'],
      ],
      seconds: [party, volunteer, canteen, steward, worker],
    },
  ];
  if (openCase)
    topics.push({
      placeCode: HEPING,
      via: 'case',
      by: worker,
      title: '加装电梯费用分摊怎么定',
      body: '居民反映加装电梯意见不一，低层住户不愿分摊费用。需要全楼住户共同协商分摊办法。',
      daysAgo: 2,
      steps: [],
      caseId: openCase.id,
    });
  let n = 0;
  for (const t of topics) if (await addTopic(trx, context, community, t, worker)) n++;
  return { topics: n };
}
