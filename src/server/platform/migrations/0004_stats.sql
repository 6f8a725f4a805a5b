-- Daily rollups of cases (per day of receipt × place × category × channel × department), kept
-- right incrementally in the transaction of every case change; rebuildable from raw cases.
CREATE TABLE case_daily (
  tenant_id            text NOT NULL,
  day                  date NOT NULL,
  place_id             uuid NOT NULL,
  place_path           text NOT NULL,
  category_code        text NOT NULL,
  channel              text NOT NULL,
  department_key       text NOT NULL DEFAULT '',        -- the department it was sent to, '' for none
  received             integer NOT NULL DEFAULT 0,
  valid                integer NOT NULL DEFAULT 0,
  contacted            integer NOT NULL DEFAULT 0,
  contacted_on_time    integer NOT NULL DEFAULT 0,
  contact_minutes      bigint NOT NULL DEFAULT 0,
  resolved             integer NOT NULL DEFAULT 0,
  resolved_on_time     integer NOT NULL DEFAULT 0,
  resolve_minutes      bigint NOT NULL DEFAULT 0,
  closed               integer NOT NULL DEFAULT 0,
  rated                integer NOT NULL DEFAULT 0,
  solved               integer NOT NULL DEFAULT 0,
  satisfied            integer NOT NULL DEFAULT 0,
  reopened             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, place_id, category_code, channel, department_key)
);
CREATE INDEX case_daily_path_idx ON case_daily (place_path text_pattern_ops, day);
