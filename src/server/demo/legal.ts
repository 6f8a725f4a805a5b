import type { Transaction } from 'kysely';
import { tokenize } from '../platform/search-text.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { Random } from './random.js';

// 小律服务 answered in the past months, public with the residents' consent, so the FAQ has answers
// to the questions neighbours ask most (fictional wording, written for the demo).

const answered: [string, string][] = [
  [
    '楼上漏水把我家天花板泡坏了，楼上不肯赔怎么办？',
    '根据《民法典》相邻关系和侵权责任的规定，楼上住户应当赔偿因其设施漏水造成的损失。可先拍照留证、请物业出具漏水原因说明，再申请社区人民调解；调解不成，可以向人民法院起诉。',
  ],
  [
    '物业服务不好，我可以不交物业费吗？',
    '不建议直接拒交。物业服务不到位时，可以向业主委员会或街道反映，要求物业整改；拒交可能被物业起诉追缴。服务确实未达到合同约定的，可在诉讼中主张减少费用。',
  ],
  [
    '父母的赡养费兄弟姐妹之间怎么分摊？',
    '成年子女都有赡养父母的义务，分摊可以协商，通常考虑各自经济条件和照顾情况。协商不成的，可以申请社区调解，或由父母向人民法院起诉要求支付赡养费。',
  ],
  [
    '装修工人干完活老板拖欠工资，去哪里维权？',
    '可以向县人力资源和社会保障局劳动保障监察部门投诉，也可以申请劳动仲裁。请保留工作记录、聊天记录、工资约定等证据。符合条件的可申请法律援助。',
  ],
  [
    '邻居在楼道里堆杂物，说了也不听怎么办？',
    '楼道属于公共通道，堆放杂物影响通行和消防安全。可以先请楼门管家或物业劝导；仍不整改的，可向社区或消防救援机构反映，由其依法责令清理。',
  ],
  [
    '健身房关门了，预付卡里的钱怎么退？',
    '可以向县市场监督管理局投诉，或拨打12315。请保存好预付卡、合同和付款记录。多人受损的，可以一起申请调解或提起诉讼。',
  ],
  [
    '广场舞音响太吵，晚上十点还在放，能管吗？',
    '夜间（22时至次日6时）在居民区产生噪声干扰他人休息的，可以向公安机关报警，由其依法处理。平时可以请社区协调活动时间和音量。',
  ],
  [
    '签了租房合同，房东提前收回房子，要赔偿吗？',
    '房东在租期内无正当理由提前收回房屋属于违约，应按合同约定承担违约责任；合同没有约定的，承租人可以要求赔偿搬家等实际损失。',
  ],
];

export async function seedDemoLegal(trx: Transaction<Database>, random: Random, now: Date) {
  const community = await trx
    .selectFrom('places')
    .select(['id', 'path', 'tenant_id'])
    .where('code', '=', '610899001001')
    .executeTakeFirstOrThrow();
  const rows = answered.map(([question, answer]) => {
    const createdAt = new Date(now.getTime() - random.int(3, 150) * 86_400_000);
    return {
      id: newId(),
      tenant_id: community.tenant_id!,
      community_id: community.id,
      place_path: community.path,
      asker_id: null,
      asker_name: '居民',
      question,
      text_tokens: tokenize(question),
      is_public: true,
      state: 'answered' as const,
      due_at: new Date(createdAt.getTime() + 86_400_000),
      answer,
      answered_by: '孙律师',
      answered_at: new Date(createdAt.getTime() + random.int(1, 20) * 3_600_000),
      created_at: createdAt,
    };
  });
  await trx.insertInto('legal_questions').values(rows).execute();
  return { legalAnswers: rows.length };
}
