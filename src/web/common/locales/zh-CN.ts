// Messages shared by the console and the phone pages.
import { genderLabels, relationLabels, residenceLabels, residentStatusLabels } from '../../../shared/people-labels';
import { roleLabels, roles } from '../../../shared/roles';

/** The shared labels, widened to `string` so the English file can give its own. */
const widen = <T extends Record<string, string>>(labels: T) => ({ ...labels }) as Record<keyof T, string>;

const roleNames = Object.fromEntries(roles.map((role) => [role, roleLabels[role]['zh-CN']])) as Record<
  (typeof roles)[number],
  string
>;

export default {
  common: {
    appName: '邻里',
    appFullName: '邻里 · 基层治理平台',
    ok: '确定',
    cancel: '取消',
    retry: '重试',
    back: '返回',
    search: '搜索',
    reset: '重置',
    loading: '加载中…',
    empty: '暂无数据',
    loadFailed: '加载失败',
    communityPick: '请选择（街道 → 社区）',
    communityPickTitle: '选择所在社区',
    networkError: '网络连接失败，请检查网络后重试',
    serverError: '服务暂时不可用（{status}），请稍后再试',
    comingSoon: '即将上线',
    listSeparator: '、',
    unit: { household: '户', grid: '个', person: '人' },
    yes: '是',
    no: '否',
    none: '无',
    close: '关闭',
    save: '保存',
    saved: '已保存',
    edit: '编辑',
    all: '全部',
  },
  language: {
    label: '语言',
    'zh-CN': '简体中文',
    en: 'English',
  },
  role: roleNames,
  placeKind: {
    province: '省',
    city: '市',
    county: '区县',
    street: '街道',
    community: '社区',
    grid: '网格',
    building: '楼栋',
    unit: '单元',
    household: '户',
    spot: '地点',
  },
  placeStatus: { active: '在用', retired: '已撤销' },
  gridKind: { comprehensive: '综合网格', dedicated: '专属网格' },
  departmentKind: {
    justice: '司法所',
    police: '派出所',
    city_management: '城市管理',
    housing: '住房和城乡建设',
    market_regulation: '市场监管',
    civil_affairs: '民政',
    water: '供水',
    power: '供电',
    gas: '燃气',
  },
  relation: widen(relationLabels),
  residence: widen(residenceLabels),
  residentStatus: widen(residentStatusLabels),
  gender: widen(genderLabels),
  partyOrgKind: {
    street_committee: '街道党工委',
    community_branch: '社区党总支',
    grid_branch: '网格党支部',
    building_group: '楼栋党小组',
    central_household: '党员中心户',
  },
  partyMemberKind: { full: '正式党员', probationary: '预备党员' },
  organisationKind: {
    property_company: '物业服务企业',
    co_building_unit: '共建单位',
    social_org: '社会组织',
    owners_committee: '业主委员会',
  },
};
