// 办件流转 (issue 15): an application and its parts, as two tables. Each row says in which states an
// action may be taken, the state it leads to, who may take it, what it does to the parts' working-day
// clocks, which SMS the applicant gets and whether the resident had to come to the window for it.
// The service looks rows up here; the detail is sent the actions the table allows for the caller.

import { applicationStates, partStates, type ApplicationState, type PartState } from '../../../../shared/services.js';
export { applicationStates, partStates, type ApplicationState, type PartState };

export const applicationActions = [
  'accept', // 受理: the window's pre-check passed; every part goes to its handler and its clock starts
  'supplement', // 补正 at pre-check: what is missing is written down and texted
  'resubmit', // 补正后重新提交
  'withdraw', // 撤回, before a decision
  'ready', // 结果待领取
  'collect', // 已领取, at one window
  'rate', // 好差评, once
  'startReview', // system: the first part was taken
  'conclude', // system: every part decided, at least one approved
  'concludeRefused', // system: every part refused
] as const;
export type ApplicationAction = (typeof applicationActions)[number];
/** The actions a person asks for by URL; the rest follow from the parts. */
export const requestedApplicationActions = [
  'accept',
  'supplement',
  'resubmit',
  'withdraw',
  'ready',
  'collect',
  'rate',
] as const satisfies readonly ApplicationAction[];
export type RequestedApplicationAction = (typeof requestedApplicationActions)[number];

export const partActions = ['start', 'take', 'approve', 'refuse', 'supplement', 'resume', 'withdraw'] as const;
export type PartAction = (typeof partActions)[number];
export const requestedPartActions = [
  'take',
  'approve',
  'refuse',
  'supplement',
] as const satisfies readonly PartAction[];
export type RequestedPartAction = (typeof requestedPartActions)[number];

/** applicant: the resident's own phone account; clerk: services:window at the application's place. */
export type ApplicationParty = 'applicant' | 'clerk' | 'system';
/** reviewer: the part's department, or services:review over its handling community or street. */
export type PartParty = 'reviewer' | 'system';

/** What an action does to the working-day clocks of the parts (承诺时限). */
export type ClockEffect = 'start' | 'pause' | 'resume' | 'stop';
/** The applicant's SMS (platform/notify/templates.ts). */
export type ApplicantSms = 'service_supplement' | 'service_accepted' | 'service_refused' | 'service_ready';
/** When the step means the resident came to the window once more (最多跑一次); see countsAsVisit. */
export type VisitRule = 'byClerk' | 'ifOnline' | 'ifBrought';

export interface ApplicationTransition {
  action: ApplicationAction;
  from: readonly ApplicationState[];
  /** 'previous': back to where the application was before 补正. */
  to: ApplicationState | 'same' | 'previous';
  by: readonly ApplicationParty[];
  clock?: ClockEffect;
  sms?: ApplicantSms;
  needsNote?: boolean;
  visit?: VisitRule;
}

const undecided: readonly ApplicationState[] = ['submitted', 'supplement', 'accepted', 'in_review'];

export const applicationTransitions: readonly ApplicationTransition[] = [
  // Materials she said she would bring (带到窗口核验) are checked at the pre-check: she came once.
  {
    action: 'accept',
    from: ['submitted'],
    to: 'accepted',
    by: ['clerk'],
    clock: 'start',
    sms: 'service_accepted',
    visit: 'ifBrought',
  },
  {
    action: 'supplement',
    from: ['submitted'],
    to: 'supplement',
    by: ['clerk'],
    sms: 'service_supplement',
    needsNote: true,
  },
  // Material handed in at the window is one more visit; answers corrected on the phone are none.
  {
    action: 'resubmit',
    from: ['supplement'],
    to: 'previous',
    by: ['applicant', 'clerk'],
    clock: 'resume',
    visit: 'byClerk',
  },
  { action: 'withdraw', from: undecided, to: 'withdrawn', by: ['applicant', 'clerk'], clock: 'stop' },
  { action: 'ready', from: ['approved'], to: 'ready', by: ['clerk'], sms: 'service_ready' },
  // Collected at the window after an online application: that is the one visit.
  { action: 'collect', from: ['ready'], to: 'collected', by: ['clerk'], visit: 'ifOnline' },
  { action: 'rate', from: ['collected'], to: 'same', by: ['applicant'] },
  { action: 'startReview', from: ['accepted'], to: 'in_review', by: ['system'] },
  // A part's 补正 pauses every running clock of the application, and the applicant is texted.
  {
    action: 'supplement',
    from: ['accepted', 'in_review'],
    to: 'supplement',
    by: ['system'],
    clock: 'pause',
    sms: 'service_supplement',
    needsNote: true,
  },
  { action: 'conclude', from: ['accepted', 'in_review'], to: 'approved', by: ['system'] },
  { action: 'concludeRefused', from: ['accepted', 'in_review'], to: 'refused', by: ['system'], sms: 'service_refused' },
];

