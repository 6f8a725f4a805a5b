// 哨令流转: one department's summons, as a table. The receiver who acknowledges first owns it for
// the department (首问负责); the owner checks in on site (报到) and reports; the whistler scores.

export const summonsStates = ['summoned', 'acknowledged', 'arrived', 'reported', 'scored'] as const;
export type SummonsState = (typeof summonsStates)[number];
export const summonsActions = ['acknowledge', 'checkIn', 'report', 'score'] as const;
export type SummonsAction = (typeof summonsActions)[number];
export type SummonsParty = 'departmentMember' | 'owner' | 'whistler';

export const summonsTransitions: readonly {
  action: SummonsAction;
  from: SummonsState;
  to: SummonsState;
  by: SummonsParty;
}[] = [
  { action: 'acknowledge', from: 'summoned', to: 'acknowledged', by: 'departmentMember' },
  { action: 'checkIn', from: 'acknowledged', to: 'arrived', by: 'owner' },
  { action: 'report', from: 'arrived', to: 'reported', by: 'owner' },
  { action: 'score', from: 'reported', to: 'scored', by: 'whistler' },
];

export function findSummonsTransition(state: SummonsState, action: SummonsAction, parties: readonly SummonsParty[]) {
  return summonsTransitions.find((t) => t.action === action && t.from === state && parties.includes(t.by)) ?? null;
}

export const allowedSummonsActions = (state: SummonsState, parties: readonly SummonsParty[]): SummonsAction[] =>
  summonsTransitions.filter((t) => t.from === state && parties.includes(t.by)).map((t) => t.action);
