import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { GridLocator } from '../../src/server/features/places/locator.js';
import { buildBuilding, buildWorld, square } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

const pathOf = async (code: string) =>
  await ctx.deps.db.selectFrom('places').select(['path', 'status']).where('code', '=', code).executeTakeFirstOrThrow();

describe(`grids (${testEngine})`, () => {
  it('locates a point in its grid, community and street', async () => {
    const s = await new Session(ctx).login('admin');
    const res = await s.get('/api/v1/places/locate?lng=108.015&lat=37.002');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      grid: { code: world.gridB.code, name: '和平二网格' },
      community: { code: world.c1.code, name: '和平社区' },
      street: { code: world.street.code, name: '城关街道' },
    });
    const outside = await s.get('/api/v1/places/locate?lng=110&lat=30');
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('LOCATE_OUTSIDE');
  });

  it('creates a grid and refuses one that is not a polygon', async () => {
    const s = await new Session(ctx).login('officer');
    const created = await s.post('/api/v1/grids', {
      communityCode: world.c2.code,
      name: '文化二网格',
      boundary: square(108.03, 37.0),
    });
    expect(created.status).toBe(201);
    expect(created.body.code).toBe('610899001002002');
    expect((await s.get('/api/v1/places/locate?lng=108.035&lat=37.005')).body.grid.code).toBe('610899001002002');
    const open = await s.post('/api/v1/grids', {
      communityCode: world.c2.code,
      name: '坏',
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 3],
          ],
        ],
      },
    });
    expect(open.status).toBe(400);
    const flat = await s.post('/api/v1/grids', {
      communityCode: world.c2.code,
      name: '坏',
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [3, 1],
            [1, 1],
          ],
        ],
      },
    });
    expect(flat.status).toBe(422);
    expect(flat.body.error.code).toBe('GRID_BOUNDARY_INVALID');
    const worker = await new Session(ctx).login('worker1');
    expect(
      (await worker.post('/api/v1/grids', { communityCode: world.c1.code, name: 'x', boundary: square(109, 37) }))
        .status,
    ).toBe(403);
  });

  it('merges two grids of a community: households move, old grids retire, history and audit kept', async () => {
    const s = await new Session(ctx).login('officer');
    const merged = await s.post('/api/v1/grids/merge', {
      codes: [world.gridA.code, world.gridB.code],
      name: '和平合并网格',
      reason: '减少网格数量',
    });
    expect(merged.status).toBe(201);
    const newCode = merged.body.code;
    expect(newCode).toBe('610899001001003');
    expect((await pathOf(world.gridA.code)).status).toBe('retired');
    expect((await pathOf(world.inA.households[0].code)).path).toBe(
      `${world.c1.path}${newCode}/610899001001-1/610899001001-1-1/610899001001-1-1-101/`,
    );
    expect((await pathOf(world.inB.households[1].code)).path.startsWith(`${world.c1.path}${newCode}/`)).toBe(true);
    expect((await s.get('/api/v1/places/locate?lng=108.005&lat=37.005')).body.grid.code).toBe(newCode);
    expect((await s.get('/api/v1/places/locate?lng=108.015&lat=37.005')).body.grid.code).toBe(newCode);
    const grid = (await s.get(`/api/v1/grids?under=${world.c1.code}`)).body.items;
    expect(grid.map((g: { code: string }) => g.code)).toEqual([newCode]);
    expect(grid[0].householdCount).toBe(4);
    expect(grid[0].workers.map((w: { name: string }) => w.name).sort()).toEqual(['gridA', 'gridB']);
    const history = await s.get(`/api/v1/grid-changes?under=${world.c1.code}`);
    expect(history.body.items[0]).toMatchObject({
      changeKind: 'merge',
      fromCodes: [world.gridA.code, world.gridB.code],
      toCodes: [newCode],
      reason: '减少网格数量',
    });
    const audit = await ctx.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', newCode).execute();
    expect(audit.map((a) => a.action)).toContain('grid.merge');
    // The grid worker of old grid A now works the merged grid.
    const gridWorker = await new Session(ctx).login('gridA');
    expect((await gridWorker.get(`/api/v1/places/${newCode}/households`)).body.total).toBe(4);
    const again = await s.post('/api/v1/grids/merge', { codes: [world.gridA.code, newCode], name: 'x' });
    expect(again.status).toBe(422);
  });

  it('splits a grid; each building follows the part that holds it; overlapping parts are refused', async () => {
    const s = await new Session(ctx).login('officer');
    const extra = await buildBuilding(ctx.deps, world.gridC, '9', [108.0275, 37.0075], ['201']);
    const overlapping = await s.post(`/api/v1/grids/${world.gridC.code}/split`, {
      parts: [
        { name: '左', boundary: square(108.02, 37.0, 0.006) },
        { name: '右', boundary: square(108.024, 37.0, 0.006) },
      ],
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.error.code).toBe('GRID_SPLIT_INVALID');
    const left = {
      type: 'Polygon',
      coordinates: [
        [
          [108.02, 37.0],
          [108.025, 37.0],
          [108.025, 37.01],
          [108.02, 37.01],
          [108.02, 37.0],
        ],
      ],
    };
    const right = {
      type: 'Polygon',
      coordinates: [
        [
          [108.025, 37.0],
          [108.03, 37.0],
          [108.03, 37.01],
          [108.025, 37.01],
          [108.025, 37.0],
        ],
      ],
    };
    const split = await s.post(`/api/v1/grids/${world.gridC.code}/split`, {
      parts: [
        { name: '文化西网格', boundary: left },
        { name: '文化东网格', boundary: right },
      ],
      reason: '户数太多',
    });
    expect(split.status).toBe(201);
    const [west, east] = split.body.codes;
    expect((await pathOf(world.inC.building.code)).path).toContain(`/${west}/`); // at 108.025 on the edge → first part
    expect((await pathOf(extra.building.code)).path).toContain(`/${east}/`);
    expect((await pathOf(world.gridC.code)).status).toBe('retired');
    expect((await s.get('/api/v1/places/locate?lng=108.028&lat=37.005')).body.grid.code).toBe(east);
  });

  it('renaming a community or a street makes every process’s point → grid name it anew', async () => {
    // Another process's locator: it learns of changes only through the grids' version in the database.
    const elsewhere = new GridLocator(ctx.deps.db, 0);
    expect((await elsewhere.locate(108.028, 37.005))?.community.name).toBe('文化社区');
    const s = await new Session(ctx).login('admin');
    expect((await s.patch(`/api/v1/places/${world.c2.code}`, { name: '文化路社区' })).status).toBe(200);
    expect((await s.patch(`/api/v1/places/${world.street.code}`, { name: '城关镇' })).status).toBe(200);
    const located = await elsewhere.locate(108.028, 37.005);
    expect([located?.community.name, located?.street.name]).toEqual(['文化路社区', '城关镇']);
  });
});
