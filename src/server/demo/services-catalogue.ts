import type { Transaction } from 'kysely';
import {
  commonMaterials,
  formDefinitionSchema,
  materialSchema,
  type FormField,
  type Material,
} from '../../shared/service-forms.js';
import type { ApplyChannel, HandlerLevel } from '../../shared/services.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';

// 服务事项目录 of the demo county, as a county service centre lists it: 8 categories ("8 大类"),
// over 100 items, each with its form (name, ID number, phone and address prefilled from the
// registry) and its materials, handled by the community, the street or a department of the county;
// and 5 classes of 一件事一次办 with 23 bundles. Fixed data, inserted in a few batches.

type Handler = 'c' | 's' | string; // community, street, or a department code
interface ItemSpec {
  name: string;
  by: Handler;
  days: number;
  fields?: string[];
  materials?: string[];
  channel?: ApplyChannel;
  fee?: number; // fen
  feeNote?: string;
  eligibility?: string;
  basis?: string;
}

const 民政局 = 'D61089908';
const 市场监管局 = 'D61089907';
const 住建局 = 'D61089906';
const 城管局 = 'D61089905';
const 派出所 = 'D61089903';
const 供水 = 'D61089909';
const 供电 = 'D61089910';

// ── fields ───────────────────────────────────────────────────────────────────────────────────
const person: FormField[] = [
  { key: 'name', label: '申请人姓名', kind: 'text', required: true, prefill: 'name', maxLength: 20 },
  { key: 'id_number', label: '公民身份号码', kind: 'id_number', required: true, prefill: 'id_number' },
  { key: 'phone', label: '联系电话', kind: 'phone', required: true, prefill: 'phone' },
  { key: 'address', label: '现住址', kind: 'address', required: true, prefill: 'address', maxLength: 100 },
];
const choice = (key: string, label: string, options: string[], required = true): FormField => ({
  key,
  label,
  kind: 'choice',
  required,
  options,
});
const number = (key: string, label: string, max: number, integer = false): FormField => ({
  key,
  label,
  kind: 'number',
  required: true,
  min: 0,
  max,
  ...(integer ? { integer: true } : {}),
});
const words = (key: string, label: string, required = true, maxLength = 40): FormField => ({
  key,
  label,
  kind: 'text',
  required,
  maxLength,
});
const date = (key: string, label: string, required = true): FormField => ({ key, label, kind: 'date', required });

