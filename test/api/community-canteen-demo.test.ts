import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/demo/seed.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';

// The demo's canteen (issue 16): the operator `canteen` runs 和平社区老年食堂 and a partner shop, with a
// month of meals of which a share carries a subsidy; the demo resident sees the week's menu and her orders.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.deps.db, ctx.deps.pii, ctx.clock.now(), 20);
}, 240_000);
afterAll(() => ctx.close());

describe('demo canteen', () => {
  it('gives the operator a desk with a month of meals, elders served and subsidies', async () => {
    const canteen = await new Session(ctx).login('canteen', DEMO_PASSWORD);
    const desk = await canteen.get('/api/v1/community/canteen/desk');
    expect(desk.body.items.map((c: { name: string }) => c.name).sort()).toEqual([
      '和平社区老年食堂',
      '和平路老张面馆（合作商户）',
    ]);
    const id = desk.body.items.find((c: { kind: string }) => c.kind === 'canteen').id;
    const days = (await canteen.get(`/api/v1/community/canteen/canteens/${id}/daily?from=2026-10-20&to=2026-11-24`))
      .body.items as { meals: number; elders: number; subsidised: number }[];
    expect(days.length).toBe(30);
    const meals = days.reduce((a, d) => a + d.meals, 0);
    const subsidised = days.reduce((a, d) => a + d.subsidised, 0);
    expect(meals).toBeGreaterThan(400);
    expect(subsidised / meals).toBeGreaterThan(0.4);
    expect(days.every((d) => d.elders > 0)).toBe(true);
  });

  it('shows the demo resident this week’s menu and her orders', async () => {
    const resident = await new Session(ctx).login('resident', DEMO_PASSWORD);
    const mine = await resident.get('/api/v1/community/canteen/mine');
    expect(mine.body.community.name).toBe('和平社区');
    expect(mine.body.canteens[0].dishes.length).toBeGreaterThan(0);
    const orders = await resident.get('/api/v1/community/canteen/orders/mine');
    expect(orders.body.items.map((o: { state: string }) => o.state)).toEqual(['placed', 'placed']);
  });
});
