import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { DispatchKind, StoredSuggestion } from '../../platform/db/schema-dispatch.js';
import { canReadCase, mayReadCase } from '../../platform/case-access.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { Actor } from '../../platform/policy.js';
import { importHistory } from './import.js';
import { countyFor } from './policy.js';
import * as repo from './repository.js';
import type { SettingsInputT } from './schemas.js';
import { COMMUNITY } from './suggest.js';
import { trainCounty } from './train.js';

// 智能派单 for the console: the county's model status, training on demand, the auto-routing switch,
// the history import, the hit rate by week, and the suggestion shown on one case.

export interface DispatchDeps {
  db: Db;
  clock: Clock;
}

const DAY = 86_400_000;
const DEFAULT_THRESHOLD = 0.9;

async function status({ db }: DispatchDeps, actor: Actor, tenant?: string) {
  const county = await countyFor(db, actor, tenant);
  const [models, settings, history] = await Promise.all([
    repo.latestModels(db, county.tenantId),
    repo.settings(db, county.tenantId),
    repo.historyCount(db, county.tenantId),
  ]);
  const model = (kind: DispatchKind) => {
    const m = models.find((x) => x.kind === kind);
    return m
      ? {
          version: m.version,
          trainedOn: m.training_size,
          labels: m.labels,
          top1: m.top1,
          top3: m.top3,
          trainedAt: new Date(m.trained_at).toISOString(),
        }
      : null;
  };
  return {
    county: { code: county.code, name: county.name },
    models: { category: model('category'), department: model('department') },
    settings: {
      autoRoute: settings?.auto_route ?? false,
      threshold: settings?.threshold ?? DEFAULT_THRESHOLD,
    },
    historyRows: history,
  };
}

async function updateSettings({ db, clock }: DispatchDeps, actor: Actor, input: SettingsInputT) {
  const county = await countyFor(db, actor, input.tenant);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await repo.settings(trx, county.tenantId);
    await repo.upsertSettings(trx, {
      tenant_id: county.tenantId,
      auto_route: input.autoRoute,
      threshold: input.threshold,
      updated_at: now,
      updated_by: actor.userId,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'dispatch.settings',
        entityType: 'dispatch_settings',
        entityId: county.tenantId,
        tenantId: county.tenantId,
        before: before ? { autoRoute: before.auto_route, threshold: before.threshold } : undefined,
        after: { autoRoute: input.autoRoute, threshold: input.threshold },
      },
      now,
    );
  });
  return status({ db, clock }, actor, county.code);
}

async function train({ db, clock }: DispatchDeps, actor: Actor, tenant?: string) {
  const county = await countyFor(db, actor, tenant);
  const trained = await trainCounty(db, (work) => db.transaction().execute(work), county.tenantId, actor, clock.now());
  return {
    trained: { category: trained.category !== null, department: trained.department !== null },
    ...(await status({ db, clock }, actor, county.code)),
  };
}

async function importFile({ db, clock }: DispatchDeps, actor: Actor, tenant: string | undefined, bytes: Buffer) {
  const county = await countyFor(db, actor, tenant);
  return importHistory({ db, clock }, actor, county.tenantId, bytes);
}

/** Monday of the week of `at`, China time, as YYYY-MM-DD. */
function weekOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const back = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - back * DAY).toISOString().slice(0, 10);
}

async function hitRate({ db, clock }: DispatchDeps, actor: Actor, q: { tenant?: string; weeks: number }) {
  const county = await countyFor(db, actor, q.tenant);
  const now = clock.now();
  const firstWeek = weekOf(new Date(now.getTime() - (q.weeks - 1) * 7 * DAY));
  const from = new Date(`${firstWeek}T00:00:00+08:00`);
  const rows = await repo.weeklyOutcomes(db, county.tenantId, from);
  const weeks = Array.from({ length: q.weeks }, (_, i) => weekOf(new Date(from.getTime() + (i * 7 + 3) * DAY)));
  const count = (week: string | null, kind: DispatchKind) => {
    const of = rows.filter((r) => (week === null || r.week === week) && r.kind === kind);
    const accepted = of.filter((r) => r.outcome === 'accepted').reduce((s, r) => s + r.n, 0);
    const corrected = of.filter((r) => r.outcome === 'corrected').reduce((s, r) => s + r.n, 0);
    return { accepted, corrected, rate: accepted + corrected ? accepted / (accepted + corrected) : null };
  };
  return {
    county: { code: county.code, name: county.name },
    weeks: weeks.map((week) => ({ week, category: count(week, 'category'), department: count(week, 'department') })),
    total: { category: count(null, 'category'), department: count(null, 'department') },
  };
}

