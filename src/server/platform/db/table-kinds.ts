// Every table of the database in one of three kinds, for the day one PostgreSQL server is no longer
// enough and the tables are spread over a Citus cluster (docs/scale-out.md; issue 19).
// test/api/table-kinds.test.ts reads the migrated catalog and fails on a table missing here.
//
// - tenant: one county's data. Carries tenant_id (the county code), the distribution column: every
//   tenant table is distributed by it and co-located, so one county's rows sit on one node.
// - reference: data every county shares, replicated to every node. May point only at other
//   reference tables; a tenant table may point at one by its id alone.
// - platform: neither, each with the reason.
//
// Every tenant table has tenant_id NOT NULL (0052; 0054 gave the rows of no county NO_COUNTY), inside
// its primary key and every unique constraint, and on both sides of every foreign key between two
// tenant tables (0053, 0054), e.g. `PRIMARY KEY (id, tenant_id)` and `FOREIGN KEY (dispute_id,
// tenant_id) REFERENCES disputes (id, tenant_id)`: Citus's rule for co-located tables, and the database
// itself keeps a row in its parent's county. The test fails on a key that breaks the rule.
//
// Two reference tables hold rows of a county beside rows of none: the place tree (regions above the
// county) and the accounts (residents). Their names and codes are unique across the whole installation
// (a login is by username before any county is known), which a table distributed by county could not
// keep; they change seldom. Their tenant_id stays, may be null, and the tenant guard keeps a county to
// its own rows and those of none (`referenceTablesWithCounty`).

export type TableKind = 'tenant' | 'reference' | 'platform';

/**
 * The tenant of a row that belongs to no county (a resident's login in the audit trail, a photo sent
 * before its community is known, a login code in the SMS outbox): a county code no county has (GB/T 2260
 * codes begin at 11), so tenant_id is never null and always in the key (migration 0054).
 */
export const NO_COUNTY = '000000';

/** One county's data: distributed by tenant_id. */
export const tenantTables = [
  // places, people, organisations
  'grids',
  'grid_changes',
  'buildings',
  'households',
  'place_qr_codes',
  'spots',
  'residents',
  'resident_events',
  'party_members',
  'party_orgs',
  'party_org_units',
  'in_service_members',
  'organisations',
  'organisation_liaisons',
  'organisation_services',
  'departments',
  'memberships',
  'api_keys',
  'audit_log',
  'files',
  'sms_outbox',
  // cases and what follows them
  'cases',
  'case_events',
  'case_suggestions',
  'case_daily',
  'case_monthly',
  'case_state_counts',
  'business_hours',
  'dispatch_history',
  'dispatch_models',
  'dispatch_outcomes',
  'dispatch_settings',
  'duty_roster',
  'whistles',
  'whistle_events',
  'summonses',
  'duty_lists',
  'duty_items',
  'duty_tasks',
  'disputes',
  'dispute_parties',
  'dispute_events',
  'mediation_sessions',
  'legal_questions',
  'monthly_reports',
  'visit_logs',
  // notices
  'public_notices',
  'public_notice_events',
  'public_notice_reads',
  // services and the hall
  'service_categories',
  'service_items',
  'service_item_versions',
  'service_bundles',
  'service_bundle_classes',
  'service_bundle_items',
  'service_applications',
  'service_application_parts',
  'service_application_events',
  'service_appointments',
  'service_halls',
  'service_hall_windows',
  'service_hall_slots',
  'service_kiosks',
  'service_queue_tickets',
  'service_ticket_counters',
  // community life
  'assist_settings',
  'assist_teams',
  'assist_team_members',
  'assist_assignments',
  'assist_visits',
  'canteens',
  'canteen_operators',
  'canteen_dishes',
  'canteen_meals',
  'canteen_orders',
  'canteen_subsidy_rules',
  'community_rooms',
  'community_room_bookings',
  'community_room_targets',
  'community_wishes',
  'community_micro_actions',
  'community_micro_action_signups',
  'volunteers',
  'volunteer_teams',
  'volunteer_team_members',
  'volunteer_posts',
  'volunteer_activities',
  'activity_signups',
  'post_claims',
  'post_service_records',
  'points_rules',
  'points_accounts',
  'points_entries',
  'shop_goods',
  'shop_redemptions',
  'unit_agreements',
  'unit_entries',
  'steward_nominations',
  'steward_terms',
  'steward_checklists',
  'steward_checklist_ticks',
  'steward_evaluations',
  'steward_opinions',
  'steward_commendations',
  'honour_campaigns',
  'honour_criteria',
  'honour_nominations',
  'honour_objections',
  'honour_panel_members',
  'honour_score_sheets',
  // deliberation, votes, supervision
  'deliberation_settings',
  'deliberation_topics',
  'deliberation_topic_events',
  'deliberation_positions',
  'deliberation_seconds',
  'deliberation_meetings',
  'deliberation_meeting_parties',
  'deliberation_agenda_items',
  'deliberation_attendance',
  'deliberation_tasks',
  'votes',
  'vote_options',
  'vote_electors',
  'vote_ballots',
  'vote_marks',
  'supervision_terms',
  'supervision_candidates',
  'supervision_projects',
  'supervision_logs',
  'supervision_issues',
] as const;

