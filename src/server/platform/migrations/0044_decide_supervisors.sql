-- 百姓监督员 (issue 17): supervisor projects on a community, grid or building (e.g. 老旧小区改造), with a
-- public call, candidates and their statements, the election (a vote of the kernel, subject
-- supervisor_election), supervisors' terms (each grants a `supervisor` membership at the project's
-- place, ended with the term), inspection logs with photos and issues raised (each may become a case
-- or a whistle). Nothing is deleted.

CREATE TABLE supervision_projects (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  community_id   uuid NOT NULL REFERENCES places(id),
  place_id       uuid NOT NULL REFERENCES places(id),
  place_path     text NOT NULL,
  title          text NOT NULL,
  description    text NOT NULL DEFAULT '',
  duties         text NOT NULL DEFAULT '',
  seats          integer NOT NULL CHECK (seats BETWEEN 1 AND 20),
  state          text NOT NULL CHECK (state IN ('calling','electing','active','ended','cancelled')),
  vote_id        uuid REFERENCES votes(id),
  -- why the last election did not make supervisors (no quorum, tie…), for staff to re-run it
  election_note  text NOT NULL DEFAULT '',
  end_note       text NOT NULL DEFAULT '',
  created_by     uuid NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  ended_at       timestamptz
);
CREATE INDEX supervision_projects_path_idx ON supervision_projects (tenant_id, place_path);

CREATE TABLE supervision_candidates (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  project_id    uuid NOT NULL REFERENCES supervision_projects(id),
  user_id       uuid NOT NULL REFERENCES users(id),
  -- the name on the registry record that makes them a resident of the place (phone users have none of their own)
  name          text NOT NULL,
  -- 竞选陈述
  statement     text NOT NULL,
  source        text NOT NULL CHECK (source IN ('self','staff')),
  state         text NOT NULL CHECK (state IN ('applied','accepted','rejected','elected','not_elected')),
  decision_note text NOT NULL DEFAULT '',
  decided_by    uuid REFERENCES users(id),
  decided_at    timestamptz,
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX supervision_candidates_uq ON supervision_candidates (project_id, user_id);

CREATE TABLE supervision_terms (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  project_id    uuid NOT NULL REFERENCES supervision_projects(id),
  user_id       uuid NOT NULL REFERENCES users(id),
  name          text NOT NULL,
  candidate_id  uuid REFERENCES supervision_candidates(id),
  origin        text NOT NULL CHECK (origin IN ('vote','appointed')),
  vote_id       uuid REFERENCES votes(id),
  appoint_reason text NOT NULL DEFAULT '',
  membership_id uuid,
  state         text NOT NULL CHECK (state IN ('active','ended')),
  started_at    timestamptz NOT NULL,
  ended_at      timestamptz,
  end_note      text NOT NULL DEFAULT '',
  created_by    uuid REFERENCES users(id),
  ended_by      uuid REFERENCES users(id),
  CHECK ((state = 'ended') = (ended_at IS NOT NULL)),
  CHECK (origin = 'vote' OR appoint_reason <> '')
);
CREATE UNIQUE INDEX supervision_terms_active_uq ON supervision_terms (project_id, user_id) WHERE state = 'active';
CREATE INDEX supervision_terms_user_idx ON supervision_terms (user_id);

-- 巡查日志: progress / quality / safety notes with a rating (1–5) and photos (the supervisor's own uploads)
CREATE TABLE supervision_logs (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  project_id   uuid NOT NULL REFERENCES supervision_projects(id),
  term_id      uuid NOT NULL REFERENCES supervision_terms(id),
  kind         text NOT NULL CHECK (kind IN ('progress','quality','safety')),
  body         text NOT NULL,
  rating       integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  photo_ids    uuid[] NOT NULL DEFAULT '{}',
  lng          double precision,
  lat          double precision,
  location_note text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  CHECK ((lng IS NULL) = (lat IS NULL))
);
CREATE INDEX supervision_logs_project_idx ON supervision_logs (project_id, created_at);

-- 发现问题: raised by a supervisor; staff (or the supervisor) make it a case, or staff a whistle
CREATE TABLE supervision_issues (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  project_id  uuid NOT NULL REFERENCES supervision_projects(id),
  term_id     uuid NOT NULL REFERENCES supervision_terms(id),
  body        text NOT NULL,
  photo_ids   uuid[] NOT NULL DEFAULT '{}',
  state       text NOT NULL CHECK (state IN ('raised','case','whistle')),
  case_id     uuid,
  whistle_id  uuid,
  handled_by  uuid REFERENCES users(id),
  handled_at  timestamptz,
  created_at  timestamptz NOT NULL
);
CREATE INDEX supervision_issues_project_idx ON supervision_issues (project_id, created_at);
