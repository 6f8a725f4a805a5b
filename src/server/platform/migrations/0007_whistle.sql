-- 吹哨报到: a community or street summons departments to one problem; each department's part is a
-- summons (哨令) with deadlines to acknowledge (接哨) and to arrive on site (报到), then a score.
CREATE TABLE whistles (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  case_id         uuid REFERENCES cases(id),
  place_id        uuid NOT NULL REFERENCES places(id),
  place_path      text NOT NULL,
  subject         text NOT NULL,
  request         text NOT NULL,
  state           text NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
  created_by      uuid REFERENCES users(id),
  created_by_name text NOT NULL,
  created_at      timestamptz NOT NULL,
  closed_at       timestamptz
);
CREATE INDEX whistles_path_idx ON whistles (place_path text_pattern_ops, created_at);

CREATE TABLE summonses (
  id               uuid PRIMARY KEY,
  tenant_id        text NOT NULL,
  whistle_id       uuid NOT NULL REFERENCES whistles(id),
  department_id    uuid NOT NULL REFERENCES departments(id),
  state            text NOT NULL,
  ack_due_at       timestamptz NOT NULL,
  arrive_due_at    timestamptz NOT NULL,
  acknowledged_at  timestamptz,
  owner_id         uuid REFERENCES users(id),       -- 首问负责: the receiver who acknowledged first
  owner_name       text,
  arrived_at       timestamptz,
  arrival_lng      double precision,
  arrival_lat      double precision,
  report_text      text,
  reported_at      timestamptz,
  score            integer CHECK (score BETWEEN 1 AND 5),
  score_comment    text,
  scored_at        timestamptz,
  ack_on_time      boolean,
  arrive_on_time   boolean,
  sla_level        text NOT NULL DEFAULT 'ok' CHECK (sla_level IN ('ok','yellow','red')),
  escalated        boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL,
  UNIQUE (whistle_id, department_id)
);
CREATE INDEX summonses_department_idx ON summonses (department_id, created_at);

CREATE TABLE whistle_events (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  whistle_id  uuid NOT NULL REFERENCES whistles(id),
  summons_id  uuid REFERENCES summonses(id),
  action      text NOT NULL,
  actor_id    uuid,
  actor_name  text NOT NULL,
  note        text NOT NULL DEFAULT '',
  at          timestamptz NOT NULL
);
CREATE INDEX whistle_events_whistle_idx ON whistle_events (whistle_id, at);