const extra: Record<string, FormField> = {
  reason: { key: 'reason', label: '申请事由', kind: 'textarea', required: true, minLength: 5, maxLength: 500 },
  household_head: { key: 'household_head', label: '户主姓名', kind: 'text', required: true, prefill: 'household_head' },
  gender: { key: 'gender', label: '性别', kind: 'choice', required: true, prefill: 'gender', options: ['男', '女'] },
  birth_date: { key: 'birth_date', label: '出生日期', kind: 'date', required: true, prefill: 'birth_date' },
  members: {
    key: 'members',
    label: '共同生活家庭成员',
    kind: 'table',
    required: true,
    minRows: 1,
    maxRows: 10,
    columns: [
      { key: 'name', label: '姓名', kind: 'text', required: true },
      {
        key: 'relation',
        label: '与申请人关系',
        kind: 'choice',
        required: true,
        options: ['配偶', '子女', '父母', '兄弟姐妹', '其他'],
      },
      { key: 'id_number', label: '身份证号', kind: 'id_number', required: true },
      { key: 'income', label: '月收入（元）', kind: 'number', required: false, min: 0 },
    ],
  },
  monthly_income: number('monthly_income', '家庭月总收入（元）', 1_000_000),
  bank_account: words('bank_account', '收款银行卡号', true, 30),
  shop_name: words('shop_name', '字号名称'),
  business_scope: { key: 'business_scope', label: '经营范围', kind: 'textarea', required: true, maxLength: 300 },
  business_address: { key: 'business_address', label: '经营场所', kind: 'address', required: true, maxLength: 100 },
  area: number('area', '经营面积（平方米）', 100_000),
  employees: number('employees', '从业人数', 500, true),
  staff: {
    key: 'staff',
    label: '从业人员',
    kind: 'table',
    required: true,
    minRows: 1,
    maxRows: 20,
    columns: [
      { key: 'name', label: '姓名', kind: 'text', required: true },
      { key: 'id_number', label: '身份证号', kind: 'id_number', required: true },
      { key: 'health', label: '健康证明', kind: 'choice', required: true, options: ['已取得', '办理中'] },
    ],
  },
  move_from: { key: 'move_from', label: '迁出地详细地址', kind: 'address', required: true, maxLength: 100 },
  move_reason: choice('move_reason', '迁移原因', ['投靠亲属', '购房', '工作调动', '婚姻', '升学', '其他']),
  newborn_name: words('newborn_name', '新生儿姓名', true, 20),
  newborn_birth: date('newborn_birth', '新生儿出生日期'),
  newborn_gender: choice('newborn_gender', '新生儿性别', ['男', '女']),
  deceased_name: words('deceased_name', '逝者姓名', true, 20),
  deceased_id: { key: 'deceased_id', label: '逝者身份证号', kind: 'id_number', required: true },
  death_date: date('death_date', '死亡日期'),
  relation: choice('relation', '申请人与当事人关系', ['本人', '配偶', '子女', '父母', '其他亲属']),
  disability_kind: choice('disability_kind', '残疾类别', ['视力', '听力', '言语', '肢体', '智力', '精神', '多重']),
  disability_level: choice('disability_level', '残疾等级', ['一级', '二级', '三级', '四级']),
  meter_no: words('meter_no', '户号或表号', true, 20),
  house_area: number('house_area', '房屋建筑面积（平方米）', 10_000),
  landlord: words('landlord', '出租人姓名', true, 20),
  rent_start: date('rent_start', '租赁起始日期'),
  rent_end: date('rent_end', '租赁截止日期'),
  job_wanted: words('job_wanted', '求职意向', true, 60),
  education: choice('education', '文化程度', ['小学及以下', '初中', '高中或中专', '大专', '本科及以上']),
  course: choice('course', '培训工种', ['家政服务', '育婴员', '电工', '焊工', '中式烹调', '电子商务', '养老护理']),
  loan_amount: number('loan_amount', '申请贷款金额（元）', 300_000, true),
  visit_date: date('visit_date', '预约日期'),
  disease: choice('disease', '病种', [
    '高血压',
    '糖尿病',
    '慢性心功能不全',
    '慢性肾衰竭',
    '恶性肿瘤门诊治疗',
    '严重精神障碍',
  ]),
  hospital: words('hospital', '就诊医疗机构', true, 60),
  expense: number('expense', '医疗费用合计（元）', 10_000_000),
  destination: words('destination', '转入地（省市县）', true, 60),
  party_branch: words('party_branch', '原所在党组织', true, 60),
  service_kind: choice('service_kind', '服务类别', ['助餐', '助洁', '助浴', '助医', '陪护', '精神慰藉'], true),
  broadband: choice('broadband', '带宽', ['100M', '300M', '500M', '1000M']),
  gas_use: choice('gas_use', '用气类型', ['居民炊事', '居民采暖', '炊事及采暖']),
  sign_size: words('sign_size', '招牌尺寸（长×宽，米）', true, 20),
  road_section: words('road_section', '占用路段', true, 60),
  period: choice('period', '占用时长', ['7 天以内', '15 天以内', '30 天以内', '90 天以内']),
  evidence: { key: 'evidence', label: '其他证明材料', kind: 'file', required: false, maxFiles: 3 },
  photo_file: { key: 'photo_file', label: '本人近期照片', kind: 'file', required: true, maxFiles: 1 },
  volunteer_skill: choice('volunteer_skill', '服务特长', [
    '助老',
    '助残',
    '文明劝导',
    '环境保护',
    '法律咨询',
    '心理疏导',
    '其他',
  ]),
  venue: choice('venue', '活动场地', ['多功能厅', '会议室', '书画室', '舞蹈室', '室外广场']),
};

// ── materials ────────────────────────────────────────────────────────────────────────────────
const ownMaterials: Record<string, string> = {
  application_form: '申请表（现场填写或打印）',
  transfer_letter: '党员组织关系介绍信',
  party_application: '入党申请书',
  death_certificate: '居民死亡医学证明（推断）书',
  cremation_certificate: '火化证明',
  move_certificate: '准予迁入证明或迁移证',
  food_staff_health: '从业人员健康证明',
  floor_plan: '经营场所平面布局图',
  lease_contract: '房屋租赁合同',
  old_meter_bill: '近期缴费凭证',
  sign_design: '招牌设计效果图',
  retirement_notice: '退休审批表',
  unemployment_proof: '解除或终止劳动合同证明',
  invoice: '医疗费用发票及费用清单',
  hospital_record: '出院记录',
  training_certificate: '培训合格证书',
  guarantee: '担保或反担保材料',
  residence_proof: '居住证明',
};
const materialName = (key: string) => commonMaterials[key] ?? ownMaterials[key] ?? key;

