-- People, organisations, grid work: residents with encrypted personal data, party and volunteer
-- rolls, organisations, uploaded files and the grid workers' visit logs (民情日记).

CREATE TABLE key_checks (
  name       text PRIMARY KEY,
  ciphertext text NOT NULL
);

-- Resident tags (elderly living alone, disabled …). needs_visit marks households the grid worker should see first.
CREATE TABLE resident_tags (
  code        text PRIMARY KEY,
  label_zh    text NOT NULL,
  label_en    text NOT NULL,
  needs_visit boolean NOT NULL DEFAULT false,
  sort        integer NOT NULL DEFAULT 0
);
INSERT INTO resident_tags (code, label_zh, label_en, needs_visit, sort) VALUES
  ('elderly_alone', '独居老人', 'Elderly living alone', true, 10),
  ('elderly', '高龄老人', 'Elderly (80+)', true, 20),
  ('disabled', '残疾人', 'Disabled', true, 30),
  ('subsistence', '低保户', 'Subsistence allowance', true, 40),
  ('left_behind_child', '留守儿童', 'Left-behind child', true, 50),
  ('veteran', '退役军人', 'Veteran', false, 60),
  ('key_care', '重点关爱', 'Key care person', true, 70),
  ('serious_illness', '大病患者', 'Serious illness', true, 80),
  ('special_hardship', '特困人员', 'Special hardship', true, 90);

CREATE TABLE residents (
  id                uuid PRIMARY KEY,
  tenant_id         text NOT NULL,
  household_id      uuid NOT NULL REFERENCES places(id),
  name              text NOT NULL,
  name_pinyin       text NOT NULL,              -- 'zhangsanfeng'
  name_initials     text NOT NULL,              -- 'zsf'
  gender            text CHECK (gender IN ('male','female')),
  birth_date        date,
  id_number_enc     text,
  id_number_hash    text,
  id_number_masked  text,
  phone_enc         text,
  phone_hash        text,
  phone_masked      text,
  relation          text NOT NULL DEFAULT 'other',
  residence         text NOT NULL DEFAULT 'registered' CHECK (residence IN ('registered','resident','floating')),
  tags              text[] NOT NULL DEFAULT '{}',
  notes             text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active','moved_out','deceased')),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX residents_id_number_uq ON residents (tenant_id, id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE INDEX residents_phone_idx ON residents (tenant_id, phone_hash);
CREATE INDEX residents_household_idx ON residents (household_id);
CREATE INDEX residents_initials_idx ON residents (tenant_id, name_initials text_pattern_ops);
CREATE INDEX residents_pinyin_idx ON residents (tenant_id, name_pinyin text_pattern_ops);
CREATE INDEX residents_name_idx ON residents (tenant_id, name text_pattern_ops);
CREATE INDEX residents_tags_idx ON residents USING gin (tags);

-- Moves, move-outs, deaths and edits: a resident's history is kept, never deleted.
CREATE TABLE resident_events (
  id                uuid PRIMARY KEY,
  tenant_id         text NOT NULL,
  resident_id       uuid NOT NULL REFERENCES residents(id),
  kind              text NOT NULL CHECK (kind IN ('registered','imported','edited','moved','moved_out','deceased')),
  from_household_id uuid REFERENCES places(id),
  to_household_id   uuid REFERENCES places(id),
  note              text NOT NULL DEFAULT '',
  actor_id          uuid,
  at                timestamptz NOT NULL
);
CREATE INDEX resident_events_resident_idx ON resident_events (resident_id, at);

-- 党组织: 街道党工委 → 社区党总支 → 网格党支部 → 楼栋党小组 / 党员中心户
CREATE TABLE party_orgs (
  id         uuid PRIMARY KEY,
  tenant_id  text NOT NULL,
  parent_id  uuid REFERENCES party_orgs(id),
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('street_committee','community_branch','grid_branch','building_group','central_household')),
  place_id   uuid NOT NULL REFERENCES places(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX party_orgs_place_idx ON party_orgs (place_id);

CREATE TABLE party_members (
  resident_id  uuid PRIMARY KEY REFERENCES residents(id),
  tenant_id    text NOT NULL,
  party_org_id uuid NOT NULL REFERENCES party_orgs(id),
  joined_on    date,
  member_kind  text NOT NULL DEFAULT 'full' CHECK (member_kind IN ('full','probationary')),
  created_at   timestamptz NOT NULL
);

CREATE TABLE volunteers (
  resident_id     uuid PRIMARY KEY REFERENCES residents(id),
  tenant_id       text NOT NULL,
  skills          text[] NOT NULL DEFAULT '{}',
  team            text NOT NULL DEFAULT '',
  service_minutes integer NOT NULL DEFAULT 0 CHECK (service_minutes >= 0),
  registered_at   timestamptz NOT NULL
);

-- 在职党员双报到: a party member working elsewhere registers in the home community.
CREATE TABLE in_service_members (
  resident_id   uuid PRIMARY KEY REFERENCES residents(id),
  tenant_id     text NOT NULL,
  work_unit     text NOT NULL,
  community_id  uuid NOT NULL REFERENCES places(id),
  claimed_posts text[] NOT NULL DEFAULT '{}',
  registered_at timestamptz NOT NULL
);

-- Property companies, co-building units, social organisations, owners' committees.
CREATE TABLE organisations (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('property_company','co_building_unit','social_org','owners_committee')),
  name         text NOT NULL,
  place_id     uuid NOT NULL REFERENCES places(id),
  contact_name text NOT NULL DEFAULT '',
  phone        text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL
);
CREATE INDEX organisations_place_idx ON organisations (place_id);

CREATE TABLE files (
  id          uuid PRIMARY KEY,
  tenant_id   text,
  mime        text NOT NULL,
  size_bytes  integer NOT NULL,
  sha256      text NOT NULL,
  storage_key text NOT NULL,
  uploaded_by uuid,
  created_at  timestamptz NOT NULL
);

-- 民情日记: the id is made on the phone, so a retried upload never makes a second log.
CREATE TABLE visit_logs (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  household_id uuid NOT NULL REFERENCES places(id),
  author_id    uuid NOT NULL REFERENCES users(id),
  content      text NOT NULL,
  lng          double precision,
  lat          double precision,
  photo_ids    uuid[] NOT NULL DEFAULT '{}',
  visited_at   timestamptz NOT NULL,
  created_at   timestamptz NOT NULL
);
CREATE INDEX visit_logs_household_idx ON visit_logs (household_id, visited_at);
CREATE INDEX visit_logs_author_idx ON visit_logs (author_id, visited_at);
