import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.js';

describe('the embedded database takes turns with the network', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ pgliteDir: 'memory://' });
  });
  afterAll(() => handle.close());

  it('lets the event loop run between queued statements, not only after the whole queue', async () => {
    const events: string[] = [];
    // A timer set while ten statements wait for the one connection stands for a request arriving.
    setImmediate(() => events.push('event loop'));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        sql`SELECT count(*) FROM generate_series(1, 20000)`
          .execute(handle.db)
          .then(() => events.push(`statement ${i}`)),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    // Without turns the loop ran only after the tenth statement (index 10).
    expect(events.indexOf('event loop')).toBeLessThan(3);
    expect(events).toHaveLength(11);
  });

  it('still runs a transaction’s statements on its connection, in order', async () => {
    const seen = await handle.db.transaction().execute(async (trx) => {
      await sql`CREATE TEMP TABLE turns (n int)`.execute(trx);
      await Promise.all([1, 2, 3].map((n) => sql`INSERT INTO turns VALUES (${n})`.execute(trx)));
      return (await sql<{ n: number }>`SELECT n FROM turns ORDER BY n`.execute(trx)).rows.map((r) => r.n);
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});
