import { defaultPointsRates, pointsAmountRules, type PointsRule } from '../../../../../shared/points.js';
import { recordAudit } from '../../../../platform/audit.js';
import type { Clock } from '../../../../platform/clock.js';
import { correctPoints } from '../../../../platform/community/points.js';
import type { Db } from '../../../../platform/db/database.js';
import { AppError } from '../../../../platform/errors.js';
import type { Actor } from '../../../../platform/policy.js';
import { communityByCode, dayStart, holderName, placePath, yearRange } from '../places.js';
import { assertMayManagePoints, assertMayReadPoints, ledgerShownTo, mayManagePoints } from './policy.js';
import * as repo from './repository.js';
import type { CorrectionInputT, LedgerQueryT, RulesInputT, YearQueryT } from './schemas.js';

// 积分: a community's rates, a person's own points, the ledger of the communities in scope with
// corrections (a new entry, never an edit), and the yearly ranking of persons and units.

export interface PointsDeps {
  db: Db;
  clock: Clock;
}

const earningRules = Object.keys(defaultPointsRates) as PointsRule[];
const iso = (d: Date | string) => new Date(d).toISOString();

async function rules(deps: PointsDeps, actor: Actor, communityCode: string) {
  const { db } = deps;
  const community = await communityByCode(db, communityCode);
  assertMayReadPoints(actor, community.path);
  const own = new Map((await repo.communityRules(db, community.id)).map((r) => [r.rule, r.points]));
  return {
    communityCode: community.code,
    communityName: community.name,
    mayManage: mayManagePoints(actor, community.path),
    items: earningRules.map((rule) => ({
      rule,
      points: own.get(rule) ?? defaultPointsRates[rule] ?? 0,
      isDefault: !own.has(rule),
    })),
  };
}

async function setRules(deps: PointsDeps, actor: Actor, input: RulesInputT) {
  const { db, clock } = deps;
  const community = await communityByCode(db, input.communityCode);
  assertMayManagePoints(actor, community.path);
  const bad = input.rates.find((r) => pointsAmountRules.includes(r.rule));
  if (bad) throw new AppError('SHOP_RULE_NOT_RATED', { rule: bad.rule });
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await repo.communityRules(trx, community.id);
    for (const r of input.rates)
      await repo.upsertRule(trx, {
        community_id: community.id,
        rule: r.rule,
        tenant_id: community.tenant_id,
        points: r.points,
        updated_by: actor.userId,
        updated_at: now,
      });
    await recordAudit(
      trx,
      actor,
      {
        action: 'points.rules',
        entityType: 'place',
        entityId: community.id,
        tenantId: community.tenant_id,
        before: Object.fromEntries(before.map((r) => [r.rule, r.points])),
        after: Object.fromEntries(input.rates.map((r) => [r.rule, r.points])),
      },
      now,
    );
  });
  return rules(deps, actor, input.communityCode);
}

/** 我的积分: the balance in every county where I hold points, and the latest entries. */
async function mine(deps: PointsDeps, actor: Actor) {
  const { db } = deps;
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const accounts = await repo.accountsOfUser(db, actor.userId);
  const out = [];
  for (const a of accounts) {
    const entries = await repo.accountEntries(db, a.id, 100);
    out.push({
      countyName: a.county_name ?? '',
      balance: Number(a.balance ?? 0),
      entries: entries.map((e) => ({
        id: e.id,
        points: e.points,
        rule: e.rule as PointsRule,
        sourceKind: e.source_kind,
        note: e.note,
        communityName: e.community_name,
        createdAt: iso(e.created_at),
      })),
    });
  }
  return { balance: out.reduce((s, a) => s + a.balance, 0), accounts: out };
}

