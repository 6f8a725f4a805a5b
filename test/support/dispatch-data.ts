import { seededRandom } from '../../src/server/features/dispatch/learner/random.js';

// Synthetic citizen appeals (12345-hotline style) over seven first-level classes, for the dispatch
// learner's tests and benchmark. NOT real data: the vocabulary overlaps on purpose (工地 is building,
// noise and unpaid wages; 食堂 is food safety and schools; 停车 is traffic, property and fire lanes), and
// messages carry typos, a second complaint about something else and some mislabelled rows, so the
// figures say which model copes better, not how it does on a county's real history.

export interface Appeal {
  subject: string;
  details: string;
  label: string;
  department: string;
}

export const appealClasses = [
  '城乡建设',
  '环境保护',
  '交通运输',
  '劳动社保',
  '市场监管',
  '教育卫生',
  '公共安全',
] as const;

interface Issue {
  dept: string;
  subject: string[];
  /** Sentences; each {slot} is filled from `slots` or the shared slots. */
  body: string[];
  slots?: Record<string, string[]>;
}

const shared: Record<string, string[]> = {
  小区: [
    '阳光花园',
    '锦绣家园',
    '幸福里小区',
    '东城名苑',
    '翠湖小区',
    '金桂苑',
    '和平新村',
    '滨河湾',
    '城南家属院',
    '馨园小区',
  ],
  路: ['人民路', '建设路', '解放大街', '文化路', '迎宾大道', '长安街', '新华路', '滨河东路', '工业园路', '北环路'],
  时间: ['最近一个月', '这几天', '从去年开始', '每天晚上', '昨天下午', '上周', '半年来', '每天早上', '周末', '前天'],
  人: ['我', '我家老人', '我爱人', '本人', '我们几户居民', '孩子'],
  电话: ['138xxxx1234', '139xxxx5678', '151xxxx0001'],
};

