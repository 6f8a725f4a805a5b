import type { DutyItemRow } from '../features/duties/excel.js';

// Fictional duty lists in the 兴庆 shape: self-governance 4 classes / 13 items / 32 sub-items,
// assisting items, admitted 4 classes / 17 items, 46 cancelled items.

const selfGovernance: [string, [string, string[], string[], string[]][]][] = [
  [
    '居民自治管理',
    [
      ['居民会议与议事协商', ['召开居民会议', '组织议事协商会', '公开协商结果'], [], ['议事', '协商']],
      ['居民公约制定与执行', ['修订居民公约', '宣传文明公约'], [], ['公约']],
      ['楼门院自治', ['选举楼门长', '楼道公共区域管理', '楼道杂物清理'], ['garbage'], ['楼道', '杂物']],
      ['业主自治指导', ['指导成立业主委员会', '监督物业服务'], ['property_mgmt'], ['物业', '业委会']],
    ],
  ],
  [
    '社区公共事务',
    [
      ['社区环境卫生', ['组织环境整治', '垃圾分类宣传', '绿化带清洁'], ['sanitation'], ['卫生', '垃圾分类']],
      ['社区公共设施维护', ['公共座椅、健身器材报修', '宣传栏维护'], ['other'], ['健身器材', '座椅']],
      ['社区安全巡查', ['楼道消防通道巡查', '空巢老人安全探访', '汛期积水点巡查'], [], ['巡查']],
    ],
  ],
  [
    '社区服务',
    [
      ['为老服务', ['独居老人探访', '助餐服务登记', '高龄津贴申请协助'], ['elderly_care'], ['老人', '助餐']],
      ['困难群众帮扶', ['困难家庭走访', '临时救助申请协助'], ['assistance'], ['困难', '救助']],
      ['志愿服务', ['志愿者招募登记', '微心愿认领'], [], ['志愿']],
    ],
  ],
  [
    '矛盾纠纷化解',
    [
      [
        '邻里纠纷调解',
        ['邻里噪音纠纷调解', '漏水渗水纠纷调解', '公共空间占用纠纷调解'],
        ['neighbour'],
        ['邻居', '纠纷', '漏水'],
      ],
      ['家庭矛盾调解', ['婚姻家庭纠纷劝解', '赡养纠纷劝解'], [], ['赡养', '家庭']],
      ['矛盾排查', ['每月矛盾纠纷排查', '重点人员稳控'], [], ['排查']],
    ],
  ],
];

const assisting: [string, string, string[], string, string[]][] = [
  ['协助-1', '下水管道疏通协调', ['drainage'], 'housing', ['下水道', '堵塞']],
  ['协助-2', '路灯报修转办', ['street_light'], 'city_management', ['路灯']],
  ['协助-3', '消防隐患报告', ['fire'], 'police', ['消防', '电动车']],
  ['协助-4', '占道经营劝导', ['stalls', 'parking'], 'city_management', ['占道', '摆摊']],
  ['协助-5', '供水停水情况反映', ['water_supply'], 'water', ['停水', '水压']],
  ['协助-6', '电梯故障报告', ['elevator'], 'market_regulation', ['电梯']],
];

const admitted: [string, string[]][] = [
  ['统计调查', ['人口普查入户登记', '经济普查协助', '农业普查协助', '人口抽样调查协助']],
  ['宣传动员', ['征兵政策宣传', '防范电信诈骗宣传', '禁毒宣传', '森林防火宣传', '普法宣传']],
  ['社会保障协办', ['城乡居民医保参保登记', '养老保险资格认证协助', '残疾人证申办协助', '高龄津贴资格核实']],
  ['公共安全协办', ['防汛值守协助', '安全生产隐患信息报送', '流动人口信息采集', '疫苗接种通知']],
];

const cancelledNames = [
  '出具居民无犯罪记录证明',
  '出具亲属关系证明',
  '出具婚姻状况证明',
  '出具居住证明用于办理户籍',
  '出具经济困难证明用于学校减免',
  '出具健在证明',
  '出具工作经历证明',
  '出具房屋产权证明',
  '出具出生时间证明',
  '出具死亡证明',
  '出具企业经营场所证明',
  '出具个体工商户经营证明',
  '招商引资任务',
  '协税护税指标',
  '企业安全生产检查',
  '食品经营许可现场核查',
  '违法建设拆除执法',
  '占道经营执法',
  '环境污染执法检查',
  '价格监督检查',
  '计划生育罚款征收',
  '社会抚养费征收',
  '城市管理综合执法',
  '市容市貌罚款',
  '车辆违停处罚',
  '农村土地确权测量',
  '林权纠纷裁定',
  '劳动仲裁调查取证',
  '工伤认定调查',
  '交通事故处理',
  '拆迁补偿谈判',
  '国有资产清查',
  '企业年报催报',
  '统计数据报表考核排名',
  '创建工作台账考核',
  '各类评比达标材料报送',
  '部门工作群信息日报',
  '手机应用下载推广任务',
  '报刊征订任务',
  '商业保险推销',
  '慈善募捐摊派',
  '代收水电燃气费',
  '代办机动车年检',
  '代办营业执照',
  '代发部门宣传品考核',
  '为部门开展线上投票拉票',
];

export function demoDutyItems(): DutyItemRow[] {
  const rows: DutyItemRow[] = [];
  selfGovernance.forEach(([className, items], c) => {
    items.forEach(([itemName, subs, categories, keywords], i) => {
      subs.forEach((sub, s) =>
        rows.push({
          kind: 'self_governance',
          ref: `自治-${c + 1}-${i + 1}-${s + 1}`,
          className,
          itemName,
          subItemName: sub,
          legalBasis: '《城市居民委员会组织法》',
          departmentKind: null,
          categoryCodes: categories,
          keywords,
        }),
      );
    });
  });
  for (const [ref, itemName, categories, departmentKind, keywords] of assisting) {
    rows.push({
      kind: 'assisting',
      ref,
      className: '协助事项',
      itemName,
      subItemName: '',
      legalBasis: '',
      departmentKind,
      categoryCodes: categories,
      keywords,
    });
  }
  admitted.forEach(([className, items], c) => {
    items.forEach((itemName, i) =>
      rows.push({
        kind: 'admitted',
        ref: `准入-${c + 1}-${i + 1}`,
        className,
        itemName,
        subItemName: '',
        legalBasis: '经区县社区工作准入审核',
        departmentKind: null,
        categoryCodes: [],
        keywords: [itemName.replace(/(协助|宣传|登记|通知|报送|认证|核实|值守|采集)$/u, '')],
      }),
    );
  });
  cancelledNames.forEach((itemName, i) =>
    rows.push({
      kind: 'cancelled',
      ref: `取消-${i + 1}`,
      className: '取消事项',
      itemName,
      subItemName: '',
      legalBasis: '社区减负清单',
      departmentKind: null,
      categoryCodes: [],
      keywords: [itemName.replace(/^(出具|代办|代收|代发)/u, '').slice(0, 6)],
    }),
  );
  return rows;
}
