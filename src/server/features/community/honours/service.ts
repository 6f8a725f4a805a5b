import {
  campaignActionsFrom,
  campaignTransition,
  honoursHouseholds,
  starsFor,
  type CampaignAction,
  type NominationKind,
  type StarBand,
} from '../../../../shared/honours.js';
import { maskName } from '../../../../shared/identity.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { registryResidentsOf } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { can, scopePaths, type Actor } from '../../../platform/policy.js';
import { isUnder } from '../../../platform/scope.js';
import { assertManages, campaignsShownTo, mayManage, mayReadStars, stewardOver } from './policy.js';
import * as repo from './repository.js';
import type {
  ActionInputT,
  CampaignInputT,
  CampaignUpdateT,
  NominationInputT,
  ObjectionInputT,
  ShortlistInputT,
} from './schemas.js';

// 文明户评选: campaigns from nomination to published results. One transaction and one audit row per
// operation; the phases move by the transition table in shared/honours.ts.

export interface HonoursDeps {
  db: Db;
  clock: Clock;
}

type Campaign = NonNullable<Awaited<ReturnType<typeof repo.findCampaign>>>;
type NominationRow = Awaited<ReturnType<typeof repo.nominationsOf>>[number];
type CampaignRow = Awaited<ReturnType<typeof repo.listCampaigns>>[number];

const label = (n: { building_name: string; unit_name: string | null; room: string }) =>
  [n.building_name, n.unit_name, `${n.room}室`].filter(Boolean).join(' ');

/** The nominee's name: the resident (moral model) or the head of household. */
const nomineeName = (n: NominationRow) => n.resident_name ?? n.head_name ?? '';
const average = (n: NominationRow) => (n.average === null ? null : Math.round(Number(n.average) * 10) / 10);

function presentRow(k: CampaignRow) {
  return {
    id: k.id,
    placeName: k.place_name,
    kind: k.kind,
    year: k.year,
    title: k.title,
    state: k.state,
    objectionEndsOn: k.objection_ends_on,
    nominations: Number(k.nominations ?? 0),
    shortlisted: Number(k.shortlisted ?? 0),
    createdAt: k.created_at.toISOString(),
  };
}

function criteriaRows(campaign: { id: string; tenantId: string }, criteria: CampaignInputT['criteria']) {
  return criteria.map((c, i) => ({
    id: newId(),
    tenant_id: campaign.tenantId,
    campaign_id: campaign.id,
    position: i + 1,
    name: c.name,
    max_points: c.maxPoints,
    description: c.description,
  }));
}

function checkBands(bands: StarBand[]) {
  const stars = bands.map((b) => b.stars);
  if (new Set(stars).size !== stars.length) throw new AppError('HONOUR_BANDS_INVALID');
  // more stars need more points
  const sorted = [...bands].sort((a, b) => a.stars - b.stars);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].minPoints <= sorted[i - 1].minPoints) throw new AppError('HONOUR_BANDS_INVALID');
}

const today = (d: HonoursDeps) => shanghaiDate(d.clock.now().getTime());

/** Where the user lives: the households of the registry records carrying their phone. */
const homesOf = async (ex: Executor, actor: Actor) => (actor.userId ? await registryResidentsOf(ex, actor.userId) : []);

async function campaignOf(ex: Executor, id: string): Promise<Campaign> {
  const k = await repo.findCampaign(ex, id);
  if (!k) throw new AppError('NOT_FOUND');
  return k;
}

/** What the actor is to the campaign; none of the three reads as not found. */
async function viewerOf(ex: Executor, actor: Actor, k: Campaign) {
  const manages = mayManage(actor, k.place_path);
  const panel = actor.userId ? await repo.panelOf(ex, k.id) : [];
  const panelMember = panel.some((m) => m.user_id === actor.userId);
  const homes = await homesOf(ex, actor);
  const resident = homes.some((h) => isUnder(h.household_path, k.place_path));
  // a steward serving a building the campaign reaches
  const steward = scopePaths(actor, 'stewards:duty').some((p) => isUnder(p, k.place_path));
  if (!manages && !panelMember && !resident && !steward) throw new AppError('NOT_FOUND');
  return { manages, panelMember, resident, steward, homes };
}

