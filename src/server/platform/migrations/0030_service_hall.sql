-- Days are YYYY-MM-DD text in China time (UTC+8), as the hall's day is.
-- 一站式大厅 and 自助终端 (issue 15): a community's or street's service hall, its windows, appointments
-- by half-day slot, queue tickets (取号/叫号), and the kiosks that stand in it.

-- 便民服务大厅: one hall of a community or street. `open_half_days` names the half-days it is open,
-- as weekday (1 = Monday … 7 = Sunday) and am/pm: '1am', '1pm' … The call screen on the hall's TV is
-- reached by `screen_token` (random, unguessable), without a login.
CREATE TABLE service_halls (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  place_id       uuid NOT NULL REFERENCES places(id),
  place_path     text NOT NULL,
  name           text NOT NULL,
  address        text NOT NULL DEFAULT '',
  slot_capacity  integer NOT NULL CHECK (slot_capacity BETWEEN 0 AND 500),
  open_half_days text[] NOT NULL DEFAULT '{1am,1pm,2am,2pm,3am,3pm,4am,4pm,5am,5pm}',
  screen_token   text NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX service_halls_path_idx ON service_halls (place_path text_pattern_ops);

-- 窗口: "3号窗口 社保医保". A window serves the items and bundles listed (none listed: every item,
-- a 综合窗口). Its ticket letter makes the labels of the tickets it serves (A012).
CREATE TABLE service_hall_windows (
  id            uuid PRIMARY KEY,
  hall_id       uuid NOT NULL REFERENCES service_halls(id),
  tenant_id     text NOT NULL,
  label         text NOT NULL,
  name          text NOT NULL DEFAULT '',
  ticket_letter text NOT NULL DEFAULT 'A' CHECK (ticket_letter ~ '^[A-Z]$'),
  item_ids      uuid[] NOT NULL DEFAULT '{}',
  bundle_ids    uuid[] NOT NULL DEFAULT '{}',
  active        boolean NOT NULL DEFAULT true,
  sort          integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL,
  UNIQUE (hall_id, label)
);

-- Booked appointments per half-day slot, counted in one row so that two bookings at once can never
-- pass the hall's capacity (the count grows only while it is below it, in one statement).
CREATE TABLE service_hall_slots (
  hall_id    uuid NOT NULL REFERENCES service_halls(id),
  day        text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  half_day   text NOT NULL CHECK (half_day IN ('am','pm')),
  tenant_id  text NOT NULL,
  booked     integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (hall_id, day, half_day)
);

-- 预约: one appointment for one item or bundle in one half-day. The applicant's phone is personal
-- data: encrypted, with its keyed hash and its masked form.
CREATE TABLE service_appointments (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  hall_id       uuid NOT NULL REFERENCES service_halls(id),
  place_path    text NOT NULL,
  item_id       uuid REFERENCES service_items(id),
  bundle_id     uuid REFERENCES service_bundles(id),
  day           text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  half_day      text NOT NULL CHECK (half_day IN ('am','pm')),
  applicant_name text NOT NULL,
  phone_enc     text NOT NULL,
  phone_hash    text NOT NULL,
  phone_masked  text NOT NULL,
  user_id       uuid REFERENCES users(id),
  state         text NOT NULL CHECK (state IN ('booked','cancelled','arrived')),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  CHECK ((item_id IS NULL) <> (bundle_id IS NULL))
);
CREATE INDEX service_appointments_day_idx ON service_appointments (hall_id, day, half_day);
CREATE INDEX service_appointments_user_idx ON service_appointments (user_id, day);

-- The last serial of each ticket letter in a hall on a day (A001, A002 …), grown in one statement.
CREATE TABLE service_ticket_counters (
  hall_id  uuid NOT NULL REFERENCES service_halls(id),
  day      text NOT NULL,
  letter   text NOT NULL,
  last     integer NOT NULL,
  PRIMARY KEY (hall_id, day, letter)
);

-- 排队号: one ticket of one day in one hall. Called by one window at a time (叫号 takes the oldest
-- waiting ticket the window serves with FOR UPDATE SKIP LOCKED, so two windows never get the same).
CREATE TABLE service_queue_tickets (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  hall_id        uuid NOT NULL REFERENCES service_halls(id),
  day            text NOT NULL,  -- YYYY-MM-DD in China time
  letter         text NOT NULL,
  serial         integer NOT NULL,
  label          text NOT NULL,
  item_id        uuid REFERENCES service_items(id),
  bundle_id      uuid REFERENCES service_bundles(id),
  source         text NOT NULL CHECK (source IN ('kiosk','phone','window','appointment')),
  appointment_id uuid REFERENCES service_appointments(id),
  user_id        uuid REFERENCES users(id),
  state          text NOT NULL CHECK (state IN ('waiting','called','serving','done','skipped','absent')),
  window_id      uuid REFERENCES service_hall_windows(id),
  calls          integer NOT NULL DEFAULT 0,
  called_at      timestamptz,
  done_at        timestamptz,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  UNIQUE (hall_id, day, letter, serial)
);
CREATE INDEX service_queue_tickets_waiting_idx ON service_queue_tickets (hall_id, day, state, created_at);
CREATE INDEX service_queue_tickets_window_idx ON service_queue_tickets (window_id, called_at);

-- 自助终端: a kiosk device of a hall. Only the SHA-256 of its token is kept; the token is shown once.
CREATE TABLE service_kiosks (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  hall_id      uuid NOT NULL REFERENCES service_halls(id),
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_seen_at timestamptz
);
CREATE INDEX service_kiosks_hall_idx ON service_kiosks (hall_id);
