-- Cases (诉求/事件): intake, the closed-loop lifecycle, deadlines, the timeline, the on-duty
-- roster, SMS outbox, rate limits and the holiday calendar.

ALTER TABLE users ADD COLUMN phone_enc text;
ALTER TABLE users ADD COLUMN phone_masked text;
ALTER TABLE users ADD COLUMN phone_hash text;          -- residents log in by phone + one-time code
CREATE UNIQUE INDEX users_phone_hash_uq ON users (phone_hash) WHERE phone_hash IS NOT NULL;

-- Event categories after the urban-grid standard's classes, with deadlines (minutes / hours).
CREATE TABLE case_categories (
  code                   text PRIMARY KEY,
  parent_code            text REFERENCES case_categories(code),
  name_zh                text NOT NULL,
  name_en                text NOT NULL,
  first_contact_minutes  integer NOT NULL DEFAULT 30,
  dispatch_minutes       integer NOT NULL DEFAULT 120,
  take_minutes           integer NOT NULL DEFAULT 60,
  resolve_hours          integer NOT NULL DEFAULT 72,
  business_days          boolean NOT NULL DEFAULT false,   -- deadlines count working days only
  default_department_kind text,
  keywords               text[] NOT NULL DEFAULT '{}',
  sort                   integer NOT NULL DEFAULT 0,
  active                 boolean NOT NULL DEFAULT true
);

-- Holidays and the weekend days worked instead (调休).
CREATE TABLE calendar_days (
  day        date PRIMARY KEY,
  is_workday boolean NOT NULL,
  name       text NOT NULL DEFAULT ''
);

