import { describe, expect, it } from 'vitest';
import type { AgreementState, UnitEntryState } from '../../../platform/db/schema-units.js';
import {
  agreementActions,
  agreementActionsFor,
  agreementTransition,
  agreementTransitions,
  entryActions,
  entryActionsFor,
  entryTransition,
  entryTransitions,
} from './lifecycle.js';

const entryStates: UnitEntryState[] = ['open', 'submitted', 'confirmed', 'returned'];
const agreementStates: AgreementState[] = ['draft', 'signed', 'ended'];

describe('一书四单 entry lifecycle', () => {
  it('walks every state × action: only the listed states move, to the listed state', () => {
    for (const state of entryStates)
      for (const action of entryActions) {
        const t = entryTransition(state, action);
        if (entryTransitions[action].from.includes(state)) expect(t?.to).toBe(entryTransitions[action].to);
        else expect(t).toBeNull();
      }
  });

  it('goes open → submitted → confirmed, and returned → submitted again', () => {
    expect(entryTransition('open', 'submit')?.to).toBe('submitted');
    expect(entryTransition('submitted', 'return')?.to).toBe('returned');
    expect(entryTransition('returned', 'submit')?.to).toBe('submitted');
    expect(entryTransition('submitted', 'confirm')?.to).toBe('confirmed');
    expect(entryActionsFor('confirmed', ['liaison', 'community'])).toEqual([]);
  });

  it('lets the liaison only submit and the community only decide', () => {
    expect(entryActionsFor('open', ['liaison'])).toEqual(['submit']);
    expect(entryActionsFor('open', ['community'])).toEqual([]);
    expect(entryActionsFor('submitted', ['liaison'])).toEqual([]);
    expect(entryActionsFor('submitted', ['community'])).toEqual(['confirm', 'return']);
    expect(entryActionsFor('returned', ['liaison'])).toEqual(['submit']);
    expect(entryActionsFor('submitted', [])).toEqual([]);
  });
});

describe('共驻共建协议书 lifecycle', () => {
  it('walks every state × action', () => {
    for (const state of agreementStates)
      for (const action of agreementActions) {
        const t = agreementTransition(state, action);
        if (agreementTransitions[action].from.includes(state)) expect(t?.to).toBe(agreementTransitions[action].to);
        else expect(t).toBeNull();
      }
  });

  it('is signed, then ended, by the community only', () => {
    expect(agreementActionsFor('draft', ['community'])).toEqual(['sign']);
    expect(agreementActionsFor('signed', ['community'])).toEqual(['end']);
    expect(agreementActionsFor('ended', ['community'])).toEqual([]);
    expect(agreementActionsFor('draft', ['liaison'])).toEqual([]);
  });
});
