import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let officer: Session;
let residentA: string;
let residentC: string;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  officer = await new Session(ctx).login('officer');
  residentA = (
    await officer.post('/api/v1/residents', {
      householdCode: world.inA.households[0].code,
      name: '党员老周',
      phone: '13700002222',
    })
  ).body.id;
  residentC = (
    await officer.post('/api/v1/residents', { householdCode: world.inC.households[0].code, name: '文化志愿者' })
  ).body.id;
});
afterAll(() => ctx.close());

describe(`party organisations and rolls (${testEngine})`, () => {
  it('builds the party tree from street to grid and refuses a branch on the wrong level', async () => {
    const street = await officer.post('/api/v1/party-orgs', {
      name: '城关街道党工委',
      kind: 'street_committee',
      placeCode: world.street.code,
    });
    expect(street.status).toBe(201);
    const community = await officer.post('/api/v1/party-orgs', {
      name: '和平社区党总支',
      kind: 'community_branch',
      placeCode: world.c1.code,
      parentId: street.body.id,
    });
    const grid = await officer.post('/api/v1/party-orgs', {
      name: '第一网格党支部',
      kind: 'grid_branch',
      placeCode: world.gridA.code,
      parentId: community.body.id,
    });
    expect(grid.status).toBe(201);
    const wrongLevel = await officer.post('/api/v1/party-orgs', {
      name: '错位支部',
      kind: 'grid_branch',
      placeCode: world.c1.code,
      parentId: community.body.id,
    });
    expect(wrongLevel.status).toBe(422);
    const orphan = await officer.post('/api/v1/party-orgs', {
      name: '无上级',
      kind: 'community_branch',
      placeCode: world.c2.code,
    });
    expect(orphan.status).toBe(422);
    const tree = await officer.get(`/api/v1/party-orgs?under=${world.street.code}`);
    expect(
      tree.body.items.map((o: { name: string; parentId: string | null }) => [o.name, o.parentId !== null]),
    ).toEqual([
      ['城关街道党工委', false],
      ['和平社区党总支', true],
      ['第一网格党支部', true],
    ]);
  });

  it('keeps party members, volunteers and 双报到 members, masked and by scope', async () => {
    const org = (await officer.get('/api/v1/party-orgs')).body.items.find(
      (o: { kind: string }) => o.kind === 'grid_branch',
    );
    expect(
      (
        await officer.post('/api/v1/party-members', {
          residentId: residentA,
          partyOrgId: org.id,
          joinedOn: '1998-07-01',
        })
      ).status,
    ).toBe(201);
    expect(
      (await officer.post('/api/v1/volunteers', { residentId: residentA, skills: ['水电维修'], team: '红马甲' }))
        .status,
    ).toBe(201);
    expect((await officer.post('/api/v1/volunteers', { residentId: residentC, skills: ['陪伴'] })).status).toBe(201);
    expect(
      (
        await officer.post('/api/v1/in-service-members', {
          residentId: residentA,
          workUnit: '县财政局',
          communityCode: world.c1.code,
          claimedPosts: ['文明劝导岗'],
        })
      ).status,
    ).toBe(201);

    const worker1 = await new Session(ctx).login('worker1');
    const members = await worker1.get('/api/v1/party-members');
    expect(members.body.items).toEqual([
      expect.objectContaining({
        name: '党员老周',
        phone: '137****2222',
        partyOrg: '第一网格党支部',
        joinedOn: '1998-07-01',
      }),
    ]);
    const vols = await worker1.get('/api/v1/volunteers');
    expect(vols.body.items.map((v: { name: string }) => v.name)).toEqual(['党员老周']);
    const inService = await worker1.get('/api/v1/in-service-members');
    expect(inService.body.items[0]).toMatchObject({
      workUnit: '县财政局',
      community: '和平社区',
      claimedPosts: ['文明劝导岗'],
    });
    const worker2 = await new Session(ctx).login('worker2');
    expect((await worker2.get('/api/v1/volunteers')).body.items.map((v: { name: string }) => v.name)).toEqual([
      '文化志愿者',
    ]);
    expect((await worker2.post('/api/v1/volunteers', { residentId: residentA, skills: [] })).status).toBe(404);
    const grid = await new Session(ctx).login('gridA');
    expect((await grid.post('/api/v1/volunteers', { residentId: residentA, skills: [] })).status).toBe(403);
  });

  it('lists organisations of a community', async () => {
    expect(
      (
        await officer.post('/api/v1/organisations', {
          kind: 'property_company',
          name: '和宁物业',
          placeCode: world.c1.code,
          contactName: '钱经理',
          phone: '0912-3330000',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await officer.post('/api/v1/organisations', {
          kind: 'co_building_unit',
          name: '县供电公司',
          placeCode: world.c2.code,
        })
      ).status,
    ).toBe(201);
    const worker1 = await new Session(ctx).login('worker1');
    expect((await worker1.get('/api/v1/organisations')).body.items.map((o: { name: string }) => o.name)).toEqual([
      '和宁物业',
    ]);
  });
});
