import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../shared/roles.js';
import type { Actor, Membership } from '../../platform/policy.js';
import { assertMayGrant, grantZones, keepsUserManagement, mayGrant, mayManage } from './policy.js';

const county = '/61/6108/610899/';
const streetA = `${county}610899001/`;
const streetB = `${county}610899002/`;
const c1 = `${streetA}610899001001/`;
const gridA = `${c1}610899001001001/`;

const membership = (role: Role, path: string): Membership => ({
  role,
  scopeKind: 'place',
  scopeCode: path.split('/').filter(Boolean).at(-1)!,
  scopeName: path,
  path,
  departmentId: null,
});
const actor = (...memberships: Membership[]): Actor => ({
  kind: 'user',
  userId: 'u',
  username: 'u',
  displayName: 'u',
  tenantId: '610899',
  memberships,
  requestId: null,
  ip: null,
});
const grantable = (a: Actor, path: string) => roles.filter((r) => mayGrant(grantZones(a), r, path));

describe('who may grant which role where (users/policy.ts)', () => {
  it('an administrator grants every staff role in the county, not 居民', () => {
    expect(grantable(actor(membership('admin', county)), c1)).toEqual(roles.filter((r) => r !== 'resident'));
  });

  it('a street officer grants every role but 系统管理员, only in their street', () => {
    const officer = actor(membership('street_officer', streetA));
    expect(grantable(officer, c1)).toEqual(roles.filter((r) => r !== 'resident' && r !== 'admin'));
    expect(grantable(officer, `${streetB}610899002001/`)).toEqual([]);
  });

  it('a community worker grants only community workers, grid workers, volunteers, stewards, unit liaisons, canteen operators and supervisors in her community', () => {
    const worker = actor(membership('community_worker', c1));
    expect(grantable(worker, gridA)).toEqual([
      'community_worker',
      'grid_worker',
      'volunteer',
      'steward',
      'unit_liaison',
      'canteen_operator',
      'supervisor',
    ]);
    expect(grantable(worker, streetA)).toEqual([]);
    expect(() => assertMayGrant(grantZones(worker), 'street_officer', c1)).toThrowError(
      expect.objectContaining({ code: 'ROLE_NOT_GRANTABLE' }) as Error,
    );
    expect(() => assertMayGrant(grantZones(worker), 'grid_worker', streetA)).toThrowError(
      expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
    );
  });

  it('roles without users:manage grant nothing', () => {
    for (const role of ['grid_worker', 'mediator', 'volunteer'] as const)
      expect(grantZones(actor(membership(role, c1)))).toEqual([]);
  });

  it('manages a user only when every membership of theirs could have been granted', () => {
    const zones = grantZones(actor(membership('community_worker', c1)));
    expect(mayManage(zones, [{ role: 'grid_worker', path: gridA }])).toBe(true);
    expect(
      mayManage(zones, [
        { role: 'grid_worker', path: gridA },
        { role: 'grid_worker', path: streetB },
      ]),
    ).toBe(false);
    expect(mayManage(zones, [{ role: 'mediator', path: c1 }])).toBe(false);
    expect(mayManage(zones, [])).toBe(false);
  });

  it('tells whether what remains still manages users (no self-lockout)', () => {
    expect(keepsUserManagement([{ role: 'volunteer' }])).toBe(false);
    expect(keepsUserManagement([{ role: 'volunteer' }, { role: 'community_worker' }])).toBe(true);
  });
});
