// Dispute words (矛盾纠纷) for the phone pages — and for the console, whose own copies in
// admin/locales/*/disputes.ts can give way to these. Spread into the messages like the case words.
export default {
  disputeType: {
    neighbour: '邻里纠纷',
    family: '婚姻家庭',
    property: '物业纠纷',
    labour: '劳动争议',
    land: '土地纠纷',
    consumer: '消费纠纷',
    other: '其他',
  },
  disputeSource: {
    regular_screening: '常规排查',
    focused_screening: '专项排查',
    case: '诉求转入',
    walk_in: '来访登记',
  },
  disputeRisk: { low: '低', medium: '中', high: '高' },
  disputeStatus: {
    open: '待调解',
    mediating: '调解中',
    agreed: '已达成协议',
    failed: '调解未成',
    handed_over: '已移交',
    closed: '已结案',
  },
  partyRole: { applicant: '申请人', respondent: '被申请人', other: '其他当事人' },
  mediationOutcome: { agreed: '达成协议', not_agreed: '未达成协议', adjourned: '择日再调' },
  disputeHandedTo: { justice_office: '司法所', court: '人民法院' },
  /** What happened, as the history says it (dispute_events.kind). */
  disputeEvent: {
    recorded: '登记纠纷',
    mediate: '调解',
    followup: '回访',
    handover: '移交',
    close: '结案',
    whistle: '吹哨',
  },
};
