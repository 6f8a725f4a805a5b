import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSession } from '../../src/server/platform/auth/sessions.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildPlace, buildUser } from '../support/factories.js';

// Issue 19: the session's read is a named prepared statement on PostgreSQL (parsed once per connection,
// then planned once: its generic plan is as cheap); the embedded database runs the same text, the mark
// being a comment. The inbox's read is not prepared (its text varies with every filter).

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  const county = await buildPlace(ctx.deps, { code: '610899', kind: 'county', name: '演示县', tenantId: '610899' });
  await buildUser(ctx.deps, 'prep_admin', 'admin', county.code);
});
afterAll(() => ctx.close());

describe(`prepared statements (${testEngine})`, () => {
  it('answers the inbox the same, request after request', async () => {
    const admin = await new Session(ctx).login('prep_admin');
    for (let i = 0; i < 7; i++) {
      const res = await admin.get('/api/v1/cases?state=open');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    }
  });

  it('reads the session by a named statement on the connection (PostgreSQL)', async () => {
    const prepared = await ctx.deps.db.connection().execute(async (conn) => {
      const meta = { now: new Date(), requestId: null, ip: null };
      expect(await loadSession(conn, 'no-such-token', meta)).toBeNull();
      expect(await loadSession(conn, 'another-unknown-token', meta)).toBeNull();
      if (testEngine === 'pglite') return [];
      return (
        await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(conn)
      ).rows;
    });
    if (testEngine === 'pglite') return;
    const session = prepared.filter((p) => p.statement.includes('from "sessions"'));
    expect(prepared.filter((p) => p.statement.includes('/* prepared */'))).toHaveLength(1);
    expect(session).toHaveLength(1);
    expect(session[0].name).toMatch(/^linli_[0-9a-f]{24}$/);
    expect(session[0].statement).toContain('/* prepared */');
  });

  it('runs the read unnamed once more when the connection lost its statement, and prepares it again after', async () => {
    const meta = { now: new Date(), requestId: null, ip: null };
    const after = await ctx.deps.db.connection().execute(async (conn) => {
      expect(await loadSession(conn, 'first-token', meta)).toBeNull();
      // What a PgBouncer without prepared-statement support or a stray DEALLOCATE leaves behind: the
      // driver believes the statement is there, PostgreSQL answers 26000.
      if (testEngine === 'postgres') await sql`DEALLOCATE ALL`.execute(conn);
      expect(await loadSession(conn, 'second-token', meta)).toBeNull();
      expect(await loadSession(conn, 'third-token', meta)).toBeNull();
      if (testEngine === 'pglite') return [];
      return (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(conn)).rows;
    });
    if (testEngine === 'postgres') expect(after.filter((p) => p.statement.includes('from "sessions"'))).toHaveLength(1);
  });
});
