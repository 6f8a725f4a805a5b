-- 权责清单: a street's lists of duties (communities inherit them), versioned with effective dates.
CREATE TABLE duty_lists (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  street_id      uuid NOT NULL REFERENCES places(id),
  version        integer NOT NULL,
  title          text NOT NULL,
  effective_from date NOT NULL,
  effective_to   date,
  created_at     timestamptz NOT NULL,
  UNIQUE (street_id, version)
);

CREATE TABLE duty_items (
  id               uuid PRIMARY KEY,
  list_id          uuid NOT NULL REFERENCES duty_lists(id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('self_governance','assisting','admitted','cancelled')),
  ref              text NOT NULL,                 -- the list's own numbering, cited in refusals: 自治-1-2-1
  class_name       text NOT NULL,
  item_name        text NOT NULL,
  sub_item_name    text NOT NULL DEFAULT '',
  legal_basis      text NOT NULL DEFAULT '',
  department_kind  text,                          -- who is responsible when it is not the community
  category_codes   text[] NOT NULL DEFAULT '{}',  -- case categories this item covers
  keywords         text[] NOT NULL DEFAULT '{}',
  sort             integer NOT NULL DEFAULT 0,
  UNIQUE (list_id, ref)
);
CREATE INDEX duty_items_list_idx ON duty_items (list_id, kind);

-- Work a department hands to a community, checked against the admitted items (准入).
CREATE TABLE duty_tasks (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  department_id  uuid NOT NULL REFERENCES departments(id),
  community_id   uuid NOT NULL REFERENCES places(id),
  title          text NOT NULL,
  description    text NOT NULL DEFAULT '',
  item_ref       text,
  status         text NOT NULL CHECK (status IN ('accepted','refused')),
  reason         text NOT NULL DEFAULT '',
  created_by     uuid,
  created_at     timestamptz NOT NULL
);
CREATE INDEX duty_tasks_department_idx ON duty_tasks (department_id, created_at);