async function detail(d: HonoursDeps, ex: Executor, actor: Actor, k: Campaign) {
  const viewer = await viewerOf(ex, actor, k);
  const [criteria, nominations, panel, objections] = await Promise.all([
    repo.criteriaOf(ex, k.id),
    repo.nominationsOf(ex, k.id),
    repo.panelOf(ex, k.id),
    repo.objectionsOf(ex, k.id),
  ]);
  const sheets = viewer.manages
    ? await repo.sheetsOf(ex, k.id, null)
    : viewer.panelMember
      ? await repo.sheetsOf(ex, k.id, actor.userId)
      : [];
  const staffView = viewer.manages || viewer.panelMember;
  // Residents see their own nominations, and the shortlist once it is on notice.
  const onNotice = k.state === 'publicising' || k.state === 'published';
  const shown = nominations.filter(
    (n) => staffView || n.nominated_by === actor.userId || (onNotice && n.shortlisted && n.result !== 'removed'),
  );
  return {
    id: k.id,
    placeCode: k.place_code,
    placeName: k.place_name,
    kind: k.kind,
    year: k.year,
    title: k.title,
    description: k.description,
    state: k.state,
    objectionEndsOn: k.objection_ends_on,
    createdAt: k.created_at.toISOString(),
    publishedAt: k.published_at ? k.published_at.toISOString() : null,
    publishNote: k.publish_note,
    cancelReason: k.cancel_reason,
    criteria: criteria.map((c) => ({ id: c.id, name: c.name, maxPoints: c.max_points, description: c.description })),
    starBands: k.star_bands,
    viewer: { manages: viewer.manages, panelMember: viewer.panelMember, resident: viewer.resident },
    actions: viewer.manages ? campaignActionsFrom(k.state) : [],
    nominations: shown.map((n) => ({
      id: n.id,
      householdLabel: label(n),
      name: staffView ? nomineeName(n) : maskName(nomineeName(n) || '*'),
      kind: n.kind,
      reason: staffView || n.nominated_by === actor.userId ? n.reason : '',
      nominatedBy: viewer.manages ? n.nominator_name : '',
      createdAt: n.created_at.toISOString(),
      state: n.state,
      rejectReason: n.reject_reason,
      sheets: staffView ? Number(n.sheets ?? 0) : 0,
      total: viewer.manages ? average(n) : null,
      shortlisted: n.shortlisted,
      stars: n.stars,
      result: n.result,
      resultNote: staffView || n.result ? n.result_note : '',
    })),
    panel: staffView ? panel.map((m) => ({ userId: m.user_id, name: m.display_name })) : [],
    sheets: sheets.map((s) => ({
      nominationId: s.nomination_id,
      memberUserId: s.member_user_id,
      points: s.points,
      total: s.total,
    })),
    objections: objections
      .filter((o) => viewer.manages || o.lodged_by === actor.userId)
      .map((o) => ({
        id: o.id,
        nominationId: o.nomination_id,
        body: o.body,
        lodgedBy: viewer.manages ? o.lodger_name : '',
        lodgedAt: o.lodged_at.toISOString(),
        answer: o.answer,
        answeredAt: o.answered_at ? o.answered_at.toISOString() : null,
        mine: o.lodged_by === actor.userId,
      })),
    objectionOpen: objectionOpen(d, k),
    shortlisted: nominations.filter((n) => n.shortlisted).length,
  };
}

const objectionOpen = (d: HonoursDeps, k: Campaign) =>
  k.state === 'publicising' && k.objection_ends_on !== null && today(d) <= k.objection_ends_on;

async function audit(
  d: HonoursDeps,
  trx: Executor,
  actor: Actor,
  action: string,
  entityType: string,
  id: string,
  tenant: string,
  after: unknown,
) {
  await recordAudit(trx, actor, { action, entityType, entityId: id, tenantId: tenant, after }, d.clock.now());
}

