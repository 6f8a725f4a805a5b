import { sql, type Transaction } from 'kysely';
import type { PartyKind } from '../../shared/deliberation-meetings.js';
import type { Database } from '../platform/db/schema.js';
import { watchDeadline } from '../platform/deadlines.js';
import { newId } from '../platform/ids.js';
import { taskAlarm, taskClock } from '../features/deliberation/meetings/minutes.js';
import type { CommunityDemoContext } from './community-context.js';

// 议事会议 (issue 17): the demo county's records, from the fixed seed. In 和平社区 a four-party meeting
// was held four days ago: the parking topic was decided (two tasks — one done, one open), the lift
// topic handed up to 城关街道; a residents' talk is planned for next week with two topics on its
// agenda. The topics are this area's own, inserted as the topics area leaves them (accepted).

type Trx = Transaction<Database>;
const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

const topicsOf = [
  {
    key: 'parking',
    title: '小区停车位划线与分配',
    body: '小区车位紧张，乱停乱放堵塞消防通道，建议统一划线、按户分配。',
  },
  { key: 'lift', title: '3号楼加装电梯', body: '3号楼老人多，上下楼困难，希望加装电梯；费用分摊和规划审批需要商议。' },
  {
    key: 'dogs',
    title: '制定文明养犬公约',
    body: '小区内遛狗不拴绳、粪便不清理的情况较多，建议居民共同制定养犬公约。',
  },
  { key: 'lights', title: '楼道照明改造', body: '1号楼、2号楼楼道灯老化，晚上出行不便，建议更换为声控节能灯。' },
] as const;

