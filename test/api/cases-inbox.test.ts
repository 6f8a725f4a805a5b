import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';

// The inbox under load (issue 19): keyset pages (nextCursor), counts by state read from the counts
// the triggers keep (case_state_counts), and scope on every page.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let admin: Session;
let worker1: Session;
let worker2: Session;

interface Summary {
  id: string;
  state: string;
  slaLevel: string;
  createdAt: string;
  place: { code: string };
}

let serial = 0;
async function enter(s: Session, placeCode: string) {
  serial += 1;
  const res = await s.post('/api/v1/cases', {
    channel: 'hotline',
    placeCode,
    description: `第${serial}号诉求：楼道灯不亮，晚上看不清台阶`,
    reporterName: '刘阿姨',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Every page after the first through nextCursor, calling `between` after each page. */
async function allPages(s: Session, query: string, between: () => Promise<void> = async () => undefined) {
  const seen: Summary[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const res = await s.get(`/api/v1/cases?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return seen;
    await between();
  }
  throw new Error('never ended');
}

/** What the counts must say: the cases of the list itself, tallied by state. */
function tally(items: Summary[]) {
  const counts: Record<string, number> = {};
  for (const c of items) counts[c.state] = (counts[c.state] ?? 0) + 1;
  return { counts, overdue: items.filter((c) => c.slaLevel === 'red').length };
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  admin = await new Session(ctx).login('admin');
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  // Cases in both communities; the clock stands still, so many share one created_at (ties by id).
  for (let i = 0; i < 8; i++) await enter(worker1, i % 2 ? world.gridA.code : world.gridB.code);
  ctx.clock.advance(60_000);
  for (let i = 0; i < 5; i++) await enter(worker2, world.gridC.code);
  // Two times a JavaScript Date cannot hold (microseconds): the cursor keeps them.
  await sql`UPDATE cases SET created_at = created_at + interval '123 microseconds'
            WHERE id IN (SELECT id FROM cases ORDER BY id LIMIT 3)`.execute(ctx.deps.db);
  await sql`UPDATE cases SET created_at = created_at - interval '456 microseconds'
            WHERE id IN (SELECT id FROM cases ORDER BY id DESC LIMIT 2)`.execute(ctx.deps.db);
}, 180_000); // thirteen intakes over HTTP: slow on a busy machine
afterAll(() => ctx.close());

describe(`case inbox: keyset pages and kept counts (${testEngine})`, () => {
  it('pages through every case once, newest first, while new cases arrive', async () => {
    const before = (await admin.get('/api/v1/cases?state=all&pageSize=100')).body.items as Summary[];
    expect(before).toHaveLength(13);
    const arrived: string[] = [];
    const paged = await allPages(admin, 'state=all&pageSize=4', async () => {
      arrived.push(await enter(worker1, world.gridA.code));
    });
    // The cases of the first page's moment, each once and in the same order; none that came later.
    expect(paged.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(paged.some((c) => arrived.includes(c.id))).toBe(false);
    // A new first page starts with them.
    const fresh = (await admin.get('/api/v1/cases?state=all&pageSize=100')).body.items as Summary[];
    expect(arrived.length).toBeGreaterThan(1);
    expect(fresh).toHaveLength(13 + arrived.length);
    expect(new Set(fresh.map((c) => c.id)).size).toBe(fresh.length);
  });

  it('pages by number as before, and the last page has no cursor', async () => {
    const all = (await admin.get('/api/v1/cases?state=all&pageSize=100')).body;
    expect(all.nextCursor).toBeNull();
    const second = (await admin.get('/api/v1/cases?state=all&pageSize=5&page=2')).body;
    expect(second.items.map((c: Summary) => c.id)).toEqual(all.items.slice(5, 10).map((c: Summary) => c.id));
    expect(second.total).toBe(all.total);
    // A page past the end is empty and still brings the total and the counts (one statement holds both).
    const past = (await admin.get('/api/v1/cases?state=all&pageSize=100&page=50')).body;
    expect(past).toMatchObject({ items: [], total: all.total, counts: all.counts, nextCursor: null });
    expect(all.total).toBeGreaterThan(0);
    expect((await admin.get('/api/v1/cases?cursor=12_nonsense')).status).toBe(400);
  });

  it('counts by state what the list holds, after actions, deadlines and deletions', async () => {
    const ids = (await worker1.get('/api/v1/cases?state=all&pageSize=100')).body.items.map((c: Summary) => c.id);
    expect((await worker1.post(`/api/v1/cases/${ids[0]}/actions/accept`, {})).status).toBe(200);
    expect((await worker1.post(`/api/v1/cases/${ids[1]}/actions/accept`, {})).status).toBe(200);
    expect(
      (
        await worker1.post(`/api/v1/cases/${ids[2]}/actions/reject`, {
          kind: 'invalid',
          reason: '重复反映，已合并处理',
        })
      ).status,
    ).toBe(200);
    // Overdue is set by the deadline job; one statement for two cases, another moves one to another grid.
    await sql`UPDATE cases SET sla_level = 'red' WHERE id IN (${ids[1]}, ${ids[3]})`.execute(ctx.deps.db);
    await sql`UPDATE cases SET place_path = ${world.gridB.path}, place_id = ${world.gridB.id} WHERE id = ${ids[4]}`.execute(
      ctx.deps.db,
    );
    // A case deleted by hand with what refers to it (its timeline, the smart-dispatch suggestion stored at
    // intake and any outcome of it).
    for (const table of ['case_events', 'dispatch_outcomes', 'case_suggestions'])
      await sql`DELETE FROM ${sql.table(table)} WHERE case_id = ${ids[5]}`.execute(ctx.deps.db);
    await sql`DELETE FROM cases WHERE id = ${ids[5]}`.execute(ctx.deps.db);

    for (const [who, s] of [
      ['admin', admin],
      ['worker1', worker1],
      ['worker2', worker2],
      ['receiver', await new Session(ctx).login('receiver')],
      ['gridB', await new Session(ctx).login('gridB')],
    ] as const) {
      for (const query of [
        'state=all',
        'state=open',
        'state=accepted&overdue=true',
        `state=all&under=${world.gridB.code}`,
      ]) {
        if (query.includes('under') && (who === 'worker2' || who === 'receiver')) continue;
        const items = await allPages(s, `${query}&pageSize=3`);
        const everything = await allPages(
          s,
          `${query.replace(/state=\w+/, 'state=all').replace('&overdue=true', '')}&pageSize=7`,
        );
        const first = (await s.get(`/api/v1/cases?${query}&pageSize=3`)).body;
        const expected = tally(everything);
        expect({ who, query, counts: first.counts, overdue: first.overdue, total: first.total }).toEqual({
          who,
          query,
          ...expected,
          total: items.length,
        });
      }
    }
    // The kept counts are the cases grouped.
    const kept = await sql<{ key: string; n: number }>`
      SELECT tenant_id || place_path || state || red AS key, n FROM case_state_counts WHERE n <> 0 ORDER BY 1`.execute(
      ctx.deps.db,
    );
    const counted = await sql<{ key: string; n: number }>`
      SELECT tenant_id || place_path || state || (sla_level = 'red') AS key, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 1`.execute(
      ctx.deps.db,
    );
    expect(kept.rows).toEqual(counted.rows);
  });

  it('shows a community worker no case of another community on any page, nor in the counts', async () => {
    const all = await allPages(worker2, 'state=all&pageSize=2');
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((c) => c.place.code.startsWith(world.c2.code))).toBe(true);
    const first = (await worker2.get('/api/v1/cases?state=all&pageSize=2')).body;
    expect(first.total).toBe(all.length);
    expect(Object.values(first.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all.length);
    // A cursor taken from another community's list shows nothing of it either.
    const theirs = (await worker1.get('/api/v1/cases?state=all&pageSize=2')).body.nextCursor;
    const after = (await worker2.get(`/api/v1/cases?state=all&pageSize=50&cursor=${theirs}`)).body.items as Summary[];
    expect(after.every((c) => c.place.code.startsWith(world.c2.code))).toBe(true);
    // Outside the scope by under=: refused as before.
    expect((await worker2.get(`/api/v1/cases?under=${world.gridA.code}`)).status).toBe(404);
  });
});
