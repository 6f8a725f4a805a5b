// 权责清单 and 部门派单: the kinds of duty-list items and the verdicts on a task handed to a
// community, with their Chinese labels, for the server's schemas and sheets and for the web.

export const dutyKinds = ['self_governance', 'assisting', 'admitted', 'cancelled'] as const;
export type DutyKind = (typeof dutyKinds)[number];
export const dutyKindLabels = {
  self_governance: '自治事项',
  assisting: '协助事项',
  admitted: '准入事项',
  cancelled: '取消事项',
} satisfies Record<DutyKind, string>;

/** The verdict on a task a department hands to a community: 准入, or 不予准入 with the list's reference. */
export const dutyTaskStatuses = ['accepted', 'refused'] as const;
export type DutyTaskStatus = (typeof dutyTaskStatuses)[number];
export const dutyTaskStatusLabels = { accepted: '准入', refused: '不予准入' } satisfies Record<DutyTaskStatus, string>;