/** Locks the campaign, checks staff rights and that it is in one of the states. */
async function managed(trx: Executor, actor: Actor, id: string, states: readonly string[]) {
  const k = await campaignOf(trx, id);
  assertManages(actor, k.place_path);
  await repo.lockCampaign(trx, id);
  const fresh = await campaignOf(trx, id);
  if (!states.includes(fresh.state)) throw new AppError('HONOUR_STATE_CONFLICT');
  return fresh;
}

const present = async (d: HonoursDeps, actor: Actor, id: string) => detail(d, d.db, actor, await campaignOf(d.db, id));

async function managedState(trx: Executor, id: string) {
  const row = await repo.lockCampaign(trx, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row.state;
}

async function list(d: HonoursDeps, actor: Actor, q: { placeCode?: string; year?: number }) {
  const under = q.placeCode ? ((await repo.findPlace(d.db, q.placeCode))?.path ?? '/none/') : null;
  return (await repo.listCampaigns(d.db, campaignsShownTo(actor), under, q.year ?? null)).map(presentRow);
}

/** A resident's campaigns: those reaching their homes, and those they sit on the panel of. */
async function mine(d: HonoursDeps, actor: Actor) {
  const homes = await homesOf(d.db, actor);
  const rows = await repo.campaignsAbove(d.db, [...new Set(homes.map((h) => h.household_path))]);
  return rows.map(presentRow);
}

async function create(d: HonoursDeps, actor: Actor, input: CampaignInputT) {
  const place = await repo.findPlace(d.db, input.placeCode);
  if (!place || !place.tenant_id) throw new AppError('NOT_FOUND');
  if (!can(actor, 'honours:manage')) throw new AppError('FORBIDDEN', { permission: 'honours:manage' });
  assertManages(actor, place.path);
  if (place.kind !== 'community' && place.kind !== 'street') throw new AppError('HONOUR_PLACE_KIND');
  if (input.kind === 'civilised_household') checkBands(input.starBands);
  const id = newId();
  const now = d.clock.now();
  await d.db.transaction().execute(async (trx) => {
    await repo.insertCampaign(trx, {
      id,
      tenant_id: place.tenant_id!,
      place_id: place.id,
      place_path: place.path,
      kind: input.kind,
      year: input.year,
      title: input.title,
      description: input.description,
      state: 'nominating',
      star_bands: JSON.stringify(input.kind === 'civilised_household' ? input.starBands : []),
      objection_ends_on: null,
      created_by: actor.userId!,
      created_at: now,
      updated_at: now,
      published_at: null,
    });
    await repo.insertCriteria(trx, criteriaRows({ id, tenantId: place.tenant_id! }, input.criteria));
    await audit(d, trx, actor, 'honours.campaign_created', 'honour_campaign', id, place.tenant_id!, {
      kind: input.kind,
      year: input.year,
      title: input.title,
    });
  });
  return { id, state: 'nominating' };
}

async function update(d: HonoursDeps, actor: Actor, id: string, input: CampaignUpdateT) {
  await d.db.transaction().execute(async (trx) => {
    const k = await managed(trx, actor, id, ['nominating', 'scoring']);
    if (input.criteria && k.state !== 'nominating') throw new AppError('HONOUR_STATE_CONFLICT');
    if (input.starBands) checkBands(input.starBands);
    await repo.updateCampaign(trx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.starBands && k.kind === 'civilised_household' ? { star_bands: JSON.stringify(input.starBands) } : {}),
      updated_at: d.clock.now(),
    });
    if (input.criteria) {
      await repo.deleteCriteria(trx, id);
      await repo.insertCriteria(trx, criteriaRows({ id, tenantId: k.tenant_id }, input.criteria));
    }
    await audit(d, trx, actor, 'honours.campaign_updated', 'honour_campaign', id, k.tenant_id, input);
  });
  return present(d, actor, id);
}

