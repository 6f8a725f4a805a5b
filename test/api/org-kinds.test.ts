import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// Organisation kinds and party organisation kinds are the county's lists (issue 14), and a community
// can run a 大党委 (joint party committee) with member units and function branches under it.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let admin: Session;
let officer: Session;
let worker: Session;
let streetCommittee: string;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  admin = await new Session(ctx).login('admin');
  officer = await new Session(ctx).login('officer');
  worker = await new Session(ctx).login('worker1');
  streetCommittee = (
    await officer.post('/api/v1/party-orgs', {
      name: '城关街道党工委',
      kind: 'street_committee',
      placeCode: world.street.code,
    })
  ).body.id;
});
afterAll(() => ctx.close());

describe(`organisation kinds and the 大党委 (${testEngine})`, () => {
  it('lists the kinds with their labels, 大党委 and 功能型党支部 among the party kinds', async () => {
    const party = (await worker.get('/api/v1/party-org-kinds')).body.items;
    expect(party.find((k: { code: string }) => k.code === 'joint_committee')).toMatchObject({
      label: '社区大党委',
      placeKinds: ['community'],
      parentKinds: ['street_committee'],
      memberUnits: true,
    });
    expect(party.map((k: { label: string }) => k.label)).toContain('功能型党支部');
    const kinds = (await worker.get('/api/v1/organisation-kinds')).body.items;
    expect(kinds.map((k: { label: string }) => k.label)).toEqual(['物业公司', '共建单位', '社会组织', '业主委员会']);
  });

  it('an administrator adds an organisation kind, a worker uses it; a worker cannot change the lists', async () => {
    const added = await admin.post('/api/v1/organisation-kinds', { labelZh: '驻区单位', labelEn: 'Resident unit' });
    expect(added.status).toBe(201);
    const org = await worker.post('/api/v1/organisations', {
      kind: added.body.code,
      name: '县第二中学',
      placeCode: world.c1.code,
    });
    expect(org.status).toBe(201);
    const listed = (await worker.get(`/api/v1/organisations?under=${world.c1.code}`)).body.items;
    expect(listed.find((o: { name: string }) => o.name === '县第二中学')).toMatchObject({ kindLabel: '驻区单位' });
    expect((await worker.post('/api/v1/organisation-kinds', { labelZh: '自建类别' })).status).toBe(403);
    expect((await worker.patch('/api/v1/party-org-kinds/grid_branch', { labelZh: '网格党小组' })).status).toBe(403);
    expect((await worker.post('/api/v1/party-org-kinds', { labelZh: '自建', placeKinds: ['community'] })).status).toBe(
      403,
    );
    // Retired: kept on what has it, refused for new ones.
    expect((await admin.patch(`/api/v1/organisation-kinds/${added.body.code}`, { active: false })).status).toBe(200);
    const refused = await worker.post('/api/v1/organisations', {
      kind: added.body.code,
      name: '县第三中学',
      placeCode: world.c1.code,
    });
    expect(refused.status).toBe(400);
    expect((await worker.get(`/api/v1/organisations?under=${world.c1.code}`)).body.items).toHaveLength(1);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', added.body.code)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['organisationKind.create', 'organisationKind.update']);
  });

  it('a community makes a 大党委 with member units and a 法治 function branch under it', async () => {
    const joint = await worker.post('/api/v1/party-orgs', {
      name: '和平社区大党委',
      kind: 'joint_committee',
      placeCode: world.c1.code,
      parentId: streetCommittee,
    });
    expect(joint.status).toBe(201);
    const unit = await worker.post('/api/v1/organisations', {
      kind: 'co_building_unit',
      name: '县司法局',
      placeCode: world.c1.code,
    });
    const property = await worker.post('/api/v1/organisations', {
      kind: 'property_company',
      name: '安居物业',
      placeCode: world.c1.code,
    });
    expect(
      (await worker.post(`/api/v1/party-orgs/${joint.body.id}/units`, { organisationId: unit.body.id })).status,
    ).toBe(201);
    expect(
      (await worker.post(`/api/v1/party-orgs/${joint.body.id}/units`, { organisationId: property.body.id })).status,
    ).toBe(201);
    const twice = await worker.post(`/api/v1/party-orgs/${joint.body.id}/units`, { organisationId: unit.body.id });
    expect(twice.status).toBe(409);
    const branch = await worker.post('/api/v1/party-orgs', {
      name: '法治功能型党支部',
      kind: 'function_branch',
      placeCode: world.c1.code,
      parentId: joint.body.id,
    });
    expect(branch.status).toBe(201);
    const tree = (await worker.get(`/api/v1/party-orgs?under=${world.c1.code}`)).body.items;
    const jointRow = tree.find((o: { id: string }) => o.id === joint.body.id);
    expect(jointRow).toMatchObject({ kindLabel: '社区大党委', takesUnits: true });
    expect(jointRow.memberUnits.map((u: { name: string }) => u.name)).toEqual(['县司法局', '安居物业']);
    expect(tree.find((o: { id: string }) => o.id === branch.body.id)).toMatchObject({
      parentId: joint.body.id,
      kindLabel: '功能型党支部',
    });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', joint.body.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['partyOrg.addUnit', 'partyOrg.addUnit', 'partyOrg.create']);
  });

  it('refuses member units on an ordinary branch, and another community’s 大党委', async () => {
    const branch = await officer.post('/api/v1/party-orgs', {
      name: '文化社区党总支',
      kind: 'community_branch',
      placeCode: world.c2.code,
      parentId: streetCommittee,
    });
    const org = await officer.post('/api/v1/organisations', {
      kind: 'social_org',
      name: '文化社区夕阳红协会',
      placeCode: world.c2.code,
    });
    const refused = await officer.post(`/api/v1/party-orgs/${branch.body.id}/units`, { organisationId: org.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PARTY_ORG_UNITS_NOT_ALLOWED');
    const joint = (await worker.get(`/api/v1/party-orgs?under=${world.c1.code}`)).body.items.find(
      (o: { kind: string }) => o.kind === 'joint_committee',
    );
    const worker2 = await new Session(ctx).login('worker2');
    const foreign = await worker2.post(`/api/v1/party-orgs/${joint.id}/units`, { organisationId: org.body.id });
    expect(foreign.status).toBe(404);
  });

  it('an administrator adds a party kind with its place and parent, and it is used at once', async () => {
    const added = await admin.post('/api/v1/party-org-kinds', {
      labelZh: '两新组织党支部',
      labelEn: 'Party branch of a new organisation',
      placeKinds: ['community'],
      parentKinds: ['joint_committee'],
    });
    expect(added.status).toBe(201);
    const joint = (await worker.get(`/api/v1/party-orgs?under=${world.c1.code}`)).body.items.find(
      (o: { kind: string }) => o.kind === 'joint_committee',
    );
    const made = await worker.post('/api/v1/party-orgs', {
      name: '安居物业党支部',
      kind: added.body.code,
      placeCode: world.c1.code,
      parentId: joint.id,
    });
    expect(made.status).toBe(201);
    const wrongParent = await worker.post('/api/v1/party-orgs', {
      name: '挂错上级',
      kind: added.body.code,
      placeCode: world.c1.code,
      parentId: streetCommittee,
    });
    expect(wrongParent.status).toBe(422);
    const unknownParent = await admin.post('/api/v1/party-org-kinds', {
      labelZh: '无此上级',
      placeKinds: ['grid'],
      parentKinds: ['no_such_kind'],
    });
    expect(unknownParent.status).toBe(404);
  });
});
