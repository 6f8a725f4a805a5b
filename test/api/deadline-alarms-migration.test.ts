import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { deadlineAlarm } from '../../src/server/platform/deadlines.js';
import { migrateToBefore, migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';
import { createTestDatabase, testEngine } from '../support/db.js';

// Alarms queued by the version before the deadline kernel still fire after an upgrade: migration 0017
// rewrites their payloads into the kernel's { id, clock, due, level }.

describe(`deadline alarms queued before the kernel (${testEngine})`, () => {
  it('are rewritten to the kernel payload when the database migrates, and done jobs are left as they ran', async () => {
    const handle = await createTestDatabase({ migrate: false });
    try {
      await migrateToBefore(handle.db, '0017_deadline_alarms');
      const db = handle.db;
      const path = '/61/6108/610899/610899001/610899001001/';
      const [place, caseId, summons, question] = [newId(), newId(), newId(), newId()];
      const now = new Date('2026-11-24T01:00:00Z');
      const due = new Date('2026-11-25T01:00:00Z');
      await sql`INSERT INTO places (id, tenant_id, code, name, kind, parent_id, path, status, created_at, updated_at) VALUES (${place}, '610899', '610899001001', '和平社区', 'community', NULL, ${path}, 'active', ${now}, ${now})`.execute(
        db,
      );
      await sql`INSERT INTO legal_questions (id, tenant_id, community_id, place_path, asker_name, question, text_tokens, is_public, due_at, created_at) VALUES (${question}, '610899', ${place}, ${path}, '居民', '押金怎么办', '{}', false, ${due}, ${now})`.execute(
        db,
      );
      const job = (kind: string, status: string, payload: object) =>
        sql`INSERT INTO jobs (id, kind, payload, run_at, status, created_at) VALUES (${newId()}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${now}, ${status}, ${now})`.execute(
          db,
        );
      await job('case.sla', 'queued', { caseId, clock: 'take', due: due.toISOString(), level: 'yellow' });
      await job('whistle.sla', 'queued', { summonsId: summons, clock: 'ack', due: due.toISOString(), level: 'red' });
      await job('legal.sla', 'queued', { questionId: question, level: 'red' });
      await job('case.sla', 'done', { caseId, clock: 'resolve', due: due.toISOString(), level: 'red' });

      await migrateToLatest(db);
      const rows = await db.selectFrom('jobs').select(['kind', 'status', 'payload']).orderBy('kind').execute();
      const queued = rows.filter((r) => r.status === 'queued');
      expect(queued.map((r) => deadlineAlarm.parse(r.payload))).toEqual([
        { id: caseId, clock: 'take', due: due.toISOString(), level: 'yellow' },
        { id: question, clock: 'answer', due: due.toISOString(), level: 'red' },
        { id: summons, clock: 'ack', due: due.toISOString(), level: 'red' },
      ]);
      expect(rows.find((r) => r.status === 'done')?.payload).toEqual({
        caseId,
        clock: 'resolve',
        due: due.toISOString(),
        level: 'red',
      });
    } finally {
      await handle.close();
    }
  });
});
