-- 文明户评选 (issue 17): campaigns of 星级文明户 / 美丽庭院 (households) and 道德模范 (residents) in a
-- community or a street — criteria, nominations, a scoring panel, score sheets, the shortlist with its
-- star level, the public notice (公示) with objections and the published results. Nothing is deleted:
-- a household's star history is its published nominations. Days are YYYY-MM-DD text (China time).

CREATE TABLE honour_campaigns (
  id                uuid PRIMARY KEY,
  tenant_id         text NOT NULL,
  place_id          uuid NOT NULL REFERENCES places(id),
  place_path        text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('civilised_household','beautiful_courtyard','moral_model')),
  year              integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title             text NOT NULL,
  description       text NOT NULL DEFAULT '',
  state             text NOT NULL CHECK (state IN ('nominating','scoring','publicising','published','cancelled')),
  -- 星级分档: [{ "stars": 5, "minPoints": 90 }, …] (civilised households only)
  star_bands        jsonb NOT NULL DEFAULT '[]',
  objection_ends_on text CHECK (objection_ends_on ~ '^\d{4}-\d{2}-\d{2}$'),
  publish_note      text NOT NULL DEFAULT '',
  cancel_reason     text NOT NULL DEFAULT '',
  created_by        uuid NOT NULL REFERENCES users(id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  published_at      timestamptz
);
CREATE INDEX honour_campaigns_place_idx ON honour_campaigns (place_path, year);

-- 评分标准: what the panel scores against, 0..max_points each.
CREATE TABLE honour_criteria (
  id          uuid PRIMARY KEY,
  campaign_id uuid NOT NULL REFERENCES honour_campaigns(id),
  position    integer NOT NULL,
  name        text NOT NULL,
  max_points  integer NOT NULL CHECK (max_points BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT ''
);
CREATE INDEX honour_criteria_campaign_idx ON honour_criteria (campaign_id, position);

-- 推荐: a household (place) or a resident, named by themself, a neighbour, the steward or staff.
CREATE TABLE honour_nominations (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  campaign_id    uuid NOT NULL REFERENCES honour_campaigns(id),
  household_id   uuid NOT NULL REFERENCES places(id),
  household_path text NOT NULL,
  resident_id    uuid REFERENCES residents(id),
  -- the household's id, or the resident's for a moral model: one standing nomination per nominee
  nominee_key    uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('self','neighbour','steward','staff')),
  reason         text NOT NULL,
  nominated_by   uuid NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  state          text NOT NULL CHECK (state IN ('nominated','rejected')) DEFAULT 'nominated',
  reject_reason  text NOT NULL DEFAULT '',
  shortlisted    boolean NOT NULL DEFAULT false,
  stars          smallint CHECK (stars BETWEEN 1 AND 5),
  -- set on publishing: honoured, or removed after the notice (with the reason kept)
  result         text CHECK (result IN ('honoured','removed')),
  result_note    text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX honour_nominations_nominee_uq ON honour_nominations (campaign_id, nominee_key);
CREATE INDEX honour_nominations_household_idx ON honour_nominations (household_id);

-- 评审组: users named by staff (staff or residents' representatives).
CREATE TABLE honour_panel_members (
  campaign_id uuid NOT NULL REFERENCES honour_campaigns(id),
  user_id     uuid NOT NULL REFERENCES users(id),
  added_by    uuid NOT NULL REFERENCES users(id),
  added_at    timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, user_id)
);

-- 评分表: one per panel member per nominee; points per criterion id; editable while scoring.
CREATE TABLE honour_score_sheets (
  nomination_id  uuid NOT NULL REFERENCES honour_nominations(id),
  member_user_id uuid NOT NULL REFERENCES users(id),
  campaign_id    uuid NOT NULL REFERENCES honour_campaigns(id),
  points         jsonb NOT NULL,
  total          integer NOT NULL CHECK (total >= 0),
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (nomination_id, member_user_id)
);

-- 异议: lodged by a resident of the community during the notice period; answered by staff.
CREATE TABLE honour_objections (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  campaign_id   uuid NOT NULL REFERENCES honour_campaigns(id),
  nomination_id uuid REFERENCES honour_nominations(id),
  body          text NOT NULL,
  lodged_by     uuid NOT NULL REFERENCES users(id),
  lodged_at     timestamptz NOT NULL,
  answer        text NOT NULL DEFAULT '',
  answered_by   uuid REFERENCES users(id),
  answered_at   timestamptz
);
CREATE INDEX honour_objections_campaign_idx ON honour_objections (campaign_id, lodged_at);
