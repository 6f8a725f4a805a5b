import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopicState } from '../../src/shared/decide.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildTopic } from '../support/decide-meetings.js';
import { buildWorld } from '../support/factories.js';

// 居民议事数据 (issue 17), on both databases: topics the test raises in 和平社区 and 文化社区 in known
// states (and one of last year), the figures counted from that list; 文化社区's worker sees only 文化社区.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const N = '/api/v1/deliberation/numbers';
const login = (username: string) => new Session(ctx).login(username);

const c1States: TopicState[] = [
  'screening',
  'accepted',
  'scheduled',
  'rejected',
  'decided',
  'handed_up',
  'closed',
  'closed',
];
const c2States: TopicState[] = ['rejected', 'decided'];
const count = (states: TopicState[], wanted: TopicState[]) => states.filter((s) => wanted.includes(s)).length;
const expected = (states: TopicState[]) => ({
  topicsRaised: states.length,
  topicsAccepted: count(states, ['accepted', 'scheduled', 'decided', 'handed_up', 'closed']),
  topicsRejected: count(states, ['rejected']),
  topicsDecided: count(states, ['decided', 'closed']),
  topicsHandedUp: count(states, ['handed_up']),
  topicsClosed: count(states, ['closed']),
});

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  // Last year in China time (2025-12-31 23:00 +08): not counted in 2026.
  ctx.clock.set('2025-12-31T15:00:00Z');
  await buildTopic(ctx.deps, world.c1, world.c1, { title: '去年的议题', raisedBy: 'worker1', state: 'closed' });
  ctx.clock.set('2026-11-24T01:00:00Z');
  for (const [i, state] of c1States.entries())
    await buildTopic(ctx.deps, world.c1, world.gridA, { title: `和平议题${i}`, raisedBy: 'worker1', state });
  for (const [i, state] of c2States.entries())
    await buildTopic(ctx.deps, world.c2, world.c2, { title: `文化议题${i}`, raisedBy: 'worker2', state });
});

describe('居民议事数据', () => {
  it('counts each community’s topics of the year from the records, with totals', async () => {
    const res = await (await login('officer')).get(`${N}?year=2026`);
    expect(res.status).toBe(200);
    const rows = res.body.items as { communityCode: string; communityName: string }[];
    expect(rows.map((r) => r.communityName)).toEqual(['和平社区', '文化社区']);
    expect(rows[0]).toMatchObject(expected(c1States));
    expect(rows[1]).toMatchObject(expected(c2States));
    expect(res.body.totals).toMatchObject(expected([...c1States, ...c2States]));
    expect(res.body.totals).toMatchObject({ meetingsHeld: 0, votesHeld: 0, turnoutPct: null, noticesPublished: 0 });
    expect(res.body.votes).toEqual([]);
  });

  it('counts last year’s topic in its own year', async () => {
    const res = await (await login('officer')).get(`${N}?year=2025`);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ communityName: '和平社区', topicsRaised: 1, topicsClosed: 1 });
  });

  it('shows a community worker only their community; another community’s code is 404', async () => {
    const worker2 = await login('worker2');
    const res = await worker2.get(`${N}?year=2026`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { communityCode: string }) => r.communityCode)).toEqual([world.c2.code]);
    expect(res.body.totals).toMatchObject(expected(c2States));
    expect((await worker2.get(`${N}?year=2026&placeCode=${world.c1.code}`)).status).toBe(404);
  });

  it('filters by a place in scope and refuses bad input', async () => {
    const officer = await login('officer');
    const res = await officer.get(`${N}?year=2026&placeCode=${world.c1.code}`);
    expect(res.body.placeName).toBe('和平社区');
    expect(res.body.items.map((r: { communityCode: string }) => r.communityCode)).toEqual([world.c1.code]);
    expect((await officer.get(`${N}?year=abc`)).status).toBe(400);
    expect((await officer.get(`${N}?placeCode=x`)).status).toBe(400);
  });

  it('exports the same figures as an Excel sheet', async () => {
    const res = await (await login('officer')).get(`${N}.xlsx?year=2026`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('和平社区');
    expect(sheet.getRow(2).getCell(2).value).toBe(c1States.length);
    expect(sheet.getRow(4).getCell(1).value).toBe('合计');
    expect(sheet.getRow(4).getCell(2).value).toBe(c1States.length + c2States.length);
  });
});
