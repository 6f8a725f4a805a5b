// 积分 (issue 16): the rules points are earned by, shared by the server (the ledger) and the web.
// Points are integers. A rule's rate is per unit of its quantity (an hour, a wish, a checklist …);
// a community may set its own rate (points_rules), otherwise the default here holds.

export const pointsRules = [
  'volunteer_hours', // 志愿服务时长: per hour served, credited at check-out
  'activity_attended', // 参加活动: per activity attended (checked in)
  'post_claimed', // 双报到认岗: per post claimed and served for a month
  'wish_fulfilled', // 微心愿: per wish fulfilled (to whoever claimed it)
  'action_done', // 微行动: per micro-action done with proof
  'steward_duty', // 楼门管家: per month's checklist completed
  'steward_commended', // 楼门管家: on the commendation list
  'opinion_collected', // 楼门管家: per opinion that became a case
  'unit_entry', // 共建单位: per list entry fulfilled (the entry's own score)
  'shop_redemption', // 积分超市: spent (negative)
  'shop_refund', // 积分超市: a cancelled redemption given back
  'correction', // 更正: a new entry that corrects an earlier one, never an edit
] as const;
export type PointsRule = (typeof pointsRules)[number];

export const pointsRuleLabels: Record<PointsRule, { 'zh-CN': string; en: string }> = {
  volunteer_hours: { 'zh-CN': '志愿服务时长', en: 'Volunteer hours' },
  activity_attended: { 'zh-CN': '参加活动', en: 'Activity attended' },
  post_claimed: { 'zh-CN': '认岗服务', en: 'Post served' },
  wish_fulfilled: { 'zh-CN': '圆梦微心愿', en: 'Wish fulfilled' },
  action_done: { 'zh-CN': '微行动', en: 'Micro-action' },
  steward_duty: { 'zh-CN': '楼门管家履职', en: 'Steward duties' },
  steward_commended: { 'zh-CN': '优秀楼门管家', en: 'Steward commended' },
  opinion_collected: { 'zh-CN': '收集民意', en: 'Opinion collected' },
  unit_entry: { 'zh-CN': '共驻共建', en: 'Co-building entry' },
  shop_redemption: { 'zh-CN': '积分兑换', en: 'Shop redemption' },
  shop_refund: { 'zh-CN': '兑换退回', en: 'Redemption refunded' },
  correction: { 'zh-CN': '积分更正', en: 'Correction' },
};

/** Default points per unit of each earning rule; spending, refunds and corrections carry their own amount. */
export const defaultPointsRates: Partial<Record<PointsRule, number>> = {
  volunteer_hours: 10,
  activity_attended: 5,
  post_claimed: 20,
  wish_fulfilled: 20,
  action_done: 10,
  steward_duty: 20,
  steward_commended: 50,
  opinion_collected: 2,
  unit_entry: 1,
};

/** Rules whose amount is given by the caller, not by a rate. */
export const pointsAmountRules: readonly PointsRule[] = ['unit_entry', 'shop_redemption', 'shop_refund', 'correction'];

export type PointsHolderKind = 'user' | 'organisation';
