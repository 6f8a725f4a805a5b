import { createHash } from 'node:crypto';
import { sql, type Expression } from 'kysely';

// Named prepared statements for the hottest read (issue 19). PostgreSQL spent ~0.8 ms planning the
// session's read each time against 0.1 ms running it; prepared once per connection it is parsed once
// and, its generic plan being as cheap, no longer planned. Only statements marked in the code are
// prepared, and only texts that never vary: each one holds memory in every connection until it closes.
// (The inbox's read is not marked: its text varies with every filter and list length, and a generic
// plan could not use a place's path prefix.) The embedded database ignores the mark (a comment).

const MARK = '/* prepared */';
const MARKED = `select ${MARK}`;

/** The mark put at the front of a hot SELECT whose text never varies: `query.modifyFront(preparedStatement)`. */
export const preparedStatement: Expression<unknown> = sql.raw(MARK);

/** Statement names by text: a name is the text's hash, so two texts never share one. */
const names = new Map<string, string>();
/** A bound, should a marked text vary after all: later texts run unnamed, as every other statement does. */
const MAX_NAMES = 20;

export function preparedName(text: string): string | null {
  // Kysely writes a SELECT's front modifiers right after the keyword: a cheap test for every statement.
  if (!text.startsWith(MARKED)) return null;
  let name = names.get(text);
  if (!name) {
    if (names.size >= MAX_NAMES) return null;
    name = `linli_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL's answers when a named statement cannot be used on this connection: it is gone (26000:
 * a PgBouncer without prepared-statement support put us on another server connection, or someone ran
 * DEALLOCATE) or its result type changed under it (0A000: a migration altered a selected column).
 */
const unusable = new Set(['26000', '0A000']);

type QueryFn = (...args: unknown[]) => unknown;
/** node-postgres's record of the statements its connection has prepared (not in its types). */
type Prepared = { connection?: { parsedStatements?: Record<string, unknown> } };

/**
 * Makes a pg client run marked statements by name (node-postgres prepares a named statement on its
 * connection the first time and reuses it after). Called for each new client of the pool. A named
 * statement the connection cannot use is forgotten (so the next call prepares it again) and the query
 * runs once more unnamed: a request never fails for the sake of a faster plan.
 */
export function namePreparedStatements(client: { query: QueryFn }): void {
  const query = client.query.bind(client) as QueryFn;
  client.query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? preparedName(text) : null;
    if (!name) return query(...args);
    return (query({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
      if (!unusable.has((error as { code?: string }).code ?? '')) throw error;
      delete (client as Prepared).connection?.parsedStatements?.[name];
      return query(text, values);
    });
  };
}