const issues: Record<(typeof appealClasses)[number], Issue[]> = {
  城乡建设: [
    {
      dept: '住建局',
      subject: ['物业不作为', '{小区}物业问题', '物业服务差'],
      body: ['{小区}物业{物业问题}', '物业费照收，{物业问题2}', '找物业{回应}'],
      slots: {
        物业问题: ['长期不管事', '不打扫卫生', '收费不公开', '乱收停车费', '擅自涨物业费'],
        物业问题2: ['楼道垃圾没人清', '绿化没人管', '门禁坏了不修', '监控是摆设'],
        回应: ['一直推脱', '说没钱修', '不理人', '说要等业委会'],
      },
    },
    {
      dept: '住建局',
      subject: ['电梯故障', '{小区}电梯经常坏'],
      body: ['{小区}{楼}电梯{故障}', '{人}被困在电梯里过', '维保单位{回应}'],
      slots: {
        楼: ['3号楼', '12栋', '5单元', '二期8号楼'],
        故障: ['经常停运', '运行时异响', '门关不上', '半年坏了六次'],
        回应: ['来了看一眼就走', '说配件要等', '一直不来修'],
      },
    },
    {
      dept: '城管局',
      subject: ['违章搭建', '楼顶违建', '私搭乱建'],
      body: ['{小区}有住户{违建}', '{时间}一直在施工', '占用公共空间，影响采光和安全'],
      slots: { 违建: ['在楼顶搭建彩钢房', '把一楼院子扩建成门面', '在绿地上盖棚子', '封闭公共楼道'] },
    },
    {
      dept: '城管局',
      subject: ['路灯不亮', '{路}路灯坏了'],
      body: ['{路}{路段}的路灯{时间}不亮', '晚上一片漆黑，{人}出门很不方便', '担心发生事故'],
      slots: { 路段: ['与文化路交叉口', '中段', '东头', '靠近学校一段'] },
    },
    {
      dept: '住建局',
      subject: ['下水道堵塞', '污水管道堵了', '化粪池外溢'],
      body: ['{小区}{位置}下水道堵塞', '污水{外溢}', '找物业说是市政管网的问题'],
      slots: { 位置: ['2号楼前', '地下室', '单元门口'], 外溢: ['冒到路面上', '倒灌进一楼', '流进车库'] },
    },
    {
      dept: '住建局',
      subject: ['老旧小区改造', '改造工程质量差'],
      body: ['{小区}老旧小区改造{改造问题}', '施工队{施工}', '居民意见很大'],
      slots: {
        改造问题: ['拖了一年还没完工', '外墙保温层脱落', '新修的路面又裂了'],
        施工: ['干一天停一周', '把管线挖断了', '材料堆在路上'],
      },
    },
    {
      dept: '城管局',
      subject: ['道路破损', '{路}坑洼不平'],
      body: ['{路}路面{破损}', '{时间}一直没人修', '电动车经过很危险'],
      slots: { 破损: ['坑坑洼洼', '井盖缺失', '塌陷了一个大坑', '人行道砖松动'] },
    },
    {
      dept: '住建局',
      subject: ['供暖不热', '暖气温度不达标'],
      body: ['{小区}暖气{暖气}', '家里只有{温度}度', '热力公司{回应}'],
      slots: {
        暖气: ['一直不热', '时冷时热', '管道漏水'],
        温度: ['12', '14', '15'],
        回应: ['说管网老化', '派人来放了放气就走了', '电话打不通'],
      },
    },
  ],
  环境保护: [
    {
      dept: '生态环境局',
      subject: ['工地夜间施工噪音', '施工噪音扰民'],
      body: ['{路}旁边的工地{时间}{噪音}', '{人}根本睡不着觉', '不知道有没有夜间施工许可'],
      slots: { 噪音: ['半夜还在打桩', '凌晨还在浇筑混凝土', '机器轰鸣到十二点', '渣土车进进出出'] },
    },
    {
      dept: '生态环境局',
      subject: ['餐馆油烟扰民', '烧烤油烟'],
      body: ['{小区}楼下的{店}{油烟}', '油烟直接排到居民窗户', '窗户都不敢开'],
      slots: {
        店: ['烧烤店', '火锅店', '小饭馆', '炸鸡店'],
        油烟: ['没有安装油烟净化器', '油烟很大', '排烟管道对着住户'],
      },
    },
    {
      dept: '生态环境局',
      subject: ['工厂排放废气', '化工厂气味刺鼻'],
      body: ['{路}附近的{厂}{排放}', '{时间}空气里一股刺鼻的味道', '{人}咳嗽胸闷'],
      slots: {
        厂: ['化工厂', '塑料厂', '橡胶厂', '喷漆厂'],
        排放: ['晚上偷偷排放废气', '烟囱冒黑烟', '废气没有处理就排放'],
      },
    },
    {
      dept: '生态环境局',
      subject: ['河道污染', '河水发黑发臭'],
      body: ['{路}边上的河道{河}', '有企业往河里排污', '鱼都死了'],
      slots: { 河: ['发黑发臭', '漂满垃圾', '水面有油污'] },
    },
    {
      dept: '城管局',
      subject: ['焚烧垃圾', '露天烧垃圾'],
      body: ['{小区}附近有人露天焚烧{垃圾}', '浓烟滚滚', '{时间}经常这样'],
      slots: { 垃圾: ['生活垃圾', '秸秆', '废旧轮胎', '装修垃圾'] },
    },
    {
      dept: '生态环境局',
      subject: ['养殖场臭味', '养猪场污染'],
      body: ['村里的{养殖}{臭}', '粪水直接排到沟里', '夏天苍蝇成群'],
      slots: { 养殖: ['养猪场', '养鸡场', '养牛场'], 臭: ['臭气熏天', '味道特别大'] },
    },
    {
      dept: '生态环境局',
      subject: ['商铺噪音扰民', '音响噪音'],
      body: ['{路}的{商铺}{时间}用大音响{声音}', '噪音超标', '严重影响周边居民休息'],
      slots: { 商铺: ['服装店', '手机店', 'KTV', '超市'], 声音: ['放音乐', '循环播放广告', '搞促销喊话'] },
    },
  ],
  交通运输: [
    {
      dept: '交通运输局',
      subject: ['公交线路问题', '{路}公交车太少'],
      body: ['{路}的{线}公交车{公交}', '{人}上班经常迟到', '建议增加班次'],
      slots: {
        线: ['8路', '15路', '22路', '101路'],
        公交: ['班次太少', '经常不按时发车', '到站不停', '司机开车太猛'],
      },
    },
    {
      dept: '交通运输局',
      subject: ['出租车拒载', '出租车绕路'],
      body: ['{时间}在{路}打出租车，司机{出租}', '车牌号已记下', '要求处理'],
      slots: { 出租: ['拒载', '故意绕路多收钱', '不打表一口价', '中途甩客'] },
    },
    {
      dept: '交警大队',
      subject: ['路口拥堵', '信号灯设置不合理'],
      body: ['{路}和{路2}交叉口{拥堵}', '早晚高峰堵得走不动', '建议调整红绿灯时长'],
      slots: {
        路2: ['文化路', '新华路', '北环路', '迎宾大道'],
        拥堵: ['信号灯时间太短', '没有左转灯', '红绿灯坏了'],
      },
    },
    {
      dept: '交警大队',
      subject: ['乱停车占道', '车辆乱停'],
      body: ['{路}两边{停车}', '道路变得很窄', '车辆通行困难'],
      slots: { 停车: ['车辆乱停乱放', '大货车长期停放', '占道停车严重'] },
    },
    {
      dept: '交通运输局',
      subject: ['网约车问题', '网约车乱收费'],
      body: ['{时间}坐网约车，{网约}', '平台客服{回应}', '要求退费'],
      slots: {
        网约: ['司机多收了车费', '车辆和平台信息不符', '司机态度恶劣'],
        回应: ['一直不处理', '只给优惠券'],
      },
    },
    {
      dept: '交通运输局',
      subject: ['道路施工封路', '修路影响通行'],
      body: ['{路}修路{封路}', '没有设置绕行标志', '{人}每天绕很远'],
      slots: { 封路: ['封了三个月', '施工围挡占了一半车道', '工期一拖再拖'] },
    },
    {
      dept: '交通运输局',
      subject: ['驾校退费', '驾校收费问题'],
      body: ['在驾校报名学车，{驾校}', '驾校{回应}', '希望交通部门管一管'],
      slots: { 驾校: ['一直约不上车', '教练索要好处费', '中途要求加钱'], 回应: ['拒绝退费', '推说是教练个人行为'] },
    },
  ],
  劳动社保: [
    {
      dept: '人社局',
      subject: ['拖欠工资', '讨薪', '工地欠薪'],
      body: ['{人}在{单位}干活，{欠薪}', '老板{老板}', '过年回家没钱'],
      slots: {
        单位: ['{路}一个工地', '一家装修公司', '一家餐馆', '物流公司'],
        欠薪: ['被拖欠工资三个月', '工资一直没发', '包工头欠了我们八万元'],
        老板: ['电话不接', '说项目方没给钱', '跑路了'],
      },
    },
    {
      dept: '社保中心',
      subject: ['单位不交社保', '社保缴纳问题'],
      body: ['{人}所在公司{社保}', '入职时签了合同', '要求单位补缴'],
      slots: { 社保: ['一直没有缴纳社保', '按最低基数缴社保', '断缴了半年'] },
    },
    {
      dept: '社保中心',
      subject: ['养老金问题', '退休金核算'],
      body: ['{人}今年退休，{养老}', '去社保中心{回应}', '请帮忙核实'],
      slots: {
        养老: ['养老金算少了', '养老金一直没到账', '视同缴费年限没算'],
        回应: ['让回去等通知', '来回跑了好几趟'],
      },
    },
    {
      dept: '人社局',
      subject: ['劳动合同纠纷', '被辞退'],
      body: ['公司{合同}', '{人}在单位干了{年}年', '要求经济补偿'],
      slots: { 合同: ['不签劳动合同', '无故辞退员工', '强迫员工自愿离职'], 年: ['三', '五', '八'] },
    },
    {
      dept: '社保中心',
      subject: ['医保报销问题', '异地医保报销'],
      body: ['{人}在外地住院，{医保}', '医保窗口{回应}', '希望简化手续'],
      slots: { 医保: ['医保报销不了', '报销比例太低', '异地备案办不下来'], 回应: ['材料要了一遍又一遍', '说系统不通'] },
    },
    {
      dept: '人社局',
      subject: ['工伤认定', '工伤赔偿'],
      body: ['{人}在{单位}上班时{受伤}', '公司不给申请工伤认定', '医药费都是自己垫付'],
      slots: {
        单位: ['工地', '工厂', '快递站'],
        受伤: ['从脚手架上摔下来', '手被机器轧伤', '搬货扭伤了腰'],
      },
    },
  ],
  市场监管: [
    {
      dept: '市场监管局',
      subject: ['食品安全', '买到过期食品'],
      body: ['在{路}的{商店}买的{食品}{问题}', '商家不承认', '要求退一赔十'],
      slots: {
        商店: ['超市', '便利店', '小卖部', '菜市场'],
        食品: ['牛奶', '面包', '熟食', '饮料'],
        问题: ['已经过期', '里面有异物', '发霉变质', '吃了拉肚子'],
      },
    },
    {
      dept: '市场监管局',
      subject: ['价格欺诈', '乱涨价'],
      body: ['{路}的{商户}{价格}', '明码标价和结账不一样', '涉嫌价格欺诈'],
      slots: { 商户: ['水果店', '饭店', '加油站', '停车场'], 价格: ['结账时多收钱', '临时涨价', '缺斤短两'] },
    },
    {
      dept: '市场监管局',
      subject: ['预付卡退费', '健身房跑路', '办卡后关门'],
      body: ['{人}在{机构}办了{金额}的会员卡', '现在{跑路}', '要求退还余额'],
      slots: {
        机构: ['健身房', '美容院', '理发店', '游泳馆', '培训机构'],
        金额: ['三千元', '五千元', '一万元'],
        跑路: ['店门关了老板失联', '突然停业', '换了老板不认卡'],
      },
    },
    {
      dept: '市场监管局',
      subject: ['虚假宣传', '保健品虚假宣传'],
      body: ['有公司在{小区}{宣传}', '{人}买了好几千元的保健品', '涉嫌虚假宣传'],
      slots: { 宣传: ['给老人办讲座推销保健品', '宣传产品能治病', '发传单夸大效果'] },
    },
    {
      dept: '市场监管局',
      subject: ['无证经营', '黑作坊'],
      body: ['{路}有一家{作坊}', '没有营业执照', '卫生条件很差'],
      slots: { 作坊: ['食品加工黑作坊', '无证小餐馆', '私人诊所卖药', '豆腐作坊'] },
    },
    {
      dept: '市场监管局',
      subject: ['网购退货', '商家不退款'],
      body: ['{时间}买的{商品}{质量}', '商家{回应}', '请求维护消费者权益'],
      slots: {
        商品: ['电动车', '空调', '手机', '家具'],
        质量: ['有质量问题', '和描述不符', '用了两天就坏了'],
        回应: ['拒绝退货', '不给维修', '推给厂家'],
      },
    },
  ],
  教育卫生: [
    {
      dept: '教育局',
      subject: ['学校乱收费', '学校收费问题'],
      body: ['孩子所在的{学校}{收费}', '家长不交就{威胁}', '请教育部门查处'],
      slots: {
        学校: ['实验小学', '第二中学', '城关幼儿园', '育才初中'],
        收费: ['强制收取资料费', '收取补课费', '要求统一订购校服'],
        威胁: ['被老师点名', '不让上课'],
      },
    },
    {
      dept: '教育局',
      subject: ['入学划片', '孩子上学问题'],
      body: ['{人}户口在{小区}，{入学}', '学校说{回应}', '请求解决孩子上学'],
      slots: {
        入学: ['孩子被划到很远的学校', '报不上名', '学位不够'],
        回应: ['学位已满', '要房产证原件'],
      },
    },
    {
      dept: '卫健委',
      subject: ['医院服务态度', '看病难'],
      body: ['{时间}在{医院}看病，{医院问题}', '{人}等了一上午', '希望改进'],
      slots: {
        医院: ['县医院', '人民医院', '中医院', '社区卫生服务中心'],
        医院问题: ['医生态度恶劣', '挂号排长队', '乱开检查', '护士不理人'],
      },
    },
    {
      dept: '卫健委',
      subject: ['疫苗接种', '预约打疫苗'],
      body: ['孩子要打{疫苗}，{疫苗问题}', '社区卫生服务中心{回应}', '家长很着急'],
      slots: {
        疫苗: ['百白破疫苗', '流感疫苗', 'HPV疫苗'],
        疫苗问题: ['一直预约不上', '说没有货', '接种时间一改再改'],
        回应: ['让等通知', '电话没人接'],
      },
    },
    {
      dept: '教育局',
      subject: ['学校食堂', '食堂饭菜质量差'],
      body: ['{学校}食堂{食堂}', '孩子回家说吃不饱', '家长担心食品安全'],
      slots: {
        学校: ['实验小学', '第二中学', '育才初中'],
        食堂: ['饭菜质量差', '价格贵分量少', '卫生条件差'],
      },
    },
    {
      dept: '教育局',
      subject: ['校外培训', '违规补课'],
      body: ['有{老师}在{地点}{补课}', '一节课收费两百元', '家长不敢不去'],
      slots: {
        老师: ['在职教师', '学校老师'],
        地点: ['{小区}家里', '一家培训机构'],
        补课: ['办补习班', '组织有偿补课'],
      },
    },
    {
      dept: '卫健委',
      subject: ['诊所问题', '私人诊所'],
      body: ['{路}一家诊所{诊所}', '{人}打针后{反应}', '要求调查'],
      slots: { 诊所: ['医生没有执业证', '乱用抗生素', '输液不规范'], 反应: ['过敏', '一直发烧'] },
    },
  ],
  公共安全: [
    {
      dept: '派出所',
      subject: ['邻居噪音扰民', '楼上噪音'],
      body: ['{小区}楼上邻居{邻居}', '{时间}一直这样', '沟通多次没用，请派出所处理'],
      slots: { 邻居: ['半夜蹦迪', '深夜喝酒吵闹', '天天半夜装修', '打麻将到凌晨'] },
    },
    {
      dept: '消防大队',
      subject: ['电动车楼道充电', '飞线充电'],
      body: ['{小区}有住户{充电}', '存在很大的火灾隐患', '物业{回应}'],
      slots: {
        充电: ['把电动车推进楼道充电', '从楼上拉电线飞线充电', '在电梯里带电动车'],
        回应: ['管不了', '贴了通知没用'],
      },
    },
    {
      dept: '消防大队',
      subject: ['消防通道被占', '堵塞消防通道'],
      body: ['{小区}消防通道{占用}', '一旦着火消防车进不来', '请消防部门检查'],
      slots: { 占用: ['被私家车长期占用', '堆满杂物', '被锁住了'] },
    },
    {
      dept: '派出所',
      subject: ['电信诈骗', '被骗'],
      body: ['{人}接到{诈骗}', '被骗走{金额}', '已经报警，请求尽快追回'],
      slots: {
        诈骗: ['自称客服的电话', '冒充公检法的电话', '刷单返利的链接'],
        金额: ['两万元', '八千元', '五万元'],
      },
    },
    {
      dept: '派出所',
      subject: ['小区盗窃', '电动车被偷'],
      body: ['{小区}{时间}{盗窃}', '小区监控{监控}', '居民都很担心'],
      slots: { 盗窃: ['接连发生电动车被盗', '有人撬门入室盗窃', '车里的东西被偷'], 监控: ['是坏的', '拍不清楚'] },
    },
    {
      dept: '派出所',
      subject: ['广场舞噪音', '广场舞扰民'],
      body: ['{小区}广场{时间}跳广场舞', '音响开得特别大', '孩子没法写作业'],
    },
    {
      dept: '派出所',
      subject: ['养狗伤人', '遛狗不拴绳'],
      body: ['{小区}有人遛狗不拴绳', '{人}被狗{咬}', '狗主人不承认'],
      slots: { 咬: ['咬伤了', '追着吓哭了'] },
    },
  ],
};

