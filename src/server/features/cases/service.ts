import { caseRatingLabels, type CaseRating } from '../../../shared/cases.js';
import { roleLabels, type Role } from '../../../shared/roles.js';
import { roleNamesOf } from '../../platform/auth/staff-roles.js';
import type { Db } from '../../platform/db/database.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { referenceData } from '../../platform/reference-cache.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { findByCode } from '../places/index.js';
import { canReadCase, departmentIdsOf, mayReadCase, teamIdsOf } from '../../platform/case-access.js';
import type { CasesDeps } from './deps.js';
import { partiesOf } from './policy.js';
import { createActions } from './actions.js';
import { hashToken } from './actions/context.js';
import { createIntake } from './intake.js';
import { caseSheet, qrPoster } from './documents.js';
import { presentDetail, presentPublic, presentSummary } from './present.js';
import * as repo from './repository.js';
import type { CaseQueryT } from './schemas.js';
import { similarity } from './text.js';

const openStates = ['submitted', 'accepted', 'dispatched', 'in_progress', 'suspended', 'resolved', 'verifying'];

type WithoutDeps<F> = F extends (deps: CasesDeps, ...args: infer A) => unknown ? A : never;

// The operations below take the deps first; the service binds them, so routes and Open311 call one object.
export function createCasesService(deps: CasesDeps) {
  return {
    intake: createIntake(deps),
    actions: createActions(deps),
    list: (...args: WithoutDeps<typeof list>) => list(deps, ...args),
    get: (...args: WithoutDeps<typeof get>) => get(deps, ...args),
    duplicates: (...args: WithoutDeps<typeof duplicates>) => duplicates(deps, ...args),
    dispatchPeople: (...args: WithoutDeps<typeof dispatchPeople>) => dispatchPeople(deps, ...args),
    publicView: (...args: WithoutDeps<typeof publicView>) => publicView(deps, ...args),
    mine: (...args: WithoutDeps<typeof mine>) => mine(deps, ...args),
    categories: (...args: WithoutDeps<typeof categories>) => categories(deps, ...args),
    sheetPdf: (...args: WithoutDeps<typeof sheetPdf>) => sheetPdf(deps, ...args),
    posterPdf: (...args: WithoutDeps<typeof posterPdf>) => posterPdf(deps, ...args),
  };
}

/** Every category's names, inactive ones too: this process's copy of the reference data. */
function categoryNames(db: Db) {
  return referenceData(
    db,
    'category-names',
    async () => new Map((await repo.categoryNames(db)).map((c) => [c.code, { zh: c.name_zh, en: c.name_en }])),
  );
}

async function readable(db: Db, actor: Actor, id: string) {
  const c = await repo.findCase(db, id);
  if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
  return c;
}

async function withPlace(db: Db, c: CaseRow) {
  const place = await repo.placeWithAncestors(db, c.place_id);
  return { ...c, place_code: place.code, place_name: place.name };
}