/** Buildings and rooms (and, for a moral model, the residents) a nominator picks from by name. */
async function places(d: HonoursDeps, actor: Actor, id: string) {
  const k = await campaignOf(d.db, id);
  const viewer = await viewerOf(d.db, actor, k);
  const households = await repo.householdsUnder(d.db, k.place_path);
  const people = honoursHouseholds(k.kind) ? [] : await repo.residentsUnder(d.db, k.place_path);
  const ownHouseholds = new Set(viewer.homes.map((h) => h.household_path));
  const buildings = new Map<
    string,
    { name: string; households: { code: string; label: string; residents: { id: string; name: string }[] }[] }
  >();
  for (const h of households) {
    const b = buildings.get(h.building_path) ?? { name: h.building_name, households: [] };
    buildings.set(h.building_path, b);
    const full = viewer.manages || ownHouseholds.has(h.path);
    b.households.push({
      code: h.code,
      label: [h.unit_name, `${h.room}室`].filter(Boolean).join(' '),
      residents: people
        .filter((r) => r.household_id === h.id)
        .map((r) => ({ id: r.id, name: full ? r.name : maskName(r.name) })),
    });
  }
  return { buildings: [...buildings.values()] };
}

async function nominate(d: HonoursDeps, actor: Actor, id: string, input: NominationInputT) {
  const k = await campaignOf(d.db, id);
  const viewer = await viewerOf(d.db, actor, k);
  // the nominee: a household, or a resident (and their household) for a moral model
  let householdId: string;
  let householdPath: string;
  let residentId: string | null = null;
  if (honoursHouseholds(k.kind)) {
    if (!input.householdCode) throw new AppError('HONOUR_NOMINEE_REQUIRED');
    const h = await repo.findPlace(d.db, input.householdCode);
    if (!h || h.kind !== 'household' || !isUnder(h.path, k.place_path)) throw new AppError('HONOUR_NOMINEE_OUTSIDE');
    householdId = h.id;
    householdPath = h.path;
  } else {
    if (!input.residentId) throw new AppError('HONOUR_NOMINEE_REQUIRED');
    const r = await repo.findResident(d.db, input.residentId);
    if (!r || !isUnder(r.household_path, k.place_path)) throw new AppError('HONOUR_NOMINEE_OUTSIDE');
    householdId = r.household_id;
    householdPath = r.household_path;
    residentId = r.id;
  }
  // who names them: staff, the building's steward, the nominee themself, or a neighbour in the same community
  let kind: NominationKind;
  if (viewer.manages) kind = 'staff';
  else if (stewardOver(actor, householdPath)) kind = 'steward';
  else if (viewer.homes.some((h) => (residentId ? h.id === residentId : h.household_path === householdPath)))
    kind = 'self';
  else {
    const community = await repo.communityAbove(d.db, householdPath);
    if (!community || !viewer.homes.some((h) => isUnder(h.household_path, community.path)))
      throw new AppError('HONOUR_NOT_NEIGHBOUR');
    kind = 'neighbour';
  }
  const nominationId = newId();
  await d.db.transaction().execute(async (trx) => {
    const fresh = await managedState(trx, id);
    if (fresh !== 'nominating') throw new AppError('HONOUR_STATE_CONFLICT');
    const key = residentId ?? householdId;
    if (await repo.nomineeTaken(trx, id, key)) throw new AppError('HONOUR_ALREADY_NOMINATED');
    await repo.insertNomination(trx, {
      id: nominationId,
      tenant_id: k.tenant_id,
      campaign_id: id,
      household_id: householdId,
      household_path: householdPath,
      resident_id: residentId,
      nominee_key: key,
      kind,
      reason: input.reason,
      nominated_by: actor.userId!,
      created_at: d.clock.now(),
      stars: null,
      result: null,
    });
    await audit(d, trx, actor, 'honours.nominated', 'honour_nomination', nominationId, k.tenant_id, {
      campaignId: id,
      kind,
    });
  });
  return { id: nominationId, kind };
}

