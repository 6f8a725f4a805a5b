import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { CommunityDemoContext } from './community-context.js';

// 百姓监督员 (issue 17): the demo county's records, from the fixed seed. In 和平社区: the old-estate
// renovation under way with two elected supervisors — 田秀英 (the `supervisor` login, whose
// membership the term holds) and 冯志远 — a few inspection logs and one issue waiting for the community;
// and a second project (加装电梯) in its public call with two applications.

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

// TODO(supervisors): split into the renovation and the call (one long seeding function for now).
// eslint-disable-next-line max-lines-per-function
export async function seedDemoSupervisors(
  trx: Transaction<Database>,
  { userIds, placeIds, tenantId, now }: CommunityDemoContext,
): Promise<Record<string, number>> {
  const communityId = placeIds.get('610899001001');
  const worker = userIds.get('community');
  const supervisor = userIds.get('supervisor');
  if (!communityId || !worker || !supervisor) return {};
  const community = await trx
    .selectFrom('places')
    .select(['path'])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const membership = await trx
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', supervisor)
    .where('role', '=', 'supervisor')
    .executeTakeFirst();
  // The second supervisor: a resident with a user of their own (same demo password, not on the login list).
  const passwordHash = (
    await trx.selectFrom('users').select('password_hash').where('id', '=', supervisor).executeTakeFirstOrThrow()
  ).password_hash;
  const second = newId();
  await trx
    .insertInto('users')
    .values({
      id: second,
      tenant_id: tenantId,
      username: 'supervisor2',
      display_name: '冯志远',
      password_hash: passwordHash,
      password_changed_at: daysBefore(now, 60),
      last_login_at: null,
      created_at: daysBefore(now, 60),
      phone_enc: null,
      phone_masked: null,
      phone_hash: null,
    })
    .execute();
  const secondMembership = newId();
  await trx
    .insertInto('memberships')
    .values({
      id: secondMembership,
      tenant_id: tenantId,
      user_id: second,
      role: 'supervisor',
      place_id: communityId,
      department_id: null,
      created_at: daysBefore(now, 40),
    })
    .execute();

  const base = {
    tenant_id: tenantId,
    community_id: communityId,
    place_id: communityId,
    place_path: community.path,
    created_by: worker,
  };
  const renovation = newId();
  await trx
    .insertInto('supervision_projects')
    .values({
      ...base,
      id: renovation,
      title: '和平小区老旧小区改造',
      description: '外墙保温、雨污分流、屋面防水、楼道亮化，计划工期五个月。',
      duties: '每周至少巡查一次，记录施工进度、质量和安全；收集居民意见，现场协调施工扰民等矛盾。',
      seats: 2,
      state: 'active',
      vote_id: null,
      created_at: daysBefore(now, 70),
      updated_at: daysBefore(now, 40),
      ended_at: null,
    })
    .execute();
  const people = [
    {
      userId: supervisor,
      name: '田秀英',
      membership: membership?.id ?? null,
      statement: '退休前在建筑公司做质检三十年，愿为小区改造把好质量关。',
    },
    {
      userId: second,
      name: '冯志远',
      membership: secondMembership,
      statement: '在小区住了二十年，熟悉各楼情况，晚上和周末都有时间。',
    },
  ];
  const terms: string[] = [];
  for (const p of people) {
    const candidate = newId();
    await trx
      .insertInto('supervision_candidates')
      .values({
        id: candidate,
        tenant_id: tenantId,
        project_id: renovation,
        user_id: p.userId,
        name: p.name,
        statement: p.statement,
        source: 'self',
        state: 'elected',
        decided_by: worker,
        decided_at: daysBefore(now, 40),
        created_by: p.userId,
        created_at: daysBefore(now, 60),
      })
      .execute();
    const term = newId();
    terms.push(term);
    await trx
      .insertInto('supervision_terms')
      .values({
        id: term,
        tenant_id: tenantId,
        project_id: renovation,
        user_id: p.userId,
        name: p.name,
        candidate_id: candidate,
        origin: 'appointed',
        vote_id: null,
        appoint_reason: '居民代表会议现场投票选出（纸质记录存档）',
        membership_id: p.membership,
        state: 'active',
        started_at: daysBefore(now, 40),
        ended_at: null,
        created_by: worker,
        ended_by: null,
      })
      .execute();
  }
  const logs = [
    {
      term: 0,
      days: 30,
      kind: 'progress' as const,
      rating: 4,
      body: '1号楼、2号楼脚手架搭设完成，外墙旧涂层开始铲除。',
    },
    {
      term: 1,
      days: 21,
      kind: 'safety' as const,
      rating: 3,
      body: '3号楼北侧施工区围挡有一段缺口，已提醒现场负责人当天补上。',
    },
    {
      term: 0,
      days: 12,
      kind: 'quality' as const,
      rating: 4,
      body: '抽看2号楼保温板，厚度与设计一致，锚栓数量符合要求。',
    },
    {
      term: 1,
      days: 4,
      kind: 'progress' as const,
      rating: 5,
      body: '雨污分流主管铺设完成，路面已恢复，居民出行不受影响。',
    },
  ];
  for (const l of logs)
    await trx
      .insertInto('supervision_logs')
      .values({
        id: newId(),
        tenant_id: tenantId,
        project_id: renovation,
        term_id: terms[l.term],
        kind: l.kind,
        body: l.body,
        rating: l.rating,
        lng: null,
        lat: null,
        created_at: daysBefore(now, l.days),
      })
      .execute();
  // One issue still waiting for the community (转为事件 or 吹哨): no demo case is about this noise —
  // linking the newest case of the community tied it to an unrelated case (and 转为议题's case).
  await trx
    .insertInto('supervision_issues')
    .values({
      id: newId(),
      tenant_id: tenantId,
      project_id: renovation,
      term_id: terms[0],
      body: '施工队晚上十点后仍在切割保温板，噪音很大，多位老人反映睡不好。',
      state: 'raised',
      case_id: null,
      whistle_id: null,
      handled_by: null,
      handled_at: null,
      created_at: daysBefore(now, 9),
    })
    .execute();

  // The second project, in its public call.
  const elevator = newId();
  await trx
    .insertInto('supervision_projects')
    .values({
      ...base,
      id: elevator,
      title: '老旧住宅加装电梯',
      description: '1号楼、2号楼各加装一部电梯，现公开招募百姓监督员。',
      duties: '监督加装电梯的施工安全和进度，参与竣工验收，向居民公开情况。',
      seats: 3,
      state: 'calling',
      vote_id: null,
      created_at: daysBefore(now, 6),
      updated_at: daysBefore(now, 6),
      ended_at: null,
    })
    .execute();
  await trx
    .insertInto('supervision_candidates')
    .values({
      id: newId(),
      tenant_id: tenantId,
      project_id: elevator,
      user_id: second,
      name: '冯志远',
      statement: '家住1号楼六层，最盼着装电梯，也愿意盯好施工安全。',
      source: 'self',
      state: 'accepted',
      decided_by: worker,
      decided_at: daysBefore(now, 3),
      created_by: second,
      created_at: daysBefore(now, 5),
    })
    .execute();
  return { supervisionProjects: 2, supervisionLogs: logs.length };
}
