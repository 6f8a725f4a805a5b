import { createHash } from 'node:crypto';
import { createQueryId, sql, type CompiledQuery, type Expression, type InferResult } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { PlaceKind } from '../../../shared/place-kinds.js';
import { isRole } from '../../../shared/roles.js';
import { cutText } from '../../../shared/text.js';
import type { Executor } from '../audit.js';
import { randomToken } from '../ids.js';
import type { Actor, Membership } from '../policy.js';
import { preparedStatement } from '../db/prepared.js';
import { pathUnderColumn } from '../scope.js';

export const SESSION_COOKIE = 'linli_session';
export const CSRF_COOKIE = 'linli_csrf';
export const CSRF_HEADER = 'x-csrf-token';

// Sessions live in the database (stateless app servers); only the sha256 of the token is stored.
const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Executor,
  input: { userId: string; ip: string | null; userAgent: string | null; now: Date; ttlHours: number },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent ? cutText(input.userAgent, 300) : null,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptToken?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) query = query.where('id', '<>', tokenId(exceptToken));
  await query.execute();
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  /** An administrator set this password: only changing it (or logging out) is allowed until then. */
  mustChangePassword: boolean;
}

/** The session's read: the session, its user, the user's memberships and teams. */
function sessionQuery(db: Executor, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.tenant_id',
      'users.status',
      'users.must_change_password',
    ])
    .select((eb) => [
      jsonArrayFrom(membershipsQuery(db, eb.ref('users.id'))).as('memberships'),
      jsonArrayFrom(teamsQuery(db, eb.ref('users.id'))).as('teams'),
    ])
    .where('sessions.id', '=', id)
    .modifyFront(preparedStatement);
}

// Every request reads its session with the same statement: it is built and compiled once (issue 19:
// building it with the query builder was a tenth of a light request's time), then only the session's
// id changes among its parameters.
const SESSION_ID_SLOT = 'session-id-slot';
let compiledSession: { query: CompiledQuery<SessionRow>; slot: number } | null = null;
type SessionRow = InferResult<ReturnType<typeof sessionQuery>>[number];

function sessionRead(db: Executor, id: string): CompiledQuery<SessionRow> {
  if (!compiledSession) {
    const query = sessionQuery(db, SESSION_ID_SLOT).compile();
    const slot = query.parameters.indexOf(SESSION_ID_SLOT);
    if (slot < 0 || query.parameters.lastIndexOf(SESSION_ID_SLOT) !== slot)
      throw new Error('the session read must take the session id as exactly one parameter');
    compiledSession = { query, slot };
  }
  const { query, slot } = compiledSession;
  return {
    ...query,
    queryId: createQueryId(),
    parameters: query.parameters.map((value, i) => (i === slot ? id : value)),
  };
}

/**
 * The actor behind a session token, or null when the session is unknown, expired or the user disabled.
 * One round trip: the session, its user, the user's memberships and teams (issue 19: the four
 * queries one after another were most of a light request's time under load).
 */
export async function loadSession(
  db: Executor,
  token: string,
  meta: { now: Date; requestId: string | null; ip: string | null },
): Promise<LoadedSession | null> {
  const { rows } = await db.executeQuery(sessionRead(db, tokenId(token)));
  const row = rows[0];
  if (!row || row.status !== 'active' || new Date(row.expires_at) <= meta.now) return null;
  // Touch at most once a minute to keep writes off the hot path.
  if (meta.now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: meta.now }).where('id', '=', row.session_id).execute();
  }
  return {
    actor: {
      kind: 'user',
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      tenantId: row.tenant_id,
      memberships: toMemberships(row.memberships),
      teamIds: row.teams.map((t) => t.id),
      requestId: meta.requestId,
      ip: meta.ip,
    },
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    mustChangePassword: row.must_change_password,
  };
}

/** A user's memberships with their place or department, oldest first (a subquery of loadSession too). */
function membershipsQuery(db: Executor, userId: string | Expression<string>) {
  return (
    db
      .selectFrom('memberships as m')
      .leftJoin('places as p', 'p.id', 'm.place_id')
      .leftJoin('departments as d', 'd.id', 'm.department_id')
      .leftJoin('places as county', (join) => join.onRef('county.code', '=', 'd.tenant_id'))
      // A street office (街道司法所, 派出所 …) reaches its street; a county department the county.
      .leftJoin('places as street', (join) => join.onRef('street.code', '=', 'd.street_code'))
      .select([
        'm.role',
        'p.code as place_code',
        'p.name as place_name',
        'p.path as place_path',
        'p.kind as place_kind',
        'd.id as department_id',
        'd.code as department_code',
        'd.name as department_name',
        'county.path as county_path',
        'street.path as street_path',
      ])
      .where('m.user_id', '=', userId)
      .orderBy(sql`m.created_at`)
  );
}

export async function loadMemberships(db: Executor, userId: string): Promise<Membership[]> {
  return toMemberships(await membershipsQuery(db, userId).execute());
}

type MembershipRow = {
  role: string;
  place_code: string | null;
  place_name: string | null;
  place_path: string | null;
  place_kind: PlaceKind | null;
  department_id: string | null;
  department_code: string | null;
  department_name: string | null;
  county_path: string | null;
  street_path: string | null;
};

function toMemberships(rows: MembershipRow[]): Membership[] {
  return rows.flatMap((r): Membership[] => {
    if (!isRole(r.role)) return [];
    if (r.place_code && r.place_path) {
      return [
        {
          role: r.role,
          scopeKind: 'place',
          scopeCode: r.place_code,
          scopeName: r.place_name ?? '',
          path: r.place_path,
          placeKind: r.place_kind,
          departmentId: null,
        },
      ];
    }
    if (r.department_code && r.county_path) {
      return [
        {
          role: r.role,
          scopeKind: 'department',
          scopeCode: r.department_code,
          scopeName: r.department_name ?? '',
          path: r.street_path ?? r.county_path,
          departmentId: r.department_id,
        },
      ];
    }
    return [];
  });
}

/**
 * The volunteer teams (志愿服务队) a user leads or belongs to: they work the cases sent to the team.
 * Only while the user still holds a volunteer account in the team's community or street (the rule
 * a team's people are chosen by): a volunteer role taken away ends the team's cases for them too.
 */
export async function loadTeamIds(db: Executor, userId: string): Promise<string[]> {
  return (await teamsQuery(db, userId).execute()).map((r) => r.id);
}

/** The teams a user leads or belongs to, while holding a volunteer account in its community or street. */
function teamsQuery(db: Executor, userId: string | Expression<string>) {
  return db
    .selectFrom('volunteer_teams as t')
    .innerJoin('places as tp', 'tp.id', 't.place_id')
    .select('t.id')
    .where((eb) =>
      eb.or([
        eb('t.leader_user_id', '=', userId),
        eb('t.id', 'in', eb.selectFrom('volunteer_team_members').select('team_id').where('user_id', '=', userId)),
      ]),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .innerJoin('places as mp', 'mp.id', 'm.place_id')
          .select('m.id')
          .where('m.user_id', '=', userId)
          .where('m.role', '=', 'volunteer')
          .where(sql<boolean>`(${pathUnderColumn('mp.path', 'tp.path')} OR ${pathUnderColumn('tp.path', 'mp.path')})`),
      ),
    )
    .orderBy('t.id');
}