async function reject(d: HonoursDeps, actor: Actor, nominationId: string, reason: string) {
  const n = await repo.findNomination(d.db, nominationId);
  if (!n) throw new AppError('NOT_FOUND');
  await d.db.transaction().execute(async (trx) => {
    const k = await managed(trx, actor, n.campaign_id, ['nominating', 'scoring']);
    if (n.state !== 'nominated') throw new AppError('HONOUR_STATE_CONFLICT');
    await repo.updateNomination(trx, nominationId, {
      state: 'rejected',
      reject_reason: reason,
      shortlisted: false,
      stars: null,
    });
    await audit(d, trx, actor, 'honours.nomination_rejected', 'honour_nomination', nominationId, k.tenant_id, {
      reason,
    });
  });
  return { id: nominationId, state: 'rejected' };
}

async function panelCandidates(d: HonoursDeps, actor: Actor, id: string) {
  const k = await campaignOf(d.db, id);
  assertManages(actor, k.place_path);
  const rows = await repo.panelCandidates(d.db, k.place_path);
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .map((r) => ({ userId: r.id, name: r.display_name, role: r.role }));
}

async function addPanelMember(d: HonoursDeps, actor: Actor, id: string, userId: string) {
  await d.db.transaction().execute(async (trx) => {
    const k = await managed(trx, actor, id, ['nominating', 'scoring']);
    const candidates = await repo.panelCandidates(trx, k.place_path);
    // staff and stewards around the place, or a resident of it (a residents' representative)
    const inPlace =
      candidates.some((c) => c.id === userId) ||
      (await registryResidentsOf(trx, userId)).some((r) => isUnder(r.household_path, k.place_path));
    const user = await repo.userName(trx, userId);
    if (!user || user.status !== 'active' || !inPlace) throw new AppError('HONOUR_PANEL_OUTSIDE');
    await repo.addPanelMember(trx, { id, tenantId: k.tenant_id }, userId, actor.userId!, d.clock.now());
    await audit(d, trx, actor, 'honours.panel_added', 'honour_campaign', id, k.tenant_id, { userId });
  });
  return present(d, actor, id);
}

async function removePanelMember(d: HonoursDeps, actor: Actor, id: string, userId: string) {
  await d.db.transaction().execute(async (trx) => {
    const k = await managed(trx, actor, id, ['nominating', 'scoring']);
    if ((await repo.sheetsOf(trx, id, userId)).length > 0) throw new AppError('HONOUR_PANEL_HAS_SCORED');
    await repo.removePanelMember(trx, id, userId);
    await audit(d, trx, actor, 'honours.panel_removed', 'honour_campaign', id, k.tenant_id, { userId });
  });
  return present(d, actor, id);
}

/** A panel member's sheet for one nominee: every criterion, 0..max; editable while scoring. */
async function score(d: HonoursDeps, actor: Actor, nominationId: string, points: Record<string, number>) {
  const n = await repo.findNomination(d.db, nominationId);
  if (!n) throw new AppError('NOT_FOUND');
  const k = await campaignOf(d.db, n.campaign_id);
  const panel = await repo.panelOf(d.db, k.id);
  if (!panel.some((m) => m.user_id === actor.userId)) {
    if (mayManage(actor, k.place_path)) throw new AppError('HONOUR_NOT_PANEL');
    throw new AppError('NOT_FOUND');
  }
  const criteria = await repo.criteriaOf(d.db, k.id);
  const ids = new Set(criteria.map((c) => c.id));
  for (const key of Object.keys(points))
    if (!ids.has(key)) throw new AppError('HONOUR_SCORE_INVALID', { criterionId: key });
  for (const c of criteria) {
    const p = points[c.id];
    if (p === undefined || p < 0 || p > c.max_points)
      throw new AppError('HONOUR_SCORE_INVALID', { criterionId: c.id, max: c.max_points });
  }
  const total = criteria.reduce((s, c) => s + points[c.id], 0);
  await d.db.transaction().execute(async (trx) => {
    const state = await managedState(trx, k.id);
    if (state !== 'scoring') throw new AppError('HONOUR_STATE_CONFLICT');
    if (n.state !== 'nominated') throw new AppError('HONOUR_STATE_CONFLICT');
    await repo.upsertSheet(trx, {
      tenant_id: k.tenant_id,
      nomination_id: nominationId,
      member_user_id: actor.userId!,
      campaign_id: k.id,
      points: JSON.stringify(points),
      total,
      updated_at: d.clock.now(),
    });
    await audit(d, trx, actor, 'honours.scored', 'honour_nomination', nominationId, k.tenant_id, { total });
  });
  return { nominationId, total };
}

