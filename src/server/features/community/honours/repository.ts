import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  HonourCampaignsTable,
  HonourCriteriaTable,
  HonourNominationsTable,
  HonourObjectionsTable,
} from '../../../platform/db/schema-honours.js';
import { inScope, pathAbove, pathUnder, pathUnderColumn, type Scope } from '../../../platform/scope.js';

// Queries only, for 文明户评选: campaigns and criteria, nominations with their households and names,
// the panel and score sheets, objections, the registry's star history and the public notice.

// ---- places and people

/** An active place by code (the campaign's community or street, or a household). */
export function findPlace(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'kind', 'path', 'tenant_id'])
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The community a place lies in. */
export function communityAbove(db: Executor, path: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path'])
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .where(pathAbove('places.path', path))
    .executeTakeFirst();
}

/** A registry resident (active) with the household they live in. */
export function findResident(db: Executor, id: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.tenant_id', 'h.id as household_id', 'h.path as household_path'])
    .where('r.id', '=', id)
    .where('r.status', '=', 'active')
    .where('h.status', '=', 'active')
    .executeTakeFirst();
}

/** The households under a place with their building, unit and room, and their active residents. */
export function householdsUnder(db: Executor, path: string) {
  return db
    .selectFrom('places as h')
    .innerJoin('households as hh', 'hh.place_id', 'h.id')
    .innerJoin('places as b', (j) => j.on('b.kind', '=', 'building').on(pathUnderColumn('h.path', 'b.path')))
    .leftJoin('places as u', (j) => j.on('u.kind', '=', 'unit').on(pathUnderColumn('h.path', 'u.path')))
    .select([
      'h.id',
      'h.code',
      'h.path',
      'hh.room',
      'b.name as building_name',
      'b.path as building_path',
      'u.name as unit_name',
    ])
    .where('h.kind', '=', 'household')
    .where('h.status', '=', 'active')
    .where(pathUnder('h.path', path))
    .orderBy('b.path')
    .orderBy('h.path')
    .limit(2000)
    .execute();
}

export function residentsUnder(db: Executor, path: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.household_id', 'r.relation'])
    .where('r.status', '=', 'active')
    .where(pathUnder('h.path', path))
    .orderBy('r.created_at')
    .limit(5000)
    .execute();
}

export function userName(db: Executor, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'status']).where('id', '=', id).executeTakeFirst();
}

/** Who may sit on a panel: users with a place membership at, above or under the campaign's place (staff, stewards). */
export function panelCandidates(db: Executor, path: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.role'])
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([pathUnder('p.path', path), pathAbove('p.path', path)]))
    .orderBy('u.display_name')
    .limit(500)
    .execute();
}

// ---- campaigns

export const insertCampaign = (db: Executor, row: Insertable<HonourCampaignsTable>) =>
  db.insertInto('honour_campaigns').values(row).execute();

export const updateCampaign = (db: Executor, id: string, set: Updateable<HonourCampaignsTable>) =>
  db.updateTable('honour_campaigns').set(set).where('id', '=', id).execute();

const campaignColumns = [
  'k.id',
  'k.tenant_id',
  'k.place_id',
  'k.place_path',
  'k.kind',
  'k.year',
  'k.title',
  'k.description',
  'k.state',
  'k.star_bands',
  'k.objection_ends_on',
  'k.publish_note',
  'k.cancel_reason',
  'k.created_at',
  'k.published_at',
  'p.name as place_name',
  'p.code as place_code',
] as const;

export function findCampaign(db: Executor, id: string) {
  return db
    .selectFrom('honour_campaigns as k')
    .innerJoin('places as p', 'p.id', 'k.place_id')
    .select(campaignColumns)
    .where('k.id', '=', id)
    .executeTakeFirst();
}

export function lockCampaign(db: Executor, id: string) {
  return db.selectFrom('honour_campaigns').select(['id', 'state']).where('id', '=', id).forUpdate().executeTakeFirst();
}

function campaignRows(db: Executor) {
  return db
    .selectFrom('honour_campaigns as k')
    .innerJoin('places as p', 'p.id', 'k.place_id')
    .select(campaignColumns)
    .select((eb) => [
      eb
        .selectFrom('honour_nominations as n')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('n.campaign_id', '=', 'k.id')
        .where('n.state', '=', 'nominated')
        .as('nominations'),
      eb
        .selectFrom('honour_nominations as n')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('n.campaign_id', '=', 'k.id')
        .where('n.shortlisted', '=', true)
        .as('shortlisted'),
    ]);
}