// ── the items, by category ───────────────────────────────────────────────────────────────────
const categories: { code: string; name: string; items: ItemSpec[] }[] = [
  {
    code: 'DQ',
    name: '党群服务',
    items: [
      {
        name: '党员组织关系转入',
        by: 'c',
        days: 3,
        fields: ['party_branch'],
        materials: ['id_card', 'transfer_letter'],
      },
      { name: '党员组织关系转出', by: 'c', days: 3, fields: ['destination'], materials: ['id_card'] },
      { name: '流动党员活动证办理', by: 's', days: 5, fields: ['party_branch'], materials: ['id_card', 'photo'] },
      { name: '入党申请书受理', by: 'c', days: 5, fields: ['education'], materials: ['id_card', 'party_application'] },
      {
        name: '困难党员帮扶申请',
        by: 's',
        days: 10,
        fields: ['reason', 'monthly_income'],
        materials: ['id_card', 'income_proof'],
      },
      {
        name: '志愿者注册登记',
        by: 'c',
        days: 0,
        fields: ['volunteer_skill'],
        materials: ['id_card'],
        channel: 'online',
      },
      { name: '党群服务中心场地预约', by: 'c', days: 1, fields: ['venue', 'visit_date', 'reason'], channel: 'online' },
      { name: '工会会员入会登记', by: 's', days: 3, materials: ['id_card', 'photo'] },
      { name: '共青团员组织关系接转', by: 'c', days: 3, fields: ['destination'], materials: ['id_card'] },
      { name: '妇女儿童维权援助申请', by: 's', days: 5, fields: ['reason'], materials: ['id_card'] },
      { name: '新时代文明实践活动报名', by: 'c', days: 0, fields: ['volunteer_skill'], channel: 'online' },
      { name: '“两代表一委员”接待预约', by: 's', days: 3, fields: ['visit_date', 'reason'], channel: 'online' },
    ],
  },
  {
    code: 'MZ',
    name: '民政救助',
    items: [
      {
        name: '最低生活保障申请',
        by: 民政局,
        days: 30,
        fields: ['household_head', 'members', 'monthly_income', 'bank_account', 'reason'],
        materials: ['id_card', 'household_register', 'income_proof', 'bank_card'],
        eligibility: '共同生活的家庭成员人均收入低于本县城乡低保标准，且财产状况符合规定的本县户籍居民。',
        basis: '《社会救助暂行办法》（国务院令第 649 号）第九条至第十五条',
      },
      {
        name: '特困人员救助供养申请',
        by: 民政局,
        days: 30,
        fields: ['reason', 'bank_account'],
        materials: ['id_card', 'household_register', 'disability_certificate'],
        eligibility: '无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其义务人无履行能力的老年人、残疾人和未成年人。',
        basis: '《社会救助暂行办法》第十四条至第二十条',
      },
      {
        name: '临时救助申请',
        by: 's',
        days: 10,
        fields: ['reason', 'monthly_income', 'bank_account'],
        materials: ['id_card', 'household_register', 'income_proof'],
      },
      {
        name: '低收入人口认定',
        by: 民政局,
        days: 20,
        fields: ['household_head', 'members', 'monthly_income'],
        materials: ['id_card', 'household_register', 'income_proof'],
      },
      { name: '居民家庭经济状况核对授权', by: 'c', days: 0, fields: ['members'], materials: ['id_card'] },
      {
        name: '孤儿基本生活费申请',
        by: 民政局,
        days: 20,
        fields: ['reason', 'bank_account'],
        materials: ['id_card', 'household_register', 'death_certificate', 'bank_card'],
      },
      {
        name: '事实无人抚养儿童认定',
        by: 民政局,
        days: 20,
        fields: ['reason'],
        materials: ['id_card', 'household_register'],
      },
      {
        name: '城乡医疗救助申请',
        by: 民政局,
        days: 15,
        fields: ['hospital', 'expense', 'bank_account'],
        materials: ['id_card', 'invoice', 'hospital_record', 'bank_card'],
      },
      {
        name: '殡葬惠民补贴申请',
        by: 民政局,
        days: 10,
        fields: ['deceased_name', 'deceased_id', 'death_date', 'relation', 'bank_account'],
        materials: ['id_card', 'death_certificate', 'cremation_certificate', 'bank_card'],
      },
      {
        name: '结婚登记预约',
        by: 民政局,
        days: 0,
        fields: ['visit_date'],
        materials: ['id_card', 'household_register', 'photo'],
        channel: 'online',
      },
      { name: '流浪乞讨人员救助寻亲登记', by: 民政局, days: 5, fields: ['reason'], channel: 'window' },
      {
        name: '慈善救助申请',
        by: 'c',
        days: 10,
        fields: ['reason', 'monthly_income'],
        materials: ['id_card', 'income_proof'],
      },
      {
        name: '困境儿童保障申请',
        by: 民政局,
        days: 20,
        fields: ['reason', 'members'],
        materials: ['id_card', 'household_register'],
      },
    ],
  },
  {
    code: 'SB',
    name: '社会保障',
    items: [
      {
        name: '城乡居民基本养老保险参保登记',
        by: 's',
        days: 1,
        fields: ['household_head'],
        materials: ['id_card', 'household_register'],
        basis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8 号）',
      },
      {
        name: '城乡居民养老保险待遇领取',
        by: 's',
        days: 10,
        fields: ['bank_account'],
        materials: ['id_card', 'household_register', 'bank_card'],
      },
      { name: '养老保险待遇领取资格认证', by: 'c', days: 0, materials: ['id_card'], channel: 'online' },
      { name: '灵活就业人员参保登记', by: 's', days: 1, fields: ['job_wanted'], materials: ['id_card'] },
      {
        name: '社会保障卡申领',
        by: 's',
        days: 10,
        fields: ['photo_file', 'bank_account'],
        materials: ['id_card', 'photo'],
      },
      {
        name: '社会保障卡挂失与补换',
        by: 's',
        days: 10,
        fields: ['reason'],
        materials: ['id_card', 'photo'],
        fee: 0,
        feeNote: '损坏换卡免费',
      },
      {
        name: '城乡居民养老保险关系转移',
        by: 's',
        days: 15,
        fields: ['destination'],
        materials: ['id_card', 'household_register'],
      },
      {
        name: '丧葬补助金和抚恤金申领',
        by: 's',
        days: 10,
        fields: ['deceased_name', 'deceased_id', 'death_date', 'relation', 'bank_account'],
        materials: ['id_card', 'death_certificate', 'household_register', 'bank_card'],
      },
      { name: '个人权益记录查询打印', by: 'c', days: 0, materials: ['id_card'], channel: 'both' },
      {
        name: '被征地农民养老保险申请',
        by: 's',
        days: 20,
        fields: ['household_head', 'reason'],
        materials: ['id_card', 'household_register'],
      },
      { name: '退休人员社会化管理登记', by: 'c', days: 3, materials: ['id_card', 'retirement_notice'] },
      { name: '退役军人优待证申领', by: 's', days: 15, fields: ['photo_file'], materials: ['id_card', 'photo'] },
    ],
  },
  {
    code: 'YB',
    name: '医疗保障',
    items: [
      {
        name: '城乡居民医疗保险参保登记',
        by: 's',
        days: 1,
        fields: ['household_head', 'members'],
        materials: ['id_card', 'household_register'],
      },
      { name: '城乡居民医保缴费代办', by: 'c', days: 0, fields: ['members'], materials: ['id_card'] },
      { name: '医保关系转移接续', by: 's', days: 15, fields: ['destination'], materials: ['id_card'] },
      {
        name: '异地就医备案',
        by: 's',
        days: 1,
        fields: ['destination', 'hospital'],
        materials: ['id_card', 'residence_proof'],
        channel: 'online',
      },
      {
        name: '门诊慢特病待遇认定',
        by: 's',
        days: 15,
        fields: ['disease', 'hospital'],
        materials: ['id_card', 'medical_record'],
      },
      {
        name: '医疗费用手工报销',
        by: 's',
        days: 20,
        fields: ['hospital', 'expense', 'bank_account'],
        materials: ['id_card', 'invoice', 'hospital_record', 'bank_card'],
      },
      {
        name: '生育医疗费用报销',
        by: 's',
        days: 20,
        fields: ['hospital', 'expense', 'bank_account'],
        materials: ['id_card', 'birth_certificate', 'invoice', 'bank_card'],
      },
      {
        name: '大病保险待遇申请',
        by: 's',
        days: 20,
        fields: ['hospital', 'expense', 'bank_account'],
        materials: ['id_card', 'invoice', 'medical_record', 'bank_card'],
      },
      { name: '家庭医生签约服务', by: 'c', days: 3, fields: ['members'], materials: ['id_card'], channel: 'online' },
      { name: '参保缴费证明打印', by: 'c', days: 0, materials: ['id_card'] },
      { name: '医保电子凭证激活指导', by: 'c', days: 0, channel: 'window' },
    ],
  },
  {
    code: 'HJ',
    name: '户籍证照',
    items: [
      {
        name: '居民身份证申领',
        by: 派出所,
        days: 20,
        fields: ['photo_file'],
        materials: ['household_register', 'photo'],
        fee: 2000,
        feeNote: '工本费 20 元',
        basis: '《中华人民共和国居民身份证法》',
      },
      {
        name: '居民身份证换领补领',
        by: 派出所,
        days: 20,
        fields: ['reason', 'photo_file'],
        materials: ['household_register', 'photo'],
        fee: 4000,
        feeNote: '换领 20 元，补领 40 元',
      },
      {
        name: '临时居民身份证办理',
        by: 派出所,
        days: 1,
        materials: ['household_register', 'photo'],
        fee: 1000,
        feeNote: '工本费 10 元',
      },
      {
        name: '出生登记',
        by: 派出所,
        days: 5,
        fields: ['newborn_name', 'newborn_birth', 'newborn_gender', 'household_head'],
        materials: ['birth_certificate', 'household_register', 'marriage_certificate', 'id_card'],
      },
      {
        name: '户口迁入',
        by: 派出所,
        days: 10,
        fields: ['move_from', 'move_reason'],
        materials: ['id_card', 'household_register', 'property_certificate'],
      },
      {
        name: '户口迁出',
        by: 派出所,
        days: 5,
        fields: ['destination', 'move_reason'],
        materials: ['id_card', 'household_register', 'move_certificate'],
      },
      {
        name: '死亡注销户口',
        by: 派出所,
        days: 1,
        fields: ['deceased_name', 'deceased_id', 'death_date', 'relation'],
        materials: ['id_card', 'household_register', 'death_certificate'],
      },
      { name: '居住登记', by: 'c', days: 1, fields: ['move_from'], materials: ['id_card', 'lease_contract'] },
      {
        name: '居住证申领',
        by: 派出所,
        days: 15,
        fields: ['photo_file'],
        materials: ['id_card', 'photo', 'residence_proof'],
      },
      { name: '户籍证明开具', by: 派出所, days: 0, fields: ['reason'], materials: ['id_card', 'household_register'] },
      { name: '户口簿补领', by: 派出所, days: 5, fields: ['household_head', 'reason'], materials: ['id_card'] },
      { name: '无犯罪记录证明', by: 派出所, days: 3, fields: ['reason'], materials: ['id_card'], channel: 'online' },
    ],
  },
  {
    code: 'JY',
    name: '就业创业',
    items: [
      {
        name: '失业登记',
        by: 's',
        days: 1,
        fields: ['education', 'job_wanted'],
        materials: ['id_card', 'unemployment_proof'],
      },
      { name: '就业登记', by: 's', days: 1, fields: ['shop_name'], materials: ['id_card'] },
      {
        name: '就业困难人员认定',
        by: 's',
        days: 10,
        fields: ['reason', 'education'],
        materials: ['id_card', 'household_register', 'unemployment_proof'],
      },
      { name: '《就业创业证》申领', by: 's', days: 5, fields: ['education'], materials: ['id_card', 'photo'] },
      {
        name: '求职登记与岗位推荐',
        by: 'c',
        days: 3,
        fields: ['education', 'job_wanted'],
        materials: ['id_card'],
        channel: 'online',
      },
      {
        name: '公益性岗位申请',
        by: 's',
        days: 15,
        fields: ['reason', 'education'],
        materials: ['id_card', 'household_register'],
      },
      {
        name: '职业技能培训报名',
        by: 's',
        days: 3,
        fields: ['course', 'education'],
        materials: ['id_card'],
        channel: 'online',
      },
      {
        name: '职业技能培训补贴申领',
        by: 's',
        days: 20,
        fields: ['course', 'bank_account'],
        materials: ['id_card', 'training_certificate', 'bank_card'],
      },
      {
        name: '灵活就业社会保险补贴申请',
        by: 's',
        days: 20,
        fields: ['bank_account'],
        materials: ['id_card', 'bank_card'],
      },
      {
        name: '创业担保贷款申请',
        by: 's',
        days: 20,
        fields: ['shop_name', 'loan_amount', 'business_address'],
        materials: ['id_card', 'business_licence', 'guarantee'],
      },
      {
        name: '一次性创业补贴申请',
        by: 's',
        days: 20,
        fields: ['shop_name', 'employees', 'bank_account'],
        materials: ['id_card', 'business_licence', 'bank_card'],
      },
      {
        name: '个体工商户设立登记',
        by: 市场监管局,
        days: 1,
        fields: ['shop_name', 'business_scope', 'business_address', 'employees'],
        materials: ['id_card', 'property_certificate'],
        basis: '《促进个体工商户发展条例》',
      },
      {
        name: '个体工商户变更登记',
        by: 市场监管局,
        days: 1,
        fields: ['shop_name', 'reason'],
        materials: ['id_card', 'business_licence'],
      },
      {
        name: '个体工商户注销登记',
        by: 市场监管局,
        days: 1,
        fields: ['shop_name', 'reason'],
        materials: ['id_card', 'business_licence'],
      },
      {
        name: '食品经营许可',
        by: 市场监管局,
        days: 10,
        fields: ['shop_name', 'business_address', 'area', 'staff'],
        materials: ['business_licence', 'food_staff_health', 'floor_plan'],
        basis: '《中华人民共和国食品安全法》第三十五条',
      },
      {
        name: '小餐饮登记',
        by: 市场监管局,
        days: 5,
        fields: ['shop_name', 'business_address', 'area', 'staff'],
        materials: ['id_card', 'food_staff_health', 'lease_contract'],
      },
      {
        name: '食品小作坊登记',
        by: 市场监管局,
        days: 10,
        fields: ['shop_name', 'business_address', 'area', 'staff'],
        materials: ['id_card', 'food_staff_health', 'floor_plan'],
      },
      {
        name: '户外招牌设置备案',
        by: 城管局,
        days: 5,
        fields: ['shop_name', 'business_address', 'sign_size'],
        materials: ['business_licence', 'sign_design'],
      },
      {
        name: '城市道路临时占用许可',
        by: 城管局,
        days: 5,
        fields: ['road_section', 'period', 'reason'],
        materials: ['id_card', 'business_licence'],
      },
    ],
  },
  {
    code: 'LC',
    name: '老龄残疾',
    items: [
      {
        name: '高龄津贴申领',
        by: 's',
        days: 15,
        fields: ['birth_date', 'bank_account'],
        materials: ['id_card', 'household_register', 'bank_card'],
        eligibility: '年满 80 周岁的本县户籍老年人。',
      },
      {
        name: '老年人优待证办理',
        by: 'c',
        days: 5,
        fields: ['birth_date', 'photo_file'],
        materials: ['id_card', 'photo'],
      },
      {
        name: '经济困难老年人养老服务补贴',
        by: 民政局,
        days: 20,
        fields: ['birth_date', 'monthly_income', 'service_kind'],
        materials: ['id_card', 'household_register', 'income_proof'],
      },
      { name: '居家养老服务申请', by: 'c', days: 5, fields: ['service_kind', 'reason'], materials: ['id_card'] },
      { name: '老年助餐服务登记', by: 'c', days: 1, fields: ['birth_date'], materials: ['id_card'], channel: 'online' },
      {
        name: '适老化改造申请',
        by: 's',
        days: 20,
        fields: ['house_area', 'reason'],
        materials: ['id_card', 'property_certificate'],
      },
      {
        name: '残疾人证办理',
        by: 's',
        days: 20,
        fields: ['disability_kind', 'photo_file'],
        materials: ['id_card', 'household_register', 'photo', 'medical_record'],
        basis: '《中华人民共和国残疾人保障法》',
      },
      {
        name: '残疾人证换领与迁移',
        by: 's',
        days: 10,
        fields: ['disability_kind', 'disability_level', 'reason'],
        materials: ['id_card', 'disability_certificate', 'photo'],
      },
      {
        name: '困难残疾人生活补贴',
        by: 民政局,
        days: 20,
        fields: ['disability_kind', 'disability_level', 'bank_account'],
        materials: ['id_card', 'disability_certificate', 'bank_card'],
      },
      {
        name: '重度残疾人护理补贴',
        by: 民政局,
        days: 20,
        fields: ['disability_kind', 'disability_level', 'bank_account'],
        materials: ['id_card', 'disability_certificate', 'bank_card'],
      },
      {
        name: '残疾人辅助器具适配申请',
        by: 's',
        days: 15,
        fields: ['disability_kind', 'reason'],
        materials: ['id_card', 'disability_certificate'],
      },
      { name: '老年人意外伤害保险代办', by: 'c', days: 1, fields: ['birth_date'], materials: ['id_card'] },
    ],
  },
  {
    code: 'SH',
    name: '生活缴费',
    items: [
      {
        name: '居民用水报装',
        by: 供水,
        days: 10,
        fields: ['house_area'],
        materials: ['id_card', 'property_certificate'],
      },
      {
        name: '用水过户',
        by: 供水,
        days: 3,
        fields: ['meter_no'],
        materials: ['id_card', 'property_certificate', 'old_meter_bill'],
      },
      { name: '水费缴纳代办', by: 'c', days: 0, fields: ['meter_no'], channel: 'both' },
      {
        name: '居民用电报装',
        by: 供电,
        days: 10,
        fields: ['house_area'],
        materials: ['id_card', 'property_certificate'],
      },
      {
        name: '电力过户',
        by: 供电,
        days: 3,
        fields: ['meter_no'],
        materials: ['id_card', 'property_certificate', 'old_meter_bill'],
      },
      { name: '电费缴纳代办', by: 'c', days: 0, fields: ['meter_no'], channel: 'both' },
      {
        name: '一户多人口阶梯电价申请',
        by: 供电,
        days: 5,
        fields: ['meter_no', 'members'],
        materials: ['id_card', 'household_register'],
      },
      {
        name: '燃气开户',
        by: 'c',
        days: 5,
        fields: ['gas_use', 'house_area'],
        materials: ['id_card', 'property_certificate'],
      },
      { name: '燃气费缴纳代办', by: 'c', days: 0, fields: ['meter_no'] },
      { name: '宽带报装预约', by: 'c', days: 3, fields: ['broadband', 'visit_date'], channel: 'online' },
      { name: '有线电视开通', by: 'c', days: 3, fields: ['visit_date'], materials: ['id_card'] },
      {
        name: '房屋租赁登记备案',
        by: 住建局,
        days: 3,
        fields: ['landlord', 'rent_start', 'rent_end', 'house_area'],
        materials: ['id_card', 'property_certificate', 'lease_contract'],
        basis: '《商品房屋租赁管理办法》',
      },
      {
        name: '老旧小区加装电梯申请',
        by: 住建局,
        days: 20,
        fields: ['house_area', 'reason'],
        materials: ['id_card', 'property_certificate'],
      },
    ],
  },
];