const openings = [
  '您好，',
  '我是{小区}的业主，',
  '本人住在{路}，',
  '市民来电反映：',
  '来电人称：',
  '',
  '',
  '你好，我想反映个问题，',
];
const closings = [
  '希望相关部门尽快处理。',
  '请尽快解决，谢谢！',
  '已经反映多次，一直没有结果。',
  '要求给个说法。',
  '望领导重视。',
  '请相关部门核实处理。',
  '',
];
// Characters a typo may put in (homophones and neighbours on the keyboard are out of reach; any common character will do).
const typoChars = Array.from(
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长',
);

// Callers name the same thing many ways; a word seen in training is often not the one in the next message.
const synonyms: [string, string[]][] = [
  ['物业', ['物业', '物管', '物业公司']],
  ['电动车', ['电动车', '电瓶车', '电驴', '电动自行车']],
  ['噪音', ['噪音', '噪声', '吵闹声', '动静']],
  ['工资', ['工资', '工钱', '薪水', '血汗钱']],
  ['社保', ['社保', '社会保险', '五险']],
  ['孩子', ['孩子', '小孩', '娃', '小朋友']],
  ['老板', ['老板', '老总', '负责人', '包工头']],
  ['施工', ['施工', '干活', '作业', '开工']],
  ['垃圾', ['垃圾', '废弃物', '脏东西']],
  ['医院', ['医院', '卫生院', '门诊']],
  ['学校', ['学校', '校方', '学堂']],
  ['商家', ['商家', '店家', '老板', '卖家']],
  ['退费', ['退费', '退钱', '退款']],
  ['公交车', ['公交车', '公交', '巴士', '班车']],
  ['司机', ['司机', '师傅', '驾驶员']],
  ['诈骗', ['诈骗', '骗局', '骗子']],
  ['消防', ['消防', '防火']],
  ['废气', ['废气', '臭气', '烟气']],
  ['污水', ['污水', '脏水', '废水']],
  ['路灯', ['路灯', '街灯', '灯']],
];
// Said in every kind of call: they tell nothing about the class.
const narrative = [
  '这个问题存在很久了',
  '我们已经打了好几次电话',
  '社区也来看过但是没有下文',
  '家里有老人和孩子',
  '晚上根本休息不好',
  '周边居民意见很大',
  '之前在网上也反映过',
  '希望能派人来现场看看',
  '大家都很气愤',
  '我们也不知道该找哪个部门',
  '拖了这么久一直没解决',
  '影响了很多人的正常生活',
  '拍了照片和视频可以提供',
  '上次答复说会处理结果还是老样子',
  '我的电话是{电话}',
  '具体位置在{路}附近',
  '安全隐患很大',
  '有关部门互相推诿',
];

