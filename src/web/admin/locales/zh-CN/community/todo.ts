// 待办 (issue 16): the workbench's community-life cards.
export default {
  title: '邻里生活待办',
  sub: '今天 {day}',
  none: '邻里生活暂无待办',
  open: '去处理',
  kind: {
    wishesToReview: { title: '心愿待审核', desc: '居民和网格员、楼门管家代发的心愿，审核后上心愿墙' },
    entriesToConfirm: { title: '共建清单待确认', desc: '共建单位已提交完成情况，确认后计积分' },
    redemptionsToHandOver: { title: '积分兑换待发放', desc: '居民已兑换的物品，凭取货码发放' },
    stewardNominations: { title: '楼门管家待定人选', desc: '有推荐或自荐待处理的楼栋' },
    stewardVotes: { title: '楼栋选举进行中', desc: '投票中的楼栋，到时结束计票' },
    bookingsToday: { title: '今日功能室预约', desc: '今天待签到或待结束的预约' },
    postRecordsToConfirm: { title: '认岗服务待确认', desc: '在职党员填报的月度服务记录' },
  },
};
