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
