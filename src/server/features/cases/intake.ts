import type { Insertable, Transaction } from 'kysely';
import { normalizePhone, maskPhone } from '../../../shared/identity.js';
import { recordAudit } from '../../platform/audit.js';
import type { CaseCategory, CaseRow, CasesTable, Database } from '../../platform/db/schema.js';
import type { PiiCipher } from '../../platform/pii.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertInScope, can, systemActor, type Actor } from '../../platform/policy.js';
import { attachableFiles } from '../files/index.js';
import { findByCode } from '../places/index.js';
import { workdayCalendar } from '../calendar/index.js';
import { addDeadline, shanghaiDate } from '../../platform/deadlines.js';
import { onDutyUserIds, smsReporter, trackingLink } from './notices.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import { summarize } from '../../../shared/text.js';
import * as repo from './repository.js';
import type { CasesDeps } from './deps.js';
import { watchCaseClock } from './sla.js';
import { applyCaseChange } from '../stats/index.js';
import { suggestCategory } from './text.js';
import { tokenize } from '../../platform/search-text.js';
import { trackingCode as codeOf, trackingCounterName } from './tracking-code.js';
import { isUnder } from '../../platform/scope.js';
import { referenceData } from '../../platform/reference-cache.js';
import { recordSuggestion, suggestForIntake, type IntakeSuggestion } from '../dispatch/index.js';
import { autoRoute } from './auto-route.js';

// Intake (受理前): validate, find the grid, suggest a category, give a tracking code, start the
// first-contact and dispatch clocks, and SMS the on-duty cadres and the reporter — all in one
// transaction. The same idempotency key twice gives the first case back.

type Trx = Transaction<Database>;

export interface IntakeInput {
  channel: CaseRow['channel'];
  placeCode?: string;
  /** File under the named place itself (a poster's building, unit or spot), not under its grid. */
  exactPlace?: boolean;
  lng?: number;
  lat?: number;
  address: string;
  categoryCode?: string;
  priority: 'normal' | 'urgent';
  description: string;
  reporterName: string;
  reporterPhone?: string;
  reporterUserId?: string | null;
  photoIds: string[];
  /** Photos stored by this very request (the public form's own), attachable without a login. */
  uploadedPhotoIds?: string[];
  idempotencyKey?: string;
  mediaUrl?: string;
  externalAccount?: string;
  /** The reporter allowed the description, place and photos on public lists (公开); off by default. */
  isPublic?: boolean;
}

export function createIntake(deps: CasesDeps) {
  const { db, clock } = deps;

  /**
   * The grid holding the point, else the given place; it must lie in the community asked for. A
   * grid worker standing just across the border of their grid files under the place they chose.
   */
  async function resolvePlace(input: IntakeInput, within: { path: string } | null, actor: Actor | null) {
    if (input.exactPlace && input.placeCode) return namedPlace(deps, input.placeCode, within, true);
    const atPoint = await placeAtPoint(deps, input, within, actor);
    if (atPoint) return atPoint.place;
    if (input.placeCode) return namedPlace(deps, input.placeCode, within);
    if (!within) return undefined;
    // Only a community takes a case with no better place: an Open311 write is bounded by its whole county.
    const fallback = await findByCode(db, within.path.split('/').filter(Boolean).at(-1)!);
    return fallback?.kind === 'community' ? fallback : undefined;
  }

  /** Without an actor, `within` (the QR poster's community, the API key's county) bounds where the case may go. */
  return async function intake(actor: Actor | null, input: IntakeInput, within: { path: string } | null = null) {
    if (!actor && !within) throw new AppError('FORBIDDEN');
    const place = await resolvePlace(input, within, actor);
    if (!place) throw invalid('placeCode', 'placeNotInScope');
    if (actor) assertInScope(actor, 'cases:intake', place.path);
    const tenantId = place.tenant_id!;
    if (input.idempotencyKey) {
      const existing = await repo.findByIdempotencyKey(db, tenantId, input.idempotencyKey);
      if (existing) return { id: existing.id, trackingCode: existing.tracking_code, created: false };
    }
    const phone = input.reporterPhone ? normalizePhone(input.reporterPhone) : null;
    if (input.reporterPhone && !phone) throw new AppError('RESIDENT_PHONE_INVALID');
    const tokens = tokenize(input.description);
    const { category, suggestion } = await categoryOf(deps, input, tokens, tenantId);
    await attachableFiles(db, actor, input.photoIds, { field: 'photoIds', uploadedNow: input.uploadedPhotoIds });
    const calendar = await referenceData(db, `calendar:${tenantId}`, () => workdayCalendar(db, tenantId));
    const now = clock.now();
    // An urgent category (突发事件) makes every case filed under it urgent.
    const priority = category.urgent ? 'urgent' : input.priority;
    const firstContactDue = addDeadline(
      now,
      priority === 'urgent' ? Math.min(15, category.first_contact_minutes) : category.first_contact_minutes,
      false,
      calendar,
    );
    const dispatchDue = addDeadline(now, category.dispatch_minutes, category.business_days, calendar);
    const filing: Filing = {
      actor,
      input: { ...input, priority },
      place,
      category,
      suggestion,
      tokens,
      phone,
      now,
      firstContactDue,
      dispatchDue,
    };
    return db.transaction().execute(async (trx) => {
      // Serialise retries with the same key: the loser of a race waits and then finds the winner's case.
      if (input.idempotencyKey) {
        await repo.lockIdempotencyKey(trx, tenantId, input.idempotencyKey);
        const existing = await repo.findByIdempotencyKey(trx, tenantId, input.idempotencyKey);
        if (existing) return { id: existing.id, trackingCode: existing.tracking_code, created: false };
      }
      return fileCase(trx, deps, filing);
    });
  };
}

