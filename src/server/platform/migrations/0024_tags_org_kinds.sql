-- Resident tags and organisation kinds become the county's own lists (issue 14): an administrator adds,
-- relabels and retires them in the console; nothing is ever deleted, so a resident keeps a retired tag.
-- Sensitive tags (法律援助对象, 安置帮教对象, 社区矫正对象) are seen only by holders of people:sensitive.

ALTER TABLE resident_tags
  ADD COLUMN tone       text    NOT NULL DEFAULT 'default' CHECK (tone IN ('default','primary','success','warning','danger')),
  ADD COLUMN sensitive  boolean NOT NULL DEFAULT false,
  ADD COLUMN active     boolean NOT NULL DEFAULT true,
  ADD COLUMN updated_at timestamptz;
UPDATE resident_tags SET tone = 'warning' WHERE needs_visit;
INSERT INTO resident_tags (code, label_zh, label_en, needs_visit, sort, tone, sensitive) VALUES
  ('legal_aid', '法律援助对象', 'Legal aid recipient', false, 100, 'primary', true),
  ('resettlement', '安置帮教对象', 'Released person under resettlement aid', true, 110, 'danger', true),
  ('community_correction', '社区矫正对象', 'Person under community correction', true, 120, 'danger', true)
ON CONFLICT (code) DO NOTHING;

-- Party organisation kinds: where each sits (kinds of place) and under which kinds of parent (none: top).
CREATE TABLE party_org_kinds (
  code         text PRIMARY KEY,
  label_zh     text NOT NULL,
  label_en     text NOT NULL,
  place_kinds  text[] NOT NULL,
  parent_kinds text[] NOT NULL DEFAULT '{}',
  member_units boolean NOT NULL DEFAULT false,  -- 大党委: co-building units and organisations belong to it
  sort         integer NOT NULL DEFAULT 0,
  active       boolean NOT NULL DEFAULT true,
  updated_at   timestamptz
);
INSERT INTO party_org_kinds (code, label_zh, label_en, place_kinds, parent_kinds, member_units, sort) VALUES
  ('street_committee', '街道党工委', 'Street party working committee', '{street}', '{}', false, 10),
  ('community_branch', '社区党总支', 'Community general party branch', '{community}', '{street_committee}', false, 20),
  ('joint_committee', '社区大党委', 'Community joint party committee (大党委)', '{community}', '{street_committee}', true, 25),
  ('function_branch', '功能型党支部', 'Function party branch', '{community,grid}', '{joint_committee,community_branch}', false, 27),
  ('grid_branch', '网格党支部', 'Grid party branch', '{grid}', '{community_branch,joint_committee}', false, 30),
  ('building_group', '楼栋党小组', 'Building party group', '{building}', '{grid_branch}', false, 40),
  ('central_household', '党员中心户', 'Party member central household', '{building,household}', '{grid_branch}', false, 50);

CREATE TABLE organisation_kinds (
  code       text PRIMARY KEY,
  label_zh   text NOT NULL,
  label_en   text NOT NULL,
  sort       integer NOT NULL DEFAULT 0,
  active     boolean NOT NULL DEFAULT true,
  updated_at timestamptz
);
INSERT INTO organisation_kinds (code, label_zh, label_en, sort) VALUES
  ('property_company', '物业公司', 'Property company', 10),
  ('co_building_unit', '共建单位', 'Co-building unit', 20),
  ('social_org', '社会组织', 'Social organisation', 30),
  ('owners_committee', '业主委员会', 'Owners'' committee', 40);

ALTER TABLE party_orgs DROP CONSTRAINT IF EXISTS party_orgs_kind_check;
ALTER TABLE party_orgs ADD CONSTRAINT party_orgs_kind_fk FOREIGN KEY (kind) REFERENCES party_org_kinds(code);
ALTER TABLE organisations DROP CONSTRAINT IF EXISTS organisations_kind_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_kind_fk FOREIGN KEY (kind) REFERENCES organisation_kinds(code);
CREATE INDEX party_orgs_parent_idx ON party_orgs (parent_id);

-- The member units of a 大党委: co-building units, property companies, social organisations.
CREATE TABLE party_org_units (
  party_org_id    uuid NOT NULL REFERENCES party_orgs(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  tenant_id       text NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (party_org_id, organisation_id)
);
CREATE INDEX party_org_units_organisation_idx ON party_org_units (organisation_id);

-- What a grid merge or split carried to the new grids: party organisations and staff memberships.
ALTER TABLE grid_changes ADD COLUMN carried jsonb NOT NULL DEFAULT '{}';
