import type { CaseRow } from '../../platform/db/schema.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { Party } from './lifecycle.js';
import { allowedActions, type CaseState } from './lifecycle.js';
import { caseHolders, caseStageOf, type CaseHolder } from '../../../shared/cases.js';

type CategoryNames = Map<string, { zh: string; en: string }>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The deadline that runs in this state. */
export function currentDue(c: CaseRow): Date | string | null {
  if (c.state === 'submitted' || c.state === 'accepted')
    return c.first_contact_at ? c.dispatch_due_at : (c.first_contact_due_at ?? c.dispatch_due_at);
  if (c.state === 'dispatched') return c.take_due_at ?? c.resolve_due_at;
  if (c.state === 'in_progress') return c.resolve_due_at;
  return null;
}

export function presentSummary(
  c: CaseRow & { place_code: string; place_name: string },
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
    dueAt: iso(currentDue(c)),
  };
}

export function presentDetail(
  c: CaseRow & { place_code: string; place_name: string },
  events: {
    action: string;
    from_state: string | null;
    to_state: string | null;
    actor_name: string;
    note: string;
    at: Date | string;
    data: unknown;
  }[],
  parties: Party[],
  categories: CategoryNames,
  locale: Locale,
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
