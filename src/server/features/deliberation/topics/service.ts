import { topicStates } from '../../../../shared/decide.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { canReadCase } from '../../../platform/case-access.js';
import type { Clock } from '../../../platform/clock.js';
import { homeCommunityOf, registryResidentsOf, type HomeCommunity } from '../../../platform/community/person.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import { can, scopePaths, type Actor } from '../../../platform/policy.js';
import { isUnder, resolveUnder, scopeOf } from '../../../platform/scope.js';
import { isStaffOver, mayManage, partiesOf, sees, topicsScopeOf } from './policy.js';
import { presentEvent, presentTopic, type TopicRow } from './present.js';
import * as repo from './repository.js';
import type { TopicListQuery } from './schemas.js';
import type { z } from '@hono/zod-openapi';

// 议题, the reading side: the console's list with counts per state, one topic with its history, the
// 议事 hub of a resident's community, 我提的议题, where one may raise a topic, the case's topic, the
// thresholds, and the public list of a community (no names).

export interface TopicsDeps {
  db: Db;
  clock: Clock;
}

/** The topic and the actor's home community; NOT_FOUND when the actor may not see it. */
export async function loadTopic(db: Executor, actor: Actor, id: string) {
  const topic = await repo.findTopic(db, id);
  if (!topic) throw new AppError('NOT_FOUND');
  const home = await homeCommunityOf(db, actor);
  if (!sees(actor, topic, home)) throw new AppError('NOT_FOUND');
  return { topic, home };
}

async function present(db: Executor, actor: Actor, rows: TopicRow[], home: HomeCommunity | null) {
  const seconded = actor.userId
    ? await repo.secondedAmong(
        db,
        actor.userId,
        rows.map((t) => t.id),
      )
    : new Set<string>();
  return rows.map((t) => presentTopic(t, actor, partiesOf(actor, t, home), seconded.has(t.id)));
}

/** One topic as this actor sees it, with its own history. */
export async function viewTopic(db: Executor, actor: Actor, id: string) {
  const { topic, home } = await loadTopic(db, actor, id);
  const [shown] = await present(db, actor, [topic], home);
  const staff = actor.kind === 'system' || isStaffOver(actor, topic.place_path);
  const events = (await repo.eventsOf(db, id)).map((e) => presentEvent(e, staff));
  return { ...shown, events };
}

