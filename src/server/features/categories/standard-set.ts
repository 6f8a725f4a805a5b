import type { CategoryKind } from './codes.js';

// The urban-grid standard's classes (城市网格化管理, GB/T 30428 family, after CJ/T 214): event
// classes (事件) and component classes (部件) with their common sub-classes, as an importable set
// beside the demo set of migration 0003. Codes are the class letter and the standard's two-digit
// class numbers; sub-class numbers follow the order below (a county exchanging data with a city
// platform checks them against its own edition of the standard). Limits are starting values a
// county edits: minutes for first contact, dispatch and take, hours for resolution.

export interface StandardClass {
  code: string;
  kind: CategoryKind;
  nameZh: string;
  nameEn: string;
  firstContact: number;
  dispatch: number;
  take: number;
  resolveHours: number;
  businessDays: boolean;
  urgent: boolean;
  department: string | null;
  keywords: string[];
}

type Limits = Pick<
  StandardClass,
  'firstContact' | 'dispatch' | 'take' | 'resolveHours' | 'businessDays' | 'urgent' | 'department'
>;
type Sub = [nameZh: string, nameEn: string, keywords: string[], department?: string | null];

const routine: Limits = {
  firstContact: 30,
  dispatch: 120,
  take: 60,
  resolveHours: 72,
  businessDays: false,
  urgent: false,
  department: 'city_management',
};
/** 突发事件: someone calls the reporter back within 10 minutes, and every case is urgent. */
const emergency: Limits = {
  firstContact: 10,
  dispatch: 30,
  take: 30,
  resolveHours: 24,
  businessDays: false,
  urgent: true,
  department: 'city_management',
};
const component: Limits = { ...routine, resolveHours: 120, businessDays: true, department: 'housing' };

function group(
  code: string,
  kind: CategoryKind,
  nameZh: string,
  nameEn: string,
  limits: Limits,
  subs: Sub[],
): StandardClass[] {
  const top: StandardClass = { code, kind, nameZh, nameEn, ...limits, keywords: [] };
  return [
    top,
    ...subs.map(([zh, en, keywords, department], i) => ({
      ...top,
      code: code + String(i + 1).padStart(2, '0'),
      nameZh: zh,
      nameEn: en,
      keywords,
      department: department === undefined ? limits.department : department,
    })),
  ];
}

