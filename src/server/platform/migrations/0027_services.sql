-- 服务大厅 (issue 15): the service catalogue, "one thing, one visit" bundles and applications.
-- The hall (windows, appointments, queue numbers, kiosks) and assistance advisers have their own
-- migrations. A county's catalogue is its own (tenant_id); items name the department that handles
-- them in that county.

-- 服务类别: the eight or so classes of the hall (党群服务, 民政救助, 社保医保 …).
CREATE TABLE service_categories (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  sort        integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  UNIQUE (tenant_id, code)
);

-- 服务事项: one item of the catalogue. `form` is a form definition (shared/service-forms.ts) and
-- `materials` its material list; both are validated by the server before they are stored.
-- `version` grows with every edit; an application keeps the version it was filed under.
CREATE TABLE service_items (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  category_id     uuid NOT NULL REFERENCES service_categories(id),
  code            text NOT NULL,
  name            text NOT NULL,
  summary         text NOT NULL DEFAULT '',
  eligibility     text NOT NULL DEFAULT '',            -- 申请条件: who may apply
  handler_level   text NOT NULL CHECK (handler_level IN ('community','street','department')),
  department_id   uuid REFERENCES departments(id),     -- when handler_level = 'department'
  time_limit_days integer NOT NULL CHECK (time_limit_days BETWEEN 0 AND 365), -- 承诺时限, working days; 0 即办
  fee_fen         integer NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
  fee_note        text NOT NULL DEFAULT '',
  legal_basis     text NOT NULL DEFAULT '',            -- 设定依据
  channel         text NOT NULL CHECK (channel IN ('online','window','both')),
  form            jsonb NOT NULL DEFAULT '{"fields":[]}',
  materials       jsonb NOT NULL DEFAULT '[]',
  sort            integer NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT true,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (tenant_id, code),
  CHECK ((handler_level = 'department') = (department_id IS NOT NULL))
);
CREATE INDEX service_items_category_idx ON service_items (category_id, sort);

-- Each version of an item as it was saved, so an application is always read with its own form.
CREATE TABLE service_item_versions (
  item_id     uuid NOT NULL REFERENCES service_items(id),
  version     integer NOT NULL,
  tenant_id   text NOT NULL,
  form        jsonb NOT NULL,
  materials   jsonb NOT NULL,
  time_limit_days integer NOT NULL,
  saved_by    uuid REFERENCES users(id),
  saved_at    timestamptz NOT NULL,
  PRIMARY KEY (item_id, version)
);

-- 一件事一次办: bundle classes (零售, 居民服务, 租赁, 食品加工, 交通运输 …) and bundles of items.
CREATE TABLE service_bundle_classes (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  sort        integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  UNIQUE (tenant_id, code)
);

CREATE TABLE service_bundles (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  class_id    uuid NOT NULL REFERENCES service_bundle_classes(id),
  code        text NOT NULL,
  name        text NOT NULL,
  summary     text NOT NULL DEFAULT '',
  sort        integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  UNIQUE (tenant_id, code)
);

CREATE TABLE service_bundle_items (
  bundle_id   uuid NOT NULL REFERENCES service_bundles(id),
  item_id     uuid NOT NULL REFERENCES service_items(id),
  tenant_id   text NOT NULL,
  sort        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (bundle_id, item_id)
);
CREATE INDEX service_bundle_items_item_idx ON service_bundle_items (item_id);