const defaultEligibility: Record<string, string> = {
  DQ: '本社区（街道）党员、团员、群众。',
  MZ: '本县户籍或持有本县居住证、符合救助条件的居民。',
  SB: '本县户籍或在本县参保的居民。',
  YB: '在本县参加基本医疗保险的居民。',
  HJ: '本县户籍居民或在本县居住的人员。',
  JY: '在本县就业、创业或有就业意愿的劳动年龄人口。',
  LC: '本县户籍的老年人、残疾人及其家属。',
  SH: '本县居民用户。',
};

// ── 一件事一次办 ─────────────────────────────────────────────────────────────────────────────
const bundleClasses: { code: string; name: string; bundles: [string, string, string[]][] }[] = [
  {
    code: 'LS',
    name: '零售',
    bundles: [
      [
        '我要开便利店',
        '营业执照、食品经营许可、招牌备案一次办',
        ['个体工商户设立登记', '食品经营许可', '户外招牌设置备案', '灵活就业人员参保登记'],
      ],
      ['我要开书店文具店', '营业执照、招牌备案一次办', ['个体工商户设立登记', '户外招牌设置备案']],
      [
        '我要开水果店',
        '营业执照、食品经营许可、招牌备案一次办',
        ['个体工商户设立登记', '食品经营许可', '户外招牌设置备案'],
      ],
      [
        '我要开母婴用品店',
        '营业执照、招牌备案、创业补贴一次办',
        ['个体工商户设立登记', '户外招牌设置备案', '一次性创业补贴申请'],
      ],
    ],
  },
  {
    code: 'JM',
    name: '居民服务',
    bundles: [
      [
        '新生儿出生一件事',
        '出生登记、医保参保、社保卡一次办',
        ['出生登记', '城乡居民医疗保险参保登记', '社会保障卡申领'],
      ],
      [
        '身后一件事',
        '户口注销、丧葬补助、殡葬补贴一次办',
        ['死亡注销户口', '丧葬补助金和抚恤金申领', '殡葬惠民补贴申请'],
      ],
      [
        '退休一件事',
        '养老待遇、社会化管理、优待证一次办',
        ['城乡居民养老保险待遇领取', '退休人员社会化管理登记', '老年人优待证办理'],
      ],
      ['残疾人服务一件事', '残疾人证、两项补贴一次办', ['残疾人证办理', '困难残疾人生活补贴', '重度残疾人护理补贴']],
      [
        '困难群众救助一件事',
        '低保、临时救助、医疗救助一次办',
        ['最低生活保障申请', '临时救助申请', '城乡医疗救助申请'],
      ],
      [
        '失业一件事',
        '失业登记、困难认定、技能培训一次办',
        ['失业登记', '就业困难人员认定', '职业技能培训报名', '公益性岗位申请'],
      ],
      [
        '高龄老人关爱一件事',
        '高龄津贴、养老服务补贴、助餐一次办',
        ['高龄津贴申领', '经济困难老年人养老服务补贴', '老年助餐服务登记'],
      ],
    ],
  },
  {
    code: 'ZL',
    name: '租赁',
    bundles: [
      ['房屋出租一件事', '租赁备案、居住登记一次办', ['房屋租赁登记备案', '居住登记']],
      ['租房落户一件事', '租赁备案、居住证、户口迁入一次办', ['房屋租赁登记备案', '居住证申领', '户口迁入']],
      [
        '商铺租赁开业一件事',
        '租赁备案、营业执照、招牌一次办',
        ['房屋租赁登记备案', '个体工商户设立登记', '户外招牌设置备案'],
      ],
      [
        '租房入住水电气网一件事',
        '用水、用电、燃气过户和宽带一次办',
        ['用水过户', '电力过户', '燃气开户', '宽带报装预约'],
      ],
    ],
  },
  {
    code: 'SP',
    name: '食品加工',
    bundles: [
      [
        '我要开小餐馆',
        '营业执照、食品经营许可、招牌、燃气一次办',
        ['个体工商户设立登记', '食品经营许可', '户外招牌设置备案', '燃气开户'],
      ],
      ['我要开早餐店', '营业执照、小餐饮登记、燃气一次办', ['个体工商户设立登记', '小餐饮登记', '燃气开户']],
      [
        '我要开食品小作坊',
        '营业执照、小作坊登记、用水报装一次办',
        ['个体工商户设立登记', '食品小作坊登记', '居民用水报装'],
      ],
      [
        '我要开面包房',
        '营业执照、食品经营许可、招牌、创业贷款一次办',
        ['个体工商户设立登记', '食品经营许可', '户外招牌设置备案', '创业担保贷款申请'],
      ],
    ],
  },
  {
    code: 'JT',
    name: '交通运输',
    bundles: [
      ['我要开快递驿站', '营业执照、招牌、就业登记一次办', ['个体工商户设立登记', '户外招牌设置备案', '就业登记']],
      [
        '我要跑个体货运',
        '营业执照、道路临时占用、灵活就业参保、创业贷款一次办',
        ['个体工商户设立登记', '城市道路临时占用许可', '灵活就业人员参保登记', '创业担保贷款申请'],
      ],
      [
        '我要开汽车维修店',
        '营业执照、招牌、用电报装一次办',
        ['个体工商户设立登记', '户外招牌设置备案', '居民用电报装'],
      ],
      ['我要开洗车店', '营业执照、用水报装、招牌一次办', ['个体工商户设立登记', '居民用水报装', '户外招牌设置备案']],
    ],
  },
];

