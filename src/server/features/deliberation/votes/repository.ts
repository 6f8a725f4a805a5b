import { sql } from 'kysely';
import type { VoteState } from '../../../../shared/decide.js';
import type { Executor } from '../../../platform/audit.js';
import { inScope, pathAbove, pathUnder, type Scope } from '../../../platform/scope.js';

// 表决's reads for the console, the phone and the public page. The kernel (platform/decide/votes.ts)
// writes ballots and rolls; this file only reads them, plus a draft's own fields and options.

/** A place a vote may be held over: a community, a grid or a building, with its community. */
export const findPlace = (db: Executor, code: string) =>
  db
    .selectFrom('places')
    .select(['id', 'path', 'kind', 'name', 'tenant_id'])
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();

export const communityAbove = (db: Executor, path: string) =>
  db
    .selectFrom('places')
    .select(['id', 'name', 'path', 'tenant_id'])
    .where('kind', '=', 'community')
    .where(pathAbove('places.path', path))
    .executeTakeFirst();

export const findCommunityByCode = (db: Executor, code: string) =>
  db
    .selectFrom('places')
    .select(['id', 'name'])
    .where('code', '=', code)
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .executeTakeFirst();

/** Ballots cast so far (the roll's voted_at): turnout only. */
const votedCount = sql<string>`(SELECT count(*) FROM vote_electors e WHERE e.vote_id = v.id AND e.voted_at IS NOT NULL)`;

const voteColumns = [
  'v.id',
  'v.tenant_id',
  'v.title',
  'v.description',
  'v.subject_kind',
  'v.method',
  'v.electorate',
  'v.secret',
  'v.state',
  'v.opens_at',
  'v.closes_at',
  'v.eligible_count',
  'v.result',
  'v.scope_path',
  'v.max_choices',
  'v.seats',
  'v.allow_phone',
  'v.allow_paper',
  'v.quorum_percent',
  'v.majority',
  'v.cancel_reason',
  'v.closed_at',
  'v.community_id',
  'p.code as place_code',
  'p.name as place_name',
  'c.name as community_name',
] as const;

const votesWithPlaces = (db: Executor) =>
  db
    .selectFrom('votes as v')
    .innerJoin('places as p', 'p.id', 'v.scope_place_id')
    .innerJoin('places as c', 'c.id', 'v.community_id');

export const listVotes = (
  db: Executor,
  scope: Scope,
  filter: { state?: VoteState | undefined; communityPath?: string | undefined },
) => {
  let q = votesWithPlaces(db)
    .select([...voteColumns, votedCount.as('voted')])
    .where(inScope('v.scope_path', scope));
  if (filter.state) q = q.where('v.state', '=', filter.state);
  if (filter.communityPath) q = q.where(pathUnder('v.scope_path', filter.communityPath));
  return q.orderBy('v.created_at', 'desc').limit(200).execute();
};

export const findVote = (db: Executor, id: string) =>
  votesWithPlaces(db)
    .select([...voteColumns, votedCount.as('voted')])
    .where('v.id', '=', id)
    .executeTakeFirst();

export const optionsOf = (db: Executor, voteIds: string[]) =>
  voteIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('vote_options')
        .select(['id', 'vote_id', 'position', 'label'])
        .where('vote_id', 'in', voteIds)
        .orderBy('vote_id')
        .orderBy('position')
        .execute();

/** The roll with who voted and how (never what): the resident's name (to be masked) and the room. */
export const rollOf = (db: Executor, voteId: string) =>
  db
    .selectFrom('vote_electors as e')
    .innerJoin('places as h', 'h.id', 'e.household_id')
    .leftJoin('residents as r', 'r.id', 'e.elector_id')
    .select(['e.elector_id', 'e.voted_at', 'e.channel', 'h.name as room', 'h.code as room_code', 'r.name'])
    .where('e.vote_id', '=', voteId)
    .orderBy('h.code')
    .orderBy('r.name')
    .execute();

/** The user's registry records and their households: what they stand for on any roll. */
export const householdsOf = (db: Executor, residentIds: string[]) =>
  residentIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('residents').select(['id', 'household_id']).where('id', 'in', residentIds).execute();

/** The votes whose roll holds one of these electors (not drafts), newest first. */
export const votesOfElectors = (db: Executor, electorIds: string[]) =>
  electorIds.length === 0
    ? Promise.resolve([])
    : votesWithPlaces(db)
        .innerJoin('vote_electors as e', 'e.vote_id', 'v.id')
        .select([...voteColumns, 'e.elector_id', 'e.voted_at', 'e.channel', 'e.voter_user_id', 'v.opened_at'])
        .where('e.elector_id', 'in', electorIds)
        .where('v.state', '!=', 'draft')
        .orderBy('v.opened_at', 'desc')
        .orderBy('e.elector_id')
        .limit(200)
        .execute();

/** The public page: open votes and those closed since `since`, of one community. */
export const publicVotes = (db: Executor, communityId: string, since: Date) =>
  db
    .selectFrom('votes as v')
    .select([
      'v.id',
      'v.title',
      'v.state',
      'v.closes_at',
      'v.closed_at',
      'v.eligible_count',
      'v.result',
      votedCount.as('voted'),
    ])
    .where('v.community_id', '=', communityId)
    .where((eb) =>
      eb.or([eb('v.state', '=', 'open'), eb.and([eb('v.state', '=', 'closed'), eb('v.closed_at', '>=', since)])]),
    )
    .orderBy('v.closes_at', 'desc')
    .limit(30)
    .execute();

export interface DraftFields {
  scope_place_id: string;
  scope_path: string;
  community_id: string;
  title: string;
  description: string;
  method: 'options' | 'yes_no_abstain';
  max_choices: number;
  seats: number;
  secret: boolean;
  electorate: 'residents' | 'households';
  allow_phone: boolean;
  allow_paper: boolean;
  quorum_percent: number;
  majority: 'simple' | 'absolute' | 'two_thirds';
  opens_at: Date | null;
  closes_at: Date;
}

export const updateDraft = (db: Executor, id: string, fields: DraftFields) =>
  db.updateTable('votes').set(fields).where('id', '=', id).where('state', '=', 'draft').executeTakeFirst();

export const deleteOptions = (db: Executor, voteId: string) =>
  db.deleteFrom('vote_options').where('vote_id', '=', voteId).execute();

export const insertOptions = (
  db: Executor,
  rows: { id: string; tenant_id: string; vote_id: string; position: number; label: string; ref_id: null }[],
) => db.insertInto('vote_options').values(rows).execute();

// ---- 居民议事数据: votes closed in the year with their turnout

export function voteNumbers(db: Executor, scope: Scope, under: string | null, from: Date, to: Date) {
  let query = db
    .selectFrom('votes as v')
    .innerJoin('places as c', 'c.id', 'v.community_id')
    .select([
      'v.id',
      'v.title',
      'v.closed_at',
      'v.eligible_count',
      'c.code as community_code',
      'c.name as community_name',
      votedCount.as('voted'),
    ])
    .where(inScope('v.scope_path', scope))
    .where('v.state', '=', 'closed')
    .where('v.closed_at', '>=', from)
    .where('v.closed_at', '<', to);
  if (under) query = query.where(pathUnder('v.scope_path', under));
  return query.orderBy('v.closed_at').orderBy('v.id').execute();
}