-- 办件: one application, for one item or one bundle, filed in the applicant's community.
-- The answers hold personal data (ID numbers, phones, addresses): stored encrypted as one JSON text.
CREATE TABLE service_applications (
  id                  uuid PRIMARY KEY,
  tenant_id           text NOT NULL,
  code                text NOT NULL UNIQUE,              -- 办件编号, e.g. FW-20261206-0007
  item_id             uuid REFERENCES service_items(id),
  bundle_id           uuid REFERENCES service_bundles(id),
  community_id        uuid NOT NULL REFERENCES places(id),
  place_path          text NOT NULL,
  source              text NOT NULL CHECK (source IN ('phone','window','kiosk','adviser')),
  on_behalf           boolean NOT NULL DEFAULT false,    -- 代办: entered by staff for the resident
  entered_by          uuid REFERENCES users(id),
  applicant_user_id   uuid REFERENCES users(id),         -- the resident's phone account, when they applied
  resident_id         uuid REFERENCES residents(id),
  applicant_name      text NOT NULL,
  id_number_enc       text,
  id_number_hash      text,
  id_number_masked    text,
  phone_enc           text,
  phone_hash          text,
  phone_masked        text,
  answers_enc         text NOT NULL,
  materials           jsonb NOT NULL DEFAULT '[]',       -- [{key, fileIds, atWindow}]
  state               text NOT NULL CHECK (state IN ('submitted','supplement','accepted','in_review','approved','refused','ready','collected','withdrawn')),
  supplement_note     text,                              -- 补正告知: what is missing
  paused_at           timestamptz,                       -- 补正 started: every running part clock is paused
  accepted_at         timestamptz,
  due_at              timestamptz,                       -- the latest part's deadline
  sla_level           text NOT NULL DEFAULT 'ok' CHECK (sla_level IN ('ok','yellow','red')),
  decided_at          timestamptz,
  ready_at            timestamptz,
  collected_at        timestamptz,
  withdrawn_at        timestamptz,
  visits              integer NOT NULL DEFAULT 1,        -- times the resident had to come (最多跑一次)
  rating              text CHECK (rating IN ('very_satisfied','satisfied','fair','dissatisfied','very_dissatisfied')),
  rating_comment      text,
  rated_at            timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CHECK ((item_id IS NULL) <> (bundle_id IS NULL))
);
CREATE INDEX service_applications_path_idx ON service_applications (place_path text_pattern_ops, created_at);
CREATE INDEX service_applications_state_idx ON service_applications (tenant_id, state, created_at);
CREATE INDEX service_applications_user_idx ON service_applications (applicant_user_id, created_at);
CREATE INDEX service_applications_resident_idx ON service_applications (resident_id);

-- One part per item of the application (one for a single item, several for a bundle), reviewed by
-- the item's handler on its own working-day clock: the community or street of the application, or
-- the department. A department sees only its parts.
CREATE TABLE service_application_parts (
  id                uuid PRIMARY KEY,
  application_id    uuid NOT NULL REFERENCES service_applications(id),
  tenant_id         text NOT NULL,
  item_id           uuid NOT NULL REFERENCES service_items(id),
  item_version      integer NOT NULL,
  handler_level     text NOT NULL CHECK (handler_level IN ('community','street','department')),
  department_id     uuid REFERENCES departments(id),
  handler_place_id  uuid REFERENCES places(id),        -- the community or street that handles it
  handler_path      text,                              -- that place's path, for scope
  state             text NOT NULL CHECK (state IN ('waiting','pending','in_review','supplement','approved','refused','withdrawn')),
  clock_started_at  timestamptz,
  due_at            timestamptz,
  paused_at         timestamptz,
  sla_level         text NOT NULL DEFAULT 'ok' CHECK (sla_level IN ('ok','yellow','red')),
  reviewer_id       uuid REFERENCES users(id),
  decided_at        timestamptz,
  decision_note     text,                              -- 审核意见 or 不予办理的理由
  result_file_ids   uuid[] NOT NULL DEFAULT '{}',
  sort              integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK ((handler_level = 'department') = (department_id IS NOT NULL))
);
CREATE INDEX service_parts_application_idx ON service_application_parts (application_id, sort);
CREATE INDEX service_parts_department_idx ON service_application_parts (department_id, state);
CREATE INDEX service_parts_handler_path_idx ON service_application_parts (handler_path text_pattern_ops, state);

-- The timeline of an application, as the resident and the staff read it.
CREATE TABLE service_application_events (
  id              uuid PRIMARY KEY,
  application_id  uuid NOT NULL REFERENCES service_applications(id),
  part_id         uuid REFERENCES service_application_parts(id),
  tenant_id       text NOT NULL,
  action          text NOT NULL,
  from_state      text,
  to_state        text,
  note            text NOT NULL DEFAULT '',
  actor_id        uuid REFERENCES users(id),
  actor_name      text NOT NULL,
  at              timestamptz NOT NULL
);
CREATE INDEX service_application_events_idx ON service_application_events (application_id, at);