async function ledger(deps: PointsDeps, actor: Actor, q: LedgerQueryT) {
  const { db } = deps;
  const scope = ledgerShownTo(actor);
  if (!scope.all && scope.paths.length === 0) throw new AppError('FORBIDDEN', { permission: 'community:read' });
  const { rows, total } = await repo.ledger(
    db,
    scope,
    {
      under: await placePath(db, q.under),
      rule: q.rule,
      from: q.from ? dayStart(q.from) : undefined,
      to: q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined,
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      points: r.points,
      rule: r.rule as PointsRule,
      sourceKind: r.source_kind,
      note: r.note,
      correctsEntryId: r.corrects_entry_id,
      communityName: r.community_name,
      holderKind: r.holder_kind,
      holderName: holderName(r),
      createdAt: iso(r.created_at),
      mayCorrect: mayManagePoints(actor, r.community_path),
    })),
  };
}

/** 更正: a new entry naming the one it corrects, with the reason; audited. */
async function correct(deps: PointsDeps, actor: Actor, entryId: string, input: CorrectionInputT) {
  const { db, clock } = deps;
  const entry = await repo.findEntry(db, entryId);
  if (!entry) throw new AppError('NOT_FOUND');
  assertMayManagePoints(actor, entry.community_path);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const made = await correctPoints(
      trx,
      { entryId, points: input.points, note: input.note, createdBy: actor.userId! },
      now,
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'points.correct',
        entityType: 'points_entry',
        entityId: made.id,
        tenantId: entry.tenant_id,
        after: { corrects: entryId, points: input.points, note: input.note },
      },
      now,
    );
    return { id: made.id, points: input.points, balance: made.balance };
  });
}

/** 积分排行: persons and units by points earned in the year, in the communities in scope. */
async function ranking(deps: PointsDeps, actor: Actor, q: YearQueryT) {
  const { db } = deps;
  const scope = ledgerShownTo(actor);
  if (!scope.all && scope.paths.length === 0) throw new AppError('FORBIDDEN', { permission: 'community:read' });
  const { from, to } = yearRange(q.year);
  const rows = await repo.ranking(db, scope, await placePath(db, q.placeCode), from, to);
  const present = (kind: 'user' | 'organisation') =>
    rows
      .filter((r) => r.holder_kind === kind && Number(r.points) > 0)
      .map((r, i) => ({
        rank: i + 1,
        holderKind: kind,
        holderName: holderName(r),
        communityName: r.community_name,
        points: Number(r.points),
      }));
  return { year: q.year, persons: present('user'), units: present('organisation') };
}

/** The year's points per community in scope (for 社区生活数据). */
async function numbers(deps: PointsDeps, actor: Actor, q: YearQueryT) {
  const { db } = deps;
  const scope = ledgerShownTo(actor);
  if (!scope.all && scope.paths.length === 0) throw new AppError('FORBIDDEN', { permission: 'community:read' });
  const { from, to } = yearRange(q.year);
  const rows = await repo.numbers(db, scope, await placePath(db, q.placeCode), from, to);
  return rows.map((r) => ({
    communityCode: r.code,
    communityName: r.name,
    pointsEarned: Number(r.earned),
    pointsSpent: Number(r.spent),
    earners: Number(r.earners),
  }));
}

type WithoutDeps<F> = F extends (deps: PointsDeps, ...args: infer A) => unknown ? A : never;

// The operations take the deps first; the service binds them.
export function createPointsService(deps: PointsDeps) {
  return {
    rules: (...args: WithoutDeps<typeof rules>) => rules(deps, ...args),
    setRules: (...args: WithoutDeps<typeof setRules>) => setRules(deps, ...args),
    mine: (...args: WithoutDeps<typeof mine>) => mine(deps, ...args),
    ledger: (...args: WithoutDeps<typeof ledger>) => ledger(deps, ...args),
    correct: (...args: WithoutDeps<typeof correct>) => correct(deps, ...args),
    ranking: (...args: WithoutDeps<typeof ranking>) => ranking(deps, ...args),
    numbers: (...args: WithoutDeps<typeof numbers>) => numbers(deps, ...args),
  };
}

export type PointsService = ReturnType<typeof createPointsService>;
