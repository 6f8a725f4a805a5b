import { topicTransition, type TopicAction, type TopicParty, type TopicState } from '../../../../shared/decide.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { canReadCase } from '../../../platform/case-access.js';
import { homeCommunityOf } from '../../../platform/community/person.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { insertEvent as insertCaseEvent } from '../../cases/index.js';
import { partiesOf } from './policy.js';
import * as repo from './repository.js';
import type { FromCaseInputT, RaiseInputT } from './schemas.js';
import { loadTopic, mayRaiseFromCase, raisePlaces, thresholdOf, viewTopic, type TopicsDeps } from './service.js';

// 议题, the operations: raise (resident, steward, community, or from a case — linked both ways),
// second (one per resident; the threshold puts it before the community, once, also under
// concurrency), screen (accept, reject with a reason), withdraw. Every state change goes through the
// transition table (shared/decide.ts) and leaves an event and an audit row in its transaction.

type TopicRow = NonNullable<Awaited<ReturnType<typeof repo.lockTopic>>>;

const audit = (
  trx: Executor,
  actor: Actor,
  action: string,
  t: { id: string; tenant_id: string },
  at: Date,
  after?: unknown,
) =>
  recordAudit(
    trx,
    actor,
    { action, entityType: 'deliberation_topic', entityId: t.id, tenantId: t.tenant_id, after },
    at,
  );

