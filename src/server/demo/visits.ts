import type { Insertable, Transaction } from 'kysely';
import type { Database, GeoJsonPolygon, VisitLogsTable } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { pointNear } from './points.js';
import type { Random } from './random.js';

// Three months of 民情日记: each grid worker calls on the households of their grid — those that need
// visiting (独居老人, 低保户 …) about once a month, the others now and then — and writes down what
// they found, now and then a need to follow up. Fictional, from the fixed seed.

const DAY = 86_400_000;
const SPAN_DAYS = 100;

/** What a visit finds, by the household's situation; `needs` are the visits that found something to do. */
const notes: Record<string, { usual: string[]; needs: string[] }> = {
  elderly_alone: {
    usual: [
      '看望独居的{h}，身体还算硬朗，屋里收拾得干净，叮嘱注意防滑、按时吃药。',
      '{h}一个人在家，精神不错，聊了家常，留了网格员电话，有事随时打。',
      '给{h}测了血压，稍偏高，提醒少吃咸、按时服药，已告知子女。',
    ],
    needs: [
      '{h}腿脚不便，买菜做饭困难。需求：希望参加社区助餐，已登记并报社区。',
      '{h}家水龙头漏水，自己修不了。需求：上门维修，已联系志愿服务队。',
      '{h}反映晚上起夜楼道太黑。需求：楼道加装感应灯，已报物业。',
    ],
  },
  elderly: {
    usual: [
      '走访高龄老人{h}，子女照顾周到，身体状况稳定。',
      '给{h}送去高龄津贴政策说明，津贴已按月到账。',
      '{h}在家休息，家人在旁照看，叮嘱天冷注意保暖。',
    ],
    needs: [
      '{h}行动不便，需求：申请居家养老上门服务，已帮助填写申请。',
      '{h}家属反映老人想办老年证。需求：代办老年证，已收齐材料。',
    ],
  },
  disabled: {
    usual: ['走访残疾人家庭，了解{h}家两项补贴发放情况，均已按时到账。', '{h}家情况稳定，宣传残疾人就业扶持政策。'],
    needs: [
      '{h}家残疾人的轮椅坏了。需求：申请辅具适配，已告知到社区办理。',
      '{h}家反映单元门口台阶太高。需求：加装无障碍坡道，已上报社区。',
    ],
  },
  subsistence: {
    usual: ['低保户年度核查，{h}家收入和人口无变化。', '走访{h}家，了解生活近况，临时困难已缓解。'],
    needs: [
      '{h}家孩子上学费用紧张。需求：咨询教育救助，已讲解政策并帮助准备材料。',
      '{h}家冬季取暖困难。需求：申请临时救助，已报社区民政专干。',
    ],
  },
  left_behind_child: {
    usual: [
      '走访留守儿童家庭，孩子由{h}照看，学习生活正常。',
      '了解留守儿童近况，{h}说孩子每周和在外务工的亲人视频，学习还跟得上。',
    ],
    needs: ['孩子放学后无人看护，{h}很着急。需求：参加社区四点半课堂，已帮助报名。'],
  },
  key_care: {
    usual: ['重点关爱对象回访，{h}情绪平稳，家属配合。', '与{h}家属沟通近况，情况稳定，继续每月走访。'],
    needs: ['{h}家属反映近期情绪波动。需求：心理疏导，已联系社区社工跟进。'],
  },
  serious_illness: {
    usual: ['{h}家有大病患者，了解治疗和医保报销情况，进展顺利。', '看望正在康复的{h}，家属照顾到位。'],
    needs: ['{h}家治疗费用负担重。需求：申请大病救助，已指导准备材料。'],
  },
  ordinary: {
    usual: [
      '入户走访，{h}家情况正常，核对常住人口信息无变化。',
      '向{h}宣传反诈知识，发放宣传资料，提醒不接陌生来电转账。',
      '宣传燃气安全和电动车不进楼道，{h}表示支持。',
      '了解{h}对小区环境的意见，总体满意。',
    ],
    needs: [
      '{h}反映楼道灯不亮。需求：维修楼道灯，已报物业。',
      '{h}反映小区门口乱停车。需求：规范停车，已向社区反映。',
      '{h}家想给孩子办理居住证明。需求：开具证明，已告知所需材料。',
    ],
  },
};
const nobodyHome = ['家中无人，已在门上留联系卡。', '敲门无人应答，向邻居了解，这户平时在外地工作。'];