export interface PartTransition {
  action: PartAction;
  from: readonly PartState[];
  /** 'previous': back to review (taken before) or to the queue. */
  to: PartState | 'previous';
  by: readonly PartParty[];
  clock?: ClockEffect;
  needsNote?: boolean;
  /** What the application does after this step (looked up in its own table, by the system). */
  application?: 'supplement' | 'startReview' | 'settle';
}

const open: readonly PartState[] = ['waiting', 'pending', 'in_review', 'supplement'];

export const partTransitions: readonly PartTransition[] = [
  { action: 'start', from: ['waiting'], to: 'pending', by: ['system'], clock: 'start' },
  { action: 'take', from: ['pending'], to: 'in_review', by: ['reviewer'], application: 'startReview' },
  { action: 'approve', from: ['in_review'], to: 'approved', by: ['reviewer'], clock: 'stop', application: 'settle' },
  {
    action: 'refuse',
    from: ['in_review'],
    to: 'refused',
    by: ['reviewer'],
    clock: 'stop',
    needsNote: true,
    application: 'settle',
  },
  {
    action: 'supplement',
    from: ['pending', 'in_review'],
    to: 'supplement',
    by: ['reviewer'],
    clock: 'pause',
    needsNote: true,
    application: 'supplement',
  },
  { action: 'resume', from: ['supplement'], to: 'previous', by: ['system'], clock: 'resume' },
  { action: 'withdraw', from: open, to: 'withdrawn', by: ['system'], clock: 'stop' },
];

/**
 * 最多跑一次: whether a step is one more visit of the resident to the window.
 * - byClerk: material handed in at the window (a clerk's 补正 resubmission) is a visit.
 * - ifBrought: the pre-check confirmed material she said she would bring: that is her visit.
 * - ifOnline: collecting an application made online is a visit — unless she collects on the same
 *   (Beijing) day she came with her materials: one visit, not two. A window entry already counted
 *   its visit when it was entered.
 */
export function countsAsVisit(
  rule: VisitRule | undefined,
  f: { byClerk: boolean; online: boolean; broughtNow: boolean; cameToday: boolean },
): boolean {
  if (rule === 'byClerk') return f.byClerk;
  if (rule === 'ifBrought') return f.broughtNow;
  if (rule === 'ifOnline') return f.online && !f.cameToday;
  return false;
}

/** States in which a part's clock runs (and its alarms matter). */
export const clockRunsIn: readonly PartState[] = ['pending', 'in_review'];
export const decidedPartStates: readonly PartState[] = ['approved', 'refused'];
export const finalApplicationStates: readonly ApplicationState[] = ['refused', 'collected', 'withdrawn'];

export function findApplicationTransition(
  state: ApplicationState,
  action: ApplicationAction,
  parties: readonly ApplicationParty[],
): ApplicationTransition | null {
  return (
    applicationTransitions.find(
      (t) => t.action === action && t.from.includes(state) && t.by.some((p) => parties.includes(p)),
    ) ?? null
  );
}

export function findPartTransition(
  state: PartState,
  action: PartAction,
  parties: readonly PartParty[],
): PartTransition | null {
  return (
    partTransitions.find(
      (t) => t.action === action && t.from.includes(state) && t.by.some((p) => parties.includes(p)),
    ) ?? null
  );
}

/** Where an application goes back to after 补正: pre-check when it was never accepted, else review. */
export function applicationAfterSupplement(
  a: { accepted_at: Date | string | null },
  anyTaken: boolean,
): ApplicationState {
  if (!a.accepted_at) return 'submitted';
  return anyTaken ? 'in_review' : 'accepted';
}

/** Where a part goes back to after 补正: review when a reviewer had taken it, else the queue. */
export const partAfterSupplement = (p: { reviewer_id: string | null }): PartState =>
  p.reviewer_id ? 'in_review' : 'pending';

/** The application's outcome once no part is open, or null while one is: ≥ 1 approved → approved. */
export function settledOutcome(parts: readonly { state: PartState }[]): 'conclude' | 'concludeRefused' | null {
  const live = parts.filter((p) => p.state !== 'withdrawn');
  if (live.length === 0 || live.some((p) => !decidedPartStates.includes(p.state))) return null;
  return live.some((p) => p.state === 'approved') ? 'conclude' : 'concludeRefused';
}

/** The actions these parties may ask for on the application in this state, in table order. */
export function allowedApplicationActions(
  state: ApplicationState,
  parties: readonly ApplicationParty[],
  rated = false,
): RequestedApplicationAction[] {
  const asked = new Set<string>(requestedApplicationActions);
  return [
    ...new Set(
      applicationTransitions
        .filter((t) => asked.has(t.action) && t.from.includes(state) && t.by.some((p) => parties.includes(p)))
        .map((t) => t.action as RequestedApplicationAction)
        .filter((a) => !(a === 'rate' && rated)),
    ),
  ];
}

export function allowedPartActions(state: PartState, parties: readonly PartParty[]): RequestedPartAction[] {
  const asked = new Set<string>(requestedPartActions);
  return partTransitions
    .filter((t) => asked.has(t.action) && t.from.includes(state) && t.by.some((p) => parties.includes(p)))
    .map((t) => t.action as RequestedPartAction);
}