/** `?communityCode=`: a place the actor sees topics under (NOT_FOUND otherwise). */
async function underOf(db: Executor, actor: Actor, code: string | undefined) {
  if (!code) return null;
  for (const permission of ['deliberation:manage', 'community:read'] as const) {
    try {
      return await resolveUnder(db, actor, permission, code);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  throw new AppError('NOT_FOUND');
}

/** The console: topics in scope by state, community and source, and how many per state. */
export async function listTopics(db: Db, actor: Actor, q: z.infer<typeof TopicListQuery>) {
  const scope = topicsScopeOf(actor);
  if (!scope.all && scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const under = (await underOf(db, actor, q.communityCode))?.path ?? null;
  const filter = { scope, under, source: q.source ?? null };
  const rows = await repo.listTopics(db, { ...filter, state: q.state ?? null }, 500);
  const counted = await repo.countTopicsByState(db, filter);
  const counts = Object.fromEntries(topicStates.map((s) => [s, 0]));
  for (const c of counted) counts[c.state] = Number(c.n);
  return { items: await present(db, actor, rows, await homeCommunityOf(db, actor)), counts };
}

/** 议事 hub: the topics of my community (those gathering seconds first). */
export async function communityTopics(db: Db, actor: Actor) {
  const home = await homeCommunityOf(db, actor);
  if (!home || !actor.userId) throw new AppError('HOME_COMMUNITY_REQUIRED');
  const rows = await repo.communityTopics(db, home.id, actor.userId, 100);
  return { communityName: home.name, items: await present(db, actor, rows, home) };
}

/** 我提的议题 */
export async function myTopics(db: Db, actor: Actor) {
  if (!actor.userId) return [];
  return present(db, actor, await repo.topicsRaisedBy(db, actor.userId), await homeCommunityOf(db, actor));
}

export type RaiseVia = 'resident' | 'steward' | 'community';
export interface RaisePlace {
  placeId: string;
  name: string;
  kind: 'community' | 'grid' | 'building';
  hall: 'community' | 'grid';
  via: RaiseVia;
  path: string;
  tenantId: string;
}

const option = (
  p: { id: string; name: string; kind: string; path: string; tenant_id: string | null },
  via: RaiseVia,
): RaisePlace => ({
  placeId: p.id,
  name: p.name,
  kind: p.kind as RaisePlace['kind'],
  hall: p.kind === 'community' ? 'community' : 'grid',
  via,
  path: p.path,
  tenantId: p.tenant_id ?? '',
});

/**
 * Where the actor may raise a topic: the community (deliberation:manage) its communities and grids;
 * a steward their buildings; a resident their home community and, from the registry, their grid and
 * building in it. One place, one way: the community's way first, then the steward's.
 */
export async function raisePlaces(db: Executor, actor: Actor): Promise<RaisePlace[]> {
  const found = new Map<string, RaisePlace>();
  const add = (o: RaisePlace) => {
    if (!found.has(o.placeId)) found.set(o.placeId, o);
  };
  const managed = scopeOf(actor, 'deliberation:manage', { placesOnly: true });
  if (managed.paths.length)
    for (const p of await repo.hallPlacesUnder(db, managed.paths, 300)) add(option(p, 'community'));
  for (const p of await repo.buildingsAt(db, scopePaths(actor, 'stewards:duty'))) add(option(p, 'steward'));
  const home = await homeCommunityOf(db, actor);
  if (home && actor.userId) {
    const records = (await registryResidentsOf(db, actor.userId)).filter((r) => isUnder(r.household_path, home.path));
    const above = records.length ? await repo.hallPlacesAbove(db, records[0].household_path) : [];
    const community = above.find((p) => p.kind === 'community') ?? {
      id: home.id,
      name: home.name,
      kind: 'community',
      path: home.path,
      tenant_id: home.tenantId,
    };
    add(option(community, 'resident'));
    for (const p of above.filter((x) => x.kind !== 'community').reverse()) add(option(p, 'resident'));
  }
  return [...found.values()].filter((o) => o.tenantId);
}

/** The topic a case became, and whether the actor may turn it into one. */
export async function caseTopic(db: Db, actor: Actor, caseId: string) {
  const c = await repo.caseForTopic(db, caseId);
  if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
  const topic = await repo.topicOfCase(db, caseId);
  return {
    topic: topic ? { id: topic.id, code: topic.code, title: topic.title, state: topic.state } : null,
    mayRaise: !topic && mayRaiseFromCase(actor, c.place_path),
  };
}

export const mayRaiseFromCase = (actor: Actor, path: string) =>
  can(actor, 'cases:dispatch', path) && mayManage(actor, path);

export const defaultSecondsToAgenda = 5;

/** The threshold of a community: its setting, else the default. */
export async function thresholdOf(db: Executor, communityId: string) {
  return (await repo.secondsToAgenda(db, communityId))?.seconds_to_agenda ?? defaultSecondsToAgenda;
}

/** 附议门槛: the communities the actor manages, with their threshold. */
export async function listSettings(db: Db, actor: Actor) {
  const scope = scopeOf(actor, 'deliberation:manage', { placesOnly: true });
  if (!scope.all && scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const rows = await repo.communitiesWithSettings(db, scope.paths, scope.all, 500);
  return rows.map((r) => ({
    communityId: r.id,
    communityName: r.name,
    secondsToAgenda: r.seconds_to_agenda ?? defaultSecondsToAgenda,
    isDefault: r.seconds_to_agenda === null,
  }));
}

export async function saveSetting(deps: TopicsDeps, actor: Actor, communityId: string, secondsToAgenda: number) {
  const community = await repo.placeById(deps.db, communityId);
  if (!community || community.kind !== 'community' || !community.tenant_id || !mayManage(actor, community.path))
    throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertSettings(trx, {
      community_id: community.id,
      tenant_id: community.tenant_id!,
      seconds_to_agenda: secondsToAgenda,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'topic.settings',
        entityType: 'deliberation_settings',
        entityId: community.id,
        tenantId: community.tenant_id,
        after: { secondsToAgenda },
      },
      now,
    );
  });
  return { communityId, communityName: community.name, secondsToAgenda, isDefault: false };
}

/** 公开: the public topics of a community, for its public page (no login, no names). */
export async function publicTopics(db: Db, code: string) {
  const community = await repo.communityByCode(db, code);
  if (!community) throw new AppError('NOT_FOUND');
  return (await repo.publicTopics(db, community.id, 100)).map((t) => ({
    code: t.code,
    title: t.title,
    state: t.state,
    secondsCount: t.seconds_count,
    secondsNeeded: t.seconds_needed,
    raisedOn: shanghaiDate(new Date(t.created_at).getTime()),
  }));
}