export async function list(deps: CasesDeps, actor: Actor, q: CaseQueryT, locale: Locale) {
  const departmentIds = departmentIdsOf(actor);
  const teamIds = teamIdsOf(actor);
  // Who works cases sent to them (departments, volunteers of a team) lists those; others need cases:read.
  if (departmentIds.length === 0 && teamIds.length === 0 && !can(actor, 'cases:handle'))
    assertPermission(actor, 'cases:read');
  const underPath = (await resolveUnder(deps.db, actor, 'cases:read', q.under))?.path ?? null;
  const filter: repo.CaseListFilter = {
    scope: scopeOf(actor, 'cases:read'),
    departmentIds,
    teamIds,
    userId: actor.userId,
    mineOnly: q.mine === 'true',
    underPath,
    states: q.state === 'all' ? null : q.state === 'open' ? openStates : [q.state],
    category: q.category,
    channel: q.channel,
    departmentCode: q.department,
    overdue: q.overdue === 'true',
    from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
    q: q.q,
  };
  const after = q.cursor ? parseCursor(q.cursor) : null;
  const { rows, more, counts } = await repo.listCasesWithCounts(deps.db, filter, {
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
    after,
  });
  // The list's total from the counts by state: the same filter with its states (and overdue) applied.
  const chosen = counts.filter((c) => !filter.states || filter.states.includes(c.state));
  const total = chosen.reduce((sum, c) => sum + (filter.overdue ? c.red : c.n), 0);
  const last = rows.at(-1);
  const names = await categoryNames(deps.db);
  return {
    items: rows.map((r) => presentSummary(r, names, locale)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    nextCursor: more && last ? `${last.created_us}_${last.id}` : null,
    counts: Object.fromEntries(counts.map((c) => [c.state, c.n])) as Record<string, number>,
    overdue: counts.reduce((sum, c) => sum + c.red, 0),
  };
}

/** A keyset cursor as nextCursor wrote it (the schema checked its form). */
function parseCursor(cursor: string): repo.CaseCursor {
  const [us, id] = cursor.split('_');
  return { createdUs: Number(us), id };
}

/** One case: whoever reads it, and the parties a running summons on it calls (read only, no actions). */
export async function get(deps: CasesDeps, actor: Actor, id: string, locale: Locale) {
  const found = await repo.findCase(deps.db, id);
  if (!found || !(await mayReadCase(deps.db, actor, found))) throw new AppError('NOT_FOUND');
  const c = await withPlace(deps.db, found);
  const parties = partiesOf(actor, c, await repo.enteredBy(deps.db, id));
  const events = await repo.events(deps.db, id);
  const roles = await roleNamesOf(
    deps.db,
    events.map((e) => e.actor_id),
    locale,
  );
  const detail = presentDetail(c, events, parties, await categoryNames(deps.db), locale, roles);
  const filed = c.category_code ? await repo.categoryAsFiled(deps.db, c.category_code, c.category_version) : undefined;
  const limits = filed
    ? {
        firstContactMinutes: filed.first_contact_minutes,
        dispatchMinutes: filed.dispatch_minutes,
        takeMinutes: filed.take_minutes,
        resolveHours: filed.resolve_hours,
        businessDays: filed.business_days,
      }
    : null;
  return { ...detail, limits };
}

/** Same place, overlapping words, last 7 days: shown to the dispatcher, never merged by itself. */
/** Whom a case may be sent to in person: its community's active grid and community workers, each once. */
export async function dispatchPeople(deps: CasesDeps, actor: Actor, id: string, locale: Locale) {
  const c = await readable(deps.db, actor, id);
  const seen = new Set<string>();
  return (await repo.communityStaff(deps.db, c.place_path))
    .filter((p) => p.status === 'active' && !seen.has(p.id) && seen.add(p.id))
    .map((p) => ({
      id: p.id,
      name: p.display_name,
      role: p.role as 'community_worker' | 'grid_worker',
      roleLabel: roleLabels[p.role as Role][locale],
      placeName: p.place_name,
    }));
}

export async function duplicates(deps: CasesDeps, actor: Actor, id: string) {
  const c = await readable(deps.db, actor, id);
  const since = new Date(new Date(c.created_at).getTime() - 7 * 86_400_000);
  const candidates = await repo.similarCandidates(deps.db, {
    placeId: c.place_id,
    since,
    tokens: c.text_tokens,
    excludeId: c.id,
  });
  return candidates
    .map((k) => ({
      id: k.id,
      trackingCode: k.tracking_code,
      description: k.description,
      state: k.state,
      createdAt: new Date(k.created_at).toISOString(),
      score: Math.round(similarity(c.text_tokens, k.text_tokens) * 100) / 100,
    }))
    .filter((k) => k.score >= 0.25)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}

/**
 * The tracking page, for whoever proves to be the reporter: the token of the SMS link, the
 * phone they logged in with (`userId`), or — read-only — the last 4 digits of that phone.
 */
export async function publicView(
  deps: CasesDeps,
  trackingCode: string,
  proof: { phoneLast4?: string; token?: string; userId?: string | null },
  locale: Locale,
) {
  const c = await repo.findByTrackingCode(deps.db, trackingCode.toUpperCase());
  const tokenOk = Boolean(proof.token && c?.rating_token_hash && c.rating_token_hash === hashToken(proof.token));
  const phoneHash = c && proof.userId ? await repo.provenPhoneHash(deps.db, proof.userId) : null;
  const sessionOk = Boolean(phoneHash && c?.reporter_phone_hash === phoneHash);
  if (!c || !(tokenOk || sessionOk || (proof.phoneLast4 && c.reporter_phone_last4 === proof.phoneLast4)))
    throw new AppError('NOT_FOUND');
  const place = await repo.placeWithAncestors(deps.db, c.place_id);
  const community = place.kind === 'community' ? place : await repo.placeWithAncestors(deps.db, place.parent_id!);
  return presentPublic(
    { ...c, place_name: community.name },
    await repo.events(deps.db, c.id),
    await categoryNames(deps.db),
    locale,
    tokenOk || sessionOk,
  );
}

/** "My reports": the cases filed with the logged-in resident's phone number. */
export async function mine(deps: CasesDeps, actor: Actor, locale: Locale) {
  const phoneHash = actor.userId ? await repo.phoneHashOf(deps.db, actor.userId) : null;
  if (!phoneHash) return [];
  const names = await categoryNames(deps.db);
  return (await repo.casesOfReporter(deps.db, phoneHash)).map((r) => presentSummary(r, names, locale));
}

export async function categories(deps: CasesDeps, locale: Locale) {
  return (await repo.categories(deps.db)).map((c) => ({
    code: c.code,
    parentCode: c.parent_code,
    name: locale === 'en' ? c.name_en : c.name_zh,
    firstContactMinutes: c.first_contact_minutes,
    dispatchMinutes: c.dispatch_minutes,
    takeMinutes: c.take_minutes,
    resolveHours: c.resolve_hours,
    businessDays: c.business_days,
  }));
}

export async function sheetPdf(deps: CasesDeps, actor: Actor, id: string) {
  const c = await withPlace(deps.db, await readable(deps.db, actor, id));
  const events = await repo.events(deps.db, id);
  const detail = presentDetail(
    c,
    events,
    partiesOf(actor, c),
    await categoryNames(deps.db),
    'zh-CN',
    await roleNamesOf(
      deps.db,
      events.map((e) => e.actor_id),
      'zh-CN',
    ),
  );
  return caseSheet({
    trackingCode: detail.trackingCode,
    state: detail.state,
    category: detail.category?.name ?? null,
    channel: detail.channel,
    priority: detail.priority,
    createdAt: detail.createdAt,
    place: detail.place.name,
    address: detail.address,
    reporter: detail.reporter.name,
    phone: detail.reporter.phone,
    description: detail.description,
    assignee: detail.assignee,
    resultText: detail.resultText,
    rating: detail.rating ? caseRatingLabels[detail.rating.rating as CaseRating] : null,
    deadlines: detail.deadlines,
    timeline: detail.timeline,
  });
}

/** The printable QR poster of a community: scan → the report form of /r/{code}. */
export async function posterPdf(deps: CasesDeps, actor: Actor, communityCode: string) {
  const place = await findByCode(deps.db, communityCode);
  if (!place || place.kind !== 'community') throw new AppError('NOT_FOUND');
  assertInScope(actor, 'cases:read', place.path);
  const street = await repo.placeWithAncestors(deps.db, place.parent_id!);
  return qrPoster({ code: place.code, name: place.name, street: street.name }, `${deps.publicUrl}/r/${place.code}`);
}

export type CasesService = ReturnType<typeof createCasesService>;
