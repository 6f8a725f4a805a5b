import { noticeActions, type NoticeAction, type NoticeState } from '../../../shared/decide-notices.js';

// 五公开的一生, as one table: draft (草稿) → pending (待审核) → published (已发布) | returned (已退回,
// with a reason) → edited → pending …; a published notice may be withdrawn (已撤回, with a reason,
// kept in the history). `who` names the party that may take the action; `reason` says whether it
// needs one. Editing is allowed in the states of `editableStates`.

/** writer: notices:write over the notice's place · approver: notices:approve there, and neither the
 * author nor the last editor (four eyes 双人审核) */
export type NoticeParty = 'writer' | 'approver';

export interface NoticeTransition {
  from: readonly NoticeState[];
  to: NoticeState;
  who: readonly NoticeParty[];
  reason: boolean;
}

export const noticeTransitions: Record<NoticeAction, NoticeTransition> = {
  submit: { from: ['draft', 'returned'], to: 'pending', who: ['writer'], reason: false },
  approve: { from: ['pending'], to: 'published', who: ['approver'], reason: false },
  return: { from: ['pending'], to: 'returned', who: ['approver'], reason: true },
  withdraw: { from: ['published'], to: 'withdrawn', who: ['writer', 'approver'], reason: true },
};

export const editableStates: readonly NoticeState[] = ['draft', 'returned'];

export const noticeTransition = (state: NoticeState, action: NoticeAction): NoticeTransition | null => {
  const t = noticeTransitions[action];
  return t.from.includes(state) ? t : null;
};

/** The actions a notice in this state offers to an actor who is each of `parties`. */
export const noticeActionsFor = (state: NoticeState, parties: readonly NoticeParty[]): NoticeAction[] =>
  noticeActions.filter((a) => {
    const t = noticeTransitions[a];
    return t.from.includes(state) && t.who.some((w) => parties.includes(w));
  });