/** Campaigns in the staff's scope (under one place when named). */
export function listCampaigns(db: Executor, scope: Scope, under: string | null, year: number | null) {
  let query = campaignRows(db).where(inScope('k.place_path', scope));
  if (under) query = query.where(pathUnder('k.place_path', under));
  if (year) query = query.where('k.year', '=', year);
  return query.orderBy('k.year', 'desc').orderBy('k.created_at', 'desc').limit(500).execute();
}

/** Campaigns that reach a resident's homes: the campaign's place holds one of the paths. */
export function campaignsAbove(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return campaignRows(db)
    .where((eb) => eb.or(paths.map((p) => pathAbove('k.place_path', p))))
    .where('k.state', '<>', 'cancelled')
    .orderBy('k.year', 'desc')
    .orderBy('k.created_at', 'desc')
    .limit(100)
    .execute();
}

// ---- criteria

export const criteriaOf = (db: Executor, campaignId: string) =>
  db
    .selectFrom('honour_criteria')
    .select(['id', 'name', 'max_points', 'description'])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute();

export const insertCriteria = (db: Executor, rows: Insertable<HonourCriteriaTable>[]) =>
  db.insertInto('honour_criteria').values(rows).execute();

export const deleteCriteria = (db: Executor, campaignId: string) =>
  db.deleteFrom('honour_criteria').where('campaign_id', '=', campaignId).execute();

// ---- nominations

const nominationQuery = (db: Executor) =>
  db
    .selectFrom('honour_nominations as n')
    .innerJoin('places as h', 'h.id', 'n.household_id')
    .innerJoin('households as hh', 'hh.place_id', 'h.id')
    .innerJoin('places as b', (j) => j.on('b.kind', '=', 'building').on(pathUnderColumn('h.path', 'b.path')))
    .leftJoin('places as u', (j) => j.on('u.kind', '=', 'unit').on(pathUnderColumn('h.path', 'u.path')))
    .leftJoin('residents as r', 'r.id', 'n.resident_id')
    .innerJoin('users as nb', 'nb.id', 'n.nominated_by')
    .select((eb) => [
      'n.id',
      'n.campaign_id',
      'n.household_id',
      'n.household_path',
      'n.resident_id',
      'n.kind',
      'n.reason',
      'n.nominated_by',
      'n.created_at',
      'n.state',
      'n.reject_reason',
      'n.shortlisted',
      'n.stars',
      'n.result',
      'n.result_note',
      'hh.room',
      'b.name as building_name',
      'u.name as unit_name',
      'r.name as resident_name',
      'nb.display_name as nominator_name',
      eb
        .selectFrom('residents as head')
        .select('head.name')
        .whereRef('head.household_id', '=', 'n.household_id')
        .where('head.status', '=', 'active')
        .orderBy(sql`CASE WHEN head.relation = 'head' THEN 0 ELSE 1 END`)
        .orderBy('head.created_at')
        .limit(1)
        .as('head_name'),
      eb
        .selectFrom('honour_score_sheets as s')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('s.nomination_id', '=', 'n.id')
        .as('sheets'),
      eb
        .selectFrom('honour_score_sheets as s')
        .select(sql<string | null>`avg(s.total)`.as('a'))
        .whereRef('s.nomination_id', '=', 'n.id')
        .as('average'),
    ]);

export const nominationsOf = (db: Executor, campaignId: string) =>
  nominationQuery(db).where('n.campaign_id', '=', campaignId).orderBy('n.created_at').limit(2000).execute();

export const findNomination = (db: Executor, id: string) =>
  nominationQuery(db).where('n.id', '=', id).executeTakeFirst();

export const insertNomination = (db: Executor, row: Insertable<HonourNominationsTable>) =>
  db.insertInto('honour_nominations').values(row).execute();

export const updateNomination = (db: Executor, id: string, set: Updateable<HonourNominationsTable>) =>
  db.updateTable('honour_nominations').set(set).where('id', '=', id).execute();

export const nomineeTaken = (db: Executor, campaignId: string, key: string) =>
  db
    .selectFrom('honour_nominations')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('nominee_key', '=', key)
    .executeTakeFirst();

// ---- panel and sheets

export const panelOf = (db: Executor, campaignId: string) =>
  db
    .selectFrom('honour_panel_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.campaign_id', '=', campaignId)
    .orderBy('m.added_at')
    .execute();

