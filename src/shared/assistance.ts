// 救助顾问 (issue 15): the words of assistance advisers shared by server and web.

/** The six kinds of help an adviser team gives (社区救助顾问服务团). */
export const assistKinds = ['policy', 'errand', 'pairing', 'resources', 'counselling', 'integration'] as const;
export type AssistKind = (typeof assistKinds)[number];
export const assistKindLabels: Record<AssistKind, string> = {
  policy: '政策指导',
  errand: '代收代办',
  pairing: '结对帮扶',
  resources: '资源链接',
  counselling: '心理疏导',
  integration: '社会融入',
};

/** How the contact was made: a home visit, a phone call, or the person came to the office. */
export const assistModes = ['visit', 'phone', 'office'] as const;
export type AssistMode = (typeof assistModes)[number];
export const assistModeLabels: Record<AssistMode, string> = {
  visit: '上门走访',
  phone: '电话联系',
  office: '来访接待',
};

/** Who a team member is: a community worker, a social worker (社工) or a volunteer. */
export const assistMemberKinds = ['community_worker', 'social_worker', 'volunteer'] as const;
export type AssistMemberKind = (typeof assistMemberKinds)[number];
export const assistMemberKindLabels: Record<AssistMemberKind, string> = {
  community_worker: '社区工作者',
  social_worker: '社工',
  volunteer: '志愿者',
};

/** A person with no contact for this many days is overdue, unless the county set its own. */
export const defaultOverdueDays = 30;
