import { createHash } from 'node:crypto';
import { sql, type Expression } from 'kysely';

// Named prepared statements for the hottest reads (issue 19). PostgreSQL spent ~0.8 ms planning the
// session's read and the inbox's each time against 0.1–0.6 ms running them; a statement prepared once
// per connection is parsed once and, once its generic plan is as cheap, no longer planned. Only
// statements marked in the repository are prepared: each one holds memory in every connection, so
// the set must stay small and fixed. The embedded database ignores the mark (a comment).

const MARK = '/* prepared */';
const MARKED = `select ${MARK}`;

/** The mark a repository puts at the front of a hot SELECT: `query.modifyFront(preparedStatement)`. */
export const preparedStatement: Expression<unknown> = sql.raw(MARK);

/** Statement names by text: a name is the text's hash, so two texts never share one. */
const names = new Map<string, string>();
const MAX_NAMES = 200;

export function preparedName(text: string): string | null {
  // Kysely writes a SELECT's front modifiers right after the keyword: a cheap test for every statement.
  if (!text.startsWith(MARKED)) return null;
  let name = names.get(text);
  if (!name) {
    name = `linli_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (names.size < MAX_NAMES) names.set(text, name);
  }
  return name;
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes a pg client run marked statements by name (node-postgres prepares a named statement on its
 * connection the first time and reuses it after). Called for each new client of the pool.
 */
export function namePreparedStatements(client: { query: QueryFn }): void {
  const query = client.query.bind(client) as QueryFn;
  client.query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? preparedName(text) : null;
    return name ? query({ name, text, values }) : query(...args);
  };
}
