import { roleLabels, type Role } from '../../../shared/roles.js';
import { recordAudit } from '../../platform/audit.js';
import { hashPassword, isStrongPassword } from '../../platform/auth/passwords.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { insertStaffUser, membershipScope, type MembershipScope } from '../account/index.js';
import type { RowProblem, StaffRow, StaffSheet } from './excel.js';
import { makePassword } from './passwords.js';
import { assertMayGrant, assertMayManageUsers, grantZones, type GrantZone, withinZones } from './policy.js';
import * as repo from './repository.js';
import type { UsersDeps } from './deps.js';

// 人员账号导入: every row is checked first (format, taken usernames, places in scope, roles the
// importer may grant); one bad row and nothing is imported, every bad row told in Chinese.

interface StaffUser {
  username: string;
  displayName: string;
  password: string | null;
  memberships: { role: Role; scope: MembershipScope }[];
}

const label = (role: Role) => roleLabels[role]['zh-CN'];

/** The row's place or department in the importer's zones, or what is wrong with it. */
async function grantOf(deps: UsersDeps, zones: GrantZone[], row: StaffRow): Promise<MembershipScope | string> {
  let scope: MembershipScope;
  try {
    // Beyond the importer's zones a code reads as unknown, whatever its kind (codes cannot be probed).
    scope = await membershipScope(deps.db, row.scope, row.role, (path) => withinZones(zones, path));
  } catch (error) {
    if (error instanceof AppError && (error.details as { reason?: string } | undefined)?.reason)
      return `“${label(row.role)}”须填写${row.role.startsWith('department_') ? '部门编码' : '社区、街道或网格的编码'}`;
    return `管辖范围编码 ${row.scope} 不存在或不在您的管辖范围内`;
  }
  try {
    assertMayGrant(zones, row.role, scope.path);
  } catch (error) {
    if (error instanceof AppError && error.code === 'ROLE_NOT_GRANTABLE')
      return `您不能在“${scope.name}”授予“${label(row.role)}”角色`;
    return `管辖范围编码 ${row.scope} 不存在或不在您的管辖范围内`;
  }
  return scope;
}

/** What is wrong with a row beside the rows before it (repeats, a name or password that differs). */
function againstEarlier(
  row: StaffRow,
  user: StaffUser | undefined,
  firstRow: number | undefined,
  seen: number | undefined,
) {
  const problems: string[] = [];
  if (seen !== undefined) problems.push(`与第 ${seen} 行重复`);
  if (row.password !== null && !isStrongPassword(row.password)) problems.push('初始密码至少 8 位，且须包含字母和数字');
  if (user && user.displayName !== row.displayName)
    problems.push(`用户名 ${row.username} 在第 ${firstRow} 行的姓名不同`);
  if (user && row.password !== null && user.password !== null && user.password !== row.password)
    problems.push(`用户名 ${row.username} 的初始密码与前面的行不同`);
  return problems;
}

/** Groups the rows by username and checks them all; the users to make, or every problem found. */
async function check(deps: UsersDeps, zones: GrantZone[], rows: StaffRow[]) {
  const problems: RowProblem[] = [];
  const users = new Map<string, StaffUser>();
  const firstRow = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.username}\u0000${row.role}\u0000${row.scope}`;
    const user = users.get(row.username);
    for (const message of againstEarlier(row, user, firstRow.get(row.username), seen.get(key)))
      problems.push({ row: row.row, message });
    seen.set(key, row.row);
    const grant = await grantOf(deps, zones, row);
    if (typeof grant === 'string') problems.push({ row: row.row, message: grant });
    const target = user ?? { username: row.username, displayName: row.displayName, password: null, memberships: [] };
    target.password ??= row.password;
    if (typeof grant !== 'string') target.memberships.push({ role: row.role, scope: grant });
    if (!user) {
      users.set(row.username, target);
      firstRow.set(row.username, row.row);
    }
  }
  for (const taken of await repo.takenUsernames(deps.db, [...users.keys()]))
    problems.push({ row: firstRow.get(taken)!, message: `用户名 ${taken} 已被占用` });
  return { users: [...users.values()], problems };
}

export async function importStaff(deps: UsersDeps, actor: Actor, sheet: StaffSheet) {
  assertMayManageUsers(actor);
  const zones = grantZones(actor);
  const { users, problems: found } = await check(deps, zones, sheet.rows);
  const problems = [...sheet.problems, ...found].sort((a, b) => a.row - b.row);
  if (problems.length) throw new AppError('IMPORT_HAS_ERRORS', { errors: problems });
  const made: { user: StaffUser; password: string; passwordHash: string }[] = [];
  for (const u of users) {
    const password = u.password ?? makePassword();
    made.push({ user: u, password, passwordHash: await hashPassword(password) });
  }
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    // A username taken meanwhile fails the insert (CONFLICT) and the whole import with it.
    for (const m of made)
      await insertStaffUser(
        trx,
        actor,
        {
          username: m.user.username,
          displayName: m.user.displayName,
          passwordHash: m.passwordHash,
          mustChangePassword: true,
          memberships: m.user.memberships,
        },
        now,
      );
    await recordAudit(
      trx,
      actor,
      {
        action: 'user.import',
        entityType: 'user',
        entityId: null,
        after: { count: made.length, usernames: made.map((m) => m.user.username) },
      },
      now,
    );
    return {
      created: made.map((m) => ({
        username: m.user.username,
        displayName: m.user.displayName,
        password: m.user.password === null ? m.password : null,
      })),
    };
  });
}
