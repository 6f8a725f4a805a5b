import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { NO_COUNTY, noCountyRows, referenceTablesWithCounty, tenantTables } from './table-kinds.js';

// The tenant guard (issue 19): PostgreSQL row-level security on every tenant table (and on the two
// reference tables whose rows may belong to a county: places, users), so that a statement
// run for one county's staff cannot read or write another county's rows even if its own condition is
// wrong. The scope helper stays the rule; this is a second wall behind it. The PostgreSQL test run turns
// it on for every request of staff in one county (test/support/postgres-template.ts), and an operator
// may turn it on in production (TENANT_GUARD=on, docs/scale-out.md).
//
// How: while a request of one county runs (`asTenant`), each statement on a server connection runs as
// the role `linli_tenant` (no BYPASSRLS, not the tables' owner) with `linli.tenant` set to the county;
// the policies let that role see and write only rows of that county. Outside a county's request (the
// login and the session's own read, public pages, residents, jobs, migrations, tests' own set-up) the
// connection is back to the login role, to which the policies do not apply.

/** The role statements of one county run as. */
export const TENANT_ROLE = 'linli_tenant';
/** The policy's name on each tenant table. */
const POLICY = 'tenant_guard';

/** The tables the guard keeps, each with the rows of no county every county may read and add, if any. */
export const guardedTables: ReadonlyMap<string, string | null> = new Map([
  ...tenantTables.map((t) => [t, t in noCountyRows ? `tenant_id = '${NO_COUNTY}'` : null] as const),
  ...referenceTablesWithCounty.map((t) => [t, 'tenant_id IS NULL'] as const),
]);

const current = new AsyncLocalStorage<string>();

/**
 * Platform tables the role may not use at all. The others a county's request does use: jobs (a notice
 * queued), system_counters (the day's tracking serial), sessions (a password change ends the others),
 * rate_limits (a password change is throttled like a login), leases (one import per community at a time).
 */
export const outOfCountyReach = ['login_codes', 'key_checks', 'kysely_migration', 'kysely_migration_lock'] as const;

/** Runs `fn` for one county: with the guard on, every statement it makes sees only that county's rows. */
export function asTenant<T>(tenant: string | null, fn: () => T): T {
  if (tenant && !/^\d{6}$/.test(tenant)) throw new Error(`not a county code: ${tenant}`);
  return tenant ? current.run(tenant, fn) : fn();
}

/**
 * Runs `fn` outside any county's request: for what a process keeps for every county (the grid index,
 * reference copies), which a county's request may happen to load first.
 */
export function forEveryCounty<T>(fn: () => T): T {
  return current.exit(fn);
}

/** The county whose request is running, if any. */
export function currentTenant(): string | null {
  return current.getStore() ?? null;
}

