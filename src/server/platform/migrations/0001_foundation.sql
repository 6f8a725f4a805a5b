-- Foundation: places, departments, users and access, sessions, audit log, jobs.
-- Every tenant-owned row carries tenant_id (the county code), the distribution column when scaled out.

CREATE TABLE places (
  id          uuid PRIMARY KEY,
  tenant_id   text,                                  -- null for province and city (reference data)
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('province','city','county','street','community','grid','building','unit','household')),
  parent_id   uuid REFERENCES places(id),
  path        text NOT NULL,                         -- '/61/6108/610899/…/' : everything under X is one prefix query
  status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active','retired')),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  retired_at  timestamptz
);
CREATE INDEX places_path_idx ON places (path text_pattern_ops);
CREATE INDEX places_parent_idx ON places (parent_id);
CREATE INDEX places_tenant_kind_idx ON places (tenant_id, kind);

-- 网格: boundary as a GeoJSON Polygon plus its bounding box for the spatial index
CREATE TABLE grids (
  place_id      uuid PRIMARY KEY REFERENCES places(id),
  tenant_id     text NOT NULL,
  grid_kind     text NOT NULL CHECK (grid_kind IN ('comprehensive','dedicated')),
  dedicated_for text,
  boundary      jsonb NOT NULL,
  min_lng       double precision NOT NULL,
  min_lat       double precision NOT NULL,
  max_lng       double precision NOT NULL,
  max_lat       double precision NOT NULL
);

-- 楼栋
CREATE TABLE buildings (
  place_id   uuid PRIMARY KEY REFERENCES places(id),
  tenant_id  text NOT NULL,
  lng        double precision NOT NULL,
  lat        double precision NOT NULL,
  floors     integer NOT NULL DEFAULT 1 CHECK (floors BETWEEN 1 AND 200),
  address    text NOT NULL DEFAULT ''
);

-- 户
CREATE TABLE households (
  place_id   uuid PRIMARY KEY REFERENCES places(id),
  tenant_id  text NOT NULL,
  address    text NOT NULL,
  room       text NOT NULL,
  floor      integer
);

-- 网格合并与拆分的历史 (木垒: 1238 → 139)
CREATE TABLE grid_changes (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  change_kind text NOT NULL CHECK (change_kind IN ('merge','split')),
  from_codes  text[] NOT NULL,
  to_codes    text[] NOT NULL,
  reason      text NOT NULL DEFAULT '',
  actor_id    uuid,
  changed_at  timestamptz NOT NULL
);
CREATE INDEX grid_changes_tenant_idx ON grid_changes (tenant_id, changed_at);

-- Version numbers that tell every app process to reload an in-memory index.
CREATE TABLE system_counters (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO system_counters (name, value) VALUES ('grids', 1);

-- 职能部门
CREATE TABLE departments (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL,
  street_code text,
  phone       text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL
);

CREATE TABLE users (
  id                  uuid PRIMARY KEY,
  tenant_id           text,
  username            text NOT NULL UNIQUE,
  display_name        text NOT NULL,
  password_hash       text NOT NULL,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
  failed_logins       integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  password_changed_at timestamptz NOT NULL,
  last_login_at       timestamptz,
  created_at          timestamptz NOT NULL
);

-- A user's (role, scope) pairs; the scope is a place subtree or a department.
CREATE TABLE memberships (
  id            uuid PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role          text NOT NULL,
  place_id      uuid REFERENCES places(id),
  department_id uuid REFERENCES departments(id),
  created_at    timestamptz NOT NULL,
  CHECK ((place_id IS NULL) <> (department_id IS NULL))
);
CREATE INDEX memberships_user_idx ON memberships (user_id);
CREATE INDEX memberships_place_idx ON memberships (place_id);

CREATE TABLE sessions (
  id           text PRIMARY KEY,                     -- sha256 of the cookie token; the token itself is never stored
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_log (
  id          uuid PRIMARY KEY,
  tenant_id   text,
  actor_id    uuid,
  actor_name  text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  before      jsonb,
  after       jsonb,
  request_id  text,
  ip          text,
  at          timestamptz NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (tenant_id, at);

-- Background work, claimed with FOR UPDATE SKIP LOCKED and run in the claiming transaction.
CREATE TABLE jobs (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}',
  run_at       timestamptz NOT NULL,
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','done','dead')),
  attempts     integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  last_error   text,
  dedupe_key   text UNIQUE,
  created_at   timestamptz NOT NULL,
  finished_at  timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'queued';