export const standardClasses: readonly StandardClass[] = [
  ...group('E01', 'event', '市容环境', 'City appearance', routine, [
    ['私搭乱建', 'Unauthorised structure', ['私搭', '乱建', '违建', '搭建']],
    ['暴露垃圾', 'Exposed rubbish', ['垃圾', '暴露']],
    ['积存垃圾渣土', 'Piled rubbish and spoil', ['渣土', '积存', '建筑垃圾']],
    ['道路不洁', 'Dirty road', ['路面脏', '不洁', '污渍']],
    ['水域不洁', 'Dirty water surface', ['河道', '水面', '漂浮物']],
    ['绿地脏乱', 'Untidy green space', ['绿地', '草坪', '脏乱']],
    ['乱堆物堆料', 'Goods piled in public', ['堆物', '堆料', '乱堆']],
    ['焚烧垃圾树叶', 'Burning rubbish or leaves', ['焚烧', '烧垃圾', '烟']],
    ['露天烧烤', 'Open-air barbecue', ['烧烤', '油烟']],
  ]),
  ...group('E02', 'event', '宣传广告', 'Posters and advertising', routine, [
    ['非法小广告', 'Illegal small posters', ['小广告', '牛皮癣', '喷涂']],
    ['违章张贴悬挂', 'Unauthorised banners', ['横幅', '张贴', '悬挂']],
    ['占道广告牌', 'Sign boards on the road', ['广告牌', '占道', '展板']],
    ['街头散发广告', 'Leafleting', ['发传单', '散发', '传单']],
    ['广告招牌破损', 'Damaged shop sign', ['招牌', '破损', '松动']],
  ]),
  ...group('E03', 'event', '施工管理', 'Construction', { ...routine, department: 'housing' }, [
    ['施工扰民', 'Construction noise', ['施工', '夜间施工', '扰民']],
    ['工地扬尘', 'Dust from a site', ['扬尘', '灰尘', '工地']],
    ['道路遗撒', 'Spilt load on the road', ['遗撒', '撒落', '泥浆']],
    ['施工废弃料', 'Construction waste', ['废弃料', '废料']],
    ['施工占道', 'Works blocking the road', ['围挡', '占道施工']],
    ['无证掘路', 'Digging without a permit', ['挖路', '掘路', '开挖']],
  ]),
  ...group('E04', 'event', '突发事件', 'Emergencies', emergency, [
    ['路面塌陷', 'Road collapse', ['塌陷', '塌方', '地陷'], 'housing'],
    ['自来水管破裂', 'Burst water main', ['爆管', '水管破裂', '喷水'], 'water'],
    ['燃气管道破裂', 'Gas pipe leak', ['燃气', '煤气', '漏气', '气味'], 'gas'],
    ['下水道堵塞或破损', 'Blocked or broken sewer', ['下水道', '污水外溢', '冒水'], 'housing'],
    ['道路积水', 'Flooded road', ['积水', '淹', '内涝'], 'housing'],
    ['道路积雪结冰', 'Snow and ice on the road', ['积雪', '结冰', '路滑']],
    ['火灾', 'Fire', ['着火', '火灾', '冒烟'], 'police'],
    ['架空线缆坠落', 'Fallen overhead cable', ['电线掉', '线缆', '断线'], 'power'],
  ]),
  ...group('E05', 'event', '街面秩序', 'Street order', routine, [
    ['无照经营游商', 'Unlicensed hawkers', ['游商', '小贩', '摆摊']],
    ['店外经营', 'Trading outside the shop', ['店外', '出店经营']],
    ['占道废品收购', 'Scrap buying on the road', ['废品', '收废品']],
    ['机动车乱停放', 'Cars parked illegally', ['乱停', '违停', '停车'], 'police'],
    ['非机动车乱停放', 'Bikes parked illegally', ['电动车', '自行车', '共享单车']],
    ['流浪乞讨', 'Rough sleeping and begging', ['流浪', '乞讨'], 'civil_affairs'],
  ]),
  ...group('C01', 'component', '公用设施', 'Public utilities', component, [
    ['上水井盖', 'Water manhole cover', ['上水井盖', '自来水井盖'], 'water'],
    ['污水井盖', 'Sewer manhole cover', ['污水井盖', '井盖']],
    ['雨水井盖', 'Storm drain cover', ['雨水井盖', '雨水箅子']],
    ['电力井盖', 'Power manhole cover', ['电力井盖'], 'power'],
    ['燃气井盖', 'Gas manhole cover', ['燃气井盖'], 'gas'],
    ['消防栓', 'Fire hydrant', ['消防栓', '消火栓'], 'police'],
    ['路灯', 'Street light', ['路灯', '灯不亮'], 'city_management'],
  ]),
  ...group('C02', 'component', '道路交通', 'Roads and traffic', component, [
    ['公交站亭', 'Bus shelter', ['公交站', '站亭', '站牌']],
    ['交通信号灯', 'Traffic light', ['红绿灯', '信号灯'], 'police'],
    ['交通标志牌', 'Traffic sign', ['标志牌', '指示牌'], 'police'],
    ['道路护栏', 'Road railing', ['护栏', '隔离栏']],
    ['路名牌', 'Street name sign', ['路名牌', '路牌']],
    ['盲道', 'Tactile paving', ['盲道']],
  ]),
  ...group(
    'C03',
    'component',
    '市容环境',
    'City appearance facilities',
    { ...component, department: 'city_management' },
    [
      ['公共厕所', 'Public toilet', ['厕所', '公厕']],
      ['垃圾箱', 'Litter bin', ['垃圾箱', '垃圾桶']],
      ['垃圾收集站', 'Refuse collection point', ['垃圾站', '垃圾房']],
      ['户外广告设施', 'Outdoor advertising structure', ['广告设施', '灯箱']],
    ],
  ),
  ...group('C04', 'component', '园林绿化', 'Parks and greenery', { ...component, department: 'city_management' }, [
    ['古树名木', 'Heritage tree', ['古树', '名木']],
    ['行道树', 'Street tree', ['行道树', '树倒', '树枝']],
    ['绿地', 'Green space', ['绿地', '绿化带']],
    ['花坛', 'Flower bed', ['花坛', '花箱']],
  ]),
  ...group('C05', 'component', '房屋土地', 'Buildings and land', component, [
    ['宣传栏', 'Notice board', ['宣传栏', '公告栏']],
    ['人防工事', 'Civil air-defence works', ['人防']],
    ['地下通道', 'Underpass', ['地下通道', '地道']],
  ]),
  ...group('C06', 'component', '其它设施', 'Other facilities', component, [
    ['健身设施', 'Fitness equipment', ['健身器材', '健身']],
    ['监控设施', 'Surveillance camera', ['监控', '摄像头'], 'police'],
    ['门牌', 'House number plate', ['门牌']],
  ]),
];