/** The shortlist: the top N, or all at or above a threshold, by the average of the members' totals. */
async function shortlist(d: HonoursDeps, actor: Actor, id: string, input: ShortlistInputT) {
  await d.db.transaction().execute(async (trx) => {
    const k = await managed(trx, actor, id, ['scoring']);
    const all = (await repo.nominationsOf(trx, id)).filter((n) => n.state === 'nominated');
    const scored = all
      .map((n) => ({ n, total: average(n) }))
      .filter((x): x is { n: NominationRow; total: number } => x.total !== null)
      .sort((a, b) => b.total - a.total);
    let chosen: typeof scored;
    if (input.mode === 'top') {
      if (!input.top) throw new AppError('HONOUR_SHORTLIST_RULE');
      chosen = scored.slice(0, input.top);
    } else {
      if (input.threshold === undefined) throw new AppError('HONOUR_SHORTLIST_RULE');
      chosen = scored.filter((x) => x.total >= input.threshold!);
    }
    const override = new Map(input.stars.map((s) => [s.nominationId, s.stars]));
    for (const s of input.stars)
      if (!chosen.some((x) => x.n.id === s.nominationId)) throw new AppError('HONOUR_SHORTLIST_RULE');
    const picked = new Set(chosen.map((x) => x.n.id));
    for (const { n, total } of scored.concat(all.filter((n) => average(n) === null).map((n) => ({ n, total: 0 })))) {
      const on = picked.has(n.id);
      const stars =
        on && k.kind === 'civilised_household' ? (override.get(n.id) ?? starsFor(total, k.star_bands)) : null;
      await repo.updateNomination(trx, n.id, { shortlisted: on, stars });
    }
    await audit(d, trx, actor, 'honours.shortlisted', 'honour_campaign', id, k.tenant_id, {
      mode: input.mode,
      top: input.top,
      threshold: input.threshold,
      nominations: [...picked],
    });
  });
  return present(d, actor, id);
}

type CampaignSet = Parameters<typeof repo.updateCampaign>[2];
type Nominations = Awaited<ReturnType<typeof repo.nominationsOf>>;
interface Step {
  trx: Executor;
  k: Campaign;
  nominations: Nominations;
  input: ActionInputT;
  now: Date;
  set: CampaignSet;
}

/** What each phase move checks and writes besides the state. */
const actionSteps: Record<CampaignAction, (s: Step) => Promise<void>> = {
  async open_scoring({ trx, k, nominations }) {
    if (!nominations.some((n) => n.state === 'nominated')) throw new AppError('HONOUR_NO_NOMINATIONS');
    if ((await repo.panelOf(trx, k.id)).length === 0) throw new AppError('HONOUR_NO_PANEL');
  },
  async publicise({ nominations, input, now, set }) {
    if (!nominations.some((n) => n.shortlisted)) throw new AppError('HONOUR_NO_SHORTLIST');
    if (!input.objectionEndsOn || input.objectionEndsOn < shanghaiDate(now.getTime()))
      throw new AppError('HONOUR_OBJECTION_END');
    set.objection_ends_on = input.objectionEndsOn;
  },
  async publish({ trx, k, nominations, input, now, set }) {
    if (k.objection_ends_on && shanghaiDate(now.getTime()) <= k.objection_ends_on)
      throw new AppError('HONOUR_OBJECTION_PERIOD');
    const changes = new Map(input.changes.map((c) => [c.nominationId, c]));
    for (const c of input.changes)
      if (!nominations.some((n) => n.id === c.nominationId && n.shortlisted))
        throw new AppError('HONOUR_SHORTLIST_RULE');
    for (const n of nominations.filter((x) => x.shortlisted)) {
      const c = changes.get(n.id);
      await repo.updateNomination(trx, n.id, {
        result: c?.remove ? 'removed' : 'honoured',
        stars: k.kind === 'civilised_household' ? (c?.stars ?? n.stars) : null,
        result_note: c?.reason ?? '',
      });
    }
    set.published_at = now;
    set.publish_note = input.reason;
  },
  async cancel({ input, set }) {
    if (input.reason.length < 2) throw new AppError('HONOUR_REASON_REQUIRED');
    set.cancel_reason = input.reason;
  },
};

