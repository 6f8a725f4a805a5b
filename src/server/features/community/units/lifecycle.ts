import type { AgreementState, UnitEntryState } from '../../../platform/db/schema-units.js';

// 一书四单 as tables. An entry of a list: the unit's liaison records its fulfilment with proof
// (submit), the community confirms it — the entry's score goes to the unit as points — or returns
// it with a reason, and the liaison submits again. The agreement is drafted, signed, and ended.
// Who may is a column of the table; the UI shows the buttons the server says are allowed.

export const entryActions = ['submit', 'confirm', 'return'] as const;
export type EntryAction = (typeof entryActions)[number];
export const agreementActions = ['sign', 'end'] as const;
export type AgreementAction = (typeof agreementActions)[number];

/** The liaison acts for the unit; the community (community:manage over the unit's place) decides. */
export type UnitsActorRole = 'liaison' | 'community';

export interface Transition<S> {
  from: readonly S[];
  to: S;
  by: UnitsActorRole;
}

export const entryTransitions: Record<EntryAction, Transition<UnitEntryState>> = {
  submit: { from: ['open', 'returned'], to: 'submitted', by: 'liaison' },
  confirm: { from: ['submitted'], to: 'confirmed', by: 'community' },
  return: { from: ['submitted'], to: 'returned', by: 'community' },
};

export const agreementTransitions: Record<AgreementAction, Transition<AgreementState>> = {
  sign: { from: ['draft'], to: 'signed', by: 'community' },
  end: { from: ['signed'], to: 'ended', by: 'community' },
};

/** The transition of an action from a state, or null when it is out of turn. */
export function entryTransition(state: UnitEntryState, action: EntryAction) {
  const t = entryTransitions[action];
  return t.from.includes(state) ? t : null;
}

export function agreementTransition(state: AgreementState, action: AgreementAction) {
  const t = agreementTransitions[action];
  return t.from.includes(state) ? t : null;
}

/** The actions on an entry in this state that someone in these roles may take. */
export const entryActionsFor = (state: UnitEntryState, roles: readonly UnitsActorRole[]): EntryAction[] =>
  entryActions.filter((a) => entryTransitions[a].from.includes(state) && roles.includes(entryTransitions[a].by));

export const agreementActionsFor = (state: AgreementState, roles: readonly UnitsActorRole[]): AgreementAction[] =>
  agreementActions.filter(
    (a) => agreementTransitions[a].from.includes(state) && roles.includes(agreementTransitions[a].by),
  );