/** The grid at the report's point, when it lies where the report may go; null to look further. */
async function placeAtPoint(deps: CasesDeps, input: IntakeInput, within: { path: string } | null, actor: Actor | null) {
  if (input.lng === undefined || input.lat === undefined) return null;
  const located = await deps.locator.locate(input.lng, input.lat);
  const allowed =
    located &&
    (!within || isUnder(located.path, within.path)) &&
    (!actor || !input.placeCode || can(actor, 'cases:intake', located.path));
  return located && allowed ? { place: await findByCode(deps.db, located.grid.code) } : null;
}

/**
 * The place named by code: a building, unit or household files the case under its grid, unless
 * `exact` (a poster's place: the case stays on that building, unit or spot, its grid above it).
 */
async function namedPlace(deps: CasesDeps, placeCode: string, within: { path: string } | null, exact = false) {
  const place = await findByCode(deps.db, placeCode);
  if (
    !place ||
    place.status !== 'active' ||
    !['community', 'grid', 'building', 'unit', 'household', 'spot'].includes(place.kind)
  )
    return undefined;
  if (within && !isUnder(place.path, within.path)) return undefined;
  const grid = place.path.split('/').find((p) => /^\d{15}$/.test(p));
  return grid && place.kind !== 'grid' && !exact ? findByCode(deps.db, grid) : place;
}

/**
 * The category asked for, else the first active one the county's model (智能派单) suggests, else the
 * keyword lists' (which the suggestion already carries for categories the model never learned), else
 * 'other'; an unknown code is refused. The suggestion is kept on the case.
 */
async function categoryOf(deps: CasesDeps, input: IntakeInput, tokens: string[], tenantId: string) {
  const categories = await referenceData(deps.db, 'categories', () => repo.categories(deps.db));
  const keyword = suggestCategory(
    tokens,
    input.description,
    categories.filter((c) => c.parent_code),
  );
  const suggestion = await suggestForIntake(deps.db, tenantId, input.description, keyword);
  const suggested = suggestion.categories.find((s) => categories.some((c) => c.code === s.label))?.label;
  const code = input.categoryCode ?? suggested ?? keyword;
  const category = categories.find((c) => c.code === code) ?? categories.find((c) => c.code === 'other')!;
  if (input.categoryCode && category.code !== input.categoryCode) throw invalid('categoryCode', 'unknownCategory');
  return { category, suggestion };
}

/** A report checked and placed, with its deadlines computed: what the filing transaction writes. */
interface Filing {
  actor: Actor | null;
  input: IntakeInput;
  place: NonNullable<Awaited<ReturnType<typeof findByCode>>>;
  category: CaseCategory;
  suggestion: IntakeSuggestion;
  tokens: string[];
  phone: string | null;
  now: Date;
  firstContactDue: Date;
  dispatchDue: Date;
}

