import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { AssistVisitsTable } from '../platform/db/schema-assistance.js';
import { assistKinds, type AssistKind, type AssistMode } from '../../shared/assistance.js';
import { shanghaiDate } from '../platform/deadlines.js';
import { newId } from '../platform/ids.js';
import { isUnder } from '../platform/scope.js';
import type { Random } from './random.js';

// 救助顾问: every demo community has its adviser team (社区救助顾问服务团) — its community worker leads,
// its grid workers serve, and in 和平社区 the demo volunteer (郑小红) too — and every resident carrying a
// hardship tag is in its care with a lead adviser. A few months of contacts, most every few weeks; some
// people have gone longer than the 30 days, so the list shows them overdue and the reminder has work.

const DAY = 86_400_000;
const SPAN_DAYS = 120;

const notes: Record<AssistKind, string[]> = {
  policy: ['讲解最低生活保障年度复核政策，核对了家庭收入情况。', '宣传临时救助和医疗救助政策，留下了社区电话。'],
  errand: ['代为办理高龄津贴申请，材料已收齐交社区窗口。', '帮助缴纳城乡居民医保，回执已交本人。'],
  pairing: ['结对志愿者上门陪伴聊天，帮助打扫卫生。', '结对帮扶：每周上门一次，这次帮忙买了米面。'],
  resources: ['联系爱心企业送来冬季取暖煤，已送到家。', '对接社区助餐点，老人可每天中午就餐。'],
  counselling: ['老人情绪低落，陪伴谈心一小时，约定下周再来。', '家属照护压力大，进行了心理疏导并介绍喘息服务。'],
  integration: ['邀请参加社区重阳节活动，老人很高兴。', '鼓励参加社区手工兴趣小组，已报名。'],
};

interface Team {
  id: string;
  communityId: string;
  members: string[];
}

async function formTeams(trx: Transaction<Database>, context: { userIds: Map<string, string>; now: Date }) {
  const staff = await trx
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['m.user_id', 'm.role', 'p.path'])
    .where('m.role', 'in', ['community_worker', 'grid_worker', 'volunteer'])
    .orderBy('m.user_id')
    .execute();
  const communities = await trx
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path', 'tenant_id'])
    .where('kind', '=', 'community')
    .orderBy('code')
    .execute();
  const teams = new Map<string, Team>();
  const rows: Insertable<Database['assist_team_members']>[] = [];
  for (const c of communities) {
    const here = staff.filter((s) => isUnder(s.path, c.path));
    const leader = here.find((s) => s.role === 'community_worker');
    if (!leader) continue;
    const team: Team = { id: newId(), communityId: c.id, members: [] };
    await trx
      .insertInto('assist_teams')
      .values({
        id: team.id,
        tenant_id: c.tenant_id!,
        community_id: c.id,
        name: `${c.name}救助顾问服务团`,
        leader_user_id: leader.user_id,
        phone: '',
        created_at: context.now,
        updated_at: context.now,
      })
      .execute();
    for (const s of here) {
      if (team.members.includes(s.user_id)) continue;
      team.members.push(s.user_id);
      const kind =
        s.role === 'volunteer' ? 'volunteer' : s.role === 'grid_worker' ? 'social_worker' : 'community_worker';
      rows.push({ team_id: team.id, user_id: s.user_id, tenant_id: c.tenant_id!, kind, created_at: context.now });
    }
    teams.set(c.code, team);
  }
  if (rows.length) await trx.insertInto('assist_team_members').values(rows).execute();
  return teams;
}

/** Days ago of one person's contacts: every 10–35 days, the last 1–50 days ago (over 30: overdue). */
function contactDays(random: Random): number[] {
  const days: number[] = [];
  for (
    let ago = random.next() < 0.2 ? random.int(31, 50) : random.int(1, 28);
    ago < SPAN_DAYS;
    ago += random.int(10, 35)
  )
    days.push(ago);
  return days;
}

export async function seedDemoAssistance(
  trx: Transaction<Database>,
  random: Random,
  context: { userIds: Map<string, string>; now: Date },
) {
  const teams = await formTeams(trx, context);
  const hardship = (await trx.selectFrom('resident_tags').select('code').where('hardship', '=', true).execute()).map(
    (t) => t.code,
  );
  const people = (
    await trx
      .selectFrom('residents as r')
      .innerJoin('places as h', 'h.id', 'r.household_id')
      .select(['r.id', 'r.tenant_id', 'r.tags', 'h.code', 'h.path'])
      .where('r.status', '=', 'active')
      .orderBy('r.id')
      .execute()
  ).filter((p) => p.tags.some((t) => hardship.includes(t)));
  const volunteer = context.userIds.get('volunteer');
  const visits: Insertable<AssistVisitsTable>[] = [];
  const assignments: Insertable<Database['assist_assignments']>[] = [];
  for (const p of people) {
    const team = teams.get(p.code.split('-')[0]!);
    if (!team) continue;
    // In 和平社区 the demo volunteer leads every other person, so her phone list has people in it.
    const lead =
      volunteer && team.members.includes(volunteer) && random.next() < 0.5 ? volunteer : random.pick(team.members);
    const assignedAt = new Date(context.now.getTime() - SPAN_DAYS * DAY);
    assignments.push({
      resident_id: p.id,
      tenant_id: p.tenant_id,
      team_id: team.id,
      lead_user_id: lead,
      assigned_by: null,
      assigned_at: assignedAt,
      updated_at: assignedAt,
    });
    for (const ago of contactDays(random)) {
      const kinds = [
        ...new Set([random.pick(assistKinds), ...(random.next() < 0.4 ? [random.pick(assistKinds)] : [])]),
      ];
      const mode: AssistMode = random.next() < 0.6 ? 'visit' : random.next() < 0.7 ? 'phone' : 'office';
      const at = new Date(context.now.getTime() - ago * DAY);
      visits.push({
        id: newId(),
        tenant_id: p.tenant_id,
        resident_id: p.id,
        team_id: team.id,
        place_path: p.path,
        adviser_id: random.next() < 0.7 ? lead : random.pick(team.members),
        mode,
        kinds,
        note: kinds.map((k) => random.pick(notes[k])).join(''),
        visited_on: shanghaiDate(at.getTime()),
        application_id: null,
        created_at: at,
      });
    }
  }
  for (let i = 0; i < assignments.length; i += 500)
    await trx
      .insertInto('assist_assignments')
      .values(assignments.slice(i, i + 500))
      .execute();
  for (let i = 0; i < visits.length; i += 500)
    await trx
      .insertInto('assist_visits')
      .values(visits.slice(i, i + 500))
      .execute();
  return { adviserTeams: teams.size, peopleInHardship: assignments.length, adviserVisits: visits.length };
}
