import { sql } from 'kysely';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { scheduleJob, type JobRunner } from '../../platform/jobs.js';
import type { PiiCipher } from '../../platform/pii.js';
import { assertInScope, can, type Actor } from '../../platform/policy.js';
import { inScope, pathAbove, pathUnder, scopeOf } from '../../platform/scope.js';
import { shanghaiMinute } from '../../platform/deadlines.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import { summarize } from '../../../shared/text.js';
import { tokenize } from '../cases/text.js';
import { findByCode } from '../places/repository.js';

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

export function createLegalService(deps: LegalDeps, jobs?: JobRunner) {
  const { db, clock } = deps;
  /** The legal advisers of a community: of the community itself, of a place above it, or of one of its grids. */
  const advisersOf = async (ex: Executor, communityId: string) => {
    const community = await ex
      .selectFrom('places')
      .select('path')
      .where('id', '=', communityId)
      .executeTakeFirstOrThrow();
    const rows = await ex
      .selectFrom('memberships as m')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .select('m.user_id')
      .where('m.role', '=', 'legal_adviser')
      .where((eb) => eb.or([pathAbove('p.path', community.path), pathUnder('p.path', community.path)]))
      .execute();
    return rows.map((r) => r.user_id);
  };
  const present = (q: {
    id: string;
    question: string;
    is_public: boolean;
    state: string;
    due_at: Date | string;
    sla_level: string;
    answer: string | null;
    answered_by: string | null;
    answered_at: Date | string | null;
    created_at: Date | string;
    asker_name: string;
  }) => ({
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

  if (jobs) {
    jobs.register('legal.sla', async (trx, job) => {
      const { questionId, level } = job.payload as { questionId: string; level: 'yellow' | 'red' };
      const q = await trx
        .selectFrom('legal_questions')
        .selectAll()
        .where('id', '=', questionId)
        .forUpdate()
        .executeTakeFirst();
      if (!q || q.state !== 'open') return;
      await trx.updateTable('legal_questions').set({ sla_level: level }).where('id', '=', q.id).execute();
      const recipients = await advisersOf(trx, q.community_id);
      await smsUsers(
        trx,
        deps,
        { tenantId: q.tenant_id, placePath: q.place_path, caseId: null },
        recipients,
        level === 'red' ? 'sla_overdue' : 'sla_warning',
        { code: '法律咨询', clock: '答复', deadline: shanghaiMinute(q.due_at), level: '社区' },
        `legal:${q.id}:${level}`,
      );
    });
  }

  return {
    async ask(actor: Actor, input: { communityCode: string; question: string; public: boolean }) {
      const community = await findByCode(db, input.communityCode);
      if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND');
      const now = clock.now();
      const due = new Date(now.getTime() + DAY);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('legal_questions')
          .values({
            id,
            tenant_id: community.tenant_id!,
            community_id: community.id,
            place_path: community.path,
            asker_id: actor.userId,
            asker_name: actor.displayName,
            question: input.question,
            text_tokens: tokenize(input.question),
            is_public: input.public,
            due_at: due,
            created_at: now,
          })
          .execute();
        await scheduleJob(
          trx,
          clock,
          'legal.sla',
          { questionId: id, level: 'yellow' },
          { runAt: new Date(now.getTime() + 0.8 * DAY), dedupeKey: `legal:${id}:yellow` },
        );
        await scheduleJob(
          trx,
          clock,
          'legal.sla',
          { questionId: id, level: 'red' },
          { runAt: due, dedupeKey: `legal:${id}:red` },
        );
        await smsUsers(
          trx,
          deps,
          { tenantId: community.tenant_id!, placePath: community.path, caseId: null },
          await advisersOf(trx, community.id),
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
    },

    async answer(actor: Actor, id: string, answer: string) {
      return db.transaction().execute(async (trx) => {
        const q = await trx
          .selectFrom('legal_questions')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!q) throw new AppError('NOT_FOUND');
        assertInScope(actor, 'legal:answer', q.place_path);
        if (q.state !== 'open') throw new AppError('CASE_ACTION_NOT_ALLOWED', { state: q.state, action: 'answer' });
        const now = clock.now();
        await trx
          .updateTable('legal_questions')
          .set({ state: 'answered', answer, answered_by: actor.displayName, answered_at: now })
          .where('id', '=', id)
          .execute();
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
        return { id, state: 'answered' };
      });
    },

    /** The asker sees their own questions; the adviser the community's. */
    async list(actor: Actor, mine: boolean) {
      let query = db.selectFrom('legal_questions').selectAll();
      if (mine || !can(actor, 'legal:answer')) query = query.where('asker_id', '=', actor.userId);
      else {
        query = query.where(inScope('place_path', scopeOf(actor, 'legal:answer')));
      }
      return (await query.orderBy('created_at', 'desc').limit(200).execute()).map(present);
    },

    /** Public answers, searchable by words: the FAQ anyone can read. Askers stay anonymous. */
    async faq(q: string | undefined) {
      let query = db
        .selectFrom('legal_questions')
        .selectAll()
        .where('is_public', '=', true)
        .where('state', '=', 'answered');
      const words = q ? tokenize(q) : [];
      if (words.length) query = query.where(sql<boolean>`text_tokens && ${sql.val(words)}::text[]`);
      const rows = await query.orderBy('answered_at', 'desc').limit(50).execute();
      return rows.map((r) => ({
        id: r.id,
        question: r.question,
        answer: r.answer!,
        answeredBy: r.answered_by!,
        answeredAt: new Date(r.answered_at!).toISOString(),
      }));
    },
  };
}

export type LegalService = ReturnType<typeof createLegalService>;
