// 哨令流转: one department's summons, as a table. The receiver who acknowledges first owns it for
// the department (首问负责); the owner checks in on site (报到) and reports; the whistler scores.

import { summonsStates, type SummonsState } from '../../../shared/whistles.js';

export { summonsStates, type SummonsState };
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

/** The two deadlines of a summons (接哨限时, 报到限时): the states in which each still runs, and its due column. */
export const summonsClocks = {
  ack: { runsIn: ['summoned'], due: 'ack_due_at', label: '接哨' },
  arrive: { runsIn: ['summoned', 'acknowledged'], due: 'arrive_due_at', label: '报到' },
} as const satisfies Record<string, { runsIn: readonly SummonsState[]; due: string; label: string }>;
export type SummonsClock = keyof typeof summonsClocks;
export const isSummonsClock = (clock: string): clock is SummonsClock => Object.hasOwn(summonsClocks, clock);
