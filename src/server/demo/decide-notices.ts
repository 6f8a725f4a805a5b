import type { Transaction } from 'kysely';
import { financeTotals, type FinanceLine, type NoticeKind } from '../../shared/decide-notices.js';
import type { Database } from '../platform/db/schema.js';
import { shanghaiDate } from '../platform/deadlines.js';
import { newId } from '../platform/ids.js';
import type { CommunityDemoContext } from './community-context.js';

// 五公开 (issue 17): the demo county's records, from the fixed seed. In 和平社区 the worker 李秀英
// (`community`) drafted one notice of each kind and the street officer 王建华 (`street`) approved them
// (four eyes); one drafted by 王建华 waits for 李秀英 to approve; 1号楼 has a notice of its own. The
// resident 黄玉兰 and the party member 冯建军 read some; the public page was viewed a few times.

type Trx = Transaction<Database>;
const DAY = 86_400_000;

interface DemoNotice {
  kind: NoticeKind;
  title: string;
  body: string;
  place: string;
  daysAgo: number;
  lines?: FinanceLine[];
  state: 'published' | 'pending';
  readBy: string[];
  views: number;
}

const notices: DemoNotice[] = [
  {
    kind: 'party',
    title: '和平社区党总支2026年第四季度主题党日安排',
    body: '本季度主题党日定于每月第一个星期五上午九时在社区党群服务中心举行。\n请各党支部组织党员按时参加，因故不能参加的请向支部书记请假。\n在职党员可在手机上“双报到”页面认领社区服务岗位。',
    place: '610899001001',
    daysAgo: 20,
    state: 'published',
    readBy: ['resident', 'party'],
    views: 12,
  },
  {
    kind: 'finance',
    title: '2026年第三季度社区党组织服务群众经费收支公开',
    body: '根据财务公开制度，现将本社区2026年第三季度服务群众专项经费收支情况公开如下。\n如有疑问，请于公开之日起十日内到社区居委会咨询或提出意见。',
    place: '610899001001',
    daysAgo: 12,
    state: 'published',
    lines: [
      { direction: 'income', item: '上级拨付服务群众专项经费', amountFen: 5_000_000 },
      { direction: 'income', item: '共建单位捐赠（县供电公司）', amountFen: 800_000 },
      { direction: 'expense', item: '楼道照明维修（1号楼、2号楼）', amountFen: 356_720 },
      { direction: 'expense', item: '重阳节慰问高龄老人', amountFen: 1_240_000 },
      { direction: 'expense', item: '老年食堂助餐补贴', amountFen: 2_186_550 },
    ],
    readBy: ['resident', 'party'],
    views: 25,
  },
  {
    kind: 'government',
    title: '关于做好2027年度城乡居民医疗保险缴费工作的通知',
    body: '2027年度城乡居民医保集中缴费期为2026年9月1日至12月31日。\n缴费方式：手机缴费、银行网点缴费或到社区便民服务窗口办理。\n低保、特困人员等困难群众的个人缴费部分由财政资助。',
    place: '610899001001',
    daysAgo: 8,
    state: 'published',
    readBy: ['resident'],
    views: 9,
  },
  {
    kind: 'affairs',
    title: '1号楼楼道杂物清理及电动车充电安全提示',
    body: '为消除消防隐患，定于本周六上午对1号楼各单元楼道堆放的杂物进行集中清理。\n请住户提前将个人物品搬回家中；严禁在楼道内给电动车充电。',
    place: '610899001001-1',
    daysAgo: 4,
    state: 'published',
    readBy: [],
    views: 3,
  },
  {
    kind: 'service',
    title: '社区老年食堂冬季供餐时间调整',
    body: '自12月1日起，社区老年食堂午餐供应时间调整为11:00至12:30。\n80岁以上老人凭老年证享受助餐优惠，行动不便的老人可电话预约送餐上门。',
    place: '610899001001',
    daysAgo: 2,
    state: 'published',
    readBy: ['party'],
    views: 5,
  },
  {
    kind: 'affairs',
    title: '关于征集小区停车位重新划线意见的公告',
    body: '近期多位居民反映小区停车位不足、划线不清。\n社区拟于下月组织重新划线，现向全体居民征集意见，请在社区议事厅或手机“议题”页面留言。',
    place: '610899001001',
    daysAgo: 0,
    state: 'pending',
    readBy: [],
    views: 0,
  },
];

