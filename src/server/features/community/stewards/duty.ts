import { stewardDuties, type StewardDuty } from '../../../../shared/stewards.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { awardPoints } from '../../../platform/community/points.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { can, type Actor } from '../../../platform/policy.js';
import { isUnder, resolveUnder } from '../../../platform/scope.js';
import { attachableFiles } from '../../files/index.js';
import type { CasesService } from '../../cases/index.js';
import { actionsFrom, opinionTransitions, transition } from './lifecycle.js';
import { assertManages, assertOwnTerm, assertReads, stewardsShownTo } from './policy.js';
import * as repo from './repository.js';
import type { CommendationInputT, EvaluationInputT, OpinionInputT, TickInputT } from './schemas.js';
import { buildingOf, presentTerm, type StewardsDeps } from './service.js';

// 楼门管家 · at work: the steward's phone home, the monthly checklist of the six roles (the month
// completed earns steward_duty points), opinions (民意; one tap files a case through the cases
// feature's intake, opinion_collected points), and the community's evaluations, commendations and numbers.

/** Files a case (the cases feature's intake, idempotent by key); given by the app so this area does not build cases itself. */
export type FileCase = CasesService['intake'];

export type DutyDeps = StewardsDeps & { fileCase: FileCase };
type Rest<F> = F extends (deps: never, ...args: infer A) => unknown ? A : never;

type OpinionRow = Awaited<ReturnType<typeof repo.listOpinions>>[number];

const monthOf = (now: Date) => shanghaiDate(now.getTime()).slice(0, 7);
const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

function presentOpinion(o: OpinionRow, actor: Actor) {
  return {
    id: o.id,
    termId: o.term_id,
    stewardName: o.steward_name,
    buildingName: o.building_name,
    householdName: o.household_name,
    body: o.body,
    photoId: o.photo_file_id,
    state: o.state,
    caseTrackingCode: o.tracking_code,
    createdAt: o.created_at.toISOString(),
    actions: actionsFrom(opinionTransitions, o.state, o.user_id === actor.userId ? ['steward'] : []),
  };
}

const presentEvaluation = (e: NonNullable<Awaited<ReturnType<typeof repo.lastEvaluationOf>>>) => ({
  id: e.id,
  termId: e.term_id,
  name: e.user_name,
  buildingName: e.building_name,
  month: e.month,
  grade: e.grade,
  comment: e.comment,
});

async function ownTerm(deps: DutyDeps, actor: Actor, termId: string) {
  const { db } = deps;
  const term = await repo.findTerm(db, termId);
  if (!term) throw new AppError('NOT_FOUND');
  assertOwnTerm(actor, term);
  return term;
}

async function checklistView(deps: DutyDeps, ex: Executor, termId: string, month: string) {
  const list = await repo.findChecklist(ex, termId, month);
  const ticks = list ? await repo.ticksOf(ex, list.id) : [];
  return {
    termId,
    month,
    completed: Boolean(list?.completed_at),
    items: stewardDuties.map((duty) => {
      const t = ticks.find((x) => x.duty === duty);
      return {
        duty,
        ticked: Boolean(t),
        note: t?.note ?? '',
        photoId: t?.photo_file_id ?? null,
        tickedAt: t ? t.ticked_at.toISOString() : null,
      };
    }),
    pointsAwarded: list ? await repo.pointsOfSource(ex, 'steward_checklist', list.id) : 0,
  };
}

/** The steward's phone home: each building they serve, its households, open cases, this month's checklist and opinions. */
async function home(deps: DutyDeps, actor: Actor) {
  const { db, clock } = deps;
  if (!actor.userId) return { terms: [] };
  const month = monthOf(clock.now());
  const terms = (await repo.activeTermsOfUser(db, actor.userId)).filter((t) => isUnderDuty(actor, t.building_path));
  return {
    terms: await Promise.all(
      terms.map(async (t) => {
        const last = await repo.lastEvaluationOf(db, t.id);
        return {
          term: presentTerm(t, actor),
          communityName: t.community_name,
          households: (await repo.householdsOf(db, t.building_path)).map((h) => ({
            code: h.code,
            address: h.address,
            room: h.room,
            people: Number(h.people ?? 0),
          })),
          openCases: (await repo.openCasesOf(db, t.building_path)).map((c) => ({
            trackingCode: c.tracking_code,
            state: c.state,
            summary: [...c.description].slice(0, 40).join(''),
            createdAt: c.created_at.toISOString(),
          })),
          checklist: await checklistView(deps, db, t.id, month),
          opinions: (await repo.opinionsOfTerm(db, t.id)).map((o) => presentOpinion(o, actor)),
          opinionsThisMonth: await repo.opinionsInMonth(db, t.id, month),
          lastEvaluation: last ? presentEvaluation(last) : null,
        };
      }),
    ),
  };
}

