// 诉求: the closed sets of words a case is described with, and their Chinese labels. The server's
// schemas build their enums from these lists and the web names them with these labels, so a state
// added here reaches both at once.

export const caseStates = [
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'suspended',
  'resolved',
  'closed',
  'rejected',
  'verifying',
] as const;
export type CaseState = (typeof caseStates)[number];
export const caseStateLabels = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '已派单',
  in_progress: '处置中',
  suspended: '挂起',
  resolved: '已办结',
  closed: '已归档',
  rejected: '不予受理',
  verifying: '待核查',
} satisfies Record<CaseState, string>;

/** How a case came in (渠道). */
export const caseChannels = ['qr', 'snap', 'hotline', 'walkIn', 'kiosk', 'patrol', 'open311', 'import'] as const;
export type CaseChannel = (typeof caseChannels)[number];
export const caseChannelLabels = {
  qr: '码上反映',
  snap: '随手拍',
  hotline: '热线',
  walkIn: '窗口',
  kiosk: '自助终端',
  patrol: '网格巡查',
  open311: '开放接口',
  import: '导入',
} satisfies Record<CaseChannel, string>;
/** The channels staff enter a case through by hand (the others come from forms, devices and imports). */
export const staffCaseChannels = [
  'hotline',
  'walkIn',
  'patrol',
  'snap',
  'kiosk',
] as const satisfies readonly CaseChannel[];

/** What happened, as a case's timeline says it (console, phone pages and the printed case sheet). */
export const caseActionLabels = {
  submit: '提交诉求',
  accept: '受理',
  reject: '不予受理',
  contact: '联系反映人',
  dispatch: '派单',
  take: '接单',
  return: '退回',
  recall: '收回改派',
  suspend: '挂起',
  resume: '恢复办理',
  requestExtension: '申请延期',
  approveExtension: '批准延期',
  escalate: '上报',
  resolve: '办结',
  callback: '回访',
  rateSatisfied: '反映人评价',
  rateReopen: '评价不满意，重新办理',
  rateEscalate: '评价不满意，上报',
  close: '归档',
  note: '备注',
  warning: '即将超时',
  overdue: '已超时',
  urge: '督办',
  verify: '现场核查通过',
  failVerify: '核查未通过，退回重办',
  // the whistle's steps, as the case's own timeline shows them (吹哨报到)
  whistle: {
    whistle: '吹哨',
    acknowledge: '部门接哨',
    checkIn: '部门报到',
    report: '部门反馈',
    score: '吹哨评分',
    overdue: '吹哨超时',
  },
  // a dispute made from the case (issue 14)
  dispute: { record: '转为纠纷' },
  // a topic made from the case (issue 17)
  topic: { raise: '转为议题' },
};

/** The timeline's words for an action such as `dispatch` or `whistle.checkIn`; undefined when unknown. */
export function caseActionLabel(action: string): string | undefined {
  const [head, tail] = action.split('.');
  const entry = (caseActionLabels as Record<string, string | Record<string, string>>)[head];
  return typeof entry === 'string' ? (tail ? undefined : entry) : tail ? entry?.[tail] : undefined;
}

export const casePriorities = ['normal', 'urgent'] as const;
export type CasePriority = (typeof casePriorities)[number];

/** The reporter's rating (评价). */
export const caseRatings = ['satisfied', 'basic', 'unsatisfied'] as const;
export type CaseRating = (typeof caseRatings)[number];
export const caseRatingLabels = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
} satisfies Record<CaseRating, string>;

/** How near a running deadline is: yellow from 80 % of its time, red once it has passed (cases, whistles, legal questions). */
export const slaLevels = ['ok', 'yellow', 'red'] as const;
export type SlaLevel = (typeof slaLevels)[number];
export const slaLevelLabels = { ok: '正常', yellow: '即将超时', red: '已超时' } satisfies Record<SlaLevel, string>;

/**
 * The seven stages of the urban-grid standard (城市网格化管理 七个阶段): 信息采集 → 案卷建立 →
 * 任务派遣 → 任务处理 → 处理反馈 → 核查结案 → 综合评价. Each state belongs to one stage; the case
 * page shows them as a steps bar. A suspended case stays in the stage it was suspended in.
 */
export const caseStages = ['collect', 'file', 'dispatch', 'handle', 'feedback', 'verify', 'evaluate'] as const;
export type CaseStage = (typeof caseStages)[number];
export const caseStageLabels = {
  collect: '信息采集',
  file: '案卷建立',
  dispatch: '任务派遣',
  handle: '任务处理',
  feedback: '处理反馈',
  verify: '核查结案',
  evaluate: '综合评价',
} satisfies Record<CaseStage, string>;
export const caseStateStages = {
  submitted: 'collect', // reported, not yet accepted
  accepted: 'file', // 立案: accepted, waiting to be sent
  rejected: 'file', // not filed (不予受理): the flow ends at filing
  dispatched: 'dispatch', // sent, waiting to be taken
  in_progress: 'handle',
  suspended: 'handle', // when the state it was suspended from is unknown
  verifying: 'feedback', // the handler reported back; waiting for the on-site check (核查)
  resolved: 'verify', // checked (or no check needed): call back, rate and close
  closed: 'evaluate', // rated or closed: counts in the rates (三率)
} satisfies Record<CaseState, CaseStage>;

/** The stage a case is in; a suspended case is in the stage of the state it was suspended from. */
export function caseStageOf(state: CaseState, suspendedFrom?: CaseState | null): CaseStage {
  if (state === 'suspended' && suspendedFrom && suspendedFrom !== 'suspended') return caseStateStages[suspendedFrom];
  return caseStateStages[state];
}

/** Whom a case is sent to: a person, a department, or a volunteer team (上门服务). */
export const assigneeKinds = ['user', 'department', 'team'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];
/**
 * Who holds a dispatched case, as the reporter's tracking page names it — a kind, never a person:
 * 网格员, 社区工作者, 职能部门, 志愿服务队; `staff` for a person sent the case before the kind was kept.
 */
export const caseHolders = ['gridWorker', 'communityWorker', 'department', 'team', 'staff'] as const;
export type CaseHolder = (typeof caseHolders)[number];
export const assigneeKindLabels = {
  user: '工作人员',
  department: '职能部门',
  team: '志愿服务队',
} satisfies Record<AssigneeKind, string>;
