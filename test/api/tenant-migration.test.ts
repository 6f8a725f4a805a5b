import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToBefore, migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';
import { countRows, createTestDatabase, testEngine } from '../support/db.js';

// Migration 0052 gives memberships the county of their place. A membership on a city (made with
// `linli user create --scope <city>` before 0052) belongs to no county: the upgrade stops and names the
// account, and the database stays as it was (the old version keeps running until the scope is changed).

describe(`0052 and a membership above the county (${testEngine})`, () => {
  it('stops with the account named, changes nothing, and goes through once the membership is moved', async () => {
    const handle = await createTestDatabase({ migrate: false });
    try {
      await migrateToBefore(handle.db, '0052_tenant_id_everywhere');
      const db = handle.db;
      const t0 = new Date('2026-10-01T02:00:00Z');
      const [city, county, user, membership] = [newId(), newId(), newId(), newId()];
      await sql`INSERT INTO places (id, tenant_id, code, name, kind, parent_id, path, status, created_at, updated_at) VALUES
        (${city}, NULL, '6108', '示例市', 'city', NULL, '/61/6108/', 'active', ${t0}, ${t0}),
        (${county}, '610899', '610899', '和宁县', 'county', ${city}, '/61/6108/610899/', 'active', ${t0}, ${t0})`.execute(
        db,
      );
      await sql`INSERT INTO users (id, tenant_id, username, display_name, password_hash, password_changed_at, created_at)
                VALUES (${user}, NULL, 'cityleader', '市领导', 'x', ${t0}, ${t0})`.execute(db);
      await sql`INSERT INTO memberships (id, user_id, role, place_id, created_at)
                VALUES (${membership}, ${user}, 'admin', ${city}, ${t0})`.execute(db);

      const refused = await migrateToLatest(db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(refused)).toContain('cityleader (示例市)');
      expect(String(refused)).toContain('县级以上');
      // Nothing of 0052 stayed: no column, no record of it.
      const column = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.columns
        WHERE table_name = 'memberships' AND column_name = 'tenant_id'`.execute(db);
      expect(column.rows[0]!.n).toBe(0);
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
      expect(applied.rows.map((r) => r.name)).not.toContain('0052_tenant_id_everywhere');

      await sql`UPDATE memberships SET place_id = ${county} WHERE id = ${membership}`.execute(db);
      await migrateToLatest(db);
      const moved = await sql<{
        tenant_id: string;
      }>`SELECT tenant_id FROM memberships WHERE id = ${membership}`.execute(db);
      expect(moved.rows[0]!.tenant_id).toBe('610899');
      expect(await countRows(db, 'memberships')).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
