// 矛盾纠纷: the closed sets of words a dispute is described with, and their Chinese labels, for the
// server's schemas and documents and for the web.

export const disputeTypes = ['neighbour', 'family', 'property', 'labour', 'land', 'consumer', 'other'] as const;
export type DisputeType = (typeof disputeTypes)[number];
export const disputeTypeLabels = {
  neighbour: '邻里纠纷',
  family: '婚姻家庭',
  property: '物业纠纷',
  labour: '劳动争议',
  land: '土地纠纷',
  consumer: '消费纠纷',
  other: '其他',
} satisfies Record<DisputeType, string>;

/** Where the dispute was found (来源). */
export const disputeSources = ['regular_screening', 'focused_screening', 'case', 'walk_in'] as const;
export type DisputeSource = (typeof disputeSources)[number];
export const disputeSourceLabels = {
  regular_screening: '常规排查',
  focused_screening: '专项排查',
  case: '诉求转入',
  walk_in: '来访登记',
} satisfies Record<DisputeSource, string>;

export const disputeRisks = ['low', 'medium', 'high'] as const;
export type DisputeRisk = (typeof disputeRisks)[number];
export const disputeRiskLabels = { low: '低', medium: '中', high: '高' } satisfies Record<DisputeRisk, string>;

export const disputeStatuses = ['open', 'mediating', 'agreed', 'failed', 'handed_over', 'closed'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const disputeStatusLabels = {
  open: '待调解',
  mediating: '调解中',
  agreed: '已达成协议',
  failed: '调解未成',
  handed_over: '已移交',
  closed: '已结案',
} satisfies Record<DisputeStatus, string>;

export const disputePartyRoles = ['applicant', 'respondent', 'other'] as const;
export type DisputePartyRole = (typeof disputePartyRoles)[number];
export const disputePartyRoleLabels = {
  applicant: '申请人',
  respondent: '被申请人',
  other: '其他当事人',
} satisfies Record<DisputePartyRole, string>;

export const mediationOutcomes = ['agreed', 'not_agreed', 'adjourned'] as const;
export type MediationOutcome = (typeof mediationOutcomes)[number];
export const mediationOutcomeLabels = {
  agreed: '达成协议',
  not_agreed: '未达成协议',
  adjourned: '择日再调',
} satisfies Record<MediationOutcome, string>;

/** Where a dispute the community cannot settle goes (移交). */
export const disputeHandoverTargets = ['justice_office', 'court'] as const;
export type DisputeHandoverTarget = (typeof disputeHandoverTargets)[number];
export const disputeHandoverTargetLabels = {
  justice_office: '司法所',
  court: '人民法院',
} satisfies Record<DisputeHandoverTarget, string>;
