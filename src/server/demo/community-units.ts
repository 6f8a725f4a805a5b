import type { Transaction } from 'kysely';
import { chinaDay } from '../../shared/hall.js';
import type { UnitListCode } from '../../shared/community-units.js';
import { awardPoints } from '../platform/community/points.js';
import type { Database } from '../platform/db/schema.js';
import type { UnitEntryState } from '../platform/db/schema-units.js';
import { newId } from '../platform/ids.js';
import type { CommunityDemoContext } from './community-context.js';

// 共驻共建 · 一书四单 (issue 16): co-building units registered with the demo communities, this year's
// agreements and four lists with entries in every state, and the points the confirmed ones earned.
// 县供电公司城关供电所 (liaison `unit`) is made by name if absent, so the volunteers' demo, which links
// the party member to it, works in either order.

const units: { community: string; name: string; contact: string; liaison?: string }[] = [
  { community: '610899001001', name: '县供电公司城关供电所', contact: '杜志刚', liaison: 'unit' },
  { community: '610899001001', name: '县自来水公司城关营业所', contact: '刘海波' },
  { community: '610899001001', name: '县人民医院', contact: '孙丽' },
  { community: '610899001001', name: '县第一小学', contact: '周建平' },
  { community: '610899001002', name: '县图书馆', contact: '吴敏' },
  { community: '610899001002', name: '县邮政分公司城关营业部', contact: '郭强' },
  { community: '610899001003', name: '县农商银行城关支行', contact: '陈静' },
];

const entryTitles: Record<UnitListCode, string[]> = {
  needs: ['老旧小区楼道照明改造', '为独居老人安装烟感报警器', '社区活动室添置桌椅', '暑期青少年托管志愿者'],
  resources: ['开放单位会议室供居民议事', '提供职工食堂助餐窗口', '捐赠图书 200 册', '提供义诊场地和设备'],
  projects: ['“电亮万家”上门安全用电检查', '“健康进社区”季度义诊', '“小手拉大手”垃圾分类课堂', '“银龄助学”读书会'],
  responsibilities: ['门前三包责任区保洁', '在职党员到社区报到服务', '参与社区文明创建评比', '协助疫情防控和应急演练'],
};
const lists: UnitListCode[] = ['needs', 'resources', 'projects', 'responsibilities'];

type Trx = Transaction<Database>;
type UnitSpec = (typeof units)[number];