async function act(d: HonoursDeps, actor: Actor, id: string, action: CampaignAction, input: ActionInputT) {
  await d.db.transaction().execute(async (trx) => {
    const k = await managed(trx, actor, id, ['nominating', 'scoring', 'publicising', 'published', 'cancelled']);
    const t = campaignTransition(k.state, action);
    if (!t) throw new AppError('HONOUR_STATE_CONFLICT');
    const now = d.clock.now();
    const set: CampaignSet = { state: t.to, updated_at: now };
    const nominations = await repo.nominationsOf(trx, id);
    await actionSteps[action]({ trx, k, nominations, input, now, set });
    await repo.updateCampaign(trx, id, set);
    await audit(d, trx, actor, `honours.${action}`, 'honour_campaign', id, k.tenant_id, {
      from: k.state,
      to: t.to,
      objectionEndsOn: input.objectionEndsOn,
      reason: input.reason,
      changes: input.changes,
    });
  });
  return present(d, actor, id);
}

async function object(d: HonoursDeps, actor: Actor, id: string, input: ObjectionInputT) {
  const k = await campaignOf(d.db, id);
  const viewer = await viewerOf(d.db, actor, k);
  if (!viewer.homes.some((h) => isUnder(h.household_path, k.place_path))) throw new AppError('HONOUR_NOT_RESIDENT');
  const objectionId = newId();
  await d.db.transaction().execute(async (trx) => {
    await repo.lockCampaign(trx, id);
    const fresh = await campaignOf(trx, id);
    if (!objectionOpen(d, fresh)) throw new AppError('HONOUR_OBJECTION_CLOSED');
    if (input.nominationId) {
      const n = await repo.findNomination(trx, input.nominationId);
      if (!n || n.campaign_id !== id || !n.shortlisted) throw new AppError('NOT_FOUND');
    }
    await repo.insertObjection(trx, {
      id: objectionId,
      tenant_id: k.tenant_id,
      campaign_id: id,
      nomination_id: input.nominationId ?? null,
      body: input.body,
      lodged_by: actor.userId!,
      lodged_at: d.clock.now(),
      answered_by: null,
      answered_at: null,
    });
    await audit(d, trx, actor, 'honours.objected', 'honour_objection', objectionId, k.tenant_id, {
      campaignId: id,
      nominationId: input.nominationId ?? null,
    });
  });
  return { id: objectionId };
}

async function answer(d: HonoursDeps, actor: Actor, objectionId: string, answer: string) {
  const o = await repo.findObjection(d.db, objectionId);
  if (!o) throw new AppError('NOT_FOUND');
  await d.db.transaction().execute(async (trx) => {
    const k = await managed(trx, actor, o.campaign_id, ['publicising', 'published']);
    await repo.answerObjection(trx, objectionId, answer, actor.userId!, d.clock.now());
    await audit(d, trx, actor, 'honours.objection_answered', 'honour_objection', objectionId, k.tenant_id, { answer });
  });
  return { id: objectionId, answer };
}

/** The rows of the results sheet (staff). */
async function resultRows(d: HonoursDeps, actor: Actor, id: string) {
  const k = await campaignOf(d.db, id);
  assertManages(actor, k.place_path);
  const nominations = await repo.nominationsOf(d.db, id);
  return {
    campaign: k,
    rows: nominations
      .filter((n) => n.state === 'nominated')
      .map((n) => ({
        label: label(n),
        name: nomineeName(n),
        kind: n.kind,
        total: average(n),
        shortlisted: n.shortlisted,
        stars: n.stars,
        result: n.result,
        resultNote: n.result_note,
      }))
      .sort((a, b) => (b.total ?? -1) - (a.total ?? -1)),
  };
}

