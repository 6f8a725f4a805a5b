-- 功能室 (issue 16, rooms): a community's function rooms, their bookings and the usage targets.

-- A room of a community: capacity, opening hours per weekday (index 0 = Monday; null = closed),
-- facilities. The check-in token is what the room's QR poster carries; it is never listed.
CREATE TABLE community_rooms (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  community_id  uuid NOT NULL REFERENCES places(id),
  place_path    text NOT NULL,
  name          text NOT NULL,
  address       text NOT NULL DEFAULT '',
  capacity      integer NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
  opening_hours jsonb NOT NULL,
  facilities    text[] NOT NULL DEFAULT '{}',
  active        boolean NOT NULL DEFAULT true,
  checkin_token text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX community_rooms_path_idx ON community_rooms (place_path text_pattern_ops);
CREATE UNIQUE INDEX community_rooms_name_uq ON community_rooms (community_id, name);

-- A community's targets (absent: 50 days a year, 60 % of booked seats attended).
CREATE TABLE community_room_targets (
  community_id          uuid PRIMARY KEY REFERENCES places(id),
  tenant_id             text NOT NULL,
  min_days_used         integer NOT NULL CHECK (min_days_used BETWEEN 0 AND 366),
  min_participation_pct integer NOT NULL CHECK (min_participation_pct BETWEEN 0 AND 100),
  updated_by            uuid REFERENCES users(id),
  updated_at            timestamptz NOT NULL
);

-- A booking of a room for a volunteer team, a co-building unit or a residents' group, on one day
-- from start_minute to end_minute (minutes after midnight, Beijing time). Overlaps are refused under
-- the room row's lock; ends_at is the end as an instant, for the no-show job.
CREATE TABLE community_room_bookings (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  room_id         uuid NOT NULL REFERENCES community_rooms(id),
  place_path      text NOT NULL,
  day             text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),  -- YYYY-MM-DD, Beijing time
  start_minute    integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute      integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  ends_at         timestamptz NOT NULL,
  for_kind        text NOT NULL CHECK (for_kind IN ('team','unit','group')),
  team_id         uuid REFERENCES volunteer_teams(id),
  organisation_id uuid REFERENCES organisations(id),
  group_name      text NOT NULL DEFAULT '',
  purpose         text NOT NULL,
  expected        integer NOT NULL CHECK (expected >= 1),
  attended        integer CHECK (attended >= 0),
  state           text NOT NULL CHECK (state IN ('booked','checked_in','completed','cancelled','no_show')),
  booked_by       uuid NOT NULL REFERENCES users(id),
  checked_in_at   timestamptz,
  checked_in_by   uuid REFERENCES users(id),
  completed_at    timestamptz,
  cancelled_at    timestamptz,
  cancel_reason   text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  CHECK (end_minute > start_minute),
  CHECK ((for_kind = 'team') = (team_id IS NOT NULL)),
  CHECK ((for_kind = 'unit') = (organisation_id IS NOT NULL))
);
CREATE INDEX community_room_bookings_room_day_idx ON community_room_bookings (room_id, day);
CREATE INDEX community_room_bookings_path_day_idx ON community_room_bookings (place_path text_pattern_ops, day);
CREATE INDEX community_room_bookings_booker_idx ON community_room_bookings (booked_by, day);
