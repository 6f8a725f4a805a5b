import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildDepartment, buildPlace, buildUser, buildWorld, TEST_PASSWORD } from '../support/factories.js';
import { multipart, readXlsx, xlsxOf } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let streetB: Awaited<ReturnType<typeof buildPlace>>;
let communityB: Awaited<ReturnType<typeof buildPlace>>;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  streetB = await buildPlace(ctx.deps, { kind: 'street', code: '610899002', name: '东关街道', parent: world.county });
  communityB = await buildPlace(ctx.deps, {
    kind: 'community',
    code: '610899002001',
    name: '东城社区',
    parent: streetB,
  });
  await buildUser(ctx.deps, 'officerB', 'street_officer', streetB.code);
  await buildUser(ctx.deps, 'workerB', 'community_worker', communityB.code);
  // A street's own office (司法所) and a county department.
  await buildDepartment(ctx.deps, 'D61089902', '城关司法所');
  await ctx.deps.db
    .updateTable('departments')
    .set({ street_code: world.street.code })
    .where('code', '=', 'D61089902')
    .execute();
});
afterAll(() => ctx.close());

const idOf = async (username: string) =>
  (await ctx.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

const usernames = (body: { items: { username: string }[] }) => body.items.map((u) => u.username).sort();

describe(`user administration 用户与角色管理 (${testEngine})`, () => {
  it('a street officer sees and edits only the users of their street; street B’s users are 404', async () => {
    const officer = await new Session(ctx).login('officer');
    const list = await officer.get('/api/v1/users?pageSize=100');
    expect(list.status).toBe(200);
    // Their own street: themself, the community and grid workers, the street's 司法所 has nobody yet.
    expect(usernames(list.body)).toEqual(['gridA', 'gridB', 'officer', 'worker1', 'worker2']);
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|password_hash|passwordHash/);
    const worker1 = list.body.items.find((u: { username: string }) => u.username === 'worker1');
    expect(worker1.memberships).toEqual([
      expect.objectContaining({ role: 'community_worker', roleLabel: '社区工作者', scopeName: '和平社区' }),
    ]);
    for (const other of ['officerB', 'workerB', 'admin', 'receiver']) {
      const id = await idOf(other);
      expect((await officer.get(`/api/v1/users/${id}`)).status, other).toBe(404);
      expect((await officer.post(`/api/v1/users/${id}/disable`)).status, other).toBe(404);
      expect((await officer.post(`/api/v1/users/${id}/reset-password`)).status, other).toBe(404);
    }
    // Filters: by name, role, place.
    expect(usernames((await officer.get('/api/v1/users?q=grid')).body)).toEqual(['gridA', 'gridB']);
    expect(usernames((await officer.get('/api/v1/users?role=community_worker')).body)).toEqual(['worker1', 'worker2']);
    expect(usernames((await officer.get(`/api/v1/users?under=${world.c2.code}`)).body)).toEqual(['worker2']);
    expect((await officer.get(`/api/v1/users?under=${communityB.code}`)).status).toBe(404);
    // The administrator sees the whole county, B included.
    const admin = await new Session(ctx).login('admin');
    expect(usernames((await admin.get('/api/v1/users?pageSize=100')).body)).toEqual(
      ['admin', 'gridA', 'gridB', 'officer', 'officerB', 'receiver', 'worker1', 'worker2', 'workerB'].sort(),
    );
  });

  it('a community worker grants only what they hold, only in their community', async () => {
    const worker = await new Session(ctx).login('worker1');
    const base = { displayName: '新同事', password: 'Start2026x' };
    const asOfficer = await worker.post('/api/v1/users', {
      ...base,
      username: 'try.officer',
      memberships: [{ role: 'street_officer', scope: world.c1.code }],
    });
    expect(asOfficer.status).toBe(403);
    expect(asOfficer.body.error.code).toBe('ROLE_NOT_GRANTABLE');
    const asAdmin = await worker.post('/api/v1/users', {
      ...base,
      username: 'try.admin',
      memberships: [{ role: 'admin', scope: world.c1.code }],
    });
    expect(asAdmin.body.error.code).toBe('ROLE_NOT_GRANTABLE');
    const elsewhere = await worker.post('/api/v1/users', {
      ...base,
      username: 'try.elsewhere',
      memberships: [{ role: 'grid_worker', scope: world.gridC.code }],
    });
    expect(elsewhere.status).toBe(404);
    const unknown = await worker.post('/api/v1/users', {
      ...base,
      username: 'try.unknown',
      memberships: [{ role: 'grid_worker', scope: '610899001099' }],
    });
    expect(unknown.status).toBe(404);
    // The city above every county is beyond anyone's reach here: 404 like an unknown code, so what lies
    // above the county cannot be probed (the command line says SCOPE_ABOVE_COUNTY).
    const city = await worker.post('/api/v1/users', {
      ...base,
      username: 'try.city',
      memberships: [{ role: 'grid_worker', scope: world.city.code }],
    });
    expect(city.status).toBe(404);
    // A role that does not fit a code outside the worker's reach says nothing about that code either.
    const department = await worker.post('/api/v1/users', {
      ...base,
      username: 'try.department',
      memberships: [{ role: 'grid_worker', scope: 'D61089901' }],
    });
    expect(department.status).toBe(404);
    // Mixed: one fine grant and one beyond, and nothing is made.
    const mixed = await worker.post('/api/v1/users', {
      ...base,
      username: 'try.mixed',
      memberships: [
        { role: 'grid_worker', scope: world.gridA.code },
        { role: 'street_officer', scope: world.street.code },
      ],
    });
    expect(mixed.status).toBe(404);
    const tried = await ctx.deps.db.selectFrom('users').select('username').where('username', 'like', 'try.%').execute();
    expect(tried).toEqual([]);

    const made = await worker.post('/api/v1/users', {
      username: 'grid.new',
      displayName: '李网格',
      memberships: [
        { role: 'grid_worker', scope: world.gridA.code },
        { role: 'volunteer', scope: world.c1.code },
      ],
    });
    expect(made.status).toBe(201);
    expect(made.body.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10}$/);
    expect(made.body.user).toMatchObject({ username: 'grid.new', mustChangePassword: true, status: 'active' });
    expect(made.body.user.memberships.map((m: { roleLabel: string }) => m.roleLabel)).toEqual(['网格员', '志愿者']);
    // Not shown again.
    const again = await worker.get(`/api/v1/users/${made.body.user.id}`);
    expect(JSON.stringify(again.body)).not.toContain(made.body.password);
    // The community worker cannot see their street officer or the other community's worker.
    for (const other of ['officer', 'worker2', 'gridC'].filter((u) => u !== 'gridC')) {
      expect((await worker.get(`/api/v1/users/${await idOf(other)}`)).status).toBe(404);
    }
    // Nor add a role to a user beyond their powers.
    const gridA = await idOf('gridA');
    const grant = await worker.post(`/api/v1/users/${gridA}/memberships`, {
      role: 'street_officer',
      scope: world.c1.code,
    });
    expect(grant.body.error.code).toBe('ROLE_NOT_GRANTABLE');
    const duplicate = await worker.post('/api/v1/users', {
      username: 'grid.new',
      displayName: '又一个',
      memberships: [{ role: 'grid_worker', scope: world.gridA.code }],
    });
    expect(duplicate.status).toBe(409);
  });

  it('a street officer makes department accounts for their street’s office, not the county’s departments', async () => {
    const officer = await new Session(ctx).login('officer');
    const own = await officer.post('/api/v1/users', {
      username: 'sfs.receiver',
      displayName: '司法所接哨员',
      memberships: [{ role: 'department_receiver', scope: 'D61089902' }],
    });
    expect(own.status).toBe(201);
    expect(own.body.user.memberships[0]).toMatchObject({ scopeKind: 'department', scopeName: '城关司法所' });
    const county = await officer.post('/api/v1/users', {
      username: 'county.receiver',
      displayName: '县局接哨员',
      memberships: [{ role: 'department_receiver', scope: 'D61089901' }],
    });
    expect(county.status).toBe(404);
    const wrongKind = await officer.post('/api/v1/users', {
      username: 'place.receiver',
      displayName: '接哨员',
      memberships: [{ role: 'department_receiver', scope: world.c1.code }],
    });
    expect(wrongKind.status).toBe(422);
    const options = await officer.get('/api/v1/users/grant-options');
    expect(options.body.departments.map((d: { code: string }) => d.code)).toEqual(['D61089902']);
    const street = options.body.places.find((p: { code: string }) => p.code === world.street.code);
    expect(street.roles.map((r: { role: string }) => r.role)).not.toContain('admin');
    expect(street.roles.map((r: { role: string }) => r.role)).toContain('community_worker');
    expect(options.body.places.some((p: { code: string }) => p.code === streetB.code)).toBe(false);
  });

  it('disabling ends the user’s sessions and refuses login; enabling lets them back; nobody disables themself', async () => {
    await buildUser(ctx.deps, 'gridD', 'grid_worker', world.gridB.code);
    const grid = await new Session(ctx).login('gridD');
    expect((await grid.get('/api/v1/me')).status).toBe(200);
    const admin = await new Session(ctx).login('admin');
    const id = await idOf('gridD');
    const disabled = await admin.post(`/api/v1/users/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');
    expect((await grid.get('/api/v1/me')).status).toBe(401);
    expect(await ctx.deps.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).toEqual([]);
    const refused = await new Session(ctx).request('POST', '/api/v1/auth/login', {
      username: 'gridD',
      password: TEST_PASSWORD,
    });
    expect(refused.body.error.code).toBe('AUTH_ACCOUNT_DISABLED');
    expect(usernames((await admin.get('/api/v1/users?status=disabled')).body)).toEqual(['gridD']);
    expect((await admin.post(`/api/v1/users/${id}/enable`)).body.status).toBe('active');
    await new Session(ctx).login('gridD');
    const self = await admin.post(`/api/v1/users/${await idOf('admin')}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('USER_SELF_LOCKOUT');
  });

  it('a reset password must be changed: until then every other call answers AUTH_PASSWORD_CHANGE_REQUIRED', async () => {
    await buildUser(ctx.deps, 'gridE', 'grid_worker', world.gridA.code);
    const before = await new Session(ctx).login('gridE');
    const officer = await new Session(ctx).login('officer');
    const reset = await officer.post(`/api/v1/users/${await idOf('gridE')}/reset-password`);
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.password;
    expect((await before.get('/api/v1/me')).status).toBe(401);
    expect(
      (await new Session(ctx).request('POST', '/api/v1/auth/login', { username: 'gridE', password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
    const user = new Session(ctx);
    const login = await user.request('POST', '/api/v1/auth/login', { username: 'gridE', password: temporary });
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
    for (const path of ['/api/v1/me', '/api/v1/cases', '/api/v1/places/tree']) {
      const refused = await user.get(path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code, path).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    }
    expect((await user.post('/api/v1/cases', {})).body.error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect((await user.get('/api/v1/public/config')).status).toBe(200);
    const changed = await user.post('/api/v1/me/password', { currentPassword: temporary, newPassword: 'MyOwn2026pw' });
    expect(changed.status).toBe(204);
    const me = await user.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(false);
    const listed = await officer.get(`/api/v1/users/${await idOf('gridE')}`);
    expect(listed.body.mustChangePassword).toBe(false);
    // Logging out is allowed too while the change is pending.
    const again = await officer.post(`/api/v1/users/${await idOf('gridE')}/reset-password`);
    const pending = new Session(ctx);
    await pending.request('POST', '/api/v1/auth/login', { username: 'gridE', password: again.body.password });
    expect((await pending.post('/api/v1/auth/logout')).status).toBe(204);
  });

  it('a user made in the console must change the password at the first login', async () => {
    const admin = await new Session(ctx).login('admin');
    const made = await admin.post('/api/v1/users', {
      username: 'new.officer',
      displayName: '张街道',
      password: 'Initial2026',
      memberships: [{ role: 'street_officer', scope: world.street.code }],
    });
    expect(made.status).toBe(201);
    expect(made.body.password).toBeNull();
    const weak = await admin.post('/api/v1/users', {
      username: 'weak.one',
      displayName: '弱密码',
      password: 'short',
      memberships: [{ role: 'grid_worker', scope: world.gridA.code }],
    });
    expect(weak.body.error.code).toBe('AUTH_WEAK_PASSWORD');
    const user = new Session(ctx);
    const login = await user.request('POST', '/api/v1/auth/login', {
      username: 'new.officer',
      password: 'Initial2026',
    });
    expect(login.body.mustChangePassword).toBe(true);
    expect((await user.get('/api/v1/users')).body.error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
  });

  it('roles are added and removed; not the last one, and nobody removes their own right to manage users', async () => {
    const officer = await new Session(ctx).login('officer');
    const gridA = await idOf('gridA');
    const added = await officer.post(`/api/v1/users/${gridA}/memberships`, {
      role: 'grid_worker',
      scope: world.gridB.code,
    });
    expect(added.status).toBe(201);
    expect(added.body.memberships).toHaveLength(2);
    expect(
      (await officer.post(`/api/v1/users/${gridA}/memberships`, { role: 'grid_worker', scope: world.gridB.code }))
        .status,
    ).toBe(409);
    const removed = await officer.request(
      'DELETE',
      `/api/v1/users/${gridA}/memberships/${added.body.memberships[1].id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.memberships).toHaveLength(1);
    const last = await officer.request(
      'DELETE',
      `/api/v1/users/${gridA}/memberships/${removed.body.memberships[0].id}`,
    );
    expect(last.body.error.code).toBe('USER_LAST_MEMBERSHIP');
    // The officer also volunteers in C1; dropping that is fine, dropping the officer role is not.
    const self = await idOf('officer');
    const withVolunteer = await officer.post(`/api/v1/users/${self}/memberships`, {
      role: 'volunteer',
      scope: world.c1.code,
    });
    const officerRole = withVolunteer.body.memberships.find((m: { role: string }) => m.role === 'street_officer');
    const lockout = await officer.request('DELETE', `/api/v1/users/${self}/memberships/${officerRole.id}`);
    expect(lockout.body.error.code).toBe('USER_SELF_LOCKOUT');
    // A community worker cannot touch a user who also holds a role outside their community.
    const worker = await new Session(ctx).login('worker1');
    await officer.post(`/api/v1/users/${gridA}/memberships`, { role: 'grid_worker', scope: world.gridC.code });
    expect((await worker.get(`/api/v1/users/${gridA}`)).status).toBe(404);
    expect((await worker.post(`/api/v1/users/${gridA}/disable`)).status).toBe(404);
  });

  it('imports staff from the template: every row or none, bad rows told in Chinese', async () => {
    const officer = await new Session(ctx).login('officer');
    const template = await officer.get('/api/v1/users/import-template.xlsx');
    expect(template.status).toBe(200);
    expect((await readXlsx(template.body))[0]).toEqual(['用户名', '姓名', '角色', '管辖范围编码', '初始密码']);
    const head = ['用户名', '姓名', '角色', '管辖范围编码', '初始密码'];
    const upload = async (rows: string[][]) =>
      officer.request(
        'POST',
        '/api/v1/users/import',
        multipart({ file: { bytes: await xlsxOf(head, rows), name: 'staff.xlsx', type: xlsxType } }),
      );
    const bad = await upload([
      ['wang.wu', '王五', '网格员', world.gridA.code, ''],
      ['bad name', '赵六', '网格员', world.gridA.code, ''],
      ['zhao.qi', '赵七', '系统管理员', world.street.code, ''],
      ['sun.ba', '孙八', '网格员', '610899002001', ''],
      ['worker1', '重名', '网格员', world.gridA.code, ''],
      ['qian.jiu', '钱九', '飞行员', world.gridA.code, 'abc'],
    ]);
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('IMPORT_HAS_ERRORS');
    const errors: { row: number; message: string }[] = bad.body.error.details.errors;
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(errors.find((e) => e.row === 4)!.message).toContain('不能在“城关街道”授予“系统管理员”');
    expect(errors.find((e) => e.row === 5)!.message).toContain('不在您的管辖范围内');
    expect(errors.find((e) => e.row === 6)!.message).toContain('已被占用');
    expect(errors.find((e) => e.row === 7)!.message).toContain('角色“飞行员”不存在');
    expect(
      await ctx.deps.db.selectFrom('users').select('id').where('username', '=', 'wang.wu').executeTakeFirst(),
    ).toBeUndefined();

    const good = await upload([
      ['wang.wu', '王五', '网格员', world.gridA.code, ''],
      ['wang.wu', '王五', '志愿者', world.c1.code, ''],
      ['zhao.liu', '赵六', '社区工作者', world.c2.code, 'Zhao2026ok'],
    ]);
    expect(good.status).toBe(201);
    expect(good.body.created).toEqual([
      { username: 'wang.wu', displayName: '王五', password: expect.stringMatching(/^.{10}$/) },
      { username: 'zhao.liu', displayName: '赵六', password: null },
    ]);
    const wang = await officer.get(`/api/v1/users?q=${encodeURIComponent('王五')}`);
    expect(wang.body.items[0].memberships.map((m: { role: string }) => m.role)).toEqual(['grid_worker', 'volunteer']);
    const zhao = new Session(ctx);
    const login = await zhao.request('POST', '/api/v1/auth/login', { username: 'zhao.liu', password: 'Zhao2026ok' });
    expect(login.body.mustChangePassword).toBe(true);
  });

  it('audits every change with before and after, never a password', async () => {
    const rows = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'before', 'after'])
      .where('action', 'like', 'user.%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'user.create',
      'user.disable',
      'user.enable',
      'user.resetPassword',
      'user.addMembership',
      'user.removeMembership',
      'user.import',
    ])
      expect(actions, a).toContain(a);
    const disable = rows.find((r) => r.action === 'user.disable')!;
    expect(disable.before).toEqual({ status: 'active' });
    expect(disable.after).toEqual({ status: 'disabled' });
    const text = JSON.stringify(rows);
    for (const secret of ['Start2026x', 'Initial2026', 'Zhao2026ok', 'argon2', 'password_hash', '"password"'])
      expect(text, secret).not.toContain(secret);
  });
});
