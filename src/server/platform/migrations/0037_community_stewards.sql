-- 楼门管家 (issue 16): stairwell stewards per building — nominations, building votes, terms (with the
-- steward membership they grant), the monthly checklist of the six roles, opinions collected (each may
-- become a case), monthly evaluations and yearly commendations. Nothing is deleted: a building's
-- history of stewards is its terms. Days are YYYY-MM-DD text (China time), as in the hall.

-- 提名: a resident of the building names a neighbour, a resident names themself, or the community names someone.
CREATE TABLE steward_nominations (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  building_id     uuid NOT NULL REFERENCES places(id),
  building_path   text NOT NULL,
  nominee_user_id uuid NOT NULL REFERENCES users(id),
  nominated_by    uuid NOT NULL REFERENCES users(id),
  kind            text NOT NULL CHECK (kind IN ('resident','self','community')),
  reason          text NOT NULL DEFAULT '',
  state           text NOT NULL CHECK (state IN ('nominated','appointed','rejected','withdrawn','lost')),
  vote_id         uuid,
  decided_by      uuid REFERENCES users(id),
  decided_at      timestamptz,
  decision_note   text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL
);
CREATE INDEX steward_nominations_building_idx ON steward_nominations (building_id, created_at);
-- One standing nomination of a person per building.
CREATE UNIQUE INDEX steward_nominations_open_uq ON steward_nominations (building_id, nominee_user_id)
  WHERE state = 'nominated';

-- 楼栋投票: opened by the community over the building's standing nominations; one open vote per building.
CREATE TABLE steward_votes (
  id                   uuid PRIMARY KEY,
  tenant_id            text NOT NULL,
  building_id          uuid NOT NULL REFERENCES places(id),
  building_path        text NOT NULL,
  title                text NOT NULL,
  state                text NOT NULL CHECK (state IN ('open','closed','cancelled')),
  closes_on            text CHECK (closes_on ~ '^\d{4}-\d{2}-\d{2}$'),
  winner_nomination_id uuid REFERENCES steward_nominations(id),
  opened_by            uuid NOT NULL REFERENCES users(id),
  opened_at            timestamptz NOT NULL,
  closed_by            uuid REFERENCES users(id),
  closed_at            timestamptz
);
CREATE UNIQUE INDEX steward_votes_open_uq ON steward_votes (building_id) WHERE state = 'open';
ALTER TABLE steward_nominations ADD CONSTRAINT steward_nominations_vote_fk
  FOREIGN KEY (vote_id) REFERENCES steward_votes(id);

-- 选票: one per resident (user) of the building per vote.
CREATE TABLE steward_ballots (
  vote_id       uuid NOT NULL REFERENCES steward_votes(id),
  voter_user_id uuid NOT NULL REFERENCES users(id),
  nomination_id uuid NOT NULL REFERENCES steward_nominations(id),
  tenant_id     text NOT NULL,
  cast_at       timestamptz NOT NULL,
  PRIMARY KEY (vote_id, voter_user_id)
);

-- 任期: the steward of a building from appointment to retirement; at most one active per building.
CREATE TABLE steward_terms (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  building_id   uuid NOT NULL REFERENCES places(id),
  building_path text NOT NULL,
  user_id       uuid NOT NULL REFERENCES users(id),
  nomination_id uuid REFERENCES steward_nominations(id),
  vote_id       uuid REFERENCES steward_votes(id),
  membership_id uuid,
  state         text NOT NULL CHECK (state IN ('active','retired')),
  started_on    text NOT NULL CHECK (started_on ~ '^\d{4}-\d{2}-\d{2}$'),
  ended_on      text CHECK (ended_on ~ '^\d{4}-\d{2}-\d{2}$'),
  retire_reason text CHECK (retire_reason IN ('moved','health','evaluation','resigned','term_end','other')),
  retire_note   text NOT NULL DEFAULT '',
  appointed_by  uuid REFERENCES users(id),
  retired_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  CHECK ((state = 'retired') = (ended_on IS NOT NULL AND retire_reason IS NOT NULL))
);
CREATE UNIQUE INDEX steward_terms_active_uq ON steward_terms (building_id) WHERE state = 'active';
CREATE INDEX steward_terms_user_idx ON steward_terms (user_id);
CREATE INDEX steward_terms_path_idx ON steward_terms (building_path);

-- 履职清单: a term's month; completed when all six roles are ticked (then steward_duty points).
CREATE TABLE steward_checklists (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  term_id      uuid NOT NULL REFERENCES steward_terms(id),
  month        text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  completed_at timestamptz,
  created_at   timestamptz NOT NULL,
  UNIQUE (term_id, month)
);
CREATE TABLE steward_checklist_ticks (
  checklist_id  uuid NOT NULL REFERENCES steward_checklists(id),
  duty          text NOT NULL CHECK (duty IN ('publicity','liaison','mediation','supervision','advocacy','information')),
  note          text NOT NULL DEFAULT '',
  photo_file_id uuid,
  ticked_at     timestamptz NOT NULL,
  PRIMARY KEY (checklist_id, duty)
);

-- 民意: what the steward heard in the building; one tap files it as a case.
CREATE TABLE steward_opinions (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  term_id       uuid NOT NULL REFERENCES steward_terms(id),
  building_path text NOT NULL,
  household_id  uuid REFERENCES places(id),
  body          text NOT NULL,
  photo_file_id uuid,
  state         text NOT NULL CHECK (state IN ('collected','filed')),
  case_id       uuid REFERENCES cases(id),
  created_at    timestamptz NOT NULL,
  filed_at      timestamptz
);
CREATE INDEX steward_opinions_term_idx ON steward_opinions (term_id, created_at);
CREATE INDEX steward_opinions_path_idx ON steward_opinions (building_path);

-- 月度考评 by the community: one grade per term and month.
CREATE TABLE steward_evaluations (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  term_id       uuid NOT NULL REFERENCES steward_terms(id),
  building_path text NOT NULL,
  month         text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  grade         text NOT NULL CHECK (grade IN ('excellent','good','pass','fail')),
  comment       text NOT NULL DEFAULT '',
  evaluated_by  uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  UNIQUE (term_id, month)
);

-- 年度表彰: best stewards (points to the steward) and best buildings, per community and year.
CREATE TABLE steward_commendations (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind          text NOT NULL CHECK (kind IN ('steward','building')),
  building_id   uuid NOT NULL REFERENCES places(id),
  building_path text NOT NULL,
  term_id       uuid REFERENCES steward_terms(id),
  note          text NOT NULL DEFAULT '',
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  UNIQUE (year, kind, building_id)
);
CREATE INDEX steward_commendations_path_idx ON steward_commendations (building_path);
