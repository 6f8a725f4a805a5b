import { caseChannelLabels } from '../../../shared/cases';
import states from './case-states.zh-CN';

// Case words shared by the console, the phone pages and the resident's report page (诉求).
export default {
  ...states,
  caseChannel: caseChannelLabels,
  /** What happened, as the timeline says it. */
  caseAction: {
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
  },
  casePriority: { normal: '一般', urgent: '紧急' },
};