/** A steward's duty reaches the place: through any of their memberships, by the one policy check. */
const isUnderDuty = (actor: Actor, path: string) => can(actor, 'stewards:duty', path);

async function checklist(deps: DutyDeps, actor: Actor, termId: string, month: string) {
  const { db } = deps;
  const term = await repo.findTerm(db, termId);
  if (!term) throw new AppError('NOT_FOUND');
  if (term.user_id !== actor.userId) assertReads(actor, term.building_path);
  return checklistView(deps, db, termId, month);
}

/** Ticks one role of the month (this month or the last); the sixth tick completes the month and credits steward_duty. */
async function tick(deps: DutyDeps, actor: Actor, termId: string, month: string, input: TickInputT) {
  const { db, clock } = deps;
  const term = await ownTerm(deps, actor, termId);
  const now = clock.now();
  const current = monthOf(now);
  if (month !== current && month !== previousMonth(current)) throw new AppError('STEWARD_MONTH_CLOSED');
  if (input.photoId) await attachableFiles(db, actor, [input.photoId], { field: 'photoId' });
  const community = await buildingOf(db, term.building_code);
  return db.transaction().execute(async (trx) => {
    const list = await repo.ensureChecklist(trx, {
      id: newId(),
      tenant_id: term.tenant_id,
      term_id: termId,
      month,
      created_at: now,
    });
    await repo.upsertTick(trx, {
      tenant_id: list.tenant_id,
      checklist_id: list.id,
      duty: input.duty,
      note: input.note,
      photo_file_id: input.photoId ?? null,
      ticked_at: now,
    });
    const ticked = new Set<StewardDuty>((await repo.ticksOf(trx, list.id)).map((t) => t.duty));
    const completes = !list.completed_at && stewardDuties.every((d) => ticked.has(d));
    if (completes) {
      await repo.completeChecklist(trx, list.id, now);
      await awardPoints(
        trx,
        {
          tenantId: term.tenant_id,
          holder: { userId: term.user_id },
          communityId: community.community_id,
          rule: 'steward_duty',
          source: { kind: 'steward_checklist', id: list.id },
          note: `${term.building_name} ${month}`,
          createdBy: actor.userId,
        },
        now,
      );
    }
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.checklist.tick',
        entityType: 'steward_checklist',
        entityId: list.id,
        tenantId: term.tenant_id,
        after: { month, duty: input.duty, completed: completes },
      },
      now,
    );
    return checklistView(deps, trx, termId, month);
  });
}

async function collectOpinion(deps: DutyDeps, actor: Actor, termId: string, input: OpinionInputT) {
  const { db, clock } = deps;
  const term = await ownTerm(deps, actor, termId);
  let householdId: string | null = null;
  if (input.householdCode) {
    const h = await repo.findHousehold(db, input.householdCode);
    if (!h || !isUnder(h.path, term.building_path)) throw new AppError('STEWARD_HOUSEHOLD_NOT_IN_BUILDING');
    householdId = h.id;
  }
  if (input.photoId) await attachableFiles(db, actor, [input.photoId], { field: 'photoId' });
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertOpinion(trx, {
      id,
      tenant_id: term.tenant_id,
      term_id: termId,
      building_path: term.building_path,
      household_id: householdId,
      body: input.body,
      photo_file_id: input.photoId ?? null,
      state: 'collected',
      case_id: null,
      created_at: now,
      filed_at: null,
    });
    await recordAudit(
      trx,
      actor,
      { action: 'steward.opinion.collect', entityType: 'steward_opinion', entityId: id, tenantId: term.tenant_id },
      now,
    );
  });
  return presentOpinion((await repo.findOpinion(db, id))!, actor);
}

/**
 * One tap: the opinion becomes a case (channel patrol, on the building) through the cases feature's
 * intake — idempotent by the opinion's key, so a retry after a failure here finds the same case —
 * then the opinion is marked filed and opinion_collected is credited, in one transaction.
 */
