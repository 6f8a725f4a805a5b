import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  assertInScope,
  can,
  departmentsWith,
  placeScopePaths,
  scopePaths,
  type Actor,
  type Membership,
} from './policy.js';

const membership = (role: Membership['role'], path: string): Membership => ({
  role,
  scopeKind: 'place',
  scopeCode: path,
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
const gridA = '/61/6108/610899/610899001/610899001001/610899001001001/';
const gridB = '/61/6108/610899/610899001/610899001001/610899001001002/';

describe('policy', () => {
  it('a grid worker holds households:read in their grid only', () => {
    const worker = actor(membership('grid_worker', gridA));
    expect(can(worker, 'households:read', gridA + 'b1/')).toBe(true);
    expect(can(worker, 'households:read', gridB + 'b1/')).toBe(false);
    expect(can(worker, 'grids:write', gridA)).toBe(false);
  });

  it('out of scope reads as NOT_FOUND, a missing permission as FORBIDDEN', () => {
    const worker = actor(membership('grid_worker', gridA));
    expect(() => assertInScope(worker, 'households:read', gridB)).toThrowError(
      expect.objectContaining({ code: 'NOT_FOUND' }) as AppError,
    );
    expect(() => assertInScope(worker, 'users:manage', gridA)).toThrowError(
      expect.objectContaining({ code: 'FORBIDDEN' }) as AppError,
    );
  });

  it('keeps only the widest of nested scopes', () => {
    const officer = actor(
      membership('grid_worker', gridA),
      membership('community_worker', '/61/6108/610899/610899001/610899001001/'),
    );
    expect(scopePaths(officer, 'households:read')).toEqual(['/61/6108/610899/610899001/610899001001/']);
  });

  it('a department membership reaches its county for places, but is no place scope of its own', () => {
    const county = '/61/6108/610899/';
    const receiver: Membership = {
      role: 'department_receiver',
      scopeKind: 'department',
      scopeCode: 'D61089901',
      scopeName: '城关司法所',
      path: county,
      departmentId: 'd1',
    };
    const both = actor(receiver, membership('community_worker', '/61/6108/610899/610899001/610899001001/'));
    expect(scopePaths(both, 'duties:read')).toEqual([county]);
    expect(placeScopePaths(both, 'duties:read')).toEqual(['/61/6108/610899/610899001/610899001001/']);
    expect(departmentsWith(both, 'duties:assign')).toEqual(['d1']);
    expect(departmentsWith(both, 'cases:dispatch')).toEqual([]);
  });
});
