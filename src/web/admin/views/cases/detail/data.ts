import type { CaseAction, CaseDetail, CaseEvent } from '../../../../common/api-types';

/** The actions staff take from the console (the rating ones belong to the reporter). */
export type StaffAction = Exclude<CaseAction, 'rateSatisfied' | 'rateReopen' | 'rateEscalate'>;
const staffActions: StaffAction[] = [
  'accept', 'dispatch', 'take', 'contact', 'resolve', 'callback', 'close', 'requestExtension', 'approveExtension',
  'resume', 'suspend', 'escalate', 'return', 'reject',
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
};
export const isMainStep = (c: CaseDetail, action: StaffAction) => mainStep[c.state]?.includes(action) ?? false;
export const isBackStep = (action: StaffAction) => action === 'reject' || action === 'return';

/** What each action's dialog asks for. */
export interface ActionSpec {
  reason?: boolean;
  /** a note field: required with its own label, or optional */
  note?: 'contact' | 'callback' | 'optional';
  rejectKind?: boolean;
  target?: boolean;
  extensionHours?: 'required' | 'prefilled';
  result?: boolean;
}
export const actionSpecs: Record<StaffAction, ActionSpec> = {
  accept: { note: 'optional' },
  reject: { rejectKind: true, reason: true },
  contact: { note: 'contact' },
  dispatch: { target: true, note: 'optional' },
  take: { note: 'optional' },
  return: { reason: true },
  suspend: { reason: true },
  resume: { note: 'optional' },
  requestExtension: { extensionHours: 'required', reason: true },
  approveExtension: { extensionHours: 'prefilled', note: 'optional' },
  escalate: { reason: true },
  resolve: { result: true },
  callback: { note: 'callback' },
  close: { note: 'optional' },
};

/** The community a case's place belongs to (places under it have longer codes beginning with its 12 digits). */
export const communityOf = (placeCode: string) => (placeCode.length >= 12 ? placeCode.slice(0, 12) : '');

/** The extra facts of a timeline entry, as i18n keys with parameters. */
export function eventDetails(event: CaseEvent): { key: string; params: Record<string, unknown> }[] {
  const data = event.data;
  const out: { key: string; params: Record<string, unknown> }[] = [];
  if (typeof data.assignee === 'string') out.push({ key: 'cases.detail.data.assignee', params: { name: data.assignee } });
  if (typeof data.from === 'string' && event.action === 'return') out.push({ key: 'cases.detail.data.from', params: { name: data.from } });
  if (typeof data.hours === 'number') out.push({ key: 'cases.detail.data.hours', params: { n: data.hours } });
  if (typeof data.pausedMinutes === 'number') out.push({ key: 'cases.detail.data.paused', params: { n: data.pausedMinutes } });
  if (event.action === 'reject') {
    if (data.kind === 'duplicate') out.push({ key: 'cases.detail.data.kindDuplicate', params: { code: typeof data.duplicateOf === 'string' ? data.duplicateOf : '—' } });
    else out.push({ key: 'cases.detail.data.kindInvalid', params: {} });
  }
  return out;
}

/** The escalation level an event reached (1 street, 2 county), if it is an escalation. */
export const escalationLevel = (event: CaseEvent) => (event.action === 'escalate' && typeof event.data.level === 'number' ? event.data.level : null);

export const timelineColor = (action: string) =>
  action === 'overdue' || action === 'reject' || action === 'rateReopen' || action === 'rateEscalate'
    ? '#d92d20'
    : action === 'warning' || action === 'escalate' || action === 'suspend' || action === 'return'
      ? '#f59e0b'
      : action === 'resolve' || action === 'rateSatisfied' || action === 'close'
        ? '#16a34a'
        : '#1f6feb';
