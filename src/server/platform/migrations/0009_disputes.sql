-- 矛盾纠纷: the dispute ledger, its parties (personal data sealed as for residents), mediation
-- sessions with their agreement, follow-up visits and hand-over.
CREATE TABLE disputes (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  code          text NOT NULL UNIQUE,
  dispute_type  text NOT NULL CHECK (dispute_type IN ('neighbour','family','property','labour','land','consumer','other')),
  summary       text NOT NULL,
  place_id      uuid NOT NULL REFERENCES places(id),
  place_path    text NOT NULL,
  source        text NOT NULL CHECK (source IN ('regular_screening','focused_screening','case','walk_in')),
  case_id       uuid REFERENCES cases(id),
  whistle_id    uuid REFERENCES whistles(id),
  risk          text NOT NULL CHECK (risk IN ('low','medium','high')),
  status        text NOT NULL CHECK (status IN ('open','mediating','agreed','failed','handed_over','closed')),
  handed_to     text,
  created_by    uuid,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX disputes_path_idx ON disputes (place_path text_pattern_ops, created_at);

CREATE TABLE dispute_parties (
  id               uuid PRIMARY KEY,
  dispute_id       uuid NOT NULL REFERENCES disputes(id),
  role             text NOT NULL CHECK (role IN ('applicant','respondent','other')),
  resident_id      uuid REFERENCES residents(id),
  name             text NOT NULL,
  phone_enc        text,
  phone_masked     text,
  id_number_enc    text,
  id_number_masked text
);

CREATE TABLE mediation_sessions (
  id             uuid PRIMARY KEY,
  dispute_id     uuid NOT NULL REFERENCES disputes(id),
  held_at        timestamptz NOT NULL,
  mediators      text[] NOT NULL DEFAULT '{}',
  legal_advisers text[] NOT NULL DEFAULT '{}',
  record         text NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('agreed','not_agreed','adjourned')),
  agreement_text text,
  signature_file_ids uuid[] NOT NULL DEFAULT '{}',
  created_by     uuid,
  created_at     timestamptz NOT NULL
);

CREATE TABLE dispute_events (
  id          uuid PRIMARY KEY,
  dispute_id  uuid NOT NULL REFERENCES disputes(id),
  kind        text NOT NULL,             -- recorded, mediation, followup, handover, closed, whistle
  note        text NOT NULL DEFAULT '',
  actor_name  text NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX dispute_events_idx ON dispute_events (dispute_id, at);
