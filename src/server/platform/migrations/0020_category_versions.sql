-- Editable case categories with history (issue 14). Every edit writes a new version; a case keeps the
-- version it was filed under, so its later clocks (dispatch, take, resolve, extension, reopen) use the
-- limits it was given, not today's.

ALTER TABLE case_categories
  ADD COLUMN version    integer NOT NULL DEFAULT 1,
  ADD COLUMN kind       text NOT NULL DEFAULT 'event' CHECK (kind IN ('event','component')),  -- 事件 / 部件
  ADD COLUMN urgent     boolean NOT NULL DEFAULT false,   -- cases filed here are urgent (突发事件)
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE case_category_versions (
  code                    text NOT NULL REFERENCES case_categories(code),
  version                 integer NOT NULL,
  parent_code             text,
  name_zh                 text NOT NULL,
  name_en                 text NOT NULL,
  kind                    text NOT NULL,
  first_contact_minutes   integer NOT NULL,
  dispatch_minutes        integer NOT NULL,
  take_minutes            integer NOT NULL,
  resolve_hours           integer NOT NULL,
  business_days           boolean NOT NULL,
  urgent                  boolean NOT NULL,
  default_department_kind text,
  keywords                text[] NOT NULL,
  sort                    integer NOT NULL,
  active                  boolean NOT NULL,
  change                  text NOT NULL CHECK (change IN ('initial','create','edit','import')),
  changed_by              uuid REFERENCES users(id),
  changed_by_name         text NOT NULL,
  changed_at              timestamptz NOT NULL,
  PRIMARY KEY (code, version)
);

INSERT INTO case_category_versions (code, version, parent_code, name_zh, name_en, kind, first_contact_minutes,
  dispatch_minutes, take_minutes, resolve_hours, business_days, urgent, default_department_kind, keywords, sort, active,
  change, changed_by, changed_by_name, changed_at)
SELECT code, 1, parent_code, name_zh, name_en, kind, first_contact_minutes, dispatch_minutes, take_minutes, resolve_hours,
  business_days, urgent, default_department_kind, keywords, sort, active, 'initial', NULL, '系统', now()
FROM case_categories;

-- The category version a case was filed under (its limits); NULL only for rows written before 0020
-- without a category, and such a case falls back to the category as it is now.
ALTER TABLE cases ADD COLUMN category_version integer;
UPDATE cases SET category_version = 1 WHERE category_code IS NOT NULL;
ALTER TABLE cases ADD CONSTRAINT cases_category_version_fk
  FOREIGN KEY (category_code, category_version) REFERENCES case_category_versions (code, version);
