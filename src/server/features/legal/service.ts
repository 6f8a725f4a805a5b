import { summarize } from '../../../shared/text.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { LegalQuestionsTable } from '../../platform/db/schema.js';
import { shanghaiMinute, watchDeadline } from '../../platform/deadlines.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import type { PiiCipher } from '../../platform/pii.js';
import type { Actor } from '../../platform/policy.js';
import type { Selectable } from 'kysely';
import { tokenize } from '../../platform/search-text.js';
import { findByCode, listByIds } from '../places/index.js';
import { answerAlarm, answerClock } from './jobs.js';
import { assertMayAnswer, questionsShownTo } from './policy.js';
import * as repo from './repository.js';
import type { LegalQuestionInputT } from './schemas.js';

// 小律服务: a resident asks, the community's legal adviser answers within 24 hours (watched like a
// case deadline); public answers build a searchable FAQ.

const DAY = 86_400_000;
export interface LegalDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  sign: string;
  publicUrl: string;
}

const present = (q: Selectable<LegalQuestionsTable>) => ({
  id: q.id,
  question: q.question,
  public: q.is_public,
  state: q.state,
  dueAt: new Date(q.due_at).toISOString(),
  slaLevel: q.sla_level,
  answer: q.answer,
  answeredBy: q.answered_by,
  answeredAt: q.answered_at ? new Date(q.answered_at).toISOString() : null,
  createdAt: new Date(q.created_at).toISOString(),
  askerName: q.asker_name,
});

/** The community asked: an active one, named by id (picked by name) or code; anything else is a plain 400. */
async function askedCommunity(db: Db, input: LegalQuestionInputT) {
  const path = input.communityId ? 'communityId' : 'communityCode';
  const [found] = input.communityId
    ? await listByIds(db, [input.communityId])
    : [await findByCode(db, input.communityCode!)];
  if (!found || found.kind !== 'community' || found.status !== 'active' || !found.tenant_id)
    throw invalid(path, 'notAskableCommunity');
  return { ...found, tenant_id: found.tenant_id };
}

/** 咨询: a question to the community's legal advisers, told by SMS, watched for a day. */
async function ask(deps: LegalDeps, actor: Actor, input: LegalQuestionInputT) {
  const { db, clock } = deps;
  const community = await askedCommunity(db, input);
  const now = clock.now();
  const due = new Date(now.getTime() + DAY);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertQuestion(trx, {
      id,
      tenant_id: community.tenant_id,
      community_id: community.id,
      place_path: community.path,
      asker_id: actor.userId,
      asker_name: actor.displayName,
      question: input.question,
      text_tokens: tokenize(input.question),
      is_public: input.public,
      due_at: due,
      created_at: now,
    });
    await watchDeadline(trx, clock, answerAlarm(deps), { id, clock: answerClock, start: now, due });
    await smsUsers(
      trx,
      deps,
      { tenantId: community.tenant_id!, placePath: community.path, caseId: null },
      await repo.adviserIdsOf(trx, community.id),
      'legal_question',
      { summary: summarize(input.question), deadline: shanghaiMinute(due) },
      `legal:${id}:new`,
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'legal.ask',
        entityType: 'legal_question',
        entityId: id,
        tenantId: community.tenant_id,
        after: { community: community.code, public: input.public },
      },
      now,
    );
  });
  return { id, dueAt: due.toISOString() };
}

/** 答复: the adviser's answer, once. */
async function answer(deps: LegalDeps, actor: Actor, id: string, text: string) {
  return deps.db.transaction().execute(async (trx) => {
    const q = await repo.lockQuestion(trx, id);
    if (!q) throw new AppError('NOT_FOUND');
    assertMayAnswer(actor, q.place_path);
    if (q.state !== 'open') throw new AppError('ACTION_NOT_ALLOWED', { state: q.state, action: 'answer' });
    const now = deps.clock.now();
    await repo.markAnswered(trx, id, { answer: text, answered_by: actor.displayName, answered_at: now });
    // The asker hears that the answer is there, not the answer itself: it may be personal, and a
    // text is read over shoulders. The link opens 我的咨询 after logging in with the same phone.
    if (q.asker_id)
      await smsUsers(
        trx,
        deps,
        { tenantId: q.tenant_id, placePath: q.place_path, caseId: null },
        [q.asker_id],
        'legal_answered',
        { link: `${deps.publicUrl}/m/legal` },
        `legal:${id}:answered`,
      );
    await recordAudit(
      trx,
      actor,
      {
        action: 'legal.answer',
        entityType: 'legal_question',
        entityId: id,
        tenantId: q.tenant_id,
        after: { onTime: now <= new Date(q.due_at) },
      },
      now,
    );
    return { id, state: 'answered' as const };
  });
}

/** Public answers, searchable by words: the FAQ anyone can read. Askers stay anonymous. */
async function faq(deps: LegalDeps, q: string | undefined) {
  const rows = await repo.publicAnswers(deps.db, q ? tokenize(q) : []);
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    answer: r.answer!,
    answeredBy: r.answered_by!,
    answeredAt: new Date(r.answered_at!).toISOString(),
  }));
}

export function createLegalService(deps: LegalDeps) {
  return {
    ask: (actor: Actor, input: LegalQuestionInputT) => ask(deps, actor, input),
    answer: (actor: Actor, id: string, text: string) => answer(deps, actor, id, text),
    /** The asker sees their own questions; the adviser the community's. */
    list: async (actor: Actor, mine: boolean) =>
      (await repo.listQuestions(deps.db, questionsShownTo(actor, mine))).map(present),
    faq: (q: string | undefined) => faq(deps, q),
  };
}

export type LegalService = ReturnType<typeof createLegalService>;