/** The registry: a household's published honours and latest star level (staff in scope only). */
async function householdStars(d: HonoursDeps, actor: Actor, code: string) {
  const h = await repo.findPlace(d.db, code);
  if (!h || h.kind !== 'household' || !mayReadStars(actor, h.path)) throw new AppError('NOT_FOUND');
  const history = await repo.honoursOfHousehold(d.db, h.id);
  const latest = history.find((x) => x.kind === 'civilised_household' && x.stars !== null);
  return {
    householdCode: h.code,
    latest: latest ? { stars: latest.stars!, year: latest.year, title: latest.title } : null,
    history: history.map((x) => ({ campaignId: x.id, kind: x.kind, year: x.year, title: x.title, stars: x.stars })),
  };
}

/** The public notice of a community (no login): shortlists on notice and published results, masked. */
async function publicHonours(d: HonoursDeps, code: string) {
  const c = await repo.findPlace(d.db, code);
  if (!c || c.kind !== 'community') throw new AppError('NOT_FOUND');
  const campaigns = await repo.publicCampaigns(d.db, c.path);
  const out = [];
  for (const k of campaigns) {
    const entries = (await repo.nominationsOf(d.db, k.id)).filter(
      (n) =>
        n.shortlisted && isUnder(n.household_path, c.path) && (k.state === 'publicising' || n.result === 'honoured'),
    );
    out.push({
      id: k.id,
      kind: k.kind,
      year: k.year,
      title: k.title,
      state: k.state as 'publicising' | 'published',
      objectionEndsOn: k.objection_ends_on,
      entries: entries.map((n) => ({
        householdLabel: label(n),
        name: maskName(nomineeName(n) || '*'),
        // the honour itself, once published; not while on notice
        stars: k.state === 'published' ? n.stars : null,
      })),
    });
  }
  return { community: c.name, campaigns: out };
}

export function createHonoursService(deps: HonoursDeps) {
  return {
    list: (...args: Rest<typeof list>) => list(deps, ...args),
    mine: (...args: Rest<typeof mine>) => mine(deps, ...args),
    create: (...args: Rest<typeof create>) => create(deps, ...args),
    update: (...args: Rest<typeof update>) => update(deps, ...args),
    places: (...args: Rest<typeof places>) => places(deps, ...args),
    nominate: (...args: Rest<typeof nominate>) => nominate(deps, ...args),
    reject: (...args: Rest<typeof reject>) => reject(deps, ...args),
    panelCandidates: (...args: Rest<typeof panelCandidates>) => panelCandidates(deps, ...args),
    addPanelMember: (...args: Rest<typeof addPanelMember>) => addPanelMember(deps, ...args),
    removePanelMember: (...args: Rest<typeof removePanelMember>) => removePanelMember(deps, ...args),
    score: (...args: Rest<typeof score>) => score(deps, ...args),
    shortlist: (...args: Rest<typeof shortlist>) => shortlist(deps, ...args),
    act: (...args: Rest<typeof act>) => act(deps, ...args),
    object: (...args: Rest<typeof object>) => object(deps, ...args),
    answer: (...args: Rest<typeof answer>) => answer(deps, ...args),
    resultRows: (...args: Rest<typeof resultRows>) => resultRows(deps, ...args),
    householdStars: (...args: Rest<typeof householdStars>) => householdStars(deps, ...args),
    publicHonours: (...args: Rest<typeof publicHonours>) => publicHonours(deps, ...args),
    get: (actor: Actor, id: string) => present(deps, actor, id),
  };
}

type Rest<F> = F extends (deps: HonoursDeps, ...args: infer A) => unknown ? A : never;

export type HonoursService = ReturnType<typeof createHonoursService>;
