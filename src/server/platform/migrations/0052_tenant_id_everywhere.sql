-- Every table that holds one county's data carries tenant_id, the distribution column when scaled out
-- (issue 19; the kinds of table are in platform/db/table-kinds.ts). These eleven had it only through
-- their parent row: each gets the parent's tenant_id, then NOT NULL. Primary keys, unique constraints
-- and foreign keys do not include tenant_id yet; that is the next step (table-kinds.ts).
-- No index on these columns: every query reaches these rows through the parent's id, which is indexed.

-- A membership's county is its place's or its department's. A membership above the county (a province
-- or a city) holds no county's data: the service refuses it, and this backfill stops on one, naming
-- the accounts to change first.
ALTER TABLE memberships ADD COLUMN tenant_id text;
UPDATE memberships m SET tenant_id = coalesce(
  (SELECT p.tenant_id FROM places p WHERE p.id = m.place_id),
  (SELECT d.tenant_id FROM departments d WHERE d.id = m.department_id));
DO $$
DECLARE above text;
BEGIN
  SELECT string_agg(DISTINCT u.username || ' (' || p.name || ')', ', ') INTO above
    FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN places p ON p.id = m.place_id
    WHERE m.tenant_id IS NULL;
  IF above IS NOT NULL THEN
    RAISE EXCEPTION 'Memberships above a county cannot be kept: %. Before upgrading, give these users a county, street or community scope in 用户管理 or remove those memberships. 县级以上范围的岗位无法保留：升级前请在用户管理中改为县、街道或社区范围，或删除这些岗位。', above;
  END IF;
END $$;
ALTER TABLE memberships ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE duty_items ADD COLUMN tenant_id text;
UPDATE duty_items i SET tenant_id = l.tenant_id FROM duty_lists l WHERE l.id = i.list_id;
ALTER TABLE duty_items ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE dispute_parties ADD COLUMN tenant_id text;
UPDATE dispute_parties x SET tenant_id = d.tenant_id FROM disputes d WHERE d.id = x.dispute_id;
ALTER TABLE dispute_parties ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE mediation_sessions ADD COLUMN tenant_id text;
UPDATE mediation_sessions x SET tenant_id = d.tenant_id FROM disputes d WHERE d.id = x.dispute_id;
ALTER TABLE mediation_sessions ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE dispute_events ADD COLUMN tenant_id text;
UPDATE dispute_events x SET tenant_id = d.tenant_id FROM disputes d WHERE d.id = x.dispute_id;
ALTER TABLE dispute_events ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE service_ticket_counters ADD COLUMN tenant_id text;
UPDATE service_ticket_counters c SET tenant_id = h.tenant_id FROM service_halls h WHERE h.id = c.hall_id;
ALTER TABLE service_ticket_counters ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE steward_checklist_ticks ADD COLUMN tenant_id text;
UPDATE steward_checklist_ticks t SET tenant_id = c.tenant_id FROM steward_checklists c WHERE c.id = t.checklist_id;
ALTER TABLE steward_checklist_ticks ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE vote_marks ADD COLUMN tenant_id text;
UPDATE vote_marks m SET tenant_id = b.tenant_id FROM vote_ballots b WHERE b.id = m.ballot_id;
ALTER TABLE vote_marks ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE honour_criteria ADD COLUMN tenant_id text;
UPDATE honour_criteria x SET tenant_id = c.tenant_id FROM honour_campaigns c WHERE c.id = x.campaign_id;
ALTER TABLE honour_criteria ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE honour_panel_members ADD COLUMN tenant_id text;
UPDATE honour_panel_members x SET tenant_id = c.tenant_id FROM honour_campaigns c WHERE c.id = x.campaign_id;
ALTER TABLE honour_panel_members ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE honour_score_sheets ADD COLUMN tenant_id text;
UPDATE honour_score_sheets x SET tenant_id = c.tenant_id FROM honour_campaigns c WHERE c.id = x.campaign_id;
ALTER TABLE honour_score_sheets ALTER COLUMN tenant_id SET NOT NULL;

-- A reference table (replicated to every node) may point only at reference tables: who changed a
-- category stays in changed_by and changed_by_name, without a foreign key to a county's users.
ALTER TABLE case_category_versions DROP CONSTRAINT case_category_versions_changed_by_fkey;