CREATE TABLE cases (
  id                    uuid PRIMARY KEY,
  tenant_id             text NOT NULL,
  tracking_code         text NOT NULL UNIQUE,
  channel               text NOT NULL CHECK (channel IN ('qr','snap','hotline','walkIn','kiosk','patrol','open311','import')),
  category_code         text REFERENCES case_categories(code),
  priority              text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal','urgent')),
  state                 text NOT NULL,
  suspended_from        text,
  description           text NOT NULL,
  text_tokens           text[] NOT NULL DEFAULT '{}',
  address               text NOT NULL DEFAULT '',
  lng                   double precision,
  lat                   double precision,
  place_id              uuid NOT NULL REFERENCES places(id),    -- the grid, or the community when no grid is known
  place_path            text NOT NULL,
  reporter_name         text NOT NULL DEFAULT '',
  reporter_phone_enc    text,
  reporter_phone_hash   text,
  reporter_phone_masked text,
  reporter_phone_last4  text,
  reporter_user_id      uuid REFERENCES users(id),
  photo_ids             uuid[] NOT NULL DEFAULT '{}',
  idempotency_key       text,
  assignee_kind         text CHECK (assignee_kind IN ('user','department')),
  assignee_user_id      uuid REFERENCES users(id),
  assignee_department_id uuid REFERENCES departments(id),
  assignee_name         text,
  first_contact_due_at  timestamptz,
  dispatch_due_at       timestamptz,
  take_due_at           timestamptz,
  resolve_due_at        timestamptz,
  first_contact_at      timestamptz,
  accepted_at           timestamptz,
  dispatched_at         timestamptz,
  taken_at              timestamptz,
  resolved_at           timestamptz,
  closed_at             timestamptz,
  suspended_at          timestamptz,
  extension_requested_hours integer,
  first_contact_on_time boolean,                          -- set when the call back is recorded
  resolved_on_time      boolean,                          -- set when the handler reports the result
  escalation_level      integer NOT NULL DEFAULT 0,
  sla_level             text NOT NULL DEFAULT 'ok' CHECK (sla_level IN ('ok','yellow','red')),
  reopen_count          integer NOT NULL DEFAULT 0,
  result_text           text,
  result_photo_ids      uuid[] NOT NULL DEFAULT '{}',
  rating                text CHECK (rating IN ('satisfied','basic','unsatisfied')),
  rating_solved         boolean,
  rating_comment        text,
  rated_at              timestamptz,
  rating_token_hash     text,
  valid                 boolean NOT NULL DEFAULT true,         -- false once rejected as invalid or duplicate
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);
CREATE UNIQUE INDEX cases_idempotency_uq ON cases (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX cases_path_idx ON cases (place_path text_pattern_ops, created_at);
CREATE INDEX cases_state_idx ON cases (tenant_id, state, created_at);
CREATE INDEX cases_assignee_dept_idx ON cases (assignee_department_id, state);
CREATE INDEX cases_assignee_user_idx ON cases (assignee_user_id, state);
CREATE INDEX cases_reporter_idx ON cases (reporter_phone_hash);
CREATE INDEX cases_tokens_idx ON cases USING gin (text_tokens);
CREATE INDEX cases_place_created_idx ON cases (place_id, created_at);

-- The timeline: every step with who and when.
CREATE TABLE case_events (
  id         uuid PRIMARY KEY,
  tenant_id  text NOT NULL,
  case_id    uuid NOT NULL REFERENCES cases(id),
  action     text NOT NULL,
  from_state text,
  to_state   text,
  actor_id   uuid,
  actor_name text NOT NULL,
  note       text NOT NULL DEFAULT '',
  data       jsonb NOT NULL DEFAULT '{}',
  at         timestamptz NOT NULL
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at);

-- Who is on duty for a community: they get the SMS of new cases.
CREATE TABLE duty_roster (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  community_id uuid NOT NULL REFERENCES places(id),
  user_id      uuid NOT NULL REFERENCES users(id),
  weekdays     integer[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}',   -- ISO weekdays, Monday = 1
  created_at   timestamptz NOT NULL,
  UNIQUE (community_id, user_id)
);

-- Every SMS goes through the outbox; a job hands it to the provider.
CREATE TABLE sms_outbox (
  id               uuid PRIMARY KEY,
  tenant_id        text,
  to_phone_enc     text NOT NULL,
  to_masked        text NOT NULL,
  template         text NOT NULL,
  params           jsonb NOT NULL DEFAULT '{}',
  body             text NOT NULL,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
  provider         text,
  provider_message_id text,
  last_error       text,
  case_id          uuid REFERENCES cases(id),
  dedupe_key       text UNIQUE,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz
);
CREATE INDEX sms_outbox_created_idx ON sms_outbox (tenant_id, created_at);

-- Fixed-window counters for abuse control on public endpoints (in the database: app servers keep no state).
CREATE TABLE rate_limits (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count        integer NOT NULL
);

-- One-time login codes for residents (phone + code).
CREATE TABLE login_codes (
  phone_hash  text PRIMARY KEY,
  code_hash   text NOT NULL,
  attempts    integer NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL
);

INSERT INTO case_categories (code, parent_code, name_zh, name_en, first_contact_minutes, dispatch_minutes, take_minutes, resolve_hours, business_days, default_department_kind, keywords, sort) VALUES
  ('city_appearance', NULL, '市容环境', 'City appearance', 30, 120, 60, 72, false, 'city_management', '{}', 10),
  ('garbage', 'city_appearance', '垃圾清运', 'Garbage collection', 30, 120, 60, 48, false, 'city_management', '{垃圾,垃圾桶,清运,臭}', 11),
  ('ads', 'city_appearance', '乱贴乱画小广告', 'Illegal posters', 30, 240, 120, 72, false, 'city_management', '{小广告,涂鸦,乱贴}', 12),
  ('sanitation', 'city_appearance', '环境卫生', 'Sanitation', 30, 120, 60, 48, false, 'city_management', '{卫生,脏,污水,粪便}', 13),
  ('facilities', NULL, '设施管理', 'Facilities', 30, 120, 60, 72, false, 'housing', '{}', 20),
  ('street_light', 'facilities', '路灯损坏', 'Broken street light', 30, 120, 60, 72, false, 'city_management', '{路灯,灯,黑}', 21),
  ('road', 'facilities', '道路破损', 'Damaged road', 30, 240, 120, 120, true, 'housing', '{道路,坑,路面,井盖}', 22),
  ('water_supply', 'facilities', '供水问题', 'Water supply', 30, 60, 30, 24, false, 'water', '{停水,水管,漏水,水压}', 23),
  ('power_supply', 'facilities', '供电问题', 'Power supply', 30, 60, 30, 24, false, 'power', '{停电,电线,电表}', 24),
  ('drainage', 'facilities', '下水道堵塞', 'Blocked drain', 30, 60, 60, 48, false, 'housing', '{下水道,堵塞,管道,返水,淹}', 25),
  ('elevator', 'facilities', '电梯故障', 'Lift failure', 30, 60, 30, 24, false, 'market_regulation', '{电梯,困人}', 26),
  ('disputes', NULL, '矛盾纠纷', 'Disputes', 30, 120, 60, 120, true, 'justice', '{}', 30),
  ('neighbour', 'disputes', '邻里纠纷', 'Neighbour dispute', 30, 120, 60, 120, true, 'justice', '{邻居,楼上,楼下,吵,纠纷,赔偿}', 31),
  ('property_mgmt', 'disputes', '物业纠纷', 'Property management dispute', 30, 120, 60, 120, true, 'housing', '{物业,物业费,业委会}', 32),
  ('wages', 'disputes', '劳资纠纷', 'Unpaid wages', 30, 120, 60, 120, true, 'civil_affairs', '{工资,欠薪,拖欠}', 33),
  ('safety', NULL, '安全隐患', 'Safety hazards', 15, 30, 30, 24, false, 'police', '{}', 40),
  ('fire', 'safety', '消防隐患', 'Fire hazard', 15, 30, 30, 12, false, 'police', '{消防,通道,堵塞,电动车,充电,火}', 41),
  ('building_safety', 'safety', '房屋安全', 'Unsafe building', 15, 30, 30, 24, false, 'housing', '{裂缝,危房,脱落,墙皮}', 42),
  ('public_order', 'safety', '治安问题', 'Public order', 15, 30, 30, 24, false, 'police', '{偷,盗,打架,可疑}', 43),
  ('street_order', NULL, '街面秩序', 'Street order', 30, 120, 60, 48, false, 'city_management', '{}', 50),
  ('parking', 'street_order', '乱停乱放', 'Illegal parking', 30, 120, 60, 24, false, 'police', '{停车,占道,车}', 51),
  ('stalls', 'street_order', '占道经营', 'Street stalls', 30, 120, 60, 48, false, 'city_management', '{摆摊,占道,商贩}', 52),
  ('noise', 'street_order', '噪音扰民', 'Noise', 30, 120, 60, 48, false, 'police', '{噪音,吵闹,广场舞,施工}', 53),
  ('livelihood', NULL, '民生服务', 'Livelihood services', 30, 240, 120, 120, true, 'civil_affairs', '{}', 60),
  ('elderly_care', 'livelihood', '养老助残', 'Elderly and disabled care', 30, 240, 120, 120, true, 'civil_affairs', '{老人,助餐,养老,残疾}', 61),
  ('assistance', 'livelihood', '社会救助', 'Social assistance', 30, 240, 120, 120, true, 'civil_affairs', '{低保,救助,困难}', 62),
  ('market', NULL, '市场监管', 'Market regulation', 30, 120, 60, 72, true, 'market_regulation', '{}', 70),
  ('food_safety', 'market', '食品安全', 'Food safety', 30, 120, 60, 72, true, 'market_regulation', '{食品,过期,餐馆,卫生}', 71),
  ('other', NULL, '其他', 'Other', 30, 240, 120, 120, true, NULL, '{}', 90);

INSERT INTO calendar_days (day, is_workday, name) VALUES
  ('2026-01-01', false, '元旦'), ('2026-01-02', false, '元旦'),
  ('2026-02-16', false, '春节'), ('2026-02-17', false, '春节'), ('2026-02-18', false, '春节'), ('2026-02-19', false, '春节'),
  ('2026-02-20', false, '春节'), ('2026-02-23', false, '春节'), ('2026-02-14', true, '春节调休'), ('2026-02-28', true, '春节调休'),
  ('2026-04-06', false, '清明节'), ('2026-05-01', false, '劳动节'), ('2026-05-04', false, '劳动节'), ('2026-05-05', false, '劳动节'),
  ('2026-06-19', false, '端午节'), ('2026-09-25', false, '中秋节'),
  ('2026-10-01', false, '国庆节'), ('2026-10-02', false, '国庆节'), ('2026-10-05', false, '国庆节'), ('2026-10-06', false, '国庆节'),
  ('2026-10-07', false, '国庆节'), ('2026-09-27', true, '国庆调休'), ('2026-10-10', true, '国庆调休');
