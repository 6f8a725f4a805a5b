import type { Transaction } from 'kysely';
import { maskPhone } from '../../shared/identity.js';
import { shanghaiDate } from '../platform/deadlines.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { PiiCipher } from '../platform/pii.js';
import { personName } from './names.js';
import type { Random } from './random.js';
import { isUnder } from '../platform/scope.js';

// Half a year of the dispute ledger (矛盾纠纷台账): what the monthly screenings find in each
// community, most of it settled by mediation, some still open, a few high-risk ones handed over —
// so the ledger and the 两排查一分析 report have something to show on a fresh demo.

const kinds = [
  {
    type: 'neighbour',
    weight: 5,
    texts: ['楼上漏水泡坏楼下墙面，赔偿协商不成', '邻居在楼道堆放杂物，多次沟通无果', '楼上夜间噪音扰民，双方发生口角'],
  },
  {
    type: 'family',
    weight: 3,
    texts: ['老人赡养费用分担，兄妹意见不一', '夫妻因家务琐事多次争吵，女方回娘家', '父母房屋继承份额，兄弟之间有争议'],
  },
  {
    type: 'property',
    weight: 3,
    texts: ['业主认为物业服务差，拒交物业费', '小区停车位分配，业主与物业有争议', '电梯维修资金使用，业主意见分歧'],
  },
  { type: 'labour', weight: 1, texts: ['装修工人被拖欠工资两个月', '保洁员被辞退，要求补偿'] },
  { type: 'consumer', weight: 1, texts: ['小区门口健身房关门，预付卡无法退款', '家电维修收费过高，双方争执'] },
  { type: 'other', weight: 1, texts: ['广场舞场地使用，两支队伍发生争执'] },
] as const;
const sources = ['regular_screening', 'regular_screening', 'focused_screening', 'walk_in'] as const;
const mediators = ['吴桂兰', '人民调解员周凤英', '人民调解员马建军'];
type DisputeStatus = Database['disputes']['status'];
type LedgerEvent = { kind: string; note: string; actor_name: string; at: Date };

export async function seedDemoDisputes(trx: Transaction<Database>, random: Random, pii: PiiCipher, now: Date) {
  const communities = await trx
    .selectFrom('places')
    .select(['id', 'path', 'tenant_id', 'name'])
    .where('kind', '=', 'community')
    .orderBy('code')
    .execute();
  const gridWorkers = await trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['u.display_name', 'p.path'])
    .where('m.role', '=', 'grid_worker')
    .orderBy('p.code')
    .execute();
  const weighted = kinds.flatMap((k) => Array.from({ length: k.weight }, () => k));
  let disputes = 0;
  for (const community of communities) {
    const count = random.int(2, 5);
    for (let i = 0; i < count; i++) {
      const kind = random.pick(weighted);
      const createdAt = new Date(
        now.getTime() - random.int(1, random.next() < 0.25 ? 13 : 180) * 86_400_000 - random.int(0, 8) * 3_600_000,
      );
      const risk = random.next() < 0.15 ? 'high' : random.next() < 0.4 ? 'medium' : 'low';
      const roll = random.next();
      // A dispute of the last fortnight is still being worked on; older ones mostly ended.
      const recent = now.getTime() - createdAt.getTime() < 14 * 86_400_000;
      const status = statusOf(recent, risk, roll);
      const id = newId();
      const day = shanghaiDate(createdAt.getTime()).replaceAll('-', '');
      await trx
        .insertInto('disputes')
        .values({
          id,
          tenant_id: community.tenant_id!,
          code: `MD-${day}-${9001 + disputes}`,
          dispute_type: kind.type,
          summary: random.pick(kind.texts),
          place_id: community.id,
          place_path: community.path,
          source: random.pick(sources),
          case_id: null,
          whistle_id: null,
          risk,
          status,
          handed_to: status === 'handed_over' ? 'justice_office' : null,
          created_by: null,
          created_at: createdAt,
          updated_at: createdAt,
        })
        .execute();
      await trx
        .insertInto('dispute_parties')
        .values(partiesOf(random, pii, { id, tenantId: community.tenant_id! }))
        .execute();
      // The ledger names who found it (one of the community's grid workers) and who mediated.
      const finder =
        random.pick(gridWorkers.filter((w) => isUnder(w.path, community.path)))?.display_name ??
        `${community.name}网格员`;
      const events: LedgerEvent[] = [
        { kind: 'recorded', note: '排查发现，登记入账', actor_name: finder, at: createdAt },
      ];
      if (status !== 'open')
        events.push(...(await mediate(trx, random, { id, tenantId: community.tenant_id!, status, createdAt, now })));
      await trx
        .insertInto('dispute_events')
        .values(events.map((e) => ({ id: newId(), tenant_id: community.tenant_id!, dispute_id: id, ...e })))
        .execute();
      disputes++;
    }
  }
  return { disputes };
}