export async function seedDemoVisits(trx: Transaction<Database>, random: Random, now: Date) {
  const workers = await trx
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .innerJoin('grids as g', 'g.place_id', 'p.id')
    .select(['m.user_id', 'p.id as grid_id', 'g.boundary'])
    .where('m.role', '=', 'grid_worker')
    .orderBy('p.code')
    .execute();
  const households = await trx
    .selectFrom('households as hh')
    .innerJoin('places as h', 'h.id', 'hh.place_id')
    .innerJoin('places as u', 'u.id', 'h.parent_id')
    .innerJoin('places as b', 'b.id', 'u.parent_id')
    .innerJoin('buildings as bd', 'bd.place_id', 'b.id')
    .select(['h.id', 'h.tenant_id', 'b.parent_id as grid_id', 'bd.lng', 'bd.lat'])
    .where('h.status', '=', 'active')
    .orderBy('h.code')
    .execute();
  const residents = await trx
    .selectFrom('residents')
    .select(['household_id', 'name', 'gender', 'birth_date', 'relation', 'tags'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const needsVisit = (
    await trx.selectFrom('resident_tags').select('code').where('needs_visit', '=', true).orderBy('sort').execute()
  ).map((t) => t.code);
  const membersOf = new Map<string, typeof residents>();
  for (const r of residents) membersOf.set(r.household_id, [...(membersOf.get(r.household_id) ?? []), r]);

  const rows: Insertable<VisitLogsTable>[] = [];
  for (const worker of workers) {
    const grid = worker.boundary as GeoJsonPolygon;
    for (const household of households.filter((h) => h.grid_id === worker.grid_id)) {
      const members = membersOf.get(household.id) ?? [];
      const tags = new Set(members.flatMap((m) => m.tags));
      const needy = needsVisit.some((t) => tags.has(t));
      const situation = needsVisit.find((t) => tags.has(t) && notes[t]) ?? 'ordinary';
      const days = visitDays(random, needy, members.length);
      const head = members.find((m) => m.relation === 'head') ?? members[0];
      for (const ago of days) {
        const content = !head
          ? random.pick(nobodyHome)
          : random
              .pick(random.next() < 0.2 ? notes[situation].needs : notes[situation].usual)
              .replaceAll('{h}', honorific(head, now));
        const visitedAt = workingTime(random, now, ago);
        const [lng, lat] = pointNear(random, grid, [household.lng, household.lat], 8);
        rows.push({
          id: newId(),
          tenant_id: household.tenant_id!,
          household_id: household.id,
          author_id: worker.user_id,
          content,
          lng,
          lat,
          photo_ids: [],
          visited_at: visitedAt,
          created_at: visitedAt,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('visit_logs')
      .values(rows.slice(i, i + 500))
      .execute();
  return { visits: rows.length };
}

/** Days ago of one household's visits. Households that need visiting: the last within a month, one every three to five weeks before. */
function visitDays(random: Random, needy: boolean, memberCount: number): number[] {
  const days: number[] = [];
  if (needy) {
    for (let ago = random.int(1, 30); ago < SPAN_DAYS; ago += random.int(21, 35)) days.push(ago);
  } else if (random.next() < (memberCount ? 0.5 : 0.15)) {
    days.push(random.int(1, SPAN_DAYS));
    if (random.next() < 0.2) days.push(random.int(1, SPAN_DAYS));
  }
  return days;
}

/** How a grid worker writes the head of the household: 王大爷, 李阿姨, 张先生 — never the full name. */
function honorific(r: { name: string; gender: string | null; birth_date: string | Date | null }, now: Date): string {
  const age = r.birth_date ? now.getUTCFullYear() - new Date(r.birth_date).getUTCFullYear() : 50;
  const male = r.gender === 'male';
  return r.name[0] + (age >= 60 ? (male ? '大爷' : '阿姨') : male ? '先生' : '女士');
}

/** `ago` days before now, on a weekday between 9:00 and 17:30 Beijing time, never in the future. */
function workingTime(random: Random, now: Date, ago: number): Date {
  const day = new Date(now.getTime() - ago * DAY);
  const weekday = new Date(day.getTime() + 8 * 3_600_000).getUTCDay();
  if (weekday === 0 || weekday === 6) day.setTime(day.getTime() - (weekday === 6 ? 1 : 2) * DAY);
  const shanghaiMidnight = Math.floor((day.getTime() + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  const at = new Date(shanghaiMidnight + (9 * 60 + random.int(0, 510)) * 60_000);
  return at > now ? new Date(now.getTime() - random.int(10, 120) * 60_000) : at;
}