/** The suggestion stored on a case at intake, with names: whoever may read the case sees it. */
async function forCase({ db }: DispatchDeps, actor: Actor, caseId: string, locale: Locale) {
  const c = await repo.findCase(db, caseId);
  if (!c || !(await mayReadCase(db, actor, c))) throw new AppError('NOT_FOUND');
  const stored = await repo.suggestionOf(db, caseId);
  if (!stored) return { categories: [], handlers: [], autoRouted: false, outcomes: [] };
  const [categories, departments, outcomes] = await Promise.all([
    repo.categoryNames(db),
    repo.departmentsOfCounty(db, c.tenant_id),
    repo.outcomesOf(db, caseId),
  ]);
  const named: Names = { categories, departments, locale };
  return {
    categories: stored.categories.map((x) => hintCategory(x, named)).filter((x) => x !== null),
    handlers: stored.departments.map((h) => hintHandler(h, named)).filter((h) => h !== null),
    autoRouted: stored.auto_routed,
    outcomes: outcomes.map((o) => ({
      kind: o.kind,
      outcome: o.outcome,
      decidedAt: new Date(o.decided_at).toISOString(),
    })),
  };
}

/** The first handler and category suggested for each listed case the actor may read: the inbox's hint. */
async function forCases({ db }: DispatchDeps, actor: Actor, caseIds: string[], locale: Locale) {
  const rows = (await repo.suggestionsOf(db, caseIds)).filter((r) => canReadCase(actor, r));
  if (rows.length === 0) return [];
  const tenants = [...new Set(rows.map((r) => r.tenant_id))];
  const [categories, ...perCounty] = await Promise.all([
    repo.categoryNames(db),
    ...tenants.map((t) => repo.departmentsOfCounty(db, t)),
  ]);
  const departments = perCounty.flat();
  const named = { categories, departments, locale };
  return rows.map((r) => ({
    caseId: r.case_id,
    handler: hintHandler(r.departments[0], named),
    category: hintCategory(r.categories[0], named),
  }));
}

interface Names {
  categories: Awaited<ReturnType<typeof repo.categoryNames>>;
  departments: Awaited<ReturnType<typeof repo.departmentsOfCounty>>;
  locale: Locale;
}

function hintHandler(h: StoredSuggestion | undefined, { departments, locale }: Names) {
  if (!h) return null;
  if (h.label === COMMUNITY)
    return {
      kind: 'community' as const,
      id: null,
      name: locale === 'en' ? 'The community' : '社区自办',
      ...confidence(h),
    };
  const d = departments.find((x) => x.id === h.label);
  return d ? { kind: 'department' as const, id: d.id, name: d.name, ...confidence(h) } : null;
}

function hintCategory(c: StoredSuggestion | undefined, { categories, locale }: Names) {
  // A category retired since the case came in is no longer offered.
  const found = c ? categories.find((x) => x.code === c.label && x.active) : undefined;
  return c && found
    ? { code: found.code, name: locale === 'en' ? found.name_en : found.name_zh, ...confidence(c) }
    : null;
}

const confidence = (s: StoredSuggestion) => ({
  probability: s.source === 'model' ? Math.round(s.probability * 1000) / 1000 : null,
  source: s.source,
});

export function createDispatchService(deps: DispatchDeps) {
  return {
    county: (actor: Actor, tenant?: string) => countyFor(deps.db, actor, tenant),
    status: (actor: Actor, tenant?: string) => status(deps, actor, tenant),
    updateSettings: (actor: Actor, input: SettingsInputT) => updateSettings(deps, actor, input),
    train: (actor: Actor, tenant?: string) => train(deps, actor, tenant),
    importFile: (actor: Actor, tenant: string | undefined, bytes: Buffer) => importFile(deps, actor, tenant, bytes),
    hitRate: (actor: Actor, q: { tenant?: string; weeks: number }) => hitRate(deps, actor, q),
    forCase: (actor: Actor, caseId: string, locale: Locale) => forCase(deps, actor, caseId, locale),
    forCases: (actor: Actor, caseIds: string[], locale: Locale) => forCases(deps, actor, caseIds, locale),
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
