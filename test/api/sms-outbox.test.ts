import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToBefore, migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { createTestDatabase, testEngine } from '../support/db.js';
import { buildUser, buildWorld, givePhone, putOnDuty } from '../support/factories.js';

// The SMS outbox is a list like any other: staff read the messages about their own places.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await givePhone(ctx.deps, 'worker1', '13900000001');
  await givePhone(ctx.deps, 'worker2', '13900000002');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
  await putOnDuty(ctx.deps, 'worker2', world.c2.code);
  await buildUser(ctx.deps, 'lawyer2', 'legal_adviser', world.c2.code);
  await givePhone(ctx.deps, 'lawyer2', '13900000077');
});
afterAll(() => ctx.close());

const outbox = async (username: string) => {
  const res = await (await new Session(ctx).login(username)).get('/api/v1/sms-outbox?pageSize=100');
  expect(res.status).toBe(200);
  return res.body as { total: number; items: { to: string; template: string; body: string; caseId: string | null }[] };
};

describe(`SMS outbox by place (${testEngine})`, () => {
  it('shows a community worker the messages of their own community only, and login codes to the county administrator only', async () => {
    const worker1 = await new Session(ctx).login('worker1');
    const worker2 = await new Session(ctx).login('worker2');
    const one = (
      await worker1.post('/api/v1/cases', {
        channel: 'hotline',
        placeCode: world.gridA.code,
        description: '楼道灯坏了一个月',
        reporterName: '赵大爷',
        reporterPhone: '13800000011',
      })
    ).body;
    const two = (
      await worker2.post('/api/v1/cases', {
        channel: 'hotline',
        placeCode: world.gridC.code,
        description: '井盖松动有危险',
        reporterName: '钱阿姨',
        reporterPhone: '13800000022',
      })
    ).body;
    // A whistle on a place (no case) and a legal question (no case) belong to their place too.
    await worker2.post('/api/v1/whistles', {
      placeCode: world.c2.code,
      subject: '文化社区消防通道',
      request: '请司法所到场',
      departmentCodes: ['D61089901'],
    });
    await worker2.post('/api/v1/legal-questions', {
      communityCode: world.c2.code,
      question: '物业不退押金怎么办？',
      public: false,
    });
    await new Session(ctx).post('/api/v1/public/login-code', { phone: '13512340000' });

    const first = await outbox('worker1');
    expect(first.items.map((m) => m.to).sort()).toEqual(['138****0011', '139****0001']);
    expect(first.items.every((m) => m.caseId === one.id)).toBe(true);
    expect(first.total).toBe(2);
    const second = await outbox('worker2');
    expect(second.items.map((m) => m.template).sort()).toEqual(['case_new', 'case_received', 'legal_question']);
    expect(JSON.stringify(second)).not.toContain(one.trackingCode);
    expect(JSON.stringify(second)).toContain(two.trackingCode);
    // The street officer dispatches for both communities; login codes are about no place.
    const officer = await outbox('officer');
    expect(officer.total).toBe(5);
    expect(officer.items.map((m) => m.template)).not.toContain('login_code');
    const admin = await outbox('admin');
    expect(admin.items.map((m) => m.template)).toContain('login_code');
    expect(admin.total).toBe(6);
  });

  it('gives the messages already sent the place of their case, whistle or legal question when it migrates', async () => {
    const handle = await createTestDatabase({ migrate: false });
    try {
      await migrateToBefore(handle.db, '0016_sms_outbox_place');
      const db = handle.db;
      const path = '/61/6108/610899/610899001/610899001001/';
      const [place, dept, caseId, whistle, summons, question] = [newId(), newId(), newId(), newId(), newId(), newId()];
      const now = new Date('2026-11-24T01:00:00Z');
      // Rows as the version before this change wrote them, in plain SQL (today's types know newer columns).
      await sql`INSERT INTO places (id, tenant_id, code, name, kind, parent_id, path, status, created_at, updated_at) VALUES (${place}, '610899', '610899001001', '和平社区', 'community', NULL, ${path}, 'active', ${now}, ${now})`.execute(
        db,
      );
      await sql`INSERT INTO departments (id, tenant_id, code, name, kind, created_at) VALUES (${dept}, '610899', 'D61089901', '城关司法所', 'justice', ${now})`.execute(
        db,
      );
      await sql`INSERT INTO cases (id, tenant_id, tracking_code, channel, state, description, place_id, place_path, created_at, updated_at) VALUES (${caseId}, '610899', 'LL-20261124-0001', 'hotline', 'submitted', '楼道灯坏了', ${place}, ${path}, ${now}, ${now})`.execute(
        db,
      );
      await sql`INSERT INTO whistles (id, tenant_id, place_id, place_path, subject, request, created_by_name, created_at) VALUES (${whistle}, '610899', ${place}, ${path}, '消防通道', '请到场', '和平社区', ${now})`.execute(
        db,
      );
      await sql`INSERT INTO summonses (id, tenant_id, whistle_id, department_id, state, ack_due_at, arrive_due_at, created_at) VALUES (${summons}, '610899', ${whistle}, ${dept}, 'summoned', ${now}, ${now}, ${now})`.execute(
        db,
      );
      await sql`INSERT INTO legal_questions (id, tenant_id, community_id, place_path, asker_name, question, text_tokens, is_public, due_at, created_at) VALUES (${question}, '610899', ${place}, ${path}, '居民', '押金怎么办', '{}', false, ${now}, ${now})`.execute(
        db,
      );
      const message = (
        id: string,
        tenant: string | null,
        caseRef: string | null,
        dedupe: string | null,
        template: string,
      ) =>
        sql`INSERT INTO sms_outbox (id, tenant_id, to_phone_enc, to_masked, template, body, case_id, dedupe_key, created_at) VALUES (${id}, ${tenant}, 'sealed', '139****0001', ${template}, '…', ${caseRef}, ${dedupe}, ${now})`.execute(
          db,
        );
      const ids = { case: newId(), whistle: newId(), legal: newId(), login: newId() };
      await message(ids.case, '610899', caseId, `new:${caseId}:u1`, 'case_new');
      await message(ids.whistle, '610899', null, `whistle:${summons}:summoned:u2`, 'whistle_summoned');
      await message(ids.legal, '610899', null, `legal:${question}:new:u3`, 'legal_question');
      await message(ids.login, null, null, null, 'login_code');

      await migrateToLatest(db);
      const rows = await db.selectFrom('sms_outbox').select(['id', 'place_path']).execute();
      const placeOf = (id: string) => rows.find((r) => r.id === id)?.place_path;
      expect([placeOf(ids.case), placeOf(ids.whistle), placeOf(ids.legal), placeOf(ids.login)]).toEqual([
        path,
        path,
        path,
        null,
      ]);
    } finally {
      await handle.close();
    }
  });
});
