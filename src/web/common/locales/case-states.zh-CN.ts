// The states and ratings of a case in plain words; the residents' page needs only these.
export default {
  caseState: {
    submitted: '待受理',
    accepted: '已受理',
    dispatched: '已派单',
    in_progress: '处置中',
    suspended: '挂起',
    resolved: '已办结',
    closed: '已归档',
    rejected: '不予受理',
  },
  caseRating: { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' },
  caseClock: { firstContact: '首次联系', dispatch: '派单', take: '接单', resolve: '办结' },
  caseTime: {
    left: '剩 {time}',
    over: '超时 {time}',
    dh: '{d}天{h}小时',
    hm: '{h}小时{m}分',
    m: '{m}分钟',
    none: '无时限',
  },
};
