import { sql, type Transaction } from 'kysely';
import { awardAttendance } from '../features/community/volunteers/points.js';
import { hashCheckinToken } from '../features/community/volunteers/present.js';
import { awardPoints } from '../platform/community/points.js';
import type { Database } from '../platform/db/schema.js';
import { newId, randomToken } from '../platform/ids.js';
import type { CommunityDemoContext } from './community-context.js';

// 志愿服务 · 双报到认岗 (issue 16): the demo county's records, from the fixed seed. 和平社区 and 文化社区
// hold activities across the year — those past finished with attendance, hours and points, a few
// upcoming with open places —, posts, and 冯建军 (`party`) as an in-service party member of the unit
// 县供电公司城关供电所 (made here by name if the units area has not made it), holding a post with
// confirmed months. The unit's liaison (`unit`) sees him and his colleagues.

const HEPING = '610899001001';
const WENHUA = '610899001002';
const UNIT_NAME = '县供电公司城关供电所';
const DAY = 24 * 60 * 60 * 1000;

const titles = [
  ['清理楼道小广告', '和平路 8 号各楼栋', '清理楼道、单元门口的小广告，张贴文明标语。'],
  ['为独居老人理发', '社区党群服务中心', '为辖区独居、高龄老人免费理发，可上门。'],
  ['垃圾分类宣传', '社区广场', '发放垃圾分类宣传册，指导居民分类投放。'],
  ['关爱留守儿童课后辅导', '儿童之家', '陪伴辅导小学生完成作业，开展阅读活动。'],
  ['文明交通劝导', '和平路与文化街十字', '早高峰路口文明交通劝导。'],
  ['反诈宣传进小区', '各小区门口', '讲解常见电信诈骗手法，帮助老人安装反诈 App。'],
  ['义诊测血压', '社区卫生服务站', '配合社区医生为老人测量血压、血糖。'],
  ['冬季扫雪除冰', '社区主干道', '清扫主干道和楼前积雪，撒防滑剂。'],
] as const;

const postTitles = [
  ['楼道文明劝导岗', '每周巡查所包楼栋一次，劝导楼道堆物、乱贴乱画。', 4],
  ['老人结对帮扶岗', '每月上门看望结对的独居老人不少于两次，帮忙代购、就医陪同。', 6],
  ['政策宣讲岗', '每季度在社区开展一次政策宣讲。', 3],
] as const;

async function unitOrganisation(trx: Transaction<Database>, context: CommunityDemoContext, communityId: string) {
  const find = () =>
    trx
      .selectFrom('organisations')
      .select('id')
      .where('tenant_id', '=', context.tenantId)
      .where('kind', '=', 'co_building_unit')
      .where('name', '=', UNIT_NAME)
      .executeTakeFirst();
  const found = await find();
  if (found) return found.id;
  const id = newId();
  await trx
    .insertInto('organisations')
    .values({
      id,
      tenant_id: context.tenantId,
      kind: 'co_building_unit',
      name: UNIT_NAME,
      place_id: communityId,
      contact_name: '',
      phone: '',
      created_at: context.now,
    })
    .execute();
  return id;
}

/** Registry residents of a community aged 25–55 with a phone, men first (冯建军 is one of them). */
function workingAgeResidents(trx: Transaction<Database>, communityPath: string, year: number) {
  return trx
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.phone_hash', 'r.gender'])
    .where('h.path', 'like', `${communityPath}%`)
    .where('r.status', '=', 'active')
    .where('r.phone_hash', 'is not', null)
    .where(sql<boolean>`extract(year from r.birth_date) between ${year - 55} and ${year - 25}`)
    .orderBy(sql`case when r.gender = 'male' then 0 else 1 end`)
    .orderBy('r.id')
    .limit(12)
    .execute();
}

type Community = { id: string; code: string; path: string };
type Seeding = { trx: Transaction<Database>; context: CommunityDemoContext; staff: Record<string, string | null> };

const user = (context: CommunityDemoContext, name: string) => context.userIds.get(name) ?? null;

