import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { LegalQuestionsTable } from '../../platform/db/schema.js';
import { inScope, pathAbove, pathUnder, type Scope } from '../../platform/scope.js';

// Queries only, for legal questions (小律服务).

/** The legal advisers of a community: of the community itself, of a place above it, or of one of its grids. */
export async function adviserIdsOf(db: Executor, communityId: string): Promise<string[]> {
  const community = await db
    .selectFrom('places')
    .select('path')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select('m.user_id')
    .where('m.role', '=', 'legal_adviser')
    .where((eb) => eb.or([pathAbove('p.path', community.path), pathUnder('p.path', community.path)]))
    .execute();
  return rows.map((r) => r.user_id);
}

export async function insertQuestion(db: Executor, row: Insertable<LegalQuestionsTable>) {
  await db.insertInto('legal_questions').values(row).execute();
}

export function lockQuestion(db: Executor, id: string) {
  return db.selectFrom('legal_questions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setSlaLevel(db: Executor, id: string, level: 'yellow' | 'red') {
  await db.updateTable('legal_questions').set({ sla_level: level }).where('id', '=', id).execute();
}

export async function markAnswered(
  db: Executor,
  id: string,
  answer: { answer: string; answered_by: string; answered_at: Date },
) {
  await db
    .updateTable('legal_questions')
    .set({ state: 'answered', ...answer })
    .where('id', '=', id)
    .execute();
}

/** The questions one user asked, or (for an adviser) those of the places in the scope. */
export function listQuestions(db: Executor, of: { askerId: string | null } | { scope: Scope }) {
  const query = db.selectFrom('legal_questions').selectAll();
  const filtered =
    'askerId' in of ? query.where('asker_id', '=', of.askerId) : query.where(inScope('place_path', of.scope));
  return filtered.orderBy('created_at', 'desc').limit(200).execute();
}

/** Public answers, those sharing a word with `words` when there are any. */
export function publicAnswers(db: Executor, words: string[]) {
  let query = db
    .selectFrom('legal_questions')
    .selectAll()
    .where('is_public', '=', true)
    .where('state', '=', 'answered');
  if (words.length) query = query.where(sql<boolean>`text_tokens && ${sql.val(words)}::text[]`);
  return query.orderBy('answered_at', 'desc').limit(50).execute();
}
