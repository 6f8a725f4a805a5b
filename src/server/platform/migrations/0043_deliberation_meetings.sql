-- 议事会议 (issue 17): deliberation meetings in the community or grid hall, their invited parties,
-- agenda (accepted topics), sign-in, minutes, decisions, the tasks decisions become, and hand-ups.

CREATE TABLE deliberation_meetings (
  id                 uuid PRIMARY KEY,
  tenant_id          text NOT NULL,
  community_id       uuid NOT NULL REFERENCES places(id),
  hall               text NOT NULL CHECK (hall IN ('community','grid')),
  grid_id            uuid REFERENCES places(id),
  -- the hall's place: the community, or the grid of a grid hall (the scope of reads and writes)
  place_path         text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('four_party','residents_talk','hearing')),
  title              text NOT NULL,
  starts_at          timestamptz NOT NULL,
  location           text NOT NULL,
  state              text NOT NULL CHECK (state IN ('planned','in_progress','held','cancelled')),
  -- the sign-in QR code: only the hash of its random token, renewed each time it is shown
  checkin_token_hash text UNIQUE,
  created_by         uuid NOT NULL REFERENCES users(id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  held_at            timestamptz,
  CHECK ((hall = 'grid') = (grid_id IS NOT NULL))
);
CREATE INDEX deliberation_meetings_path_idx ON deliberation_meetings (place_path text_pattern_ops, starts_at);
CREATE INDEX deliberation_meetings_community_idx ON deliberation_meetings (community_id, starts_at);

-- 受邀方
CREATE TABLE deliberation_meeting_parties (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  meeting_id      uuid NOT NULL REFERENCES deliberation_meetings(id),
  kind            text NOT NULL CHECK (kind IN ('community','property_company','owners_committee','co_building_unit','residents','legal_adviser','mediator')),
  name            text NOT NULL,
  organisation_id uuid REFERENCES organisations(id),
  user_id         uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL
);
CREATE INDEX deliberation_meeting_parties_meeting_idx ON deliberation_meeting_parties (meeting_id);

-- 议程: one accepted topic per item; a topic is on one agenda at most (taking it off deletes the item).
CREATE TABLE deliberation_agenda_items (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  meeting_id     uuid NOT NULL REFERENCES deliberation_meetings(id),
  topic_id       uuid NOT NULL UNIQUE REFERENCES deliberation_topics(id),
  position       integer NOT NULL,
  summary        text NOT NULL DEFAULT '',
  outcome        text CHECK (outcome IN ('decided','handed_up')),
  decision       text NOT NULL DEFAULT '',
  decided_at     timestamptz,
  hand_up_reason text NOT NULL DEFAULT '',
  handed_up_at   timestamptz,
  vote_id        uuid REFERENCES votes(id),
  vote_result    jsonb,
  follow_up      text NOT NULL DEFAULT '',
  followed_up_at timestamptz,
  followed_up_by uuid REFERENCES users(id),
  created_by     uuid NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL
);
CREATE INDEX deliberation_agenda_items_meeting_idx ON deliberation_agenda_items (meeting_id, position);

-- 各方意见
CREATE TABLE deliberation_positions (
  id         uuid PRIMARY KEY,
  tenant_id  text NOT NULL,
  item_id    uuid NOT NULL REFERENCES deliberation_agenda_items(id),
  party_kind text NOT NULL CHECK (party_kind IN ('community','property_company','owners_committee','co_building_unit','residents','legal_adviser','mediator')),
  body       text NOT NULL,
  position   integer NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX deliberation_positions_item_idx ON deliberation_positions (item_id, position);

-- 签到: one per person — a phone user once (tap or QR), an invited party once, a name once.
CREATE TABLE deliberation_attendance (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  meeting_id  uuid NOT NULL REFERENCES deliberation_meetings(id),
  user_id     uuid REFERENCES users(id),
  party_id    uuid REFERENCES deliberation_meeting_parties(id),
  party_kind  text NOT NULL CHECK (party_kind IN ('community','property_company','owners_committee','co_building_unit','residents','legal_adviser','mediator')),
  name        text NOT NULL,
  via         text NOT NULL CHECK (via IN ('phone','qr','staff')),
  recorded_by uuid REFERENCES users(id),
  signed_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX deliberation_attendance_user_uq ON deliberation_attendance (meeting_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX deliberation_attendance_party_uq ON deliberation_attendance (meeting_id, party_id) WHERE party_id IS NOT NULL;
CREATE UNIQUE INDEX deliberation_attendance_name_uq ON deliberation_attendance (meeting_id, party_kind, name) WHERE user_id IS NULL AND party_id IS NULL;

-- 任务: what a decision becomes — a plain task (a staff member or a department), a case dispatched to
-- a department, or a whistle; its deadline is watched (platform/deadlines.ts).
CREATE TABLE deliberation_tasks (
  id                  uuid PRIMARY KEY,
  tenant_id           text NOT NULL,
  item_id             uuid NOT NULL REFERENCES deliberation_agenda_items(id),
  title               text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('task','case','whistle')),
  owner_user_id       uuid REFERENCES users(id),
  owner_department_id uuid REFERENCES departments(id),
  owner_name          text NOT NULL,
  due_at              timestamptz NOT NULL,
  sla_level           text NOT NULL DEFAULT 'ok' CHECK (sla_level IN ('ok','yellow','red')),
  state               text NOT NULL CHECK (state IN ('open','done')),
  case_id             uuid REFERENCES cases(id),
  whistle_id          uuid REFERENCES whistles(id),
  report              text NOT NULL DEFAULT '',
  done_at             timestamptz,
  done_by             uuid REFERENCES users(id),
  created_by          uuid NOT NULL REFERENCES users(id),
  created_at          timestamptz NOT NULL,
  CHECK ((owner_user_id IS NULL) <> (owner_department_id IS NULL))
);
CREATE INDEX deliberation_tasks_item_idx ON deliberation_tasks (item_id, created_at);