/** 双报到: 冯建军 is the registry resident whose phone he logs in with, at the unit; three colleagues too. */
async function seedUnitMembers({ trx, context }: Seeding, heping: Community) {
  const { now, tenantId } = context;
  const unitId = await unitOrganisation(trx, context, heping.id);
  const unitUser = user(context, 'unit');
  if (unitUser)
    await trx
      .insertInto('organisation_liaisons')
      .values({ organisation_id: unitId, user_id: unitUser, tenant_id: tenantId, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  const candidates = (await workingAgeResidents(trx, heping.path, now.getUTCFullYear())).slice(0, 4);
  const party = user(context, 'party');
  if (party && candidates[0]) {
    const r = candidates[0];
    await trx
      .updateTable('residents')
      .set({ name: '冯建军', name_pinyin: 'fengjianjun', name_initials: 'fjj' })
      .where('id', '=', r.id)
      .execute();
    await trx.updateTable('users').set({ phone_hash: null }).where('phone_hash', '=', r.phone_hash).execute();
    await trx.updateTable('users').set({ phone_hash: r.phone_hash }).where('id', '=', party).execute();
  }
  for (const r of candidates)
    await trx
      .insertInto('in_service_members')
      .values({
        resident_id: r.id,
        tenant_id: tenantId,
        work_unit: UNIT_NAME,
        community_id: heping.id,
        registered_at: new Date(now.getTime() - 200 * DAY),
        organisation_id: unitId,
      })
      .onConflict((oc) =>
        oc
          .columns(['resident_id', 'tenant_id'])
          .doUpdateSet({ organisation_id: unitId, work_unit: UNIT_NAME, community_id: heping.id }),
      )
      .execute();
  return candidates;
}

/** One person's sign-up; for a past activity checked in and out with hours and points. */
async function seedSignup(
  { trx, context }: Seeding,
  a: { id: string; community_id: string; starts_at: Date; ends_at: Date; past: boolean },
  userId: string,
) {
  const signupId = newId();
  const length = (a.ends_at.getTime() - a.starts_at.getTime()) / 60000;
  const minutes = a.past ? length - 10 * context.random.int(0, 3) : 0;
  const queued = new Date(a.starts_at.getTime() - 5 * DAY);
  await trx
    .insertInto('activity_signups')
    .values({
      id: signupId,
      tenant_id: context.tenantId,
      activity_id: a.id,
      user_id: userId,
      state: 'signed_up',
      queued_at: queued,
      checked_in_at: a.past ? new Date(a.starts_at.getTime() - 5 * 60000) : null,
      checked_out_at: a.past ? new Date(a.starts_at.getTime() + minutes * 60000) : null,
      checkin_method: a.past ? 'qr' : null,
      minutes,
      created_at: queued,
      updated_at: a.past ? a.ends_at : queued,
    })
    .execute();
  if (a.past)
    await awardAttendance(
      trx,
      { tenant_id: context.tenantId, community_id: a.community_id, attend_points: null },
      { signupId, userId, minutes, by: userId },
      a.ends_at,
    );
  return a.past ? 1 : 0;
}

/** People without a phone, recorded by the staff by name. */
async function seedGuests(
  { trx, context, staff }: Seeding,
  c: Community,
  a: { id: string; starts_at: Date; ends_at: Date },
) {
  const guests = ['张秀英', '王建国', '李桂兰'].slice(0, context.random.int(1, 3));
  for (const guest of guests)
    await trx
      .insertInto('activity_signups')
      .values({
        id: newId(),
        tenant_id: context.tenantId,
        activity_id: a.id,
        user_id: null,
        guest_name: guest,
        state: 'signed_up',
        queued_at: a.starts_at,
        checked_in_at: a.starts_at,
        checked_out_at: a.ends_at,
        checkin_method: 'staff',
        minutes: (a.ends_at.getTime() - a.starts_at.getTime()) / 60000,
        recorded_by: staff[c.code] ?? null,
        created_at: a.ends_at,
        updated_at: a.ends_at,
      })
      .execute();
  return guests.length;
}

/** A community's activities across the year: past ones finished with attendance, upcoming ones open. */
async function seedActivities(seeding: Seeding, c: Community, teamId: string | null) {
  const { trx, context, staff } = seeding;
  const { now, tenantId, random } = context;
  const offsets = c.code === HEPING ? [-300, -240, -180, -120, -75, -40, -12, 3, 8, 20] : [-260, -150, -60, -20, 5, 15];
  const people = ['volunteer', 'party', 'resident', 'grid', 'steward']
    .map((name) => user(context, name))
    .filter((x): x is string => !!x);
  let attendances = 0;
  for (const [i, offset] of offsets.entries()) {
    const [title, address, description] = titles[(i + (c.code === WENHUA ? 3 : 0)) % titles.length];
    const day = new Date(now.getTime() + offset * DAY);
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 0)); // 09:00 北京时间
    const endsAt = new Date(startsAt.getTime() + (2 + (i % 2)) * 60 * 60 * 1000);
    const a = { id: newId(), community_id: c.id, starts_at: startsAt, ends_at: endsAt, past: endsAt < now };
    const token = randomToken(24);
    await trx
      .insertInto('volunteer_activities')
      .values({
        id: a.id,
        tenant_id: tenantId,
        community_id: c.id,
        place_path: c.path,
        team_id: i % 2 === 0 ? teamId : null,
        title,
        description,
        address,
        lng: null,
        lat: null,
        radius_m: null,
        starts_at: startsAt,
        ends_at: endsAt,
        capacity: 10 + (i % 3) * 5,
        signup_deadline: startsAt,
        attend_points: null,
        state: a.past ? 'finished' : 'published',
        checkin_token_hash: hashCheckinToken(token),
        checkin_token_enc: context.pii.encrypt(token),
        created_by: staff[c.code] ?? null,
        created_at: new Date(startsAt.getTime() - 10 * DAY),
        updated_at: new Date(startsAt.getTime() - 10 * DAY),
      })
      .execute();
    // The volunteer comes to most; the others now and then (in 文化社区 only the volunteer, every other time).
    const joining = people.filter((_, k) =>
      c.code === HEPING ? k === 0 || random.next() < 0.5 : k === 0 && i % 2 === 0,
    );
    for (const userId of joining) attendances += await seedSignup(seeding, a, userId);
    if (a.past) attendances += await seedGuests(seeding, c, a);
  }
  return { activities: offsets.length, attendances };
}