/** Tenant tables some of whose rows belong to no county (tenant_id NO_COUNTY), and why. */
export const noCountyRows: Partial<Record<(typeof tenantTables)[number], string>> = {
  audit_log: 'logins, failed logins and phone-code requests of accounts without a county',
  files: 'photos sent with a public report before its community is known, and uploads of resident accounts',
  sms_outbox: 'login codes go to a phone before anyone knows its county',
};

/** Data every county shares: reference tables, replicated to every node. */
export const referenceTables = {
  places:
    'the one place tree, from the province down to the grid, by national division codes unique everywhere; ' +
    "a county's places carry its tenant_id, the regions above every county none",
  users:
    'every account, by a username unique across the installation (a login is checked before any county is ' +
    "known); staff carry their first membership's county, a resident's account made by a phone login none " +
    '(the same person may report in several)',
  case_categories: 'the national list of case categories and their deadlines, the same in every county',
  case_category_versions: "the categories' history: a case points at the version it was filed under",
  calendar_days: "the State Council's holidays and working weekends, for working-time deadlines",
  calendar_years: 'which years of the holiday calendar are confirmed',
  party_org_kinds: 'the kinds of party organisation (党委, 党总支, 党支部 …) and where each may sit',
  organisation_kinds: 'the kinds of organisation (property company, social organisation …)',
  resident_tags: 'the definitions of the care tags (独居老人, 低保 …); which resident has one is in residents',
} as const;

/** Neither one county's data nor shared lookups, each with why. */
export const platformTables = {
  kysely_migration: "the migrations applied: the database's own bookkeeping",
  kysely_migration_lock: 'the lock one process takes to migrate',
  sessions:
    'looked up by the cookie token before the county is known; in Citus distributed by its own id, not co-located',
  login_codes: "looked up by the phone's hash before anyone knows a county; distributed by phone_hash",
  rate_limits: 'counters keyed by IP address or account name, checked before a login knows its county',
  key_checks: 'proves the PII key at start-up: one row per deployment',
  leases: 'exclusive leases between app processes (nightly jobs), one per deployment',
  jobs:
    "the queue every worker claims from across counties (SKIP LOCKED by run_at); the payload names a county's " +
    'rows. In Citus a table of its own, distributed by id',
  system_counters:
    "deployment-wide counters: the day's tracking serial shared by every county, the grid and reference " +
    'versions every process polls; some names carry a county (dispute:<county>:<day>). Distributed by name',
} as const;

export type TenantTable = (typeof tenantTables)[number];

/** Reference tables with a tenant_id, null on rows of no county: the tenant guard keeps them too. */
export const referenceTablesWithCounty = ['places', 'users'] as const;

/** The kind of a table, or undefined when it is not classified (a new table must be added above). */
export function kindOf(table: string): TableKind | undefined {
  if ((tenantTables as readonly string[]).includes(table)) return 'tenant';
  if (Object.hasOwn(referenceTables, table)) return 'reference';
  if (Object.hasOwn(platformTables, table)) return 'platform';
  return undefined;
}
