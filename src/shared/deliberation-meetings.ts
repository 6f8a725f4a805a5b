// 议事会议 (issue 17): the words of deliberation meetings, shared by the server and the web.

/** 社区议事厅 | 网格议事厅 (with its grid) */
export const meetingHalls = ['community', 'grid'] as const;
export type MeetingHall = (typeof meetingHalls)[number];
/** 四方联动 | 居民说事 (凉亭会) | 听证会 */
export const meetingKinds = ['four_party', 'residents_talk', 'hearing'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingStates = ['planned', 'in_progress', 'held', 'cancelled'] as const;
export type MeetingState = (typeof meetingStates)[number];
export const meetingActions = ['start', 'finish', 'cancel'] as const;
export type MeetingAction = (typeof meetingActions)[number];
/** 受邀方: 社区, 物业公司, 业委会, 共建单位, 居民, 法律顾问, 调解员 */
export const partyKinds = [
  'community',
  'property_company',
  'owners_committee',
  'co_building_unit',
  'residents',
  'legal_adviser',
  'mediator',
] as const;
export type PartyKind = (typeof partyKinds)[number];
export const checkinVias = ['phone', 'qr', 'staff'] as const;
export type CheckinVia = (typeof checkinVias)[number];
export const itemOutcomes = ['decided', 'handed_up'] as const;
export type ItemOutcome = (typeof itemOutcomes)[number];
/** 一般任务 | 转为案件派部门 | 吹哨 */
export const taskKinds = ['task', 'case', 'whistle'] as const;
export type TaskKind = (typeof taskKinds)[number];
export const taskStates = ['open', 'done'] as const;
export type TaskState = (typeof taskStates)[number];

// planned → in_progress → held; planned | in_progress → cancelled (the agenda's topics go back to accepted)
export const meetingTransitions: Record<MeetingState, Partial<Record<MeetingAction, MeetingState>>> = {
  planned: { start: 'in_progress', cancel: 'cancelled' },
  in_progress: { finish: 'held', cancel: 'cancelled' },
  held: {},
  cancelled: {},
};

export const meetingActionsFrom = (state: MeetingState): MeetingAction[] =>
  meetingActions.filter((a) => meetingTransitions[state][a] !== undefined);

export const hallLabels: Record<MeetingHall, string> = { community: '社区议事厅', grid: '网格议事厅' };
export const meetingKindLabels: Record<MeetingKind, string> = {
  four_party: '四方联动',
  residents_talk: '居民说事',
  hearing: '听证会',
};
export const meetingStateLabels: Record<MeetingState, string> = {
  planned: '待召开',
  in_progress: '进行中',
  held: '已召开',
  cancelled: '已取消',
};
export const partyKindLabels: Record<PartyKind, string> = {
  community: '社区',
  property_company: '物业公司',
  owners_committee: '业委会',
  co_building_unit: '共建单位',
  residents: '居民代表',
  legal_adviser: '法律顾问',
  mediator: '调解员',
};
export const taskKindLabels: Record<TaskKind, string> = { task: '一般任务', case: '派部门案件', whistle: '吹哨' };