/** One item's form: who is applying (prefilled), then what this item asks; checked like an edit. */
function formOf(spec: ItemSpec) {
  const own = (spec.fields ?? []).map((key) => {
    const f = extra[key];
    if (!f) throw new Error(`demo catalogue: no field ${key}`);
    return f;
  });
  return formDefinitionSchema.parse({ fields: [...person, ...own] });
}

function materialsOf(spec: ItemSpec): Material[] {
  return (spec.materials ?? []).map((key) =>
    materialSchema.parse({
      key,
      name: materialName(key),
      required: true,
      original: key === 'id_card' || key === 'household_register',
      copies: 1,
    }),
  );
}

function handlerOf(
  by: Handler,
  departmentIds: Map<string, string>,
): { level: HandlerLevel; departmentId: string | null } {
  if (by === 'c') return { level: 'community', departmentId: null };
  if (by === 's') return { level: 'street', departmentId: null };
  const id = departmentIds.get(by);
  if (!id) throw new Error(`demo catalogue: no department ${by}`);
  return { level: 'department', departmentId: id };
}

type CategoryRow = { id: string; code: string };

/** The item rows of every category, and each item's id by its name (bundles name their items). */
function itemRows(tenantId: string, categoryRows: CategoryRow[], departmentIds: Map<string, string>, now: Date) {
  const itemIds = new Map<string, string>();
  const rows = categories.flatMap((c, ci) =>
    c.items.map((spec, i) => {
      const { level, departmentId } = handlerOf(spec.by, departmentIds);
      const id = newId();
      itemIds.set(spec.name, id);
      return {
        id,
        tenant_id: tenantId,
        category_id: categoryRows[ci]!.id,
        code: `${c.code}-${String(i + 1).padStart(3, '0')}`,
        name: spec.name,
        summary: `${spec.name}${spec.days === 0 ? '，即来即办' : `，承诺 ${spec.days} 个工作日内办结`}。`,
        eligibility: spec.eligibility ?? defaultEligibility[c.code]!,
        handler_level: level,
        department_id: departmentId,
        time_limit_days: spec.days,
        fee_fen: spec.fee ?? 0,
        fee_note: spec.feeNote ?? (spec.fee ? '' : '不收费'),
        legal_basis: spec.basis ?? '',
        channel: spec.channel ?? 'both',
        form: JSON.stringify(formOf(spec)),
        materials: JSON.stringify(materialsOf(spec)),
        sort: i + 1,
        active: true,
        version: 1,
        created_at: now,
        updated_at: now,
      };
    }),
  );
  return { rows, itemIds };
}

