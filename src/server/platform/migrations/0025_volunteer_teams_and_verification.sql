-- 志愿服务队 and 核查 (issue 14).
-- A volunteer team (志愿服务队) of a community or street: a name, a leader and members who are
-- users holding the volunteer role there. A case can be dispatched to a team (上门服务); its
-- members see it in their inbox and work it like a department's handlers.
CREATE TABLE volunteer_teams (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  place_id       uuid NOT NULL REFERENCES places(id),
  name           text NOT NULL,
  leader_user_id uuid REFERENCES users(id),
  phone          text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL
);
CREATE INDEX volunteer_teams_place_idx ON volunteer_teams (place_id);

CREATE TABLE volunteer_team_members (
  team_id    uuid NOT NULL REFERENCES volunteer_teams(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  tenant_id  text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX volunteer_team_members_user_idx ON volunteer_team_members (user_id);

ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_assignee_kind_check;
ALTER TABLE cases ADD CONSTRAINT cases_assignee_kind_check CHECK (assignee_kind IN ('user','department','team'));
ALTER TABLE cases ADD COLUMN assignee_team_id uuid REFERENCES volunteer_teams(id);
CREATE INDEX cases_assignee_team_idx ON cases (assignee_team_id, state);

-- 核查: the dispatcher decides at dispatch that the result must be checked on site by a grid
-- worker or dispatcher before the case goes to the reporter's rating (on by default for a team).
-- The check's photos are kept on the case (the orphan sweep of files lists this column).
ALTER TABLE cases ADD COLUMN verify_required boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN verify_photo_ids uuid[] NOT NULL DEFAULT '{}';
