// 居民议事待办 (issue 17): the workbench's deliberation cards.
export default {
  title: '居民议事待办',
  sub: '今天 {day}',
  none: '居民议事暂无待办',
  open: '去处理',
  kind: {
    topicsToScreen: { title: '议题待审议', desc: '附议已满或社区提出的议题，决定是否采纳' },
    tasksDue: { title: '决议任务到期', desc: '今天到期或已逾期、尚未完成的会议任务' },
    noticesToApprove: { title: '五公开待审核', desc: '已提交的公开内容，审核后发布' },
    objectionsToAnswer: { title: '评选异议待答复', desc: '公示期间居民提出、尚未答复的异议' },
    votesToClose: { title: '表决已到期未结束', desc: '过了结束时间仍在进行的表决，结束后计票' },
    issuesToHandle: { title: '监督员问题待处理', desc: '百姓监督员发现的问题，转办件或吹哨' },
  },
};
