-- 议题的经过 (issue 17): a topic's own history — raised, threshold reached, screened, withdrawn, and
-- what the meetings did to it (scheduled, decided, handed up, closed). Seconds stay in
-- deliberation_seconds (who seconded is not history shown to everyone).
CREATE TABLE deliberation_topic_events (
  id         uuid PRIMARY KEY,
  tenant_id  text NOT NULL,
  topic_id   uuid NOT NULL REFERENCES deliberation_topics(id),
  action     text NOT NULL,
  from_state text,
  to_state   text NOT NULL,
  -- who acted, in the words of the transition table: raiser, community, resident or system
  by_party   text NOT NULL CHECK (by_party IN ('raiser','community','resident','system')),
  by_user_id uuid REFERENCES users(id),
  note       text NOT NULL DEFAULT '',
  at         timestamptz NOT NULL
);
CREATE INDEX deliberation_topic_events_topic_idx ON deliberation_topic_events (topic_id, at);
-- 我提的议题 and 我附议的: by the user.
CREATE INDEX deliberation_topics_raiser_idx ON deliberation_topics (raised_by, created_at);
CREATE INDEX deliberation_seconds_user_idx ON deliberation_seconds (user_id);