/** The county of a set of place paths ('/61/6108/610899/…' → 610899) when they all lie in one; else null. */
export function tenantOfPaths(paths: readonly string[]): string | null {
  const counties = new Set(paths.map((p) => p.split('/')[3] ?? ''));
  if (counties.size !== 1) return null;
  const [county] = counties;
  return /^\d{6}$/.test(county) ? county : null;
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes a pg client switch to the county's role and setting before a statement of a county's request,
 * and back before any other (a pool's 'connect' hook). It switches only when the county changes, so a
 * connection serving one county after another pays one statement per change, none per query.
 */
export function guardClient(client: { query: QueryFn }): void {
  const query = client.query.bind(client) as QueryFn;
  let onConnection: string | null = null;
  let inTransaction = false;
  client.query = (...args: unknown[]) => {
    const [text] = args;
    // Only plain statements (all Kysely sends): a cursor would be queued before the switch had answered.
    if (typeof text !== 'string') throw new Error('the tenant guard runs plain statements only');
    const wanted = currentTenant();
    const word = text.trimStart().slice(0, 9).toLowerCase();
    if (wanted === onConnection) {
      if (/^(begin|start tr)/.test(word)) inTransaction = true;
      else if (/^(commit|rollback|end|abort)\b/.test(word) && !/^rollback to/i.test(text.trimStart()))
        inTransaction = false;
      return query(...args);
    }
    // A switch inside a transaction could be undone by a rollback to a savepoint, leaving the connection
    // as another county (or none) than this wrapper believes: refused, loudly.
    if (inTransaction) throw new Error('the county changed inside a transaction');
    onConnection = '?'; // until the switch has answered
    // One simple-protocol string: the role and the setting change together or not at all.
    const change = wanted
      ? `SET ROLE ${TENANT_ROLE}; SELECT set_config('linli.tenant', '${wanted}', false)`
      : `RESET ROLE; RESET linli.tenant`;
    return (query(change) as Promise<unknown>).then(() => {
      onConnection = wanted;
      return client.query(...args); // through the wrapper: a BEGIN is noted
    });
  };
}

/**
 * Turns the guard on in a migrated database: the role, its grants, and on every tenant table row-level
 * security with the policy. Idempotent and quick when done (app processes starting together take turns
 * on a lock); run after migrating, since a new table needs it too. Needs a login role that owns the
 * tables and may create roles (docs/scale-out.md).
 */
export async function installTenantGuard(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('linli.tenant_guard'))`.execute(tx);
    const role = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${TENANT_ROLE}`.execute(tx);
    if (!role.rows.length) await sql.raw(`CREATE ROLE ${TENANT_ROLE} NOLOGIN NOBYPASSRLS`).execute(tx);
    const member = await sql<{ may: boolean }>`SELECT pg_has_role(${TENANT_ROLE}, 'MEMBER') AS may`.execute(tx);
    if (!member.rows[0].may) await sql.raw(`GRANT ${TENANT_ROLE} TO CURRENT_USER`).execute(tx);
    for (const grant of [
      `GRANT USAGE ON SCHEMA public TO ${TENANT_ROLE}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${TENANT_ROLE}`,
      `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${TENANT_ROLE}`,
    ])
      await sql.raw(grant).execute(tx);
    // Platform tables no county's request has business with (phone login codes, the key check, the
    // migrations): out of the role's reach, so a faulty statement cannot touch them.
    for (const table of outOfCountyReach) await sql.raw(`REVOKE ALL ON ${table} FROM ${TENANT_ROLE}`).execute(tx);
    // Done where the table has its policies as this version writes them (three where rows of no county are
    // shared: migration 0054 took off the ones it changed).
    const guarded = await sql<{ table: string; n: number }>`
      SELECT c.relname AS table, count(p.policyname)::int AS n
      FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname LIKE ${POLICY + '%'}
      WHERE ns.nspname = 'public' AND c.relrowsecurity GROUP BY c.relname`.execute(tx);
    const done = new Set(guarded.rows.filter((r) => r.n === (guardedTables.get(r.table) ? 3 : 1)).map((r) => r.table));
    for (const [table, shared] of guardedTables) {
      if (done.has(table)) continue;
      const mine = `tenant_id = current_setting('linli.tenant')`;
      await sql.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`).execute(tx);
      await sql.raw(`DROP POLICY IF EXISTS ${POLICY} ON ${table}`).execute(tx);
      await sql.raw(`DROP POLICY IF EXISTS ${POLICY}_read ON ${table}`).execute(tx);
      await sql.raw(`DROP POLICY IF EXISTS ${POLICY}_add ON ${table}`).execute(tx);
      // Every statement reads and writes the county's rows; where some rows belong to no county (a
      // resident's account, a region above the county, a login code …) it may also read those and add
      // new ones, but never change or remove them, nor make its own row county-less.
      await sql
        .raw(`CREATE POLICY ${POLICY} ON ${table} TO ${TENANT_ROLE} USING (${mine}) WITH CHECK (${mine})`)
        .execute(tx);
      if (shared) {
        await sql
          .raw(`CREATE POLICY ${POLICY}_read ON ${table} FOR SELECT TO ${TENANT_ROLE} USING (${shared})`)
          .execute(tx);
        await sql
          .raw(`CREATE POLICY ${POLICY}_add ON ${table} FOR INSERT TO ${TENANT_ROLE} WITH CHECK (${shared})`)
          .execute(tx);
      }
    }
  });
}
