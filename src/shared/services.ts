// 服务大厅 (issue 15): the words of services shared by server and web. The transition table itself
// lives in server/features/services/lifecycle.ts; these are its states and labels.

/** Where an item is handled (办理层级): the applicant's community, its street, or a department. */
export const handlerLevels = ['community', 'street', 'department'] as const;
export type HandlerLevel = (typeof handlerLevels)[number];
export const handlerLevelLabels: Record<HandlerLevel, string> = {
  community: '社区办理',
  street: '街道办理',
  department: '部门办理',
};

/** How an item may be applied for: online (phone), at the window, or both. */
export const applyChannels = ['online', 'window', 'both'] as const;
export type ApplyChannel = (typeof applyChannels)[number];
export const applyChannelLabels: Record<ApplyChannel, string> = {
  online: '网上办理',
  window: '窗口办理',
  both: '网上或窗口',
};

/** How one application came in. `window` is entered by a clerk for the resident (代办). */
export const applicationSources = ['phone', 'window', 'kiosk', 'adviser'] as const;
export type ApplicationSource = (typeof applicationSources)[number];
export const applicationSourceLabels: Record<ApplicationSource, string> = {
  phone: '手机申请',
  window: '窗口代办',
  kiosk: '自助终端',
  adviser: '救助顾问代办',
};

/**
 * An application's states. The working-day clock of each part starts at acceptance and stops while
 * the application waits for 补正 (supplement).
 */
export const applicationStates = [
  'submitted', // 待预审: waiting for the window's pre-check
  'supplement', // 待补正: material or answers missing; the clock is paused
  'accepted', // 已受理: parts sent to their handlers
  'in_review', // 审核中: at least one part being reviewed
  'approved', // 已办结（通过）: every part decided, at least one approved; result being prepared
  'refused', // 不予办理: every part refused
  'ready', // 待领取: result ready at the window
  'collected', // 已领取
  'withdrawn', // 已撤回
] as const;
export type ApplicationState = (typeof applicationStates)[number];
export const applicationStateLabels: Record<ApplicationState, string> = {
  submitted: '待预审',
  supplement: '待补正',
  accepted: '已受理',
  in_review: '审核中',
  approved: '审核通过',
  refused: '不予办理',
  ready: '待领取',
  collected: '已领取',
  withdrawn: '已撤回',
};

/** One part of an application: one item, reviewed by its handler on its own clock. */
export const partStates = [
  'waiting',
  'pending',
  'in_review',
  'supplement',
  'approved',
  'refused',
  'withdrawn',
] as const;
export type PartState = (typeof partStates)[number];
export const partStateLabels: Record<PartState, string> = {
  waiting: '待受理',
  pending: '待审核',
  in_review: '审核中',
  supplement: '待补正',
  approved: '已通过',
  refused: '未通过',
  withdrawn: '已撤回',
};

/** 好差评: the national five levels of a government service rating. */
export const serviceRatings = ['very_satisfied', 'satisfied', 'fair', 'dissatisfied', 'very_dissatisfied'] as const;
export type ServiceRating = (typeof serviceRatings)[number];
export const serviceRatingLabels: Record<ServiceRating, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  fair: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};
