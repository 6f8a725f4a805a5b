import { Kysely, PostgresAdapter, DummyDriver, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from './db/schema.js';
import type { Actor, Membership } from './policy.js';
import { inScope, pathAbove, pathUnderAny, reaches, scopeOf } from './scope.js';

// Compiles only: the SQL the helpers produce, without a database.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const place = (role: Membership['role'], path: string): Membership => ({
  role,
  scopeKind: 'place',
  scopeCode: path,
  scopeName: path,
  path,
  departmentId: null,
});
const actor = (...memberships: Membership[]): Actor => ({
  kind: 'user',
  userId: 'u1',
  username: 'u',
  displayName: 'u',
  tenantId: '610899',
  memberships,
  requestId: null,
  ip: null,
});
const a = '/61/6108/610899/610899001/610899001001/';
const b = '/61/6108/610899/610899001/610899001002/';

describe('scope', () => {
  it('keeps every membership that grants the permission, not only the first', () => {
    const scope = scopeOf(actor(place('community_worker', a), place('community_worker', b)), 'cases:read');
    expect(scope.paths).toEqual([a, b]);
    const { sql, parameters } = db
      .selectFrom('cases as c')
      .select('c.id')
      .where(inScope('c.place_path', scope))
      .compile();
    expect(sql).toBe(
      'select "c"."id" from "cases" as "c" where ("c"."place_path" LIKE $1 OR "c"."place_path" LIKE $2)',
    );
    expect(parameters).toEqual([`${a}%`, `${b}%`]);
  });

  it('an actor without the permission sees nothing; the system actor everything', () => {
    const none = scopeOf(actor(place('volunteer', a)), 'cases:read');
    expect(db.selectFrom('cases').select('id').where(inScope('place_path', none)).compile().sql).toContain(
      'where false',
    );
    const system = scopeOf({ ...actor(), kind: 'system' }, 'cases:read');
    expect(db.selectFrom('cases').select('id').where(inScope('place_path', system)).compile().sql).toContain(
      'where true',
    );
  });

  it('escapes LIKE wildcards in paths', () => {
    const { parameters } = db
      .selectFrom('places')
      .select('id')
      .where(pathUnderAny('path', ['/6_1%/']))
      .compile();
    expect(parameters).toEqual(['/6\\_1\\%/%']);
  });

  it('a street is reached from its communities below and from the county above, not from a sibling street', () => {
    const street = '/61/6108/610899/610899001/';
    expect(reaches(scopeOf(actor(place('community_worker', a)), 'duties:read'), street)).toBe(true);
    expect(reaches(scopeOf(actor(place('admin', '/61/6108/610899/')), 'duties:read'), street)).toBe(true);
    expect(reaches(scopeOf(actor(place('street_officer', '/61/6108/610899/610899002/')), 'duties:read'), street)).toBe(
      false,
    );
  });

  it('finds the places above a path (ancestors and itself) with the path as the pattern', () => {
    const { sql, parameters } = db.selectFrom('places as p').select('p.id').where(pathAbove('p.path', a)).compile();
    expect(sql).toBe('select "p"."id" from "places" as "p" where $1 LIKE "p"."path" || \'%\'');
    expect(parameters).toEqual([a]);
  });
});
