import type { Insertable } from 'kysely';
import type { CasesTable } from '../platform/db/schema.js';
import type { Random } from './random.js';

// What residents write about, how often, and how it reaches us: the weights shape the demo's statistics.

export const texts: Record<string, string[]> = {
  garbage: [
    '{b}号楼旁边的垃圾桶满了好几天没人清运，味道很大',
    '小区门口垃圾堆放，影响出行',
    '{b}号楼楼道里堆满杂物和垃圾',
  ],
  ads: ['{b}号楼单元门上贴满了小广告', '小区围墙被人乱涂乱画'],
  sanitation: ['{b}号楼后面污水横流，很脏', '小区绿化带里有狗粪便没人清理'],
  street_light: ['{b}号楼门口路灯坏了，晚上很黑', '小区主路的路灯不亮好几天了', '{b}号楼楼道灯不亮，老人上下楼不方便'],
  road: ['小区门口道路有个大坑，下雨积水', '{b}号楼前面井盖松动，车压过去响'],
  water_supply: ['{b}号楼{u}单元停水了，没有通知', '{b}号楼水压太低，楼上没水'],
  power_supply: ['{b}号楼{u}单元停电了', '{b}号楼电表箱门坏了，电线裸露'],
  drainage: ['楼上邻居家下水道堵塞，水漏到我家', '{b}号楼下水道返水，一楼被淹', '小区雨水井堵塞，路面积水'],
  elevator: ['{b}号楼{u}单元电梯经常坏，有人被困过', '电梯运行时有异响'],
  neighbour: ['楼上邻居晚上很吵，沟通无果', '邻居在楼道里堆放杂物，协商不成', '邻居家漏水把我家墙泡坏了，对方不赔偿'],
  property_mgmt: ['物业不作为，楼道卫生没人管', '物业费收了但是服务跟不上'],
  wages: ['在小区工地干活的工资被拖欠三个月'],
  fire: ['{b}号楼楼道里有人给电动车充电，很危险', '小区消防通道被车堵住了', '{b}号楼消防栓没有水'],
  building_safety: ['{b}号楼外墙皮脱落，砸到人怎么办', '{b}号楼墙上有裂缝越来越大'],
  public_order: ['小区里最近有人偷电动车电瓶', '晚上有陌生人在小区里转悠'],
  parking: ['小区门口乱停车，救护车进不来', '有车长期占用消防通道停车'],
  stalls: ['小区门口有人摆摊占道经营', '早市商贩占道，影响通行'],
  noise: ['广场舞音响太吵，晚上十点还在放', '附近工地夜间施工噪音扰民'],
  elderly_care: ['独居老人想申请助餐服务', '{b}号楼的老人行动不便，需要上门帮助'],
  assistance: ['家里困难想咨询低保怎么申请', '残疾人补贴什么时候发'],
  food_safety: ['小区门口餐馆卫生很差', '超市卖过期食品'],
  other: ['建议小区增加健身器材', '希望在小区里多装几个休息座椅'],
};
/**
 * What residents add to the problem, in their own words: how long, who is hurt, what they ask.
 * Drawn one each per case, so two reports share their wording only where they truly say the same.
 */
export const textSince = [
  '',
  '已经三四天了',
  '昨天晚上发现的',
  '这个星期一直这样',
  '上个月也出过一次',
  '今天早上出门时看到的',
  '好几户邻居都说了',
  '跟物业说过没人管',
  '周末开始的',
  '前天下雨以后更严重了',
];
export const textAsks = [
  '',
  '希望尽快处理',
  '麻烦社区帮忙协调一下',
  '请派人来看看',
  '家里有老人，比较着急',
  '孩子每天从这里过，担心安全',
  '盼早点回复',
  '能不能给个处理时间',
  '谢谢社区',
];

export const categoryWeights: [string, number][] = [
  ['garbage', 9],
  ['ads', 3],
  ['sanitation', 5],
  ['street_light', 8],
  ['road', 5],
  ['water_supply', 5],
  ['power_supply', 3],
  ['drainage', 6],
  ['elevator', 3],
  ['neighbour', 7],
  ['property_mgmt', 6],
  ['wages', 1],
  ['fire', 4],
  ['building_safety', 2],
  ['public_order', 2],
  ['parking', 7],
  ['stalls', 3],
  ['noise', 5],
  ['elderly_care', 3],
  ['assistance', 2],
  ['food_safety', 2],
  ['other', 3],
];
export const channelWeights: [Insertable<CasesTable>['channel'], number][] = [
  ['qr', 38],
  ['snap', 14],
  ['hotline', 20],
  ['patrol', 17],
  ['walkIn', 8],
  ['kiosk', 3],
];

export function weighted<T>(random: Random, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[0][0];
}
