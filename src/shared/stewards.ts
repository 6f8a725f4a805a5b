// 楼门管家 (issue 16): the steward's workflows and words, shared by the server and the web. The
// server's transition tables (features/community/stewards/lifecycle.ts) use these states and actions;
// the console and the phone read the same tables for their buttons.

export const nominationStates = ['nominated', 'appointed', 'rejected', 'withdrawn', 'lost'] as const;
export type NominationState = (typeof nominationStates)[number];
export const nominationActions = ['appoint', 'reject', 'withdraw'] as const;
export type NominationAction = (typeof nominationActions)[number];
export const nominationKinds = ['resident', 'self', 'community'] as const;
export type NominationKind = (typeof nominationKinds)[number];

export const voteStates = ['open', 'closed', 'cancelled'] as const;
export type VoteState = (typeof voteStates)[number];
export const voteActions = ['close', 'cancel'] as const;
export type VoteAction = (typeof voteActions)[number];

export const termStates = ['active', 'retired'] as const;
export type TermState = (typeof termStates)[number];
export const termActions = ['retire'] as const;
export type TermAction = (typeof termActions)[number];

export const retireReasons = ['moved', 'health', 'evaluation', 'resigned', 'term_end', 'other'] as const;
export type RetireReason = (typeof retireReasons)[number];

export const opinionStates = ['collected', 'filed'] as const;
export type OpinionState = (typeof opinionStates)[number];
export const opinionActions = ['file'] as const;
export type OpinionAction = (typeof opinionActions)[number];

/** The six roles of a steward (六大员): one checklist item each per month. */
export const stewardDuties = ['publicity', 'liaison', 'mediation', 'supervision', 'advocacy', 'information'] as const;
export type StewardDuty = (typeof stewardDuties)[number];

export const evaluationGrades = ['excellent', 'good', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof evaluationGrades)[number];
/** A grade's weight in the yearly commendation ranking. */
export const gradeScore: Record<EvaluationGrade, number> = { excellent: 3, good: 2, pass: 1, fail: 0 };

export const commendationKinds = ['steward', 'building'] as const;
export type CommendationKind = (typeof commendationKinds)[number];

export const stewardLabels = {
  nominationState: {
    nominated: '已提名',
    appointed: '已任命',
    rejected: '未通过',
    withdrawn: '已撤回',
    lost: '未当选',
  } satisfies Record<NominationState, string>,
  nominationKind: { resident: '居民推荐', self: '自荐', community: '社区提名' } satisfies Record<
    NominationKind,
    string
  >,
  voteState: { open: '投票中', closed: '已结束', cancelled: '已取消' } satisfies Record<VoteState, string>,
  termState: { active: '在任', retired: '已卸任' } satisfies Record<TermState, string>,
  retireReason: {
    moved: '搬离本楼',
    health: '身体原因',
    evaluation: '考评不合格',
    resigned: '本人辞任',
    term_end: '任期届满',
    other: '其他',
  } satisfies Record<RetireReason, string>,
  duty: {
    publicity: '宣传员',
    liaison: '联络员',
    mediation: '调解员',
    supervision: '监督员',
    advocacy: '倡导员',
    information: '信息员',
  } satisfies Record<StewardDuty, string>,
  dutyHint: {
    publicity: '宣传政策、张贴通知',
    liaison: '走访住户、联系社区',
    mediation: '调解邻里矛盾',
    supervision: '监督楼道环境与物业服务',
    advocacy: '倡导文明新风、垃圾分类',
    information: '收集上报民意与隐患',
  } satisfies Record<StewardDuty, string>,
  grade: { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } satisfies Record<EvaluationGrade, string>,
  commendationKind: { steward: '优秀楼门管家', building: '示范楼栋' } satisfies Record<CommendationKind, string>,
};
