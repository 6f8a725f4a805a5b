import { describe, expect, it } from 'vitest';
import { noticeActions, noticeStates } from '../../../shared/decide-notices.js';
import { editableStates, noticeActionsFor, noticeTransition, noticeTransitions } from './lifecycle.js';

describe('the notice transition table', () => {
  it('walks draft → pending → returned → pending → published → withdrawn', () => {
    let state: (typeof noticeStates)[number] = 'draft';
    for (const action of ['submit', 'return', 'submit', 'approve', 'withdraw'] as const) {
      const t = noticeTransition(state, action);
      expect(t, `${action} from ${state}`).not.toBeNull();
      state = t!.to;
    }
    expect(state).toBe('withdrawn');
  });

  it('offers nothing from withdrawn and no approval to a writer alone', () => {
    for (const a of noticeActions) expect(noticeTransition('withdrawn', a)).toBeNull();
    expect(noticeActionsFor('pending', ['writer'])).toEqual([]);
    expect(noticeActionsFor('pending', ['approver'])).toEqual(['approve', 'return']);
    expect(noticeActionsFor('returned', ['writer'])).toEqual(['submit']);
  });

  it('asks a reason exactly for returning and withdrawing, and edits only drafts and returned ones', () => {
    expect(noticeActions.filter((a) => noticeTransitions[a].reason)).toEqual(['return', 'withdraw']);
    expect(editableStates).toEqual(['draft', 'returned']);
  });
});
