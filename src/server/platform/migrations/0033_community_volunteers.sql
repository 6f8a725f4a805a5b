-- 志愿服务 · 活动 · 双报到认岗 (issue 16, volunteers): a community's activities with sign-up, waiting
-- list, check-in by QR or location, check-out and hours; posts (岗位) claimed by in-service party
-- members, with their monthly service records.

-- 志愿活动 of a community, optionally run by a volunteer team. The check-in token is a secret: only its
-- SHA-256 is looked up, the token itself is kept encrypted for the console's QR and never listed.
CREATE TABLE volunteer_activities (
  id                 uuid PRIMARY KEY,
  tenant_id          text NOT NULL,
  community_id       uuid NOT NULL REFERENCES places(id),
  place_path         text NOT NULL,
  team_id            uuid REFERENCES volunteer_teams(id),
  title              text NOT NULL,
  description        text NOT NULL DEFAULT '',
  address            text NOT NULL DEFAULT '',
  lng                double precision,
  lat                double precision,
  radius_m           integer CHECK (radius_m IS NULL OR radius_m BETWEEN 10 AND 5000),
  starts_at          timestamptz NOT NULL,
  ends_at            timestamptz NOT NULL,
  capacity           integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  signup_deadline    timestamptz NOT NULL,
  attend_points      integer CHECK (attend_points IS NULL OR attend_points BETWEEN 0 AND 1000),
  state              text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','published','finished','cancelled')),
  cancel_reason      text NOT NULL DEFAULT '',
  checkin_token_hash text NOT NULL UNIQUE,
  checkin_token_enc  text NOT NULL,
  created_by         uuid REFERENCES users(id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK ((lng IS NULL) = (lat IS NULL))
);
CREATE INDEX volunteer_activities_place_idx ON volunteer_activities (tenant_id, place_path, starts_at);

-- 报名: one row per person and activity (signed up, on the waiting list in order of `queued_at`, or
-- cancelled). A person without a phone is recorded by staff by name only (no user, no points).
CREATE TABLE activity_signups (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  activity_id    uuid NOT NULL REFERENCES volunteer_activities(id),
  user_id        uuid REFERENCES users(id),
  guest_name     text NOT NULL DEFAULT '',
  state          text NOT NULL CHECK (state IN ('signed_up','waiting','cancelled')),
  queued_at      timestamptz NOT NULL,
  checked_in_at  timestamptz,
  checked_out_at timestamptz,
  checkin_method text CHECK (checkin_method IN ('qr','location','staff')),
  minutes        integer NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  recorded_by    uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  CHECK (user_id IS NOT NULL OR guest_name <> '')
);
CREATE UNIQUE INDEX activity_signups_person_uq ON activity_signups (activity_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX activity_signups_user_idx ON activity_signups (user_id);
CREATE INDEX activity_signups_activity_idx ON activity_signups (activity_id, state, queued_at);

-- 岗位 (双报到 · 认岗): posts of a community an in-service party member may claim.
CREATE TABLE volunteer_posts (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  community_id uuid NOT NULL REFERENCES places(id),
  place_path   text NOT NULL,
  title        text NOT NULL,
  duty         text NOT NULL DEFAULT '',
  slots        integer NOT NULL CHECK (slots BETWEEN 1 AND 1000),
  active       boolean NOT NULL DEFAULT true,
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL
);
CREATE INDEX volunteer_posts_place_idx ON volunteer_posts (tenant_id, place_path);

-- 认岗: a member holds a post from `claimed_at` until they give it up (`ended_at`).
CREATE TABLE post_claims (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  post_id     uuid NOT NULL REFERENCES volunteer_posts(id),
  user_id     uuid NOT NULL REFERENCES users(id),
  resident_id uuid REFERENCES residents(id),
  claimed_at  timestamptz NOT NULL,
  ended_at    timestamptz
);
CREATE UNIQUE INDEX post_claims_active_uq ON post_claims (post_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX post_claims_user_idx ON post_claims (user_id);

-- 履岗记录: one per claim and month, recorded by the member, confirmed by the community (points then).
CREATE TABLE post_service_records (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  claim_id     uuid NOT NULL REFERENCES post_claims(id),
  month        text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  minutes      integer NOT NULL CHECK (minutes BETWEEN 1 AND 44640),
  note         text NOT NULL DEFAULT '',
  confirmed_by uuid REFERENCES users(id),
  confirmed_at timestamptz,
  created_at   timestamptz NOT NULL,
  UNIQUE (claim_id, month)
);
