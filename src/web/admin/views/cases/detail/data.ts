import type { CaseEvent } from '../../../../common/api-types';

export {
  actionSpecs,
  isBackStep,
  isMainStep,
  orderedActions,
  type ActionSpec,
  type StaffAction,
} from '../../../../common/case-actions';

/** The extra facts of a timeline entry, as i18n keys with parameters. */
export function eventDetails(event: CaseEvent): { key: string; params: Record<string, unknown> }[] {
  const data = event.data;
  const out: { key: string; params: Record<string, unknown> }[] = [];
  if (typeof data.assignee === 'string')
    out.push({ key: 'cases.detail.data.assignee', params: { name: data.assignee } });
  if (typeof data.from === 'string' && (event.action === 'return' || event.action === 'recall'))
    out.push({ key: 'cases.detail.data.from', params: { name: data.from } });
  if (typeof data.hours === 'number') out.push({ key: 'cases.detail.data.hours', params: { n: data.hours } });
  if (typeof data.pausedMinutes === 'number')
    out.push({ key: 'cases.detail.data.paused', params: { n: data.pausedMinutes } });
  if (event.action === 'reject') {
    if (data.kind === 'duplicate')
      out.push({
        key: 'cases.detail.data.kindDuplicate',
        params: { code: typeof data.duplicateOf === 'string' ? data.duplicateOf : '—' },
      });
    else out.push({ key: 'cases.detail.data.kindInvalid', params: {} });
  }
  // 督办: which place supervises it now and who was texted (escalations, overdue alarms, urges).
  if (typeof data.supervisor === 'string')
    out.push({ key: 'cases.detail.data.supervisor', params: { name: data.supervisor } });
  if (Array.isArray(data.told) && data.told.length)
    out.push({ key: 'cases.detail.data.told', params: { names: data.told.join('、') } });
  return out;
}

/** The escalation level an event reached (1 street, 2 county), if it is an escalation. */
export const escalationLevel = (event: CaseEvent) =>
  (event.action === 'escalate' || (event.action === 'overdue' && event.data.escalated === true)) &&
  typeof event.data.level === 'number' &&
  event.data.level > 0
    ? event.data.level
    : null;

export const timelineColor = (action: string) =>
  action === 'overdue' ||
  action === 'reject' ||
  action === 'rateReopen' ||
  action === 'rateEscalate' ||
  action === 'failVerify'
    ? '#d92d20'
    : action === 'warning' ||
        action === 'escalate' ||
        action === 'suspend' ||
        action === 'return' ||
        action === 'recall' ||
        action === 'urge'
      ? '#f59e0b'
      : action === 'resolve' || action === 'rateSatisfied' || action === 'close' || action === 'verify'
        ? '#16a34a'
        : '#1f6feb';