async function fileOpinion(deps: DutyDeps, actor: Actor, id: string) {
  const { db, clock } = deps;
  const o = await repo.findOpinion(db, id);
  if (!o) throw new AppError('NOT_FOUND');
  const term = await ownTerm(deps, actor, o.term_id);
  const t = transition(opinionTransitions, o.state, 'file');
  if (!t) throw new AppError('STEWARD_STATE_CONFLICT');
  const b = await buildingOf(db, term.building_code);
  const filed = await deps.fileCase(actor, {
    channel: 'patrol',
    placeCode: b.code,
    exactPlace: true,
    address: `${b.community_name}${b.name}${o.household_name ? ' ' + o.household_name : ''}`,
    priority: 'normal',
    description: o.body,
    reporterName: actor.displayName,
    reporterUserId: actor.userId,
    photoIds: o.photo_file_id ? [o.photo_file_id] : [],
    idempotencyKey: `steward-opinion-${o.id}`,
  });
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockOpinion(trx, id);
    if (!locked || !transition(opinionTransitions, locked.state, 'file')) throw new AppError('STEWARD_STATE_CONFLICT');
    await repo.updateOpinion(trx, id, { state: t.to, case_id: filed.id, filed_at: now });
    await awardPoints(
      trx,
      {
        tenantId: term.tenant_id,
        holder: { userId: term.user_id },
        communityId: b.community_id,
        rule: 'opinion_collected',
        source: { kind: 'steward_opinion', id },
        note: b.name,
        createdBy: actor.userId,
      },
      now,
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.opinion.file',
        entityType: 'steward_opinion',
        entityId: id,
        tenantId: term.tenant_id,
        after: { caseId: filed.id, trackingCode: filed.trackingCode },
      },
      now,
    );
  });
  return presentOpinion((await repo.findOpinion(db, id))!, actor);
}

async function opinions(deps: DutyDeps, actor: Actor, placeCode: string | undefined, month: string | undefined) {
  const { db } = deps;
  const under = await resolveUnder(db, actor, 'community:read', placeCode);
  return (await repo.listOpinions(db, stewardsShownTo(actor), under?.path ?? null, month ?? null)).map((o) =>
    presentOpinion(o, actor),
  );
}

async function evaluate(deps: DutyDeps, actor: Actor, termId: string, month: string, input: EvaluationInputT) {
  const { db, clock } = deps;
  const term = await repo.findTerm(db, termId);
  if (!term) throw new AppError('NOT_FOUND');
  assertManages(actor, term.building_path);
  const now = clock.now();
  const started = String(term.started_on).slice(0, 7);
  const ended = term.ended_on === null ? monthOf(now) : String(term.ended_on).slice(0, 7);
  if (month < started || month > ended || month > monthOf(now)) throw new AppError('STEWARD_MONTH_OUTSIDE_TERM');
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.upsertEvaluation(trx, {
      id: newId(),
      tenant_id: term.tenant_id,
      term_id: termId,
      building_path: term.building_path,
      month,
      grade: input.grade,
      comment: input.comment,
      evaluated_by: actor.userId!,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.evaluate',
        entityType: 'steward_evaluation',
        entityId: id,
        tenantId: term.tenant_id,
        after: { termId, month, grade: input.grade, comment: input.comment },
      },
      now,
    );
    return presentEvaluation((await repo.findEvaluation(trx, termId, month))!);
  });
}

async function commendations(deps: DutyDeps, actor: Actor, year: number, placeCode: string | undefined) {
  const { db } = deps;
  const under = await resolveUnder(db, actor, 'community:read', placeCode);
  const scope = stewardsShownTo(actor);
  const items = await repo.listCommendations(db, scope, under?.path ?? null, year);
  const points = await Promise.all(items.map((m) => repo.pointsOfSource(db, 'steward_commendation', m.id)));
  return {
    items: items.map((m, i) => ({
      id: m.id,
      year: m.year,
      kind: m.kind,
      buildingCode: m.building_code,
      buildingName: m.building_name,
      name: m.user_name,
      note: m.note,
      points: points[i],
    })),
    stewardRanking: (await repo.stewardRanking(db, scope, under?.path ?? null, year)).map((r) => ({
      termId: r.term_id,
      name: r.user_name,
      buildingCode: r.building_code,
      buildingName: r.building_name,
      score: Number(r.score),
      months: Number(r.months),
      excellent: Number(r.excellent),
    })),
    buildingRanking: (await repo.buildingRanking(db, scope, under?.path ?? null, year))
      .map((r) => ({
        buildingCode: r.building_code,
        buildingName: r.building_name,
        dutyMonths: Number(r.duty_months ?? 0),
        opinions: Number(r.opinions ?? 0),
        score: Number(r.duty_months ?? 0) * 2 + Number(r.opinions ?? 0),
      }))
      .sort((a, b) => b.score - a.score || a.buildingCode.localeCompare(b.buildingCode)),
  };
}