/** Gives the tracking code, writes the case, its first event and clocks, the SMS and the audit row. */
async function fileCase(trx: Trx, deps: CasesDeps, f: Filing) {
  const { clock } = deps;
  const { actor, input, place, category, now } = f;
  const tenantId = place.tenant_id!;
  const who = actor ?? systemActor();
  const day = shanghaiDate(now.getTime());
  const trackingCode = codeOf(deps.trackingPrefix, day, await repo.nextDailySerial(trx, trackingCounterName(day)));
  const row = caseRow(deps.pii, f, trackingCode);
  await repo.insertCase(trx, row);
  await applyCaseChange(trx, null, (await repo.findCase(trx, row.id))!);
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: tenantId,
    case_id: row.id,
    action: 'submit',
    from_state: null,
    to_state: 'submitted',
    actor_id: who.userId,
    actor_name: actor ? actor.displayName : input.reporterName || '居民',
    note: '',
    data: JSON.stringify({ channel: input.channel }),
    at: now,
  });
  await watchCaseClock(trx, clock, row.id, 'firstContact', now, f.firstContactDue);
  await watchCaseClock(trx, clock, row.id, 'dispatch', now, f.dispatchDue);
  const c = row as unknown as CaseRow;
  const community = place.kind === 'community' ? place.name : await communityNameOf(trx, place.path);
  await smsUsers(
    trx,
    deps,
    { tenantId: tenantId, placePath: row.place_path, caseId: row.id },
    await onDutyUserIds(trx, c, now),
    'case_new',
    { community, code: trackingCode, summary: summarize(input.description), minutes: category.first_contact_minutes },
    `new:${row.id}`,
  );
  await smsReporter(
    trx,
    deps,
    c,
    'case_received',
    { code: trackingCode, link: trackingLink(deps, trackingCode) },
    `received:${row.id}`,
  );
  await recordAudit(
    trx,
    who,
    {
      action: 'case.submit',
      entityType: 'case',
      entityId: row.id,
      tenantId,
      after: { trackingCode, channel: input.channel, category: category.code, place: place.code },
    },
    now,
  );
  const route = await recordSuggestion(trx, {
    caseId: row.id,
    tenantId,
    suggestion: f.suggestion,
    chosenCategory: input.categoryCode ?? null,
    actor,
    now,
  });
  if (route) await autoRoute(trx, deps, row.id, route);
  return { id: row.id, trackingCode, created: true };
}

/** The name of the community a place lies in (a poster's unit is two levels below its grid). */
async function communityNameOf(trx: Trx, path: string): Promise<string> {
  const code = path.split('/').find((p) => /^\d{12}$/.test(p));
  return (code && (await findByCode(trx, code))?.name) || '';
}

/** The new case's row: every column named, so a column added to the table is a decision here. */
function caseRow(pii: PiiCipher, f: Filing, trackingCode: string): Insertable<CasesTable> {
  return {
    id: newId(),
    tenant_id: f.place.tenant_id!,
    tracking_code: trackingCode,
    channel: f.input.channel,
    category_code: f.category.code,
    category_version: f.category.version,
    priority: f.input.priority,
    state: 'submitted',
    suspended_from: null,
    description: f.input.description,
    text_tokens: f.tokens,
    address: f.input.address,
    lng: f.input.lng ?? null,
    lat: f.input.lat ?? null,
    place_id: f.place.id,
    place_path: f.place.path,
    reporter_name: f.input.reporterName,
    reporter_phone_enc: f.phone ? pii.encrypt(f.phone) : null,
    reporter_phone_hash: f.phone ? pii.lookupHash(f.phone) : null,
    reporter_phone_masked: f.phone ? maskPhone(f.phone) : null,
    reporter_phone_last4: f.phone ? f.phone.slice(-4) : null,
    reporter_user_id: f.input.reporterUserId ?? null,
    photo_ids: f.input.photoIds,
    idempotency_key: f.input.idempotencyKey ?? null,
    assignee_kind: null,
    assignee_user_id: null,
    assignee_department_id: null,
    assignee_name: null,
    first_contact_due_at: f.firstContactDue,
    dispatch_due_at: f.dispatchDue,
    take_due_at: null,
    resolve_due_at: null,
    first_contact_at: null,
    accepted_at: null,
    dispatched_at: null,
    taken_at: null,
    resolved_at: null,
    closed_at: null,
    suspended_at: null,
    extension_requested_hours: null,
    first_contact_on_time: null,
    resolved_on_time: null,
    result_text: null,
    rating: null,
    rating_solved: null,
    rating_comment: null,
    rated_at: null,
    rating_token_hash: null,
    media_url: f.input.mediaUrl ?? null,
    external_account: f.input.externalAccount ?? null,
    created_at: f.now,
    updated_at: f.now,
    is_public: f.input.isPublic ?? false,
  };
}

export type Intake = ReturnType<typeof createIntake>;
