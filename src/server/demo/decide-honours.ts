import type { Transaction } from 'kysely';
import { averageTotal, starsFor, type StarBand } from '../../shared/honours.js';
import type { Database } from '../platform/db/schema.js';
import { shanghaiDate } from '../platform/deadlines.js';
import { newId } from '../platform/ids.js';
import { pathUnder } from '../platform/scope.js';
import type { CommunityDemoContext } from './community-context.js';

// 文明户评选 (issue 17): the demo county's records, from the fixed seed. In 和平社区: the 2025
// 星级文明户 campaign, published (so the registry shows stars), and the 2026 one on public notice
// (公示) with its shortlist and one resident's objection, not yet answered.

const criteria = [
  { name: '爱国守法 诚实守信', max: 30, description: '遵纪守法，无违法违规记录' },
  { name: '孝老爱亲 家庭和睦', max: 40, description: '尊老爱幼，邻里和睦' },
  { name: '热心公益 美化环境', max: 30, description: '参加志愿服务，庭院整洁' },
];
const bands: StarBand[] = [
  { stars: 3, minPoints: 70 },
  { stars: 4, minPoints: 80 },
  { stars: 5, minPoints: 90 },
];
const reasons = [
  '三代同堂，孝老爱亲',
  '常年义务打扫楼道',
  '热心调解邻里纠纷',
  '家风淳朴，子女教育有方',
  '庭院整洁，垃圾分类做得好',
  '积极参加社区志愿服务',
];
// The demo's one resident login (黄玉兰) nominates as a neighbour: a 自荐 row would show her as the
// self-nominee of somebody else's household.
const kinds = ['neighbour', 'staff', 'steward', 'staff', 'neighbour', 'staff'] as const;

interface Seeding {
  trx: Transaction<Database>;
  tenantId: string;
  now: Date;
  communityId: string;
  community: { path: string };
  worker: string;
  grid: string;
  steward: string;
  resident: string;
  households: { id: string; path: string }[];
  sheets: { n: number };
}

async function nominate(
  x: Seeding,
  id: string,
  created: Date,
  criterionIds: string[],
  panel: string[],
  marks: number[][],
) {
  const { trx, tenantId, worker, steward, resident, households } = x;
  const nominations: { id: string; total: number }[] = [];
  for (const [i, h] of households.entries()) {
    const nominationId = newId();
    const kind = kinds[i % kinds.length];
    await trx
      .insertInto('honour_nominations')
      .values({
        id: nominationId,
        tenant_id: tenantId,
        campaign_id: id,
        household_id: h.id,
        household_path: h.path,
        resident_id: null,
        nominee_key: h.id,
        kind,
        reason: reasons[i % reasons.length],
        nominated_by: kind === 'steward' ? steward : kind === 'staff' ? worker : resident,
        created_at: created,
        stars: null,
        result: null,
      })
      .execute();
    // each member's marks for the three criteria: the row's base, a little apart per member
    const totals: number[] = [];
    for (const [m, userId] of panel.entries()) {
      const base = marks[i % marks.length];
      const points = base.map((p, k) => Math.min(criteria[k].max, Math.max(0, p - m)));
      const total = points.reduce((s, p) => s + p, 0);
      totals.push(total);
      await trx
        .insertInto('honour_score_sheets')
        .values({
          tenant_id: tenantId,
          nomination_id: nominationId,
          member_user_id: userId,
          campaign_id: id,
          points: JSON.stringify(Object.fromEntries(criterionIds.map((c, k) => [c, points[k]]))),
          total,
          updated_at: created,
        })
        .execute();
      x.sheets.n += 1;
    }
    nominations.push({ id: nominationId, total: averageTotal(totals)! });
  }
  return nominations;
}