/** The unit by name at its community, made if absent; its liaison linked. */
async function ensureUnit(trx: Trx, context: CommunityDemoContext, unit: UnitSpec, placeId: string) {
  const found = await trx
    .selectFrom('organisations')
    .select('id')
    .where('place_id', '=', placeId)
    .where('kind', '=', 'co_building_unit')
    .where('name', '=', unit.name)
    .executeTakeFirst();
  const organisationId = found?.id ?? newId();
  if (!found)
    await trx
      .insertInto('organisations')
      .values({
        id: organisationId,
        tenant_id: context.tenantId,
        kind: 'co_building_unit',
        name: unit.name,
        place_id: placeId,
        contact_name: unit.contact,
        phone: `0912-${context.random.int(3000000, 3999999)}`,
        created_at: context.now,
      })
      .execute();
  const liaisonId = unit.liaison ? context.userIds.get(unit.liaison) : undefined;
  if (liaisonId)
    await trx
      .insertInto('organisation_liaisons')
      .values({
        organisation_id: organisationId,
        user_id: liaisonId,
        tenant_id: context.tenantId,
        created_at: context.now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  return { organisationId, liaisonId: liaisonId ?? null };
}

/** Past entries are mostly confirmed, some returned or waiting; future ones open (a few done early). */
function stateFor(roll: number, past: boolean): UnitEntryState {
  if (!past) return roll < 0.15 ? 'submitted' : 'open';
  if (roll < 0.65) return 'confirmed';
  if (roll < 0.8) return 'submitted';
  return roll < 0.9 ? 'returned' : 'open';
}

/** When the liaison reported it (`daysEarly` before the due day, never after now) and the community decided. */
function reportedAt(dueOn: string, now: Date, daysEarly: number) {
  const day = dueOn < chinaDay(now) ? dueOn : chinaDay(now);
  const reported = new Date(new Date(`${day}T10:00:00+08:00`).getTime() - daysEarly * 86_400_000);
  const submitted = reported > now ? new Date(now.getTime() - 86_400_000) : reported;
  return { submitted, decidedAt: new Date(Math.min(submitted.getTime() + 3 * 86_400_000, now.getTime())) };
}

interface AgreementRef {
  agreementId: string;
  organisationId: string;
  liaisonId: string | null;
  placeId: string;
  path: string;
  staff: string | null;
  unitName: string;
}

/** One entry of a list in a state, with its points when confirmed; the points credited. */
async function seedEntry(
  trx: Trx,
  context: CommunityDemoContext,
  a: AgreementRef,
  entry: { list: UnitListCode; title: string; dueOn: string },
) {
  const { random, now, tenantId } = context;
  const score = random.pick([5, 10, 10, 15, 20, 30]);
  const roll = random.next();
  const state = stateFor(roll, entry.dueOn < chinaDay(now));
  const { submitted, decidedAt } = reportedAt(entry.dueOn, now, random.int(1, 12) - (roll < 0.1 ? 20 : 0));
  const created = new Date(`${entry.dueOn.slice(0, 4)}-01-08T09:00:00+08:00`);
  const acted = state !== 'open';
  const decided = state === 'confirmed' || state === 'returned';
  const id = newId();
  await trx
    .insertInto('unit_entries')
    .values({
      id,
      tenant_id: tenantId,
      agreement_id: a.agreementId,
      organisation_id: a.organisationId,
      community_id: a.placeId,
      place_path: a.path,
      list: entry.list,
      title: entry.title,
      description: `${a.unitName}承诺：${entry.title}。`,
      due_on: entry.dueOn,
      score,
      state,
      fulfilment_note: acted ? `已按协议完成“${entry.title}”，附现场记录。` : '',
      submitted_by: acted ? a.liaisonId : null,
      submitted_at: acted ? submitted : null,
      return_reason: state === 'returned' ? '请补充活动现场照片和参与人数' : '',
      decided_by: decided ? a.staff : null,
      decided_at: decided ? decidedAt : null,
      points_awarded: state === 'confirmed' ? score : 0,
      created_by: a.staff,
      created_at: created,
      updated_at: acted ? decidedAt : created,
    })
    .execute();
  if (state !== 'confirmed') return 0;
  const credited = await awardPoints(
    trx,
    {
      tenantId,
      holder: { organisationId: a.organisationId },
      communityId: a.placeId,
      rule: 'unit_entry',
      source: { kind: 'unit_entry', id },
      points: score,
      note: entry.title,
      createdBy: a.staff,
    },
    decidedAt,
  );
  return credited?.points ?? 0;
}

/** This year's signed agreement of a unit and its four lists; entries and points made. */
async function seedAgreement(trx: Trx, context: CommunityDemoContext, u: number, unit: UnitSpec, placeId: string) {
  const { random, tenantId } = context;
  const year = Number(chinaDay(context.now).slice(0, 4));
  const path = (await trx.selectFrom('places').select('path').where('id', '=', placeId).executeTakeFirstOrThrow()).path;
  const { organisationId, liaisonId } = await ensureUnit(trx, context, unit, placeId);
  const staff = context.userIds.get(unit.community === '610899001002' ? 'community2' : 'community') ?? null;
  const agreementId = newId();
  const created = new Date(`${year}-01-08T09:00:00+08:00`);
  await trx
    .insertInto('unit_agreements')
    .values({
      id: agreementId,
      tenant_id: tenantId,
      organisation_id: organisationId,
      community_id: placeId,
      place_path: path,
      year,
      state: 'signed',
      signed_on: `${year}-01-${String(10 + u).padStart(2, '0')}`,
      term_start: `${year}-01-01`,
      term_end: `${year}-12-31`,
      note: '一书四单：需求清单、资源清单、项目清单、责任清单',
      created_by: staff,
      created_at: created,
      updated_at: created,
    })
    .execute();
  const ref: AgreementRef = { agreementId, organisationId, liaisonId, placeId, path, staff, unitName: unit.name };
  let entries = 0;
  let points = 0;
  for (const [l, list] of lists.entries())
    for (let i = 0, count = random.int(2, 3); i < count; i++) {
      const month = ((u + l * 3 + i * 4) % 12) + 1;
      const title = entryTitles[list][(i + u) % entryTitles[list].length];
      points += await seedEntry(trx, context, ref, {
        list,
        title,
        dueOn: `${year}-${String(month).padStart(2, '0')}-28`,
      });
      entries++;
    }
  return { entries, points };
}

/** 物业与业委会: the property company and owners' committee of 和平社区 serve its first buildings. */
async function seedServices(trx: Trx, context: CommunityDemoContext) {
  const heping = context.placeIds.get('610899001001');
  if (!heping) return;
  const year = Number(chinaDay(context.now).slice(0, 4));
  const path = (await trx.selectFrom('places').select('path').where('id', '=', heping).executeTakeFirstOrThrow()).path;
  const buildings = await trx
    .selectFrom('places')
    .select('id')
    .where('kind', '=', 'building')
    .where('path', 'like', `${path}%`)
    .orderBy('code')
    .limit(6)
    .execute();
  const served = await trx
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('place_id', '=', heping)
    .where('kind', 'in', ['property_company', 'owners_committee'])
    .execute();
  for (const org of served) {
    const property = org.kind === 'property_company';
    await trx
      .insertInto('organisation_services')
      .values({
        organisation_id: org.id,
        tenant_id: context.tenantId,
        term_start: property ? `${year - 1}-07-01` : `${year - 1}-03-01`,
        term_end: property ? `${year + 2}-06-30` : `${year + 2}-02-28`,
        building_ids: buildings.map((b) => b.id),
        note: property ? '物业服务合同期三年' : '第二届业主委员会',
        updated_by: context.userIds.get('community') ?? null,
        updated_at: context.now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function seedDemoUnits(trx: Trx, context: CommunityDemoContext) {
  let agreements = 0;
  let entries = 0;
  let points = 0;
  for (const [u, unit] of units.entries()) {
    const placeId = context.placeIds.get(unit.community);
    if (!placeId) continue;
    const made = await seedAgreement(trx, context, u, unit, placeId);
    agreements++;
    entries += made.entries;
    points += made.points;
  }
  await seedServices(trx, context);
  return { unitAgreements: agreements, unitEntries: entries, unitPoints: points };
}
