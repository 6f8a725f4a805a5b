// What each case action asks for and how its button looks, shared by the console and the phone
// pages. Which actions a user may take comes from the server (`actions` of the case).
import type { CaseAction, CaseDetail } from './api-types';

/** The actions staff take (the rating ones belong to the reporter). */
export type StaffAction = Exclude<CaseAction, 'rateSatisfied' | 'rateReopen' | 'rateEscalate'>;
const staffActions: StaffAction[] = [
  'accept',
  'dispatch',
  'take',
  'contact',
  'resolve',
  'callback',
  'note',
  'close',
  'requestExtension',
  'approveExtension',
  'resume',
  'suspend',
  'escalate',
  'return',
  'recall',
  'reject',
  'verify',
  'failVerify',
];

/** The buttons to show, in a steady order: the next step first, the ones that stop or send back last. */
export const orderedActions = (allowed: CaseAction[]): StaffAction[] => staffActions.filter((a) => allowed.includes(a));

/** The step that moves the case on in each state: shown as the primary button. */
const mainStep: Partial<Record<CaseDetail['state'], StaffAction[]>> = {
  submitted: ['accept'],
  accepted: ['dispatch'],
  dispatched: ['take'],
  in_progress: ['resolve'],
  suspended: ['resume'],
  resolved: ['close'],
  verifying: ['verify'],
};
export const isMainStep = (c: CaseDetail, action: StaffAction) => mainStep[c.state]?.includes(action) ?? false;
export const isBackStep = (action: StaffAction) =>
  action === 'reject' || action === 'return' || action === 'recall' || action === 'failVerify';

/** What each action's dialog asks for. */
export interface ActionSpec {
  reason?: boolean;
  /** a note field: required with its own label, or optional */
  note?: 'contact' | 'callback' | 'optional' | 'remark';
  rejectKind?: boolean;
  target?: boolean;
  extensionHours?: 'required' | 'prefilled';
  result?: boolean;
  /** 核查: what the on-site check found (required, sent as the note) and its photos */
  check?: boolean;
}
export const actionSpecs: Record<StaffAction, ActionSpec> = {
  accept: { note: 'optional' },
  reject: { rejectKind: true, reason: true },
  contact: { note: 'contact' },
  dispatch: { target: true, note: 'optional' },
  take: { note: 'optional' },
  return: { reason: true },
  recall: { reason: true },
  suspend: { reason: true },
  resume: { note: 'optional' },
  requestExtension: { extensionHours: 'required', reason: true },
  approveExtension: { extensionHours: 'prefilled', note: 'optional' },
  escalate: { reason: true },
  resolve: { result: true },
  callback: { note: 'callback' },
  close: { note: 'optional' },
  note: { note: 'remark' },
  verify: { check: true },
  failVerify: { reason: true },
};