async function newCode(trx: Executor, tenantId: string, now: Date) {
  const day = shanghaiDate(now.getTime());
  const serial = await repo.nextDailySerial(trx, `topic:${tenantId}:${day}`);
  return `YT-${day.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
}

interface NewTopic {
  place: { id: string; path: string; tenantId: string };
  communityId: string;
  via: 'resident' | 'steward' | 'community' | 'case';
  title: string;
  body: string;
  isPublic: boolean;
  caseId: string | null;
}

/** Writes a topic and its first event: a resident's gathers seconds, any other goes to screening. */
async function insertNewTopic(trx: Executor, actor: Actor, n: NewTopic, now: Date) {
  const needed = await thresholdOf(trx, n.communityId);
  const state: TopicState = n.via === 'resident' && needed > 0 ? 'seconding' : 'screening';
  const id = newId();
  const code = await newCode(trx, n.place.tenantId, now);
  await repo.insertTopic(trx, {
    id,
    tenant_id: n.place.tenantId,
    community_id: n.communityId,
    place_id: n.place.id,
    place_path: n.place.path,
    code,
    title: n.title,
    body: n.body,
    raised_via: n.via,
    raised_by: actor.userId!,
    case_id: n.caseId,
    is_public: n.isPublic,
    state,
    seconds_needed: needed,
    created_at: now,
    updated_at: now,
  });
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: n.place.tenantId,
    topic_id: id,
    action: 'raise',
    from_state: null,
    to_state: state,
    by_party: 'raiser',
    by_user_id: actor.userId,
    at: now,
  });
  await audit(trx, actor, 'topic.raise', { id, tenant_id: n.place.tenantId }, now, {
    code,
    via: n.via,
    state,
    caseId: n.caseId,
  });
  return { id, code };
}

/** 提议题: for one of the places this actor may raise for; the way (resident, steward, community) follows from it. */
export async function raiseTopic(deps: TopicsDeps, actor: Actor, input: RaiseInputT) {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const places = await raisePlaces(deps.db, actor);
  const place = places.find((p) => p.placeId === input.placeId);
  if (!place) throw new AppError('TOPIC_PLACE_NOT_ALLOWED');
  const community = (await repo.hallPlacesAbove(deps.db, place.path)).find((p) => p.kind === 'community');
  if (!community) throw new AppError('TOPIC_PLACE_NOT_ALLOWED');
  const now = deps.clock.now();
  const { id } = await deps.db.transaction().execute((trx) =>
    insertNewTopic(
      trx,
      actor,
      {
        place: { id: place.placeId, path: place.path, tenantId: place.tenantId },
        communityId: community.id,
        via: place.via,
        title: input.title,
        body: input.body,
        // Only the community may keep a topic off the residents' lists.
        isPublic: place.via === 'community' ? input.isPublic : true,
        caseId: null,
      },
      now,
    ),
  );
  return viewTopic(deps.db, actor, id);
}

/** 转为议题: a case that needs a collective decision becomes a topic; the case points to it. */
export async function raiseFromCase(deps: TopicsDeps, actor: Actor, caseId: string, input: FromCaseInputT) {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const c = await repo.caseForTopic(deps.db, caseId);
  if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
  if (!mayRaiseFromCase(actor, c.place_path)) throw new AppError('FORBIDDEN');
  if (c.topic_id) throw new AppError('TOPIC_CASE_LINKED');
  // The hall: the nearest community, grid or building holding the case's place.
  const above = await repo.hallPlacesAbove(deps.db, c.place_path);
  const community = above.find((p) => p.kind === 'community');
  if (!community) throw new AppError('TOPIC_PLACE_NOT_ALLOWED');
  const place = above[0];
  const now = deps.clock.now();
  const { id } = await deps.db.transaction().execute(async (trx) => {
    const made = await insertNewTopic(
      trx,
      actor,
      {
        place: { id: place.id, path: place.path, tenantId: c.tenant_id },
        communityId: community.id,
        via: 'case',
        title: input.title,
        body: input.body,
        isPublic: true,
        caseId,
      },
      now,
    );
    if (!(await repo.linkCase(trx, caseId, made.id))) throw new AppError('TOPIC_CASE_LINKED');
    await insertCaseEvent(trx, {
      id: newId(),
      tenant_id: c.tenant_id,
      case_id: caseId,
      action: 'topic.raise',
      from_state: null,
      to_state: null,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      note: `转为议题 ${made.code}`,
      data: JSON.stringify({ topicId: made.id, topicCode: made.code }),
      at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'case.toTopic',
        entityType: 'case',
        entityId: caseId,
        tenantId: c.tenant_id,
        after: { topicId: made.id, topicCode: made.code },
      },
      now,
    );
    return made;
  });
  return viewTopic(deps.db, actor, id);
}

/** The move `action` makes from the topic's state if one of `parties` may take it, else TOPIC_ACTION_NOT_ALLOWED. */
function allowed(t: TopicRow, action: TopicAction, parties: readonly TopicParty[]) {
  const transition = topicTransition(t.state, action);
  const by = transition?.by.find((p) => parties.includes(p));
  if (!transition || !by) throw new AppError('TOPIC_ACTION_NOT_ALLOWED', { state: t.state, action });
  return { to: transition.to, by };
}

async function move(
  trx: Executor,
  actor: Actor,
  t: TopicRow,
  step: { action: TopicAction; to: TopicState; by: TopicParty; note: string },
  now: Date,
) {
  const screening = step.action === 'accept' || step.action === 'reject';
  await repo.updateTopic(trx, t.id, {
    state: step.to,
    updated_at: now,
    ...(screening ? { screen_note: step.note, screened_by: actor.userId, screened_at: now } : {}),
  });
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: t.tenant_id,
    topic_id: t.id,
    action: step.action,
    from_state: t.state,
    to_state: step.to,
    by_party: step.by,
    by_user_id: step.by === 'system' ? null : actor.userId,
    note: step.note,
    at: now,
  });
  await audit(trx, actor, `topic.${step.action}`, t, now, { from: t.state, to: step.to, note: step.note || undefined });
}

/**
 * Applies one action of the transition table to a topic inside the caller's transaction: the
 * meetings area schedules, unschedules, decides, hands up and closes topics through this. The actor
 * is the community (deliberation:manage over the topic's place) or the system.
 */
export async function applyTopicAction(
  trx: Executor,
  actor: Actor,
  topicId: string,
  action: TopicAction,
  note: string,
  now: Date,
) {
  const t = await repo.lockTopic(trx, topicId);
  if (!t) throw new AppError('NOT_FOUND');
  const parties = partiesOf(actor, t, await homeCommunityOf(trx, actor));
  const step = allowed(t, action, parties);
  await move(trx, actor, t, { action, ...step, note }, now);
  return { from: t.state, to: step.to };
}

/** 采纳 / 不予采纳 (a reason required) / 提交审议 by the community; 撤回 by the raiser. */
export async function actOnTopic(
  deps: TopicsDeps,
  actor: Actor,
  id: string,
  action: 'screen_in' | 'accept' | 'reject' | 'withdraw',
  note: string,
) {
  await loadTopic(deps.db, actor, id);
  if (action === 'reject' && !note) throw new AppError('TOPIC_REASON_REQUIRED');
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) => applyTopicAction(trx, actor, id, action, note, now));
  return viewTopic(deps.db, actor, id);
}

/** 附议: once per resident of the community; the second that reaches the threshold puts the topic before the community. */
export async function secondTopic(deps: TopicsDeps, actor: Actor, id: string) {
  const { home } = await loadTopic(deps.db, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const t = await repo.lockTopic(trx, id);
    if (!t) throw new AppError('NOT_FOUND');
    allowed(t, 'second', partiesOf(actor, t, home));
    const added = await repo.insertSecond(trx, {
      topic_id: id,
      user_id: actor.userId!,
      tenant_id: t.tenant_id,
      created_at: now,
    });
    if (!added) throw new AppError('TOPIC_ALREADY_SECONDED');
    const count = t.seconds_count + 1;
    await repo.updateTopic(trx, id, { seconds_count: count, updated_at: now });
    await audit(trx, actor, 'topic.second', t, now, { count });
    if (count >= t.seconds_needed) {
      const step = allowed(t, 'screen_in', ['system']);
      await move(trx, actor, { ...t, seconds_count: count }, { action: 'screen_in', ...step, note: '' }, now);
    }
  });
  return viewTopic(deps.db, actor, id);
}
