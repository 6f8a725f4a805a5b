-- 共驻共建 · 一书四单 (issue 16, units): a co-building unit (an organisation of kind
-- co_building_unit registered with a community) signs a yearly agreement (共驻共建协议书) and keeps
-- four lists (needs, resources, projects, responsibilities). Each entry is fulfilled by the unit's
-- liaison with proof and confirmed by the community, which credits the entry's score to the unit
-- (points_entries, rule unit_entry). Property companies and owners' committees registered with the
-- community carry their term and the buildings they serve. Days are YYYY-MM-DD text in China time.

-- 物业与业委会: the term and the buildings an organisation serves (one row per organisation).
CREATE TABLE organisation_services (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
  tenant_id       text NOT NULL,
  term_start      text CHECK (term_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  term_end        text CHECK (term_end ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  building_ids    uuid[] NOT NULL DEFAULT '{}',
  note            text NOT NULL DEFAULT '',
  updated_by      uuid REFERENCES users(id),
  updated_at      timestamptz NOT NULL,
  CHECK (term_end IS NULL OR term_start IS NULL OR term_end >= term_start)
);

-- 共驻共建协议书: one per unit and year.
CREATE TABLE unit_agreements (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  community_id    uuid NOT NULL REFERENCES places(id),
  place_path      text NOT NULL,
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  state           text NOT NULL CHECK (state IN ('draft','signed','ended')),
  signed_on       text CHECK (signed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  term_start      text NOT NULL CHECK (term_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  term_end        text NOT NULL CHECK (term_end ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  file_id         uuid REFERENCES files(id),
  note            text NOT NULL DEFAULT '',
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  CHECK (term_end >= term_start),
  CHECK ((state = 'draft') = (signed_on IS NULL))
);
CREATE UNIQUE INDEX unit_agreements_org_year_uq ON unit_agreements (organisation_id, year);
CREATE INDEX unit_agreements_path_idx ON unit_agreements (place_path text_pattern_ops, year);

-- 四单: an entry of one of the four lists, with its score (points) and its life:
-- open → submitted (by the liaison, with proof) → confirmed (points to the unit) | returned → submitted.
CREATE TABLE unit_entries (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  agreement_id    uuid NOT NULL REFERENCES unit_agreements(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  community_id    uuid NOT NULL REFERENCES places(id),
  place_path      text NOT NULL,
  list            text NOT NULL CHECK (list IN ('needs','resources','projects','responsibilities')),
  title           text NOT NULL,
  description     text NOT NULL DEFAULT '',
  due_on          text NOT NULL CHECK (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  score           integer NOT NULL CHECK (score BETWEEN 0 AND 1000),
  state           text NOT NULL CHECK (state IN ('open','submitted','confirmed','returned')),
  fulfilment_note text NOT NULL DEFAULT '',
  proof_file_ids  uuid[] NOT NULL DEFAULT '{}',
  submitted_by    uuid REFERENCES users(id),
  submitted_at    timestamptz,
  return_reason   text NOT NULL DEFAULT '',
  decided_by      uuid REFERENCES users(id),
  decided_at      timestamptz,
  points_awarded  integer NOT NULL DEFAULT 0,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX unit_entries_agreement_idx ON unit_entries (agreement_id, list);
CREATE INDEX unit_entries_org_idx ON unit_entries (organisation_id, state);
CREATE INDEX unit_entries_path_idx ON unit_entries (place_path text_pattern_ops);