/** Puts a steward (the building's steward of that year) or a building on the year's list; a steward earns steward_commended. */
async function commend(deps: DutyDeps, actor: Actor, input: CommendationInputT) {
  const { db, clock } = deps;
  const b = await buildingOf(db, input.buildingCode);
  assertManages(actor, b.path);
  const now = clock.now();
  if (input.year > Number(monthOf(now).slice(0, 4))) throw new AppError('STEWARD_DATE_INVALID');
  const term = await repo.termOfYear(db, b.id, input.year);
  if (input.kind === 'steward' && !term) throw new AppError('STEWARD_NO_STEWARD_THAT_YEAR');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const added = await repo.insertCommendation(trx, {
      id,
      tenant_id: b.tenant_id!,
      year: input.year,
      kind: input.kind,
      building_id: b.id,
      building_path: b.path,
      term_id: term?.id ?? null,
      note: input.note,
      created_by: actor.userId!,
      created_at: now,
    });
    if (!added) throw new AppError('STEWARD_ALREADY_COMMENDED');
    if (input.kind === 'steward' && term)
      await awardPoints(
        trx,
        {
          tenantId: b.tenant_id!,
          holder: { userId: term.user_id },
          communityId: b.community_id,
          rule: 'steward_commended',
          source: { kind: 'steward_commendation', id },
          note: `${input.year} ${b.name}`,
          createdBy: actor.userId,
        },
        now,
      );
    await recordAudit(
      trx,
      actor,
      {
        action: 'steward.commend',
        entityType: 'steward_commendation',
        entityId: id,
        tenantId: b.tenant_id,
        after: { year: input.year, kind: input.kind, building: b.code, termId: term?.id ?? null },
      },
      now,
    );
  });
  return (await commendations(deps, actor, input.year, b.code)).items.find((m) => m.id === id)!;
}

async function numbers(deps: DutyDeps, actor: Actor, year: number, placeCode: string | undefined) {
  const { db } = deps;
  const under = await resolveUnder(db, actor, 'community:read', placeCode);
  const rows = await repo.numbersOfTerms(db, stewardsShownTo(actor), under?.path ?? null, year);
  const duty = new Map(
    (await repo.numbersOfDuty(db, stewardsShownTo(actor), under?.path ?? null, year)).map((d) => [d.code, d]),
  );
  return {
    year,
    items: rows
      .map((t) => ({ t, r: duty.get(t.code)! }))
      .map(({ t, r }) => ({
        communityCode: t.code,
        communityName: t.name,
        buildingsWithSteward: Number(t.buildings ?? 0),
        appointed: Number(t.appointed ?? 0),
        retired: Number(t.retired ?? 0),
        votes: Number(t.votes ?? 0),
        checklistsCompleted: Number(r.checklists ?? 0),
        opinions: Number(r.opinions ?? 0),
        opinionsFiled: Number(r.filed ?? 0),
        evaluations: Number(r.evaluations ?? 0),
        excellent: Number(r.excellent ?? 0),
        commendations: Number(r.commendations ?? 0),
      })),
  };
}

export function createDutyService(deps: DutyDeps) {
  return {
    home: (...args: Rest<typeof home>) => home(deps, ...args),
    checklist: (...args: Rest<typeof checklist>) => checklist(deps, ...args),
    tick: (...args: Rest<typeof tick>) => tick(deps, ...args),
    collectOpinion: (...args: Rest<typeof collectOpinion>) => collectOpinion(deps, ...args),
    fileOpinion: (...args: Rest<typeof fileOpinion>) => fileOpinion(deps, ...args),
    opinions: (...args: Rest<typeof opinions>) => opinions(deps, ...args),
    evaluate: (...args: Rest<typeof evaluate>) => evaluate(deps, ...args),
    commendations: (...args: Rest<typeof commendations>) => commendations(deps, ...args),
    commend: (...args: Rest<typeof commend>) => commend(deps, ...args),
    numbers: (...args: Rest<typeof numbers>) => numbers(deps, ...args),
  };
}

export type DutyService = ReturnType<typeof createDutyService>;
