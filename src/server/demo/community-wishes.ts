import type { Transaction } from 'kysely';
import type { WishCategory, WishState } from '../../shared/community-wishes.js';
import { awardPoints } from '../platform/community/points.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { pathUnder } from '../platform/scope.js';
import type { CommunityDemoContext } from './community-context.js';

// 微心愿 · 微行动 (issue 16): the demo county's records, from the fixed seed. In 和平社区 the steward
// (马德明) posted wishes for the eldest residents of building 1 — one in each state —, the resident
// 黄玉兰 wished for herself, a grid worker's wish was turned down; fulfilled wishes credited the
// volunteer; micro-actions done (with points) and to come. 文化社区 has a few of its own.

type Trx = Transaction<Database>;
interface Community {
  id: string;
  path: string;
}

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
const dayOf = (t: number) => new Date(t + SHANGHAI).toISOString().slice(0, 10);

const stewardWishes: { category: WishCategory; content: string; state: WishState; daysAgo: number }[] = [
  { category: 'daily_goods', content: '家里的收音机坏了，想要一台能听戏的收音机', state: 'thanked', daysAgo: 60 },
  { category: 'repair', content: '厨房水龙头一直滴水，希望有人帮忙修一修', state: 'fulfilled', daysAgo: 30 },
  { category: 'companionship', content: '子女在外地，希望周末有人来家里陪着说说话', state: 'claimed', daysAgo: 10 },
  { category: 'daily_goods', content: '冬天到了，想要一个暖水袋和一双棉拖鞋', state: 'published', daysAgo: 5 },
  { category: 'other', content: '想请人帮忙教一教怎么用智能手机视频通话', state: 'published', daysAgo: 3 },
  { category: 'study', content: '孙女上三年级，想要一本新华字典', state: 'submitted', daysAgo: 1 },
];

interface DemoWish {
  community: Community;
  path: string;
  category: WishCategory;
  content: string;
  state: WishState;
  daysAgo: number;
  postedBy: string;
  beneficiary: { residentId?: string; userId?: string; name: string };
  claimer?: string;
  reviewer: string;
}

/** When each step of a wish in `state` happened, `daysAgo` days after it was posted. */
function wishTimes(state: WishState, daysAgo: number, now: number) {
  const created = new Date(now - daysAgo * DAY);
  const reviewed = new Date(created.getTime() + DAY / 2);
  const claimed = new Date(reviewed.getTime() + DAY);
  const isClaimed = ['claimed', 'fulfilled', 'thanked'].includes(state);
  const fulfilled = ['fulfilled', 'thanked'].includes(state)
    ? new Date(Math.min(claimed.getTime() + 4 * DAY, now - DAY))
    : null;
  return {
    created,
    reviewed: state === 'submitted' ? null : reviewed,
    published: ['submitted', 'rejected', 'cancelled'].includes(state) ? null : reviewed,
    claimed: isClaimed ? claimed : null,
    due: isClaimed ? new Date(claimed.getTime() + 14 * DAY) : null,
    fulfilled,
    thanked: state === 'thanked' ? new Date(fulfilled!.getTime() + DAY) : null,
  };
}

async function addWish(trx: Trx, context: CommunityDemoContext, w: DemoWish) {
  const id = newId();
  const at = wishTimes(w.state, w.daysAgo, context.now.getTime());
  await trx
    .insertInto('community_wishes')
    .values({
      id,
      tenant_id: context.tenantId,
      community_id: w.community.id,
      place_path: w.path,
      category: w.category,
      content: w.content,
      beneficiary_resident_id: w.beneficiary.residentId ?? null,
      beneficiary_user_id: w.beneficiary.userId ?? null,
      beneficiary_name: w.beneficiary.name,
      posted_by: w.postedBy,
      state: w.state,
      reject_reason: w.state === 'rejected' ? '该需求请通过社区救助渠道办理' : '',
      reviewed_by: at.reviewed && w.reviewer,
      reviewed_at: at.reviewed,
      published_at: at.published,
      claimed_by: at.claimed && (w.claimer ?? null),
      claimed_at: at.claimed,
      fulfil_due_at: at.due,
      fulfil_note: at.fulfilled ? '已送到老人家中' : '',
      fulfilled_at: at.fulfilled,
      thanks_message: at.thanked ? '谢谢小郑，收音机很好用，每天都能听秦腔了！' : '',
      thanked_at: at.thanked,
      created_at: at.created,
      updated_at: at.thanked ?? at.fulfilled ?? at.claimed ?? at.reviewed ?? at.created,
    })
    .execute();
  if (at.fulfilled && w.claimer)
    await awardPoints(
      trx,
      {
        tenantId: context.tenantId,
        holder: { userId: w.claimer },
        communityId: w.community.id,
        rule: 'wish_fulfilled',
        source: { kind: 'wish', id },
        createdBy: w.claimer,
      },
      at.fulfilled,
    );
}

interface DemoAction {
  title: string;
  location: string;
  days: number;
  slots: number;
  done: boolean;
}