export interface GenerateOptions {
  /** Share of rows whose label is replaced by another class (annotators disagree). */
  labelNoise?: number;
  /** Chance that a message also mentions another class's problem in passing. */
  secondTopic?: number;
  /** Chance of each typo slot (up to three per message). */
  typo?: number;
  /** Mean number of narrative sentences (said in any kind of call). */
  narrative?: number;
}

const classWeights = [0.24, 0.15, 0.12, 0.12, 0.14, 0.11, 0.12];

export function generateAppeals(count: number, seed: number, options: GenerateOptions = {}): Appeal[] {
  const { labelNoise = 0.05, secondTopic = 0.4, typo = 0.5, narrative: narrativeMean = 1.5 } = options;
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const fill = (template: string, slots: Record<string, string[]>, depth = 0): string =>
    template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const options = slots[name] ?? shared[name];
      const value = options ? pick(options) : name;
      return depth < 2 ? fill(value, slots, depth + 1) : value;
    });
  const classOf = () => {
    let r = random();
    for (let k = 0; k < classWeights.length; k++) {
      r -= classWeights[k];
      if (r < 0) return k;
    }
    return classWeights.length - 1;
  };
  const out: Appeal[] = [];
  for (let i = 0; i < count; i++) {
    const k = classOf();
    const label = appealClasses[k];
    const issue = pick(issues[label]);
    const slots = issue.slots ?? {};
    // Not every sentence is said: a caller tells two of three, in any order.
    const sentences = issue.body.filter(() => random() < 0.8);
    if (sentences.length === 0) sentences.push(issue.body[0]);
    if (random() < 0.3) sentences.reverse();
    const told = sentences.map((s) => fill(s, slots));
    for (let n = 0; n < 2 * narrativeMean; n++)
      if (random() < 0.5) told.splice(Math.floor(random() * (told.length + 1)), 0, fill(pick(narrative), slots));
    let details = fill(pick(openings), slots) + told.join('，') + '。';
    if (random() < secondTopic) {
      const other = pick(issues[appealClasses[(k + 1 + Math.floor(random() * 6)) % 7]]);
      details += `另外，${fill(pick(other.body), other.slots ?? {})}。`;
    }
    details += fill(pick(closings), slots);
    for (const [word, forms] of synonyms)
      if (details.includes(word))
        details = details
          .split(word)
          .map((part, j) => (j === 0 ? part : pick(forms) + part))
          .join('');
    const chars = Array.from(details);
    for (let t = 0; t < 3; t++) if (random() < typo) chars[Math.floor(random() * chars.length)] = pick(typoChars);
    details = chars.join('');
    const subject = random() < 0.15 ? '' : fill(pick(issue.subject), slots);
    const noisy = random() < labelNoise ? appealClasses[(k + 1 + Math.floor(random() * 6)) % 7] : label;
    out.push({ subject, details, label: noisy, department: issue.dept });
  }
  return out;
}

/** text = 主题 + 详情, as the evaluate command reads a sheet. */
export function appealText(a: Appeal): string {
  return [a.subject, a.details].filter((t) => t.length > 0).join('\n');
}
