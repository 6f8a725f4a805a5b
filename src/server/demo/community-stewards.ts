import type { Transaction } from 'kysely';
import { stewardDuties, type EvaluationGrade } from '../../shared/stewards.js';
import { awardPoints } from '../platform/community/points.js';
import { shanghaiDate } from '../platform/deadlines.js';
import { createVote, openVote } from '../platform/decide/votes.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { CommunityDemoContext } from './community-context.js';

// 楼门管家 (issue 16): the demo county's records, from the fixed seed. In 和平社区: building 1's
// former steward (黄玉兰, retired for health) and her successor 马德明 (the `steward` login, whose
// membership is the term's), with evaluations, completed checklists (and their points) and opinions;
// building 2 with an election in progress over two nominations (a secret vote of the kernel); a commendation for 2025.

const monthsBack = (now: Date, n: number) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 15));
  return d.toISOString().slice(0, 7);
};

/** What every part of the stewards' demo writes with. */
interface Demo {
  trx: Transaction<Database>;
  tenantId: string;
  now: Date;
  community: string;
  worker: string;
}

async function seedBuildingOne(
  { trx, tenantId, now, worker }: Demo,
  b1: string,
  p1: string,
  people: { ma: string; huang: string },
  membership: string | null,
) {
  const { ma, huang } = people;
  // Building 1: 黄玉兰 served from 20 months ago until 8 months ago; 马德明 since.
  const formerStart = `${monthsBack(now, 20)}-01`;
  const handover = `${monthsBack(now, 8)}-01`;
  const former = newId();
  await trx
    .insertInto('steward_terms')
    .values({
      id: former,
      tenant_id: tenantId,
      building_id: b1,
      building_path: p1,
      user_id: huang,
      nomination_id: null,
      vote_id: null,
      membership_id: null,
      state: 'retired',
      started_on: formerStart,
      ended_on: handover,
      retire_reason: 'health',
      retire_note: '年事已高，主动请辞',
      appointed_by: worker,
      retired_by: worker,
      created_at: new Date(`${formerStart}T02:00:00Z`),
    })
    .execute();
  const nomination = newId();
  await trx
    .insertInto('steward_nominations')
    .values({
      id: nomination,
      tenant_id: tenantId,
      building_id: b1,
      building_path: p1,
      nominee_user_id: ma,
      nominated_by: worker,
      kind: 'community',
      reason: '退休干部，热心楼栋事务',
      state: 'appointed',
      vote_id: null,
      decided_by: worker,
      decided_at: new Date(`${handover}T02:00:00Z`),
      decision_note: '补选任命',
      created_at: new Date(`${handover}T01:00:00Z`),
    })
    .execute();
  const term = newId();
  await trx
    .insertInto('steward_terms')
    .values({
      id: term,
      tenant_id: tenantId,
      building_id: b1,
      building_path: p1,
      user_id: ma,
      nomination_id: nomination,
      vote_id: null,
      membership_id: membership,
      state: 'active',
      started_on: handover,
      ended_on: null,
      retire_reason: null,
      appointed_by: worker,
      retired_by: null,
      created_at: new Date(`${handover}T02:00:00Z`),
    })
    .execute();

  return { former, term };
}

async function seedMonths({ trx, tenantId, now, community, worker }: Demo, term: string, p1: string, ma: string) {
  // Past months of 马德明: checklists completed (points), evaluations.
  const grades: EvaluationGrade[] = ['excellent', 'good', 'excellent', 'good', 'pass', 'excellent', 'good'];
  let checklists = 0;
  let evaluations = 0;
  for (let back = 7; back >= 1; back--) {
    const month = monthsBack(now, back);
    const at = new Date(`${month}-25T02:00:00Z`);
    const list = newId();
    const complete = back !== 3;
    await trx
      .insertInto('steward_checklists')
      .values({
        id: list,
        tenant_id: tenantId,
        term_id: term,
        month,
        completed_at: complete ? at : null,
        created_at: at,
      })
      .execute();
    for (const duty of complete ? stewardDuties : stewardDuties.slice(0, 4))
      await trx
        .insertInto('steward_checklist_ticks')
        .values({ tenant_id: tenantId, checklist_id: list, duty, note: '已完成', photo_file_id: null, ticked_at: at })
        .execute();
    if (complete) {
      checklists += 1;
      await awardPoints(
        trx,
        {
          tenantId,
          holder: { userId: ma },
          communityId: community,
          rule: 'steward_duty',
          source: { kind: 'steward_checklist', id: list },
          note: `1号楼 ${month}`,
          createdBy: null,
        },
        at,
      );
    }
    await trx
      .insertInto('steward_evaluations')
      .values({
        id: newId(),
        tenant_id: tenantId,
        term_id: term,
        building_path: p1,
        month,
        grade: grades[(7 - back) % grades.length],
        comment: complete ? '履职认真' : '本月清单未完成',
        evaluated_by: worker,
        created_at: new Date(`${month}-28T02:00:00Z`),
      })
      .execute();
    evaluations += 1;
  }

  return { checklists, evaluations };
}

