import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { registryResidentsOf } from '../platform/community/person.js';
import { closeVote, createVote, openVote, recordPaper, type VoteSpec } from '../platform/decide/votes.js';
import type { CommunityDemoContext } from './community-context.js';

// 表决 (issue 17): the demo county's records, from the fixed seed. In 和平社区, building 1 (where the
// `resident` login 黄玉兰 lives): an open secret vote on charging posts she can still vote in, with a
// few paper ballots already in; and a closed vote on the stairwell lights with its published result.

const day = 86_400_000;

export async function seedDemoVotes(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const { userIds, placeIds, tenantId, now, random } = context;
  const community = placeIds.get('610899001001');
  const building = placeIds.get('610899001001-1');
  const worker = userIds.get('community');
  const huang = userIds.get('resident');
  if (!community || !building || !worker || !huang) return {};
  const huangRecords = new Set((await registryResidentsOf(trx, huang)).map((r) => r.id));
  const base = {
    tenantId,
    communityId: community,
    scopePlaceId: building,
    subject: { kind: 'standalone', id: null },
    electorate: 'residents',
    allowPhone: true,
    allowPaper: true,
    createdBy: worker,
  } as const;

  /** Paper ballots for some electors of the roll other than 黄玉兰, as handed in at the meeting. */
  const paperBallots = async (voteId: string, share: number, at: Date, pick: (ids: string[]) => string) => {
    const roll = await trx.selectFrom('vote_electors').select('elector_id').where('vote_id', '=', voteId).execute();
    const options = (
      await trx.selectFrom('vote_options').select('id').where('vote_id', '=', voteId).orderBy('position').execute()
    ).map((o) => o.id);
    let n = 0;
    for (const e of roll.filter((e) => !huangRecords.has(e.elector_id))) {
      if (random.next() > share) continue;
      await recordPaper(trx, voteId, e.elector_id, [pick(options)], worker, at);
      n += 1;
    }
    return n;
  };

  // 进行中: 黄玉兰 can vote by phone
  const openSpec: VoteSpec = {
    ...base,
    title: '1号楼车棚加装电动车充电桩',
    description: '物业提议在1号楼车棚加装 8 个电动车充电桩，费用由公共收益列支，请各位居民表决。',
    method: 'yes_no_abstain',
    secret: true,
    quorumPercent: 50,
    majority: 'simple',
    opensAt: new Date(now.getTime() - 2 * day),
    closesAt: new Date(now.getTime() + 5 * day),
  };
  const openId = await createVote(trx, openSpec, new Date(now.getTime() - 3 * day));
  await openVote(trx, openId, worker, new Date(now.getTime() - 2 * day));
  const openPaper = await paperBallots(openId, 0.3, new Date(now.getTime() - day), (o) =>
    random.next() < 0.7 ? o[0]! : o[1 + Math.floor(random.next() * 2)]!,
  );

  // 已结束: the stairwell lights, result frozen and published
  const start = new Date(now.getTime() - 12 * day);
  const closedSpec: VoteSpec = {
    ...base,
    title: '1号楼楼道照明改造方案',
    description: '楼道灯老化，请在三个改造方案中选择一个。',
    method: 'options',
    options: [{ label: '声控感应灯' }, { label: '人体感应 LED 灯' }, { label: '维持现状仅更换灯泡' }],
    secret: true,
    quorumPercent: 30,
    majority: 'simple',
    opensAt: start,
    closesAt: new Date(now.getTime() - 4 * day),
  };
  const closedId = await createVote(trx, closedSpec, start);
  await openVote(trx, closedId, worker, start);
  const closedPaper = await paperBallots(closedId, 0.8, new Date(start.getTime() + day), (o) => {
    const x = random.next();
    return x < 0.6 ? o[1]! : x < 0.85 ? o[0]! : o[2]!;
  });
  await closeVote(trx, closedId, worker, new Date(now.getTime() - 4 * day));
  return { votes: 2, voteBallots: openPaper + closedPaper };
}