// eslint-disable-next-line max-lines-per-function, complexity -- one story told in order; TODO split per meeting
export async function seedDemoMeetings(trx: Trx, context: CommunityDemoContext): Promise<Record<string, number>> {
  const heping = await trx
    .selectFrom('places')
    .select(['id', 'path', 'name', 'tenant_id'])
    .where('code', '=', '610899001001')
    .executeTakeFirst();
  const worker = context.userIds.get('community');
  const grid = context.userIds.get('grid');
  if (!heping || !worker || !grid) return {};
  const tenant = context.tenantId;
  const now = context.now.getTime();
  /** `days` from today at `hour` o'clock Beijing time */
  const at = (days: number, hour = 15) =>
    new Date(Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI + days * DAY + hour * 3_600_000);
  const held = at(-4);
  const planned = at(6);
  const stamp = new Date(now - 20 * DAY).toISOString().slice(0, 10).replaceAll('-', '');

  const topicIds: Record<string, string> = {};
  for (const [i, t] of topicsOf.entries()) {
    topicIds[t.key] = newId();
    await trx
      .insertInto('deliberation_topics')
      .values({
        id: topicIds[t.key]!,
        tenant_id: tenant,
        community_id: heping.id,
        place_id: heping.id,
        place_path: heping.path,
        code: `YT-${stamp}-${String(9001 + i)}`,
        title: t.title,
        body: t.body,
        raised_via: 'community',
        raised_by: worker,
        case_id: null,
        is_public: true,
        state: ({ parking: 'decided', lift: 'handed_up', dogs: 'scheduled', lights: 'scheduled' } as const)[t.key],
        seconds_needed: 0,
        screened_by: worker,
        screened_at: new Date(now - 15 * DAY),
        screen_note: '涉及多数居民利益，列入议事',
        created_at: new Date(now - 20 * DAY),
        updated_at: new Date(now - 4 * DAY),
      })
      .execute();
  }

  const meeting = async (
    id: string,
    m: {
      kind: 'four_party' | 'residents_talk';
      title: string;
      startsAt: Date;
      state: 'held' | 'planned';
      location: string;
    },
  ) =>
    trx
      .insertInto('deliberation_meetings')
      .values({
        id,
        tenant_id: tenant,
        community_id: heping.id,
        hall: 'community',
        grid_id: null,
        place_path: heping.path,
        kind: m.kind,
        title: m.title,
        starts_at: m.startsAt,
        location: m.location,
        state: m.state,
        checkin_token_hash: null,
        created_by: worker,
        created_at: new Date(m.startsAt.getTime() - 7 * DAY),
        updated_at: m.state === 'held' ? new Date(m.startsAt.getTime() + 2 * 3_600_000) : new Date(now - DAY),
        held_at: m.state === 'held' ? new Date(m.startsAt.getTime() + 2 * 3_600_000) : null,
      })
      .execute();

  const heldId = newId();
  await meeting(heldId, {
    kind: 'four_party',
    title: '和平社区四方联动议事会（第四季度）',
    startsAt: held,
    state: 'held',
    location: '社区党群服务中心二楼议事厅',
  });
  const parties: [PartyKind, string][] = [
    ['community', heping.name],
    ['property_company', '城关安居物业服务有限公司'],
    ['owners_committee', '和平小区业主委员会'],
    ['co_building_unit', '县供电公司城关供电所'],
    ['residents', '居民代表'],
    ['legal_adviser', '孙律师'],
  ];
  const partyIds: string[] = [];
  for (const [kind, name] of parties) {
    const id = newId();
    partyIds.push(id);
    await trx
      .insertInto('deliberation_meeting_parties')
      .values({
        id,
        tenant_id: tenant,
        meeting_id: heldId,
        kind,
        name,
        organisation_id: null,
        user_id: null,
        created_at: new Date(held.getTime() - 7 * DAY),
      })
      .execute();
  }
  const attendees: [PartyKind, string, string | null][] = [
    ['community', heping.name, partyIds[0]!],
    ['property_company', '城关安居物业服务有限公司', partyIds[1]!],
    ['owners_committee', '和平小区业主委员会', partyIds[2]!],
    ['co_building_unit', '县供电公司城关供电所', partyIds[3]!],
    ['legal_adviser', '孙律师', partyIds[5]!],
    ['residents', '王秀兰', null],
    ['residents', '陈国庆', null],
    ['residents', '刘桂芳', null],
  ];
  for (const [i, [kind, name, partyId]] of attendees.entries())
    await trx
      .insertInto('deliberation_attendance')
      .values({
        id: newId(),
        tenant_id: tenant,
        meeting_id: heldId,
        user_id: null,
        party_id: partyId,
        party_kind: kind,
        name,
        via: 'staff',
        recorded_by: worker,
        signed_at: new Date(held.getTime() - (10 - i) * 60_000),
      })
      .execute();

  const item = async (
    meetingId: string,
    topic: string,
    position: number,
    extra: Record<string, unknown>,
    createdAt: Date,
  ) => {
    const id = newId();
    await trx
      .insertInto('deliberation_agenda_items')
      .values({
        id,
        tenant_id: tenant,
        meeting_id: meetingId,
        topic_id: topicIds[topic]!,
        position,
        outcome: null,
        decided_at: null,
        handed_up_at: null,
        vote_id: null,
        vote_result: null,
        followed_up_at: null,
        followed_up_by: null,
        created_by: worker,
        created_at: createdAt,
        ...extra,
      })
      .execute();
    return id;
  };
  const decidedAt = new Date(held.getTime() + 3_600_000);
  const parkingItem = await item(
    heldId,
    'parking',
    1,
    {
      summary: '各方同意统一划线，车位按户抽签分配，消防通道全部禁停。',
      outcome: 'decided',
      decision: '由物业在两周内完成小区 46 个车位划线；业委会组织按户抽签分配；社区和网格员劝导消防通道禁停。',
      decided_at: decidedAt,
    },
    new Date(held.getTime() - 7 * DAY),
  );
  await item(
    heldId,
    'lift',
    2,
    {
      summary: '居民加装意愿强，但低层住户对费用分摊有异议，且需规划部门审批。',
      outcome: 'handed_up',
      hand_up_reason: '加装电梯涉及规划审批和财政补贴，社区无权决定，提请街道协调住建、规划部门。',
      handed_up_at: new Date(decidedAt.getTime() + 1_800_000),
    },
    new Date(held.getTime() - 7 * DAY),
  );
  const positions: [PartyKind, string][] = [
    ['property_company', '物业负责划线施工，费用从公共收益中列支。'],
    ['owners_committee', '车位按户抽签，每户限一个，公示一周。'],
    ['residents', '希望尽快解决，晚上回来找不到车位。'],
    ['legal_adviser', '车位分配方案须经业主大会表决，程序合法。'],
  ];
  for (const [i, [kind, body]] of positions.entries())
    await trx
      .insertInto('deliberation_positions')
      .values({
        id: newId(),
        tenant_id: tenant,
        item_id: parkingItem,
        party_kind: kind,
        body,
        position: i + 1,
        created_by: worker,
        created_at: decidedAt,
      })
      .execute();

  // Parking lines are the city management bureau's work (the first department by code is the judicial office).
  const department = await trx
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenant)
    .orderBy(sql`kind = 'city_management'`, 'desc')
    .orderBy('code')
    .executeTakeFirst();
  const tasks = [
    { title: '小区车位划线施工', owner: { user: null, department: department ?? null }, dueDays: 10, done: false },
    { title: '张贴抽签通知并入户告知', owner: { user: grid, department: null }, dueDays: -1, done: true },
  ];
  const gridName =
    (await trx.selectFrom('users').select('display_name').where('id', '=', grid).executeTakeFirst())?.display_name ??
    '网格员';
  const clock = { now: () => decidedAt };
  for (const t of tasks) {
    if (!t.owner.user && !t.owner.department) continue;
    const id = newId();
    const due = new Date(now + t.dueDays * DAY);
    await trx
      .insertInto('deliberation_tasks')
      .values({
        id,
        tenant_id: tenant,
        item_id: parkingItem,
        title: t.title,
        kind: 'task',
        owner_user_id: t.owner.user,
        owner_department_id: t.owner.department?.id ?? null,
        owner_name: t.owner.department?.name ?? gridName,
        due_at: due,
        state: t.done ? 'done' : 'open',
        case_id: null,
        whistle_id: null,
        report: t.done ? '已在各单元门口张贴通知，并入户告知 128 户。' : '',
        done_at: t.done ? new Date(now - 2 * DAY) : null,
        done_by: t.done ? grid : null,
        created_by: worker,
        created_at: decidedAt,
      })
      .execute();
    if (!t.done) await watchDeadline(trx, clock, taskAlarm, { id, clock: taskClock, start: decidedAt, due });
  }

  const plannedId = newId();
  await meeting(plannedId, {
    kind: 'residents_talk',
    title: '居民说事·凉亭会（十二月）',
    startsAt: planned,
    state: 'planned',
    location: '和平小区中心凉亭',
  });
  await trx
    .insertInto('deliberation_meeting_parties')
    .values([
      {
        id: newId(),
        tenant_id: tenant,
        meeting_id: plannedId,
        kind: 'community',
        name: heping.name,
        organisation_id: null,
        user_id: null,
        created_at: new Date(now - DAY),
      },
      {
        id: newId(),
        tenant_id: tenant,
        meeting_id: plannedId,
        kind: 'mediator',
        name: '老党员调解队',
        organisation_id: null,
        user_id: null,
        created_at: new Date(now - DAY),
      },
      {
        id: newId(),
        tenant_id: tenant,
        meeting_id: plannedId,
        kind: 'residents',
        name: '居民代表',
        organisation_id: null,
        user_id: null,
        created_at: new Date(now - DAY),
      },
    ])
    .execute();
  await item(plannedId, 'dogs', 1, {}, new Date(now - DAY));
  await item(plannedId, 'lights', 2, {}, new Date(now - DAY));
  return { meetings: 2, meetingTasks: 2 };
}