interface Seeded {
  id: string;
  tenantId: string;
  published: Date | null;
}

/** One notice with its history: drafted and submitted by `author`, approved by `approver` when published. */
async function insertNotice(
  trx: Trx,
  n: DemoNotice,
  at: { created: Date; communityId: string; placeId: string; path: string; tenantId: string },
  author: string,
  approver: string | null,
): Promise<Seeded> {
  const submitted = new Date(at.created.getTime() + 3_600_000);
  const published = approver ? new Date(submitted.getTime() + 2 * 3_600_000) : null;
  const totals = financeTotals(n.lines ?? []);
  const id = newId();
  await trx
    .insertInto('public_notices')
    .values({
      id,
      tenant_id: at.tenantId,
      community_id: at.communityId,
      place_id: at.placeId,
      place_path: at.path,
      kind: n.kind,
      title: n.title,
      body: n.body,
      finance_lines: JSON.stringify(n.lines ?? []),
      income_fen: totals.incomeFen,
      expense_fen: totals.expenseFen,
      balance_fen: totals.balanceFen,
      state: n.state,
      author_id: author,
      last_edited_by: author,
      submitted_at: submitted,
      approved_by: approver,
      published_at: published,
      published_year: published ? Number(shanghaiDate(published.getTime()).slice(0, 4)) : null,
      anonymous_views: n.views,
      created_at: at.created,
      updated_at: published ?? submitted,
    })
    .execute();
  const event = (action: 'create' | 'submit' | 'approve', by: string, when: Date) => ({
    id: newId(),
    tenant_id: at.tenantId,
    notice_id: id,
    action,
    from_state: action === 'create' ? null : action === 'submit' ? ('draft' as const) : ('pending' as const),
    to_state:
      action === 'create' ? ('draft' as const) : action === 'submit' ? ('pending' as const) : ('published' as const),
    actor_id: by,
    reason: null,
    at: when,
  });
  const events = [event('create', author, at.created), event('submit', author, submitted)];
  if (published && approver) events.push(event('approve', approver, published));
  await trx.insertInto('public_notice_events').values(events).execute();
  return { id, tenantId: at.tenantId, published };
}

async function insertReads(trx: Trx, notice: Seeded, readers: string[], now: Date) {
  if (!notice.published || readers.length === 0) return 0;
  const published = notice.published.getTime();
  await trx
    .insertInto('public_notice_reads')
    .values(
      readers.map((user_id, k) => ({
        notice_id: notice.id,
        user_id,
        tenant_id: notice.tenantId,
        read_at: new Date(Math.min(now.getTime(), published + (k + 1) * 3 * 3_600_000)),
      })),
    )
    .execute();
  return readers.length;
}

export async function seedDemoNotices(trx: Trx, context: CommunityDemoContext): Promise<Record<string, number>> {
  const { userIds, placeIds, now } = context;
  const worker = userIds.get('community');
  const officer = userIds.get('street');
  const communityId = placeIds.get('610899001001');
  if (!worker || !officer || !communityId) return {};
  let reads = 0;
  for (const [i, n] of notices.entries()) {
    const placeId = placeIds.get(n.place);
    const place = placeId
      ? await trx.selectFrom('places').select(['path', 'tenant_id']).where('id', '=', placeId).executeTakeFirst()
      : undefined;
    if (!placeId || !place?.tenant_id) continue;
    // The pending one is 王建华's for 李秀英 to approve; the others are hers, approved by him.
    const pending = n.state === 'pending';
    const created = new Date(now.getTime() - n.daysAgo * DAY - 6 * 3_600_000 - i * 60_000);
    const seeded = await insertNotice(
      trx,
      n,
      { created, communityId, placeId, path: place.path, tenantId: place.tenant_id },
      pending ? officer : worker,
      pending ? null : officer,
    );
    const readers = n.readBy.map((u) => userIds.get(u)).filter((u): u is string => Boolean(u));
    reads += await insertReads(trx, seeded, readers, now);
  }
  return { publicNotices: notices.length, publicNoticeReads: reads };
}
