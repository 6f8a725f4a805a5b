import type { CaseRow } from '../../platform/db/schema.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { Party } from './lifecycle.js';
import { allowedActions, type CaseState, type Clock } from './lifecycle.js';
import { dueColumn } from './sla.js';
import { caseHolders, caseStageOf, type CaseHolder } from '../../../shared/cases.js';

type CategoryNames = Map<string, { zh: string; en: string }>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The clocks a case in work can be watched by, with their deadline columns. */
const runningClocks: Record<string, readonly Clock[]> = {
  submitted: ['firstContact', 'dispatch'],
  accepted: ['firstContact', 'dispatch'],
  dispatched: ['firstContact', 'take', 'resolve'],
  in_progress: ['firstContact', 'resolve'],
};

/**
 * The deadline that matters now: the earliest clock still running (a stopped clock's column is
 * empty). A call back never made stays the one shown after dispatch, so the row that turned red for
 * it says so, rather than showing the hours the resolve clock still has.
 */
type DueColumns = 'state' | 'first_contact_due_at' | 'dispatch_due_at' | 'take_due_at' | 'resolve_due_at';

/** What a line of the inbox shows of a case (cases/repository.ts reads only these for a page). */
export type SummaryRow = Pick<
  CaseRow,
  | DueColumns
  | 'id'
  | 'tracking_code'
  | 'channel'
  | 'category_code'
  | 'priority'
  | 'description'
  | 'address'
  | 'assignee_name'
  | 'sla_level'
  | 'escalation_level'
  | 'created_at'
>;

export function currentDue(c: Pick<CaseRow, DueColumns>): { clock: Clock; due: Date | string } | null {
  let found: { clock: Clock; due: Date | string } | null = null;
  for (const clock of runningClocks[c.state] ?? []) {
    const due = c[dueColumn[clock]];
    if (due != null && (!found || new Date(due) < new Date(found.due))) found = { clock, due };
  }
  return found;
}

export function presentSummary(
  c: SummaryRow & { place_code: string; place_name: string },
  categories: CategoryNames,
  locale: Locale,
) {
  const category = c.category_code ? categories.get(c.category_code) : undefined;
  return {
    id: c.id,
    trackingCode: c.tracking_code,
    state: c.state as CaseState,
    channel: c.channel,
    category:
      c.category_code && category ? { code: c.category_code, name: locale === 'en' ? category.en : category.zh } : null,
    priority: c.priority,
    description: c.description,
    address: c.address,
    place: { code: c.place_code, name: c.place_name },
    assignee: c.assignee_name,
    slaLevel: c.sla_level,
    escalationLevel: c.escalation_level,
    createdAt: iso(c.created_at)!,
    dueAt: iso(currentDue(c)?.due ?? null),
    dueClock: currentDue(c)?.clock ?? null,
  };
}

export function presentDetail(
  c: CaseRow & { place_code: string; place_name: string },
  events: {
    action: string;
    from_state: string | null;
    to_state: string | null;
    actor_id: string | null;
    actor_name: string;
    note: string;
    at: Date | string;
    data: unknown;
  }[],
  parties: Party[],
  categories: CategoryNames,
  locale: Locale,
  /** The role names of the staff who took steps (platform/auth/staff-roles.ts). */
  roles: ReadonlyMap<string, string> = new Map(),
) {
  return {
    ...presentSummary(c, categories, locale),
    reporter: { name: c.reporter_name, phone: c.reporter_phone_masked },
    lng: c.lng,
    lat: c.lat,
    photoIds: c.photo_ids,
    resultText: c.result_text,
    resultPhotoIds: c.result_photo_ids,
    rating: c.rating
      ? { rating: c.rating, solved: c.rating_solved, comment: c.rating_comment, at: iso(c.rated_at)! }
      : null,
    deadlines: {
      firstContact: iso(c.first_contact_due_at),
      dispatch: iso(c.dispatch_due_at),
      take: iso(c.take_due_at),
      resolve: iso(c.resolve_due_at),
    },
    firstContactAt: iso(c.first_contact_at),
    reopenCount: c.reopen_count,
    extensionRequestedHours: c.extension_requested_hours,
    timeline: events.map((e) => ({
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      actorName: e.actor_name,
      actorRole: (e.actor_id && roles.get(e.actor_id)) || null,
      note: e.note,
      at: iso(e.at)!,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    actions: allowedActions(c.state as CaseState, parties).filter(
      (a) => a !== 'approveExtension' || c.extension_requested_hours !== null,
    ),
    assigneeKind: c.assignee_kind,
    stage: caseStageOf(c.state as CaseState, c.suspended_from as CaseState | null),
    verifyRequired: c.verify_required,
    verifyPhotoIds: c.verify_photo_ids,
  };
}

/**
 * The tracking page: plain words, no one's personal data. `mayRate`: the viewer proved to be the
 * reporter (SMS link or own phone login), not just the last 4 digits. A dispatch and the take after it
 * say which kind of holder has the case (网格员, 社区工作者, 部门, 志愿服务队), never a name.
 */
export function presentPublic(
  c: CaseRow & { place_name: string },
  events: { action: string; at: Date | string; note: string; data?: unknown }[],
  categories: CategoryNames,
  locale: Locale,
  mayRate: boolean,
) {
  const shown = new Set([
    'submit',
    'accept',
    'contact',
    'dispatch',
    'take',
    'return',
    'recall',
    'resolve',
    'verify',
    'failVerify',
    'callback',
    'rateSatisfied',
    'rateReopen',
    'rateEscalate',
    'close',
    'reject',
    'suspend',
    'resume',
  ]);
  const category = c.category_code ? categories.get(c.category_code) : undefined;
  let holder: CaseHolder | null = null;
  const steps = [];
  for (const e of events) {
    if (e.action === 'dispatch') holder = holderOf(e.data);
    if (!shown.has(e.action)) continue;
    steps.push({
      action: e.action,
      at: iso(e.at)!,
      holder: e.action === 'dispatch' || e.action === 'take' ? holder : null,
      note: e.action === 'resolve' || e.action === 'reject' || e.action === 'suspend' ? e.note : '',
    });
  }
  return {
    trackingCode: c.tracking_code,
    state: c.state,
    category: category ? (locale === 'en' ? category.en : category.zh) : null,
    description: c.description,
    community: c.place_name,
    createdAt: iso(c.created_at)!,
    resultText: c.result_text,
    rating: c.rating,
    canRate: c.state === 'resolved' && mayRate,
    steps,
  };
}

/** The holder a dispatch event names; one written before the kind was kept says what its target was. */
function holderOf(data: unknown): CaseHolder {
  const d = (data ?? {}) as { holder?: unknown; assigneeKind?: unknown };
  if (caseHolders.includes(d.holder as CaseHolder)) return d.holder as CaseHolder;
  return d.assigneeKind === 'department' ? 'department' : d.assigneeKind === 'team' ? 'team' : 'staff';
}
