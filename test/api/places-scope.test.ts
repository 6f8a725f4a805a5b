import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

const codes = (items: { code: string }[]) => items.map((i) => i.code).sort();

describe(`scopes (${testEngine})`, () => {
  it('a grid worker of grid A sees grid A households, and cannot list, read or change grid B', async () => {
    const s = await new Session(ctx).login('gridA');
    const own = await s.get(`/api/v1/places/${world.gridA.code}/households`);
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(2);
    expect(codes(own.body.items)).toEqual(codes(world.inA.households));

    const otherList = await s.get(`/api/v1/places/${world.gridB.code}/households`);
    expect(otherList.status).toBe(404);
    const otherHousehold = await s.get(`/api/v1/places/${world.inB.households[0].code}`);
    expect(otherHousehold.status).toBe(404);
    const rename = await s.patch(`/api/v1/places/${world.inB.building.code}`, { name: '改名' });
    expect(rename.status).toBe(404);
    const create = await s.post('/api/v1/places', {
      parentCode: world.inB.unit.code,
      kind: 'household',
      name: '301',
      localCode: '301',
    });
    expect([403, 404]).toContain(create.status);
    // Asking for the whole community lists only grid A's households.
    const community = await s.get(`/api/v1/places/${world.c1.code}/households`);
    expect(community.status).toBe(404);
    const roots = await s.get('/api/v1/places');
    expect(codes(roots.body.items)).toEqual([world.gridA.code]);
  });

  it('a grid worker may read but not rename their own building', async () => {
    const s = await new Session(ctx).login('gridA');
    expect((await s.get(`/api/v1/places/${world.inA.building.code}`)).body.actions).toEqual([]);
    expect((await s.patch(`/api/v1/places/${world.inA.building.code}`, { name: '改名' })).status).toBe(403);
  });

  it('a community worker reads the name and ancestors of their own street, and nothing more of it', async () => {
    const s = await new Session(ctx).login('worker1');
    const street = await s.get(`/api/v1/places/${world.street.code}`);
    expect(street.status).toBe(200);
    expect(street.body.name).toBe('城关街道');
    expect(street.body.ancestors.map((a: { code: string }) => a.code)).not.toContain(world.street.code);
    // what lies under the street beyond their community stays out of sight
    expect(street.body.counts).toEqual({});
    expect(street.body.actions).toEqual([]);
    const community = await s.get(`/api/v1/places/${world.c1.code}`);
    expect(community.body.ancestors.map((a: { code: string }) => a.code)).toContain(world.street.code);
    // a sibling community, and the street's children beyond their own, stay not found
    expect((await s.get(`/api/v1/places/${world.c2.code}`)).status).toBe(404);
    const children = await s.get(`/api/v1/places?parent=${world.street.code}`);
    expect(children.status).toBe(404);
  });

  it('a community worker sees only their community', async () => {
    const s = await new Session(ctx).login('worker1');
    expect((await s.get(`/api/v1/grids?under=${world.street.code}`)).status).toBe(404);
    const grids = await s.get(`/api/v1/grids?under=${world.c1.code}`);
    expect(grids.status).toBe(200);
    expect(codes(grids.body.items)).toEqual([world.gridA.code, world.gridB.code]);
    const households = await s.get(`/api/v1/places/${world.c1.code}/households`);
    expect(households.body.total).toBe(4);
    expect((await s.get(`/api/v1/places/${world.c2.code}`)).status).toBe(404);
    expect((await s.get(`/api/v1/places/${world.inC.households[0].code}`)).status).toBe(404);
    expect((await s.get(`/api/v1/grids?under=${world.c2.code}`)).status).toBe(404);
    const children = await s.get(`/api/v1/places?parent=${world.street.code}`);
    expect(children.status).toBe(404);
  });

  it('the street officer sees both communities; the locate answer respects scope', async () => {
    const officer = await new Session(ctx).login('officer');
    const children = await officer.get(`/api/v1/places?parent=${world.street.code}`);
    expect(codes(children.body.items)).toEqual([world.c1.code, world.c2.code]);
    const located = await officer.get('/api/v1/places/locate?lng=108.025&lat=37.005');
    expect(located.body.grid.code).toBe(world.gridC.code);
    const worker = await new Session(ctx).login('worker1');
    expect((await worker.get('/api/v1/places/locate?lng=108.025&lat=37.005')).status).toBe(404);
  });

  it('a department receiver reads the place tree of its county but no households', async () => {
    const s = await new Session(ctx).login('receiver');
    expect((await s.get(`/api/v1/places/${world.gridA.code}`)).status).toBe(200);
    expect((await s.get(`/api/v1/places/${world.gridA.code}/households`)).status).toBe(403);
    expect((await s.get(`/api/v1/places/${world.inA.households[0].code}`)).status).toBe(403);
    const depts = await s.get('/api/v1/departments');
    expect(depts.body.items.map((d: { code: string }) => d.code)).toEqual(['D61089901']);
  });
});
