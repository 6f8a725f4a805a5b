-- 智能派单 (issue 20): per-county models that suggest a case's category and its handler from the
-- resident's words, the suggestions stored on each case at intake, what the dispatcher did with them
-- (the hit rate), the county's switch for auto-routing, and imported hotline history to learn from.

-- One row per trained model; the newest version of (tenant, kind) is the one in use. The model is
-- the learner's serialized bytes, base64 (text reads the same on PGlite and PostgreSQL).
CREATE TABLE dispatch_models (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('category','department')),
  version       integer NOT NULL CHECK (version >= 1),
  model         text NOT NULL,
  training_size integer NOT NULL CHECK (training_size >= 0),
  labels        integer NOT NULL CHECK (labels >= 0),
  -- cross-validated (5 folds) share of cases whose label is first / among the first three; null when
  -- there were too few examples to measure
  top1          double precision CHECK (top1 BETWEEN 0 AND 1),
  top3          double precision CHECK (top3 BETWEEN 0 AND 1),
  trained_at    timestamptz NOT NULL,
  trained_by    uuid REFERENCES users(id),
  UNIQUE (tenant_id, kind, version)
);

-- The county's settings: auto-routing is off until the county turns it on.
CREATE TABLE dispatch_settings (
  tenant_id   text PRIMARY KEY,
  auto_route  boolean NOT NULL DEFAULT false,
  threshold   double precision NOT NULL DEFAULT 0.9 CHECK (threshold BETWEEN 0.5 AND 1),
  updated_at  timestamptz NOT NULL,
  updated_by  uuid REFERENCES users(id)
);

-- What the models said when the case came in: [{ "label", "probability", "source" }] × 3 each.
CREATE TABLE case_suggestions (
  case_id                   uuid PRIMARY KEY REFERENCES cases(id),
  tenant_id                 text NOT NULL,
  categories                jsonb NOT NULL DEFAULT '[]',
  departments               jsonb NOT NULL DEFAULT '[]',
  category_model_version    integer,
  department_model_version  integer,
  auto_routed               boolean NOT NULL DEFAULT false,
  created_at                timestamptz NOT NULL
);

-- The first human decision on a suggestion: taken (accepted) or another choice (corrected).
CREATE TABLE dispatch_outcomes (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  case_id     uuid NOT NULL REFERENCES cases(id),
  kind        text NOT NULL CHECK (kind IN ('category','department')),
  suggested   text NOT NULL,
  chosen      text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('accepted','corrected')),
  decided_by  uuid REFERENCES users(id),
  decided_at  timestamptz NOT NULL,
  UNIQUE (case_id, kind)
);
CREATE INDEX dispatch_outcomes_tenant_idx ON dispatch_outcomes (tenant_id, decided_at);

-- 历史工单: hotline records imported from Excel, labelled by category and (when matched) department.
CREATE TABLE dispatch_history (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  batch_id       uuid NOT NULL,
  subject        text NOT NULL DEFAULT '',
  body           text NOT NULL,
  category_code  text REFERENCES case_categories(code),
  department_id  uuid REFERENCES departments(id),
  occurred_on    text CHECK (occurred_on ~ '^\d{4}-\d{2}-\d{2}$'),
  imported_at    timestamptz NOT NULL,
  imported_by    uuid REFERENCES users(id)
);
CREATE INDEX dispatch_history_tenant_idx ON dispatch_history (tenant_id);
