-- 微心愿 · 微行动 (issue 16). A wish is posted by a resident for themselves or, for a resident in need,
-- by a grid worker, steward or community worker (linked to the registry); reviewed by the community;
-- shown on the wish wall; claimed by one person or one unit; fulfilled with a photo; thanked.
CREATE TABLE community_wishes (
  id                      uuid PRIMARY KEY,
  tenant_id               text NOT NULL,
  community_id            uuid NOT NULL REFERENCES places(id),
  -- where the beneficiary lives: their household (registry), else their community
  place_path              text NOT NULL,
  category                text NOT NULL CHECK (category IN ('daily_goods','study','companionship','repair','other')),
  content                 text NOT NULL,
  photo_ids               uuid[] NOT NULL DEFAULT '{}',
  beneficiary_resident_id uuid REFERENCES residents(id),
  beneficiary_user_id     uuid REFERENCES users(id),
  beneficiary_name        text NOT NULL,
  posted_by               uuid NOT NULL REFERENCES users(id),
  state                   text NOT NULL CHECK (state IN ('submitted','published','rejected','claimed','fulfilled','thanked','cancelled')),
  reject_reason           text NOT NULL DEFAULT '',
  reviewed_by             uuid REFERENCES users(id),
  reviewed_at             timestamptz,
  published_at            timestamptz,
  -- the claim: by a person, or by a unit through its liaison (claimed_by is who acted)
  claimed_by              uuid REFERENCES users(id),
  claimer_organisation_id uuid REFERENCES organisations(id),
  claimed_at              timestamptz,
  fulfil_due_at           timestamptz,
  fulfil_photo_ids        uuid[] NOT NULL DEFAULT '{}',
  fulfil_note             text NOT NULL DEFAULT '',
  fulfilled_at            timestamptz,
  thanks_message          text NOT NULL DEFAULT '',
  thanked_at              timestamptz,
  cancelled_at            timestamptz,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  CHECK ((state IN ('claimed','fulfilled','thanked')) = (claimed_by IS NOT NULL))
);
CREATE INDEX community_wishes_path_idx ON community_wishes (place_path, state);
CREATE INDEX community_wishes_community_idx ON community_wishes (community_id, state, created_at);
CREATE INDEX community_wishes_claimer_idx ON community_wishes (claimed_by);
CREATE INDEX community_wishes_poster_idx ON community_wishes (posted_by);

-- 微行动: a small group task a community posts (clean a stairwell, escort exams); persons sign up,
-- the organiser marks it done with proof and who took part.
CREATE TABLE community_micro_actions (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  community_id    uuid NOT NULL REFERENCES places(id),
  place_path      text NOT NULL,
  title           text NOT NULL,
  description     text NOT NULL DEFAULT '',
  action_date     text NOT NULL,
  location        text NOT NULL DEFAULT '',
  slots           integer NOT NULL CHECK (slots > 0 AND slots <= 1000),
  state           text NOT NULL CHECK (state IN ('open','done','cancelled')),
  proof_photo_ids uuid[] NOT NULL DEFAULT '{}',
  done_at         timestamptz,
  done_by         uuid REFERENCES users(id),
  created_by      uuid NOT NULL REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX community_micro_actions_path_idx ON community_micro_actions (place_path, action_date);

CREATE TABLE community_micro_action_signups (
  action_id  uuid NOT NULL REFERENCES community_micro_actions(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  tenant_id  text NOT NULL,
  took_part  boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (action_id, user_id)
);
CREATE INDEX community_micro_action_signups_user_idx ON community_micro_action_signups (user_id);