async function addAction(
  trx: Trx,
  context: CommunityDemoContext,
  community: Community,
  by: string,
  people: string[],
  a: DemoAction,
) {
  const id = newId();
  const now = context.now.getTime();
  const created = new Date(now + Math.min(a.days - 7, -1) * DAY);
  const doneAt = a.done ? new Date(now + (a.days + 0.4) * DAY) : null;
  await trx
    .insertInto('community_micro_actions')
    .values({
      id,
      tenant_id: context.tenantId,
      community_id: community.id,
      place_path: community.path,
      title: a.title,
      action_date: dayOf(now + a.days * DAY),
      location: a.location,
      slots: a.slots,
      state: a.done ? 'done' : 'open',
      done_at: doneAt,
      done_by: a.done ? by : null,
      created_by: by,
      created_at: created,
      updated_at: doneAt ?? created,
    })
    .execute();
  for (const userId of people) {
    await trx
      .insertInto('community_micro_action_signups')
      .values({ action_id: id, user_id: userId, tenant_id: context.tenantId, took_part: a.done, created_at: created })
      .execute();
    if (doneAt) {
      const source = { kind: 'micro_action', id };
      const write = { tenantId: context.tenantId, holder: { userId }, communityId: community.id, source };
      await awardPoints(trx, { ...write, rule: 'action_done', createdBy: by }, doneAt);
    }
  }
}

const place = (trx: Trx, code: string) =>
  trx.selectFrom('places').select(['id', 'path']).where('code', '=', code).executeTakeFirst();

/** The eldest registry residents of a building. */
const eldestIn = (trx: Trx, buildingPath: string, limit: number) =>
  trx
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'h.path'])
    .where('r.status', '=', 'active')
    .where('r.birth_date', 'is not', null)
    .where(pathUnder('h.path', buildingPath))
    .orderBy('r.birth_date')
    .orderBy('r.id')
    .limit(limit)
    .execute();

async function seedHeping(trx: Trx, context: CommunityDemoContext, heping: Community) {
  const user = (name: string) => context.userIds.get(name);
  const [steward, volunteer, worker] = [user('steward'), user('volunteer'), user('community')];
  const building = await place(trx, '610899001001-1');
  if (!building || !steward || !volunteer || !worker) return { wishes: 0, actions: 0 };
  const elders = await eldestIn(trx, building.path, stewardWishes.length);
  const base = { community: heping, reviewer: worker, claimer: volunteer };
  let wishes = 0;
  for (const [i, w] of stewardWishes.entries()) {
    if (!elders[i]) break;
    const { id, name, path } = elders[i];
    await addWish(trx, context, { ...base, ...w, path, postedBy: steward, beneficiary: { residentId: id, name } });
    wishes++;
  }
  const resident = user('resident');
  if (resident) {
    const content = '楼道的声控灯坏了，晚上上楼看不清，希望有人帮忙换一个';
    const beneficiary = { userId: resident, name: '黄玉兰' };
    await addWish(trx, context, {
      ...base,
      ...{ path: heping.path, category: 'repair', content, state: 'published', daysAgo: 2 },
      ...{ postedBy: resident, beneficiary },
    });
    wishes++;
  }
  const grid = user('grid');
  if (grid && elders[0]) {
    const beneficiary = { residentId: elders[0].id, name: elders[0].name };
    const content = '希望能申请每月的生活补助';
    await addWish(trx, context, {
      ...base,
      ...{ path: elders[0].path, category: 'other', content, state: 'rejected', daysAgo: 20 },
      ...{ postedBy: grid, beneficiary },
    });
    wishes++;
  }
  const people = [volunteer, user('party'), resident].filter((u): u is string => Boolean(u));
  const actions: DemoAction[] = [
    { title: '清理1号楼楼道杂物', location: '1号楼', days: -40, slots: 8, done: true },
    { title: '护送考生进考场', location: '县一中门口', days: -15, slots: 6, done: true },
    { title: '小区绿地捡拾垃圾', location: '和平小区中心花园', days: 3, slots: 10, done: false },
    { title: '为独居老人打扫卫生', location: '2号楼', days: 8, slots: 5, done: false },
  ];
  for (const a of actions) await addAction(trx, context, heping, worker, a.done ? people : people.slice(0, 1), a);
  return { wishes, actions: actions.length };
}

async function seedWenhua(trx: Trx, context: CommunityDemoContext, wenhua: Community, worker: string) {
  const wishes = [
    { name: '刘建国', category: 'daily_goods' as const, content: '想要一套围棋，和老伙计们下棋' },
    { name: '赵淑珍', category: 'repair' as const, content: '希望有人帮忙把阳台的旧家具搬下楼' },
  ];
  for (const [i, w] of wishes.entries())
    await addWish(trx, context, {
      ...{ community: wenhua, path: wenhua.path, category: w.category, content: w.content },
      ...{ state: 'published', daysAgo: 4 + i, postedBy: worker, reviewer: worker, beneficiary: { name: w.name } },
    });
  const action = { title: '清扫文化巷积雪', location: '文化巷', days: 5, slots: 12, done: false };
  await addAction(trx, context, wenhua, worker, [], action);
  return { wishes: wishes.length, actions: 1 };
}

export async function seedDemoWishes(trx: Trx, context: CommunityDemoContext): Promise<Record<string, number>> {
  const heping = await place(trx, '610899001001');
  const wenhua = await place(trx, '610899001002');
  const worker2 = context.userIds.get('community2');
  const a = heping ? await seedHeping(trx, context, heping) : { wishes: 0, actions: 0 };
  const b = wenhua && worker2 ? await seedWenhua(trx, context, wenhua, worker2) : { wishes: 0, actions: 0 };
  return { wishes: a.wishes + b.wishes, microActions: a.actions + b.actions };
}
