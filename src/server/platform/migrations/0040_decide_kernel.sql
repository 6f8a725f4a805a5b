-- 居民议事与表决 (issue 17): the shared kernel of deciding in public — one vote machinery for every
-- vote (deliberation meetings, supervisor and steward elections, stand-alone votes) and the topics
-- residents raise. Meetings, supervisors, notices and honours keep their own tables (0041–0046).

-- 表决: one vote. Who may vote is the roll frozen when it opens (vote_electors); how they voted is in
-- vote_ballots. Results are computed and frozen in `result` when the vote closes, never shown before.
CREATE TABLE votes (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  community_id   uuid NOT NULL REFERENCES places(id),
  -- the place whose residents (or households) are eligible: the community, a grid or a building
  scope_place_id uuid NOT NULL REFERENCES places(id),
  scope_path     text NOT NULL,
  -- what the vote belongs to: a meeting's decision, a supervisor or steward election, or nothing
  subject_kind   text NOT NULL CHECK (subject_kind IN ('standalone','meeting','supervisor_election','steward_election')),
  subject_id     uuid,
  title          text NOT NULL,
  description    text NOT NULL DEFAULT '',
  method         text NOT NULL CHECK (method IN ('options','yes_no_abstain')),
  -- options: how many options one ballot may mark, and how many win (seats); yes/no/abstain: 1 and 1
  max_choices    integer NOT NULL DEFAULT 1 CHECK (max_choices >= 1),
  seats          integer NOT NULL DEFAULT 1 CHECK (seats >= 1),
  secret         boolean NOT NULL,
  electorate     text NOT NULL CHECK (electorate IN ('residents','households')),
  allow_phone    boolean NOT NULL DEFAULT true,
  allow_paper    boolean NOT NULL DEFAULT false,
  -- turnout needed (percent of the roll) and the majority that decides
  quorum_percent integer NOT NULL DEFAULT 0 CHECK (quorum_percent BETWEEN 0 AND 100),
  majority       text NOT NULL CHECK (majority IN ('simple','absolute','two_thirds')),
  state          text NOT NULL CHECK (state IN ('draft','open','closed','cancelled')),
  opens_at       timestamptz,
  closes_at      timestamptz,
  eligible_count integer,
  result         jsonb,
  created_by     uuid NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  opened_at      timestamptz,
  closed_at      timestamptz,
  closed_by      uuid REFERENCES users(id),
  cancel_reason  text NOT NULL DEFAULT '',
  CHECK (allow_phone OR allow_paper),
  CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);
CREATE INDEX votes_scope_idx ON votes (tenant_id, scope_path);
CREATE INDEX votes_subject_idx ON votes (subject_kind, subject_id);
CREATE INDEX votes_open_idx ON votes (closes_at) WHERE state = 'open';

-- 选项: for yes/no/abstain the three fixed options; for elections `ref_id` names the candidate.
CREATE TABLE vote_options (
  id        uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  vote_id   uuid NOT NULL REFERENCES votes(id),
  position  integer NOT NULL,
  label     text NOT NULL,
  ref_id    uuid,
  UNIQUE (vote_id, position)
);

-- 选民名册: who may vote, frozen when the vote opens: a registry resident, or a household for
-- one-per-household votes. `voted_at` set once (the guard against a second vote, by phone or on paper);
-- it says THAT an elector voted and how, never what.
CREATE TABLE vote_electors (
  vote_id       uuid NOT NULL REFERENCES votes(id),
  tenant_id     text NOT NULL,
  elector_id    uuid NOT NULL,          -- residents.id (residents) or places.id of the household (households)
  household_id  uuid NOT NULL REFERENCES places(id),
  voted_at      timestamptz,
  channel       text CHECK (channel IN ('phone','paper')),
  voter_user_id uuid REFERENCES users(id),  -- phone: the resident who logged in; paper: NULL
  recorded_by   uuid REFERENCES users(id),  -- paper: the staff member who recorded it
  PRIMARY KEY (vote_id, elector_id),
  CHECK ((voted_at IS NULL) = (channel IS NULL))
);
CREATE INDEX vote_electors_household_idx ON vote_electors (vote_id, household_id);

-- 选票: what was marked. In a secret vote a ballot carries nothing that leads back to its elector:
-- no elector, no user, no time, and a random (not time-ordered) id. In an open vote `elector_id` names
-- the elector. The receipt is a random code given to the voter; only its hash is kept.
CREATE TABLE vote_ballots (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  vote_id      uuid NOT NULL REFERENCES votes(id),
  elector_id   uuid,
  receipt_hash text NOT NULL UNIQUE,
  UNIQUE (vote_id, elector_id)
);
CREATE TABLE vote_marks (
  ballot_id uuid NOT NULL REFERENCES vote_ballots(id),
  option_id uuid NOT NULL REFERENCES vote_options(id),
  PRIMARY KEY (ballot_id, option_id)
);

-- 议题: a matter raised for the residents to decide — by a resident on the phone, a steward, the
-- community, or from a case that needs a collective decision (linked both ways: cases.topic_id).
CREATE TABLE deliberation_topics (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  community_id   uuid NOT NULL REFERENCES places(id),
  -- where the matter lies (community, grid or building): the hall that takes it and the scope
  place_id       uuid NOT NULL REFERENCES places(id),
  place_path     text NOT NULL,
  code           text NOT NULL,          -- YT-YYYYMMDD-NNNN, what humans read
  title          text NOT NULL,
  body           text NOT NULL,
  raised_via     text NOT NULL CHECK (raised_via IN ('resident','steward','community','case')),
  raised_by      uuid NOT NULL REFERENCES users(id),
  case_id        uuid REFERENCES cases(id),
  is_public      boolean NOT NULL DEFAULT true,
  state          text NOT NULL CHECK (state IN ('seconding','screening','accepted','rejected','scheduled','decided','handed_up','closed','withdrawn')),
  seconds_needed integer NOT NULL CHECK (seconds_needed >= 0),
  seconds_count  integer NOT NULL DEFAULT 0,
  screen_note    text NOT NULL DEFAULT '',
  screened_by    uuid REFERENCES users(id),
  screened_at    timestamptz,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  UNIQUE (tenant_id, code)
);
CREATE INDEX deliberation_topics_path_idx ON deliberation_topics (tenant_id, place_path);
CREATE INDEX deliberation_topics_state_idx ON deliberation_topics (community_id, state, created_at);
CREATE UNIQUE INDEX deliberation_topics_case_uq ON deliberation_topics (case_id) WHERE case_id IS NOT NULL;
ALTER TABLE cases ADD COLUMN topic_id uuid REFERENCES deliberation_topics(id);

-- 附议: one per resident per topic.
CREATE TABLE deliberation_seconds (
  topic_id   uuid NOT NULL REFERENCES deliberation_topics(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  tenant_id  text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (topic_id, user_id)
);

-- 议事设置: per community, how many seconds put a resident's topic before the community (default 5).
CREATE TABLE deliberation_settings (
  community_id     uuid PRIMARY KEY REFERENCES places(id),
  tenant_id        text NOT NULL,
  seconds_to_agenda integer NOT NULL DEFAULT 5 CHECK (seconds_to_agenda BETWEEN 0 AND 1000),
  updated_by       uuid REFERENCES users(id),
  updated_at       timestamptz NOT NULL
);