async function insertBundles(trx: Transaction<Database>, tenantId: string, itemIds: Map<string, string>, now: Date) {
  const classRows = bundleClasses.map((c, i) => ({
    id: newId(),
    tenant_id: tenantId,
    code: c.code,
    name: c.name,
    sort: i + 1,
    created_at: now,
  }));
  const bundles = bundleClasses.flatMap((c, ci) =>
    c.bundles.map(([name, summary, itemNames], i) => ({
      row: {
        id: newId(),
        tenant_id: tenantId,
        class_id: classRows[ci]!.id,
        code: `YJS-${c.code}-${String(i + 1).padStart(2, '0')}`,
        name,
        summary,
        sort: i + 1,
        active: true,
        created_at: now,
        updated_at: now,
      },
      itemNames,
    })),
  );
  const links = bundles.flatMap((b) =>
    b.itemNames.map((itemName, n) => {
      const itemId = itemIds.get(itemName);
      if (!itemId) throw new Error(`demo catalogue: bundle ${b.row.name} names no item ${itemName}`);
      return { bundle_id: b.row.id, item_id: itemId, tenant_id: tenantId, sort: n + 1 };
    }),
  );
  await trx.insertInto('service_bundle_classes').values(classRows).execute();
  await trx
    .insertInto('service_bundles')
    .values(bundles.map((b) => b.row))
    .execute();
  await trx.insertInto('service_bundle_items').values(links).execute();
  return bundles.length;
}

/** Inserts the demo county's catalogue in a few batches; counts what it made. */
export async function seedDemoCatalogue(trx: Transaction<Database>, tenantId: string, now: Date) {
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const departmentIds = new Map(departments.map((d) => [d.code, d.id]));
  const categoryRows = categories.map((c, i) => ({
    id: newId(),
    tenant_id: tenantId,
    code: c.code,
    name: c.name,
    sort: i + 1,
    active: true,
    created_at: now,
  }));
  const { rows: items, itemIds } = itemRows(tenantId, categoryRows, departmentIds, now);
  await trx.insertInto('service_categories').values(categoryRows).execute();
  await trx.insertInto('service_items').values(items).execute();
  const versions = items.map((i) => ({
    item_id: i.id,
    version: 1,
    tenant_id: tenantId,
    form: i.form,
    materials: i.materials,
    time_limit_days: i.time_limit_days,
    saved_by: null,
    saved_at: now,
  }));
  await trx.insertInto('service_item_versions').values(versions).execute();
  const bundles = await insertBundles(trx, tenantId, itemIds, now);
  return { serviceCategories: categoryRows.length, serviceItems: items.length, serviceBundles: bundles };
}
