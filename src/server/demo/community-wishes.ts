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

export async function seedDemoWishes(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const heping = await place(trx, '610899001001');
  const wenhua = await place(trx, '610899001002');
  const building = await place(trx, '610899001001-1');
  const steward = context.userIds.get('steward');
  const volunteer = context.userIds.get('volunteer');
  const resident = context.userIds.get('resident');
  const grid = context.userIds.get('grid');
  const worker = context.userIds.get('community');
  const worker2 = context.userIds.get('community2');
  const party = context.userIds.get('party');
  if (!heping || !building || !steward || !volunteer || !worker) return {};
  const now = context.now.getTime();
  let wishes = 0;

  const elders = await trx
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'h.path'])
    .where('r.status', '=', 'active')
    .where('r.birth_date', 'is not', null)
    .where(pathUnder('h.path', building.path))
    .orderBy('r.birth_date')
    .orderBy('r.id')
    .limit(stewardWishes.length)
    .execute();

  async function addWish(input: {
    community: { id: string; path: string };
    path: string;
    category: WishCategory;
    content: string;
    state: WishState;
    daysAgo: number;
    postedBy: string;
    beneficiary: { residentId?: string; userId?: string; name: string };
    claimer?: string;
    reviewer: string;
  }) {
    const id = newId();
    const created = new Date(now - input.daysAgo * DAY);
    const reviewed = new Date(created.getTime() + DAY / 2);
    const published = !['submitted', 'rejected', 'cancelled'].includes(input.state);
    const claimedState = ['claimed', 'fulfilled', 'thanked'].includes(input.state);
    const claimed = new Date(reviewed.getTime() + DAY);
    const fulfilled = ['fulfilled', 'thanked'].includes(input.state)
      ? new Date(Math.min(claimed.getTime() + 4 * DAY, now - DAY))
      : null;
    await trx
      .insertInto('community_wishes')
      .values({
        id,
        tenant_id: context.tenantId,
        community_id: input.community.id,
        place_path: input.path,
        category: input.category,
        content: input.content,
        beneficiary_resident_id: input.beneficiary.residentId ?? null,
        beneficiary_user_id: input.beneficiary.userId ?? null,
        beneficiary_name: input.beneficiary.name,
        posted_by: input.postedBy,
        state: input.state,
        reject_reason: input.state === 'rejected' ? '该需求请通过社区救助渠道办理' : '',
        reviewed_by: input.state === 'submitted' ? null : input.reviewer,
        reviewed_at: input.state === 'submitted' ? null : reviewed,
        published_at: published ? reviewed : null,
        claimed_by: claimedState ? (input.claimer ?? null) : null,
        claimed_at: claimedState ? claimed : null,
        fulfil_due_at: claimedState ? new Date(claimed.getTime() + 14 * DAY) : null,
        fulfil_note: fulfilled ? '已送到老人家中' : '',
        fulfilled_at: fulfilled,
        thanks_message: input.state === 'thanked' ? '谢谢小郑，收音机很好用，每天都能听秦腔了！' : '',
        thanked_at: input.state === 'thanked' ? new Date(fulfilled!.getTime() + DAY) : null,
        created_at: created,
        updated_at: fulfilled ?? (claimedState ? claimed : published ? reviewed : created),
      })
      .execute();
    if (fulfilled && input.claimer)
      await awardPoints(
        trx,
        {
          tenantId: context.tenantId,
          holder: { userId: input.claimer },
          communityId: input.community.id,
          rule: 'wish_fulfilled',
          source: { kind: 'wish', id },
          createdBy: input.claimer,
        },
        fulfilled,
      );
    wishes++;
  }

  for (const [i, w] of stewardWishes.entries()) {
    const elder = elders[i];
    if (!elder) break;
    await addWish({
      ...w,
      community: heping,
      path: elder.path,
      postedBy: steward,
      beneficiary: { residentId: elder.id, name: elder.name },
      claimer: volunteer,
      reviewer: worker,
    });
  }
  if (resident)
    await addWish({
      community: heping,
      path: heping.path,
      category: 'repair',
      content: '楼道的声控灯坏了，晚上上楼看不清，希望有人帮忙换一个',
      state: 'published',
      daysAgo: 2,
      postedBy: resident,
      beneficiary: { userId: resident, name: '黄玉兰' },
      reviewer: worker,
    });
  if (grid && elders[0])
    await addWish({
      community: heping,
      path: elders[0].path,
      category: 'other',
      content: '希望能申请每月的生活补助',
      state: 'rejected',
      daysAgo: 20,
      postedBy: grid,
      beneficiary: { residentId: elders[0].id, name: elders[0].name },
      reviewer: worker,
    });
  if (wenhua && worker2)
    for (const [i, content] of ['想要一套围棋，和老伙计们下棋', '希望有人帮忙把阳台的旧家具搬下楼'].entries())
      await addWish({
        community: wenhua,
        path: wenhua.path,
        category: i === 0 ? 'daily_goods' : 'repair',
        content,
        state: 'published',
        daysAgo: 4 + i,
        postedBy: worker2,
        beneficiary: { name: i === 0 ? '刘建国' : '赵淑珍' },
        reviewer: worker2,
      });

  // 微行动: two done (proof, participants, points), two to come in 和平社区, one in 文化社区.
  let actions = 0;
  const people = [volunteer, party, resident].filter((u): u is string => Boolean(u));
  const addAction = async (
    community: { id: string; path: string },
    by: string,
    a: { title: string; location: string; days: number; slots: number; done: boolean },
  ) => {
    const id = newId();
    const date = dayOf(now + a.days * DAY);
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
        description: '',
        action_date: date,
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
    const joined = community.id === heping.id ? people.slice(0, a.done ? 3 : 1) : [];
    for (const userId of joined) {
      await trx
        .insertInto('community_micro_action_signups')
        .values({ action_id: id, user_id: userId, tenant_id: context.tenantId, took_part: a.done, created_at: created })
        .execute();
      if (doneAt)
        await awardPoints(
          trx,
          {
            tenantId: context.tenantId,
            holder: { userId },
            communityId: community.id,
            rule: 'action_done',
            source: { kind: 'micro_action', id },
            createdBy: by,
          },
          doneAt,
        );
    }
    actions++;
  };
  await addAction(heping, worker, { title: '清理1号楼楼道杂物', location: '1号楼', days: -40, slots: 8, done: true });
  await addAction(heping, worker, { title: '护送考生进考场', location: '县一中门口', days: -15, slots: 6, done: true });
  await addAction(heping, worker, {
    title: '小区绿地捡拾垃圾',
    location: '和平小区中心花园',
    days: 3,
    slots: 10,
    done: false,
  });
  await addAction(heping, worker, { title: '为独居老人打扫卫生', location: '2号楼', days: 8, slots: 5, done: false });
  if (wenhua && worker2)
    await addAction(wenhua, worker2, { title: '清扫文化巷积雪', location: '文化巷', days: 5, slots: 12, done: false });
  return { wishes, microActions: actions };
}

function place(trx: Transaction<Database>, code: string) {
  return trx.selectFrom('places').select(['id', 'path']).where('code', '=', code).executeTakeFirst();
}