async function campaign(x: Seeding, year: number, state: 'publicising' | 'published', marks: number[][]) {
  const { trx, tenantId, now, communityId, community, worker, grid } = x;
  const daysFrom = (n: number) => shanghaiDate(now.getTime() + n * 86_400_000);
  const id = newId();
  const created = new Date(now.getTime() - (state === 'published' ? 330 : 30) * 86_400_000);
  await trx
    .insertInto('honour_campaigns')
    .values({
      id,
      tenant_id: tenantId,
      place_id: communityId,
      place_path: community.path,
      kind: 'civilised_household',
      year,
      title: `和平社区${year}年度星级文明户评选`,
      description: '按照街道文明创建工作安排，开展年度星级文明户评选，欢迎居民自荐和推荐。',
      state,
      star_bands: JSON.stringify(bands),
      objection_ends_on: state === 'published' ? `${year}-12-20` : daysFrom(5),
      publish_note: state === 'published' ? '公示期满无异议，结果公布' : '',
      created_by: worker,
      created_at: created,
      updated_at: created,
      published_at: state === 'published' ? new Date(`${year}-12-25T02:00:00Z`) : null,
    })
    .execute();
  const criterionIds = criteria.map(() => newId());
  await trx
    .insertInto('honour_criteria')
    .values(
      criteria.map((c, i) => ({
        id: criterionIds[i],
        tenant_id: tenantId,
        campaign_id: id,
        position: i + 1,
        name: c.name,
        max_points: c.max,
        description: c.description,
      })),
    )
    .execute();
  const panel = [worker, grid];
  for (const userId of panel)
    await trx
      .insertInto('honour_panel_members')
      .values({ tenant_id: tenantId, campaign_id: id, user_id: userId, added_by: worker, added_at: created })
      .execute();
  const nominations = await nominate(x, id, created, criterionIds, panel, marks);
  // the shortlist: all at or above 70 points, with their star bands
  for (const n of nominations) {
    const on = n.total >= 70;
    await trx
      .updateTable('honour_nominations')
      .set({
        shortlisted: on,
        stars: on ? starsFor(n.total, bands) : null,
        result: on && state === 'published' ? 'honoured' : null,
      })
      .where('id', '=', n.id)
      .execute();
  }
  return { id, nominations };
}

export async function seedDemoHonours(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const { userIds, placeIds, tenantId, now } = context;
  const communityId = placeIds.get('610899001001');
  const worker = userIds.get('community');
  const grid = userIds.get('grid');
  const steward = userIds.get('steward');
  const resident = userIds.get('resident');
  if (!communityId || !worker || !grid || !steward || !resident) return {};
  const community = await trx
    .selectFrom('places')
    .select('path')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const households = await trx
    .selectFrom('places as h')
    .innerJoin('households as hh', 'hh.place_id', 'h.id')
    .select(['h.id', 'h.path'])
    .where('h.kind', '=', 'household')
    .where('h.status', '=', 'active')
    .where(pathUnder('h.path', community.path))
    .where((eb) => eb.exists(eb.selectFrom('residents as r').select('r.id').whereRef('r.household_id', '=', 'h.id')))
    .orderBy('h.path')
    .limit(6)
    .execute();
  if (households.length < 4) return {};
  const x: Seeding = {
    trx,
    tenantId,
    now,
    communityId,
    community,
    worker,
    grid,
    steward,
    resident,
    households,
    sheets: { n: 0 },
  };

  await campaign(x, 2025, 'published', [
    [29, 38, 28],
    [25, 33, 24],
    [27, 36, 25],
    [20, 28, 18],
    [28, 39, 29],
    [22, 30, 22],
  ]);
  const current = await campaign(x, 2026, 'publicising', [
    [30, 39, 29],
    [24, 34, 25],
    [21, 27, 19],
    [27, 35, 26],
    [26, 36, 23],
    [23, 31, 21],
  ]);
  await trx
    .insertInto('honour_objections')
    .values({
      id: newId(),
      tenant_id: tenantId,
      campaign_id: current.id,
      nomination_id: current.nominations[1].id,
      body: '该户今年夏天在楼道堆放杂物较多，建议核实后再定星级。',
      lodged_by: resident,
      lodged_at: new Date(now.getTime() - 86_400_000),
      answered_by: null,
      answered_at: null,
    })
    .execute();
  return {
    honour_campaigns: 2,
    honour_nominations: households.length * 2,
    honour_score_sheets: x.sheets.n,
    honour_objections: 1,
  };
}
