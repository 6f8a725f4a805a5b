import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { addMembership, buildBuilding, buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// A grid merge carries the retired grids' party branches and workers to the merged grid; a split
// hands them to its first part and lists them for the community to reassign (issue 14).

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let officer: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  officer = await new Session(ctx).login('officer');
});
afterAll(() => ctx.close());

const partyOrgPlace = async (id: string) =>
  (
    await ctx.deps.db
      .selectFrom('party_orgs as o')
      .innerJoin('places as p', 'p.id', 'o.place_id')
      .select('p.code')
      .where('o.id', '=', id)
      .executeTakeFirstOrThrow()
  ).code;
const membershipsOf = async (username: string) =>
  (
    await ctx.deps.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .select(['m.role', 'p.code'])
      .where('u.username', '=', username)
      .execute()
  ).map((m) => `${m.role}@${m.code}`);

async function partyTree() {
  const street = await officer.post('/api/v1/party-orgs', {
    name: '城关街道党工委',
    kind: 'street_committee',
    placeCode: world.street.code,
  });
  const make = async (name: string, kind: string, placeCode: string, parentId: string) =>
    (await officer.post('/api/v1/party-orgs', { name, kind, placeCode, parentId })).body.id as string;
  const c1 = await make('和平社区党总支', 'community_branch', world.c1.code, street.body.id);
  const c2 = await make('文化社区党总支', 'community_branch', world.c2.code, street.body.id);
  return { street: street.body.id as string, c1, c2, make };
}

describe(`grid merge carries branches and workers (${testEngine})`, () => {
  it('moves the branches and the workers of the merged grids to the new grid, in its history and audit', async () => {
    const { c1, make } = await partyTree();
    const branchA = await make('和平一网格党支部', 'grid_branch', world.gridA.code, c1);
    const branchB = await make('和平二网格党支部', 'grid_branch', world.gridB.code, c1);
    const group = await make('1号楼党小组', 'building_group', world.inA.building.code, branchA);
    // gridB worker also serves grid A: after the merge they hold one membership on the new grid.
    await addMembership(ctx.deps, 'gridB', 'grid_worker', world.gridA.code);
    const merged = await officer.post('/api/v1/grids/merge', {
      codes: [world.gridA.code, world.gridB.code],
      name: '和平合并网格',
      reason: '网格整合',
    });
    expect(merged.status).toBe(201);
    const code = merged.body.code;
    expect(await partyOrgPlace(branchA)).toBe(code);
    expect(await partyOrgPlace(branchB)).toBe(code);
    expect(await partyOrgPlace(group)).toBe(world.inA.building.code);
    expect(await membershipsOf('gridA')).toEqual([`grid_worker@${code}`]);
    expect(await membershipsOf('gridB')).toEqual([`grid_worker@${code}`]);
    // The branches are listed under the new grid; nothing is left on the retired ones.
    const tree = (await officer.get(`/api/v1/party-orgs?under=${code}`)).body.items;
    expect(tree.map((o: { name: string }) => o.name).sort()).toEqual([
      '1号楼党小组',
      '和平一网格党支部',
      '和平二网格党支部',
    ]);
    const history = (await officer.get(`/api/v1/grid-changes?under=${world.c1.code}`)).body.items[0];
    expect(history.changeKind).toBe('merge');
    expect(history.carried.partyOrgs.map((o: { name: string; to: string }) => [o.name, o.to]).sort()).toEqual([
      ['和平一网格党支部', code],
      ['和平二网格党支部', code],
    ]);
    expect(history.carried.memberships.map((m: { name: string }) => m.name).sort()).toEqual([
      'gridA',
      'gridB',
      'gridB',
    ]);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'grid.merge')
      .where('entity_id', '=', code)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('和平一网格党支部');
    // The grid worker of old grid B works the merged grid's households.
    const gridB = await new Session(ctx).login('gridB');
    expect((await gridB.get(`/api/v1/places/${code}/households`)).body.total).toBe(4);
  });

  it('a split hands the branch and the workers to the first part and lists them to reassign', async () => {
    const branch = (await officer.get(`/api/v1/party-orgs?under=${world.c2.code}`)).body.items.find(
      (o: { kind: string }) => o.kind === 'community_branch',
    );
    const gridBranch = (
      await officer.post('/api/v1/party-orgs', {
        name: '文化一网格党支部',
        kind: 'grid_branch',
        placeCode: world.gridC.code,
        parentId: branch.id,
      })
    ).body.id;
    await buildBuilding(ctx.deps, world.gridC, '9', [108.0275, 37.0075], ['201']);
    const box = (x0: number, x1: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x0, 37.0],
          [x1, 37.0],
          [x1, 37.01],
          [x0, 37.01],
          [x0, 37.0],
        ],
      ],
    });
    await addMembership(ctx.deps, 'gridA', 'grid_worker', world.gridC.code);
    const split = await officer.post(`/api/v1/grids/${world.gridC.code}/split`, {
      parts: [
        { name: '文化西网格', boundary: box(108.02, 108.025) },
        { name: '文化东网格', boundary: box(108.025, 108.03) },
      ],
    });
    expect(split.status).toBe(201);
    const [west] = split.body.codes;
    expect(await partyOrgPlace(gridBranch)).toBe(west);
    expect(await membershipsOf('gridA')).toContain(`grid_worker@${west}`);
    const history = (await officer.get(`/api/v1/grid-changes?under=${world.c2.code}`)).body.items[0];
    expect(history).toMatchObject({
      changeKind: 'split',
      carried: {
        partyOrgs: [{ id: gridBranch, name: '文化一网格党支部', to: west }],
        memberships: [{ name: 'gridA', role: 'grid_worker', to: west }],
      },
    });
  });

  it('a refused merge moves nothing', async () => {
    const before = await membershipsOf('worker2');
    const refused = await officer.post('/api/v1/grids/merge', {
      codes: [world.gridC.code, world.gridA.code],
      name: '跨社区',
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await membershipsOf('worker2')).toEqual(before);
  });
});