async function seedOpinions(
  { trx, tenantId, now }: Demo,
  random: CommunityDemoContext['random'],
  term: string,
  p1: string,
) {
  const heard = [
    '三单元楼道灯不亮，老人晚上出行不便',
    '楼下有人长期占用消防通道停车',
    '希望社区组织一次防诈骗宣传',
    '二楼住户反映楼顶漏水',
  ];
  for (const [i, body] of heard.entries())
    await trx
      .insertInto('steward_opinions')
      .values({
        id: newId(),
        tenant_id: tenantId,
        term_id: term,
        building_path: p1,
        household_id: null,
        body,
        photo_file_id: null,
        state: 'collected',
        case_id: null,
        created_at: new Date(now.getTime() - (i + 1) * 3 * 86_400_000 - random.int(0, 3_600_000)),
        filed_at: null,
      })
      .execute();

  return heard.length;
}

async function seedVote(
  { trx, tenantId, now, community, worker }: Demo,
  b2: string,
  p2: string,
  nominees: readonly (readonly [string, string])[],
) {
  // Building 2: an election in progress over two nominations — a secret vote of the kernel, opened
  // two days ago (its roll: the building's adult residents then), closing in a week.
  const day = 86_400_000;
  const nominations: string[] = [];
  for (const [nominee, reason] of nominees) {
    const id = newId();
    nominations.push(id);
    await trx
      .insertInto('steward_nominations')
      .values({
        id,
        tenant_id: tenantId,
        building_id: b2,
        building_path: p2,
        nominee_user_id: nominee,
        nominated_by: worker,
        kind: 'community',
        reason,
        state: 'nominated',
        vote_id: null,
        decided_by: null,
        decided_at: null,
        created_at: new Date(now.getTime() - 5 * day),
      })
      .execute();
  }
  const names = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where(
      'id',
      'in',
      nominees.map(([n]) => n),
    )
    .execute();
  const opened = new Date(now.getTime() - 2 * day);
  const vote = await createVote(
    trx,
    {
      tenantId,
      communityId: community,
      scopePlaceId: b2,
      subject: { kind: 'steward_election', id: b2 },
      title: '2号楼楼门管家选举',
      description: '2号楼楼门管家选举',
      method: 'options',
      options: nominees.map(([n], i) => ({
        label: names.find((u) => u.id === n)?.display_name ?? '候选人',
        refId: nominations[i]!,
      })),
      maxChoices: 1,
      seats: 1,
      secret: true,
      electorate: 'residents',
      allowPhone: true,
      allowPaper: false,
      quorumPercent: 0,
      majority: 'simple',
      opensAt: null,
      closesAt: new Date(Date.parse(`${shanghaiDate(now.getTime() + 7 * day)}T00:00:00+08:00`) + day),
      createdBy: worker,
    },
    opened,
  );
  await openVote(trx, vote, worker, opened);
  await trx.updateTable('steward_nominations').set({ vote_id: vote }).where('id', 'in', nominations).execute();
}

async function seedLastYear({ trx, tenantId, now, worker }: Demo, b1: string, p1: string, former: string) {
  // Last year's list: building 1 under 黄玉兰.
  const lastYear = now.getUTCFullYear() - 1;
  await trx
    .insertInto('steward_commendations')
    .values({
      id: newId(),
      tenant_id: tenantId,
      year: lastYear,
      kind: 'building',
      building_id: b1,
      building_path: p1,
      term_id: former,
      note: '楼道整洁、邻里和睦',
      created_by: worker,
      created_at: new Date(`${lastYear}-12-28T02:00:00Z`),
    })
    .execute();
}

export async function seedDemoStewards(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const { userIds, placeIds, tenantId, now, random } = context;
  const community = placeIds.get('610899001001');
  const b1 = placeIds.get('610899001001-1');
  const b2 = placeIds.get('610899001001-2');
  const ma = userIds.get('steward');
  const huang = userIds.get('resident');
  const worker = userIds.get('community');
  const party = userIds.get('party');
  const volunteer = userIds.get('volunteer');
  if (!community || !b1 || !b2 || !ma || !huang || !worker || !party || !volunteer) return {};
  const pathOf = async (id: string) =>
    (await trx.selectFrom('places').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  const p1 = await pathOf(b1);
  const p2 = await pathOf(b2);
  const membership = await trx
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', ma)
    .where('place_id', '=', b1)
    .where('role', '=', 'steward')
    .executeTakeFirst();

  const d: Demo = { trx, tenantId, now, community, worker };
  const { former, term } = await seedBuildingOne(d, b1, p1, { ma, huang }, membership?.id ?? null);
  const { checklists, evaluations } = await seedMonths(d, term, p1, ma);
  const opinions = await seedOpinions(d, random, term, p1);
  await seedVote(d, b2, p2, [
    [party, '在职党员，愿意为邻里服务'],
    [volunteer, '志愿者骨干，熟悉楼内住户'],
  ]);
  await seedLastYear(d, b1, p1, former);
  return { stewardTerms: 2, stewardChecklists: checklists, stewardEvaluations: evaluations, stewardOpinions: opinions };
}
