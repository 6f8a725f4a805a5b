-- 救助顾问 (issue 15): 社区救助顾问服务团 — adviser teams of a community (community workers, social
-- workers, volunteers, with a leader) for residents in hardship, their visits and the six kinds of help.

-- Which resident tags mean hardship (低保, 特困, 残疾, 独居老人, 大病): the people an adviser team looks after.
ALTER TABLE resident_tags ADD COLUMN hardship boolean NOT NULL DEFAULT false;
UPDATE resident_tags SET hardship = true
  WHERE code IN ('elderly_alone', 'disabled', 'subsistence', 'special_hardship', 'serious_illness');

-- 救助顾问服务团: one or more per community; members are users of that community (or above it).
CREATE TABLE assist_teams (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  community_id   uuid NOT NULL REFERENCES places(id),
  name           text NOT NULL,
  leader_user_id uuid REFERENCES users(id),
  phone          text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX assist_teams_community_idx ON assist_teams (community_id);

CREATE TABLE assist_team_members (
  team_id    uuid NOT NULL REFERENCES assist_teams(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  tenant_id  text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('community_worker','social_worker','volunteer')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX assist_team_members_user_idx ON assist_team_members (user_id);

-- A person in hardship and the team (and lead adviser) that looks after them: one row per person.
CREATE TABLE assist_assignments (
  resident_id  uuid PRIMARY KEY REFERENCES residents(id),
  tenant_id    text NOT NULL,
  team_id      uuid NOT NULL REFERENCES assist_teams(id),
  lead_user_id uuid REFERENCES users(id),
  assigned_by  uuid REFERENCES users(id),
  assigned_at  timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX assist_assignments_team_idx ON assist_assignments (team_id);

-- 走访/联系: one contact with the person; the help given is any of the six kinds. The id may be made on
-- the phone, so a retried upload never makes a second row. `place_path` is the household's path then.
CREATE TABLE assist_visits (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  resident_id    uuid NOT NULL REFERENCES residents(id),
  team_id        uuid REFERENCES assist_teams(id),
  place_path     text NOT NULL,
  adviser_id     uuid NOT NULL REFERENCES users(id),
  mode           text NOT NULL CHECK (mode IN ('visit','phone','office')),
  kinds          text[] NOT NULL,
  note           text NOT NULL,
  visited_on     date NOT NULL,
  application_id uuid REFERENCES service_applications(id),  -- 代收代办: the application filed for them
  created_at     timestamptz NOT NULL,
  CHECK (kinds <@ ARRAY['policy','errand','pairing','resources','counselling','integration']::text[] AND cardinality(kinds) > 0)
);
CREATE INDEX assist_visits_resident_idx ON assist_visits (resident_id, visited_on);
CREATE INDEX assist_visits_path_idx ON assist_visits (place_path text_pattern_ops, visited_on);

-- The county's reminder period: a person with no contact for this many days is flagged and the lead
-- adviser is texted (once per period).
CREATE TABLE assist_settings (
  tenant_id    text PRIMARY KEY,
  overdue_days integer NOT NULL DEFAULT 30 CHECK (overdue_days BETWEEN 1 AND 365),
  updated_at   timestamptz NOT NULL,
  updated_by   uuid REFERENCES users(id)
);