/** The dispute's mediation session, and the events it leads to (mediated; then closed or handed over). */
async function mediate(
  trx: Transaction<Database>,
  random: Random,
  dispute: { id: string; tenantId: string; status: Exclude<DisputeStatus, 'open'>; createdAt: Date; now: Date },
): Promise<LedgerEvent[]> {
  const { id, status, createdAt, now } = dispute;
  const events: LedgerEvent[] = [];
  const heldAt = new Date(Math.min(createdAt.getTime() + random.int(1, 6) * 86_400_000, now.getTime() - 3_600_000));
  const agreed = status === 'closed';
  const outcome = agreed ? 'agreed' : status === 'mediating' ? 'adjourned' : 'not_agreed';
  const mediator = random.pick(mediators);
  await trx
    .insertInto('mediation_sessions')
    .values({
      id: newId(),
      tenant_id: dispute.tenantId,
      dispute_id: id,
      held_at: heldAt,
      mediators: [mediator],
      legal_advisers: random.next() < 0.5 ? ['孙律师'] : [],
      record: '召集双方当面沟通，讲解法律规定，听取双方意见',
      outcome,
      agreement_text: agreed ? '双方自愿达成协议，按约定履行，不再就此事争执。' : null,
      signature_file_ids: [],
      created_by: null,
      created_at: heldAt,
    })
    .execute();
  events.push({
    kind: 'mediate',
    note: agreed ? '调解成功，达成协议' : outcome === 'adjourned' ? '择日再调' : '调解未成',
    actor_name: mediator,
    at: heldAt,
  });
  if (agreed)
    events.push({
      kind: 'close',
      note: '回访双方，协议已履行',
      actor_name: mediator,
      at: new Date(heldAt.getTime() + 7 * 86_400_000),
    });
  if (status === 'handed_over')
    events.push({
      kind: 'handover',
      note: '风险较高，移交司法所',
      actor_name: mediator,
      at: new Date(heldAt.getTime() + 86_400_000),
    });
  return events;
}

/** Where a dispute stands: one of the last fortnight is still worked on; older ones mostly ended. */
function statusOf(recent: boolean, risk: 'low' | 'medium' | 'high', roll: number): DisputeStatus {
  if (recent) return roll < 0.6 ? 'open' : 'mediating';
  if (risk === 'high' && roll < 0.4) return 'handed_over';
  if (roll < 0.15) return 'failed';
  return roll < 0.25 ? 'mediating' : 'closed';
}

/** Applicant and respondent, with made-up phone numbers (encrypted and masked as the app stores them). */
function partiesOf(random: Random, pii: PiiCipher, dispute: { id: string; tenantId: string }) {
  return (['applicant', 'respondent'] as const).map((role) => {
    const phone = `15${String(random.int(100000000, 999999999))}`;
    return {
      id: newId(),
      tenant_id: dispute.tenantId,
      dispute_id: dispute.id,
      role,
      resident_id: null,
      name: personName(random),
      phone_enc: pii.encrypt(phone),
      phone_masked: maskPhone(phone),
      id_number_enc: null,
      id_number_masked: null,
    };
  });
}