/** Posts of a community; 冯建军 holds one in 和平社区 with his months, the last one still to confirm. */
async function seedPosts(seeding: Seeding, c: Community, member: { id: string } | undefined) {
  const { trx, context, staff } = seeding;
  const { now, tenantId, random } = context;
  const ids: string[] = [];
  for (const [title, duty, slots] of c.code === HEPING ? postTitles : postTitles.slice(0, 2)) {
    const id = newId();
    ids.push(id);
    await trx
      .insertInto('volunteer_posts')
      .values({
        id,
        tenant_id: tenantId,
        community_id: c.id,
        place_path: c.path,
        title,
        duty,
        slots,
        created_by: staff[c.code] ?? null,
        created_at: new Date(now.getTime() - 250 * DAY),
      })
      .execute();
  }
  const party = user(context, 'party');
  if (c.code !== HEPING || !party || !member) return { posts: ids.length, months: 0 };
  const claimId = newId();
  const claimedAt = new Date(now.getTime() - 120 * DAY);
  await trx
    .insertInto('post_claims')
    .values({
      id: claimId,
      tenant_id: tenantId,
      post_id: ids[1],
      user_id: party,
      resident_id: member.id,
      claimed_at: claimedAt,
    })
    .execute();
  let months = 0;
  for (let back = 3; back >= 1; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15));
    const confirmed = back > 1;
    const recordId = newId();
    await trx
      .insertInto('post_service_records')
      .values({
        id: recordId,
        tenant_id: tenantId,
        claim_id: claimId,
        month: d.toISOString().slice(0, 7),
        minutes: 60 * random.int(3, 6),
        note: '上门看望结对老人，代购生活用品',
        confirmed_by: confirmed ? staff[HEPING] : null,
        confirmed_at: confirmed ? d : null,
        created_at: d,
      })
      .execute();
    if (confirmed)
      await awardPoints(
        trx,
        {
          tenantId,
          holder: { userId: party },
          communityId: c.id,
          rule: 'post_claimed',
          source: { kind: 'post_service_record', id: recordId },
          createdBy: staff[HEPING],
        },
        d,
      );
    months++;
  }
  return { posts: ids.length, months };
}

export async function seedDemoVolunteers(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const communities = await trx
    .selectFrom('places')
    .select(['id', 'code', 'path'])
    .where('code', 'in', [HEPING, WENHUA])
    .orderBy('code')
    .execute();
  const heping = communities.find((c) => c.code === HEPING);
  if (!heping) return {};
  const seeding: Seeding = {
    trx,
    context,
    staff: { [HEPING]: user(context, 'community'), [WENHUA]: user(context, 'community2') },
  };
  const team = await trx
    .selectFrom('volunteer_teams')
    .select('id')
    .where('place_id', '=', heping.id)
    .executeTakeFirst();
  const members = await seedUnitMembers(seeding, heping);
  const totals = { volunteerActivities: 0, activityAttendances: 0, volunteerPosts: 0, postMonths: 0 };
  for (const c of communities) {
    const a = await seedActivities(seeding, c, c.code === HEPING ? (team?.id ?? null) : null);
    const p = await seedPosts(seeding, c, members[0]);
    totals.volunteerActivities += a.activities;
    totals.activityAttendances += a.attendances;
    totals.volunteerPosts += p.posts;
    totals.postMonths += p.months;
  }
  return { ...totals, inServiceMembers: members.length };
}