export const addPanelMember = (
  db: Executor,
  campaign: { id: string; tenantId: string },
  userId: string,
  by: string,
  at: Date,
) =>
  db
    .insertInto('honour_panel_members')
    .values({ tenant_id: campaign.tenantId, campaign_id: campaign.id, user_id: userId, added_by: by, added_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const removePanelMember = (db: Executor, campaignId: string, userId: string) =>
  db.deleteFrom('honour_panel_members').where('campaign_id', '=', campaignId).where('user_id', '=', userId).execute();

export function sheetsOf(db: Executor, campaignId: string, memberUserId: string | null) {
  let query = db
    .selectFrom('honour_score_sheets')
    .select(['nomination_id', 'member_user_id', 'points', 'total'])
    .where('campaign_id', '=', campaignId);
  if (memberUserId) query = query.where('member_user_id', '=', memberUserId);
  return query.orderBy('nomination_id').orderBy('member_user_id').execute();
}

export const upsertSheet = (
  db: Executor,
  row: {
    tenant_id: string;
    nomination_id: string;
    member_user_id: string;
    campaign_id: string;
    points: string;
    total: number;
    updated_at: Date;
  },
) =>
  db
    .insertInto('honour_score_sheets')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['nomination_id', 'member_user_id', 'tenant_id']).doUpdateSet({
        points: row.points,
        total: row.total,
        updated_at: row.updated_at,
      }),
    )
    .execute();

// ---- objections

export const objectionsOf = (db: Executor, campaignId: string) =>
  db
    .selectFrom('honour_objections as o')
    .innerJoin('users as u', 'u.id', 'o.lodged_by')
    .select([
      'o.id',
      'o.nomination_id',
      'o.body',
      'o.lodged_by',
      'o.lodged_at',
      'o.answer',
      'o.answered_at',
      'u.display_name as lodger_name',
    ])
    .where('o.campaign_id', '=', campaignId)
    .orderBy('o.lodged_at')
    .limit(1000)
    .execute();

export const insertObjection = (db: Executor, row: Insertable<HonourObjectionsTable>) =>
  db.insertInto('honour_objections').values(row).execute();

export const findObjection = (db: Executor, id: string) =>
  db.selectFrom('honour_objections').select(['id', 'campaign_id', 'answer']).where('id', '=', id).executeTakeFirst();

export const answerObjection = (db: Executor, id: string, answer: string, by: string, at: Date) =>
  db.updateTable('honour_objections').set({ answer, answered_by: by, answered_at: at }).where('id', '=', id).execute();

// ---- registry and public

/** A household's honours from published campaigns, newest first. */
export const honoursOfHousehold = (db: Executor, householdId: string) =>
  db
    .selectFrom('honour_nominations as n')
    .innerJoin('honour_campaigns as k', 'k.id', 'n.campaign_id')
    .select(['k.id', 'k.kind', 'k.year', 'k.title', 'n.stars', 'k.published_at'])
    .where('n.household_id', '=', householdId)
    .where('n.resident_id', 'is', null)
    .where('n.result', '=', 'honoured')
    .where('k.state', '=', 'published')
    .orderBy('k.year', 'desc')
    .orderBy('k.published_at', 'desc')
    .execute();

/** Campaigns on public notice or published that reach the community (its own or its street's). */
export const publicCampaigns = (db: Executor, communityPath: string) =>
  db
    .selectFrom('honour_campaigns as k')
    .select(['k.id', 'k.kind', 'k.year', 'k.title', 'k.state', 'k.objection_ends_on'])
    .where('k.state', 'in', ['publicising', 'published'])
    .where(pathAbove('k.place_path', communityPath))
    .orderBy('k.year', 'desc')
    .orderBy('k.created_at', 'desc')
    .limit(20)
    .execute();

// ---- 居民议事数据: the year's campaigns of a community and the households they honoured

export function honourNumbers(db: Executor, scope: Scope, under: string | null, year: number) {
  let query = db
    .selectFrom('honour_campaigns as k')
    .innerJoin('places as c', 'c.id', 'k.place_id')
    .select([
      'c.code as community_code',
      'c.name as community_name',
      sql<string>`count(*) filter (where k.state <> 'cancelled')`.as('campaigns'),
      sql<string>`(select count(distinct n.household_id) from honour_nominations n join honour_campaigns k2 on k2.id = n.campaign_id
        where k2.place_id = c.id and k2.year = ${year} and k2.state = 'published' and n.result = 'honoured')`.as(
        'households',
      ),
    ])
    .where('c.kind', '=', 'community')
    .where('k.year', '=', year)
    .where(inScope('k.place_path', scope));
  if (under) query = query.where(pathUnder('k.place_path', under));
  return query.groupBy(['c.id', 'c.code', 'c.name']).execute();
}
