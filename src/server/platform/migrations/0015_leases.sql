-- Short exclusive leases across processes, e.g. one resident import per community at a time.
-- A lease ends when its holder releases it, or at expires_at when the holder died.
CREATE TABLE leases (
  name       text PRIMARY KEY,
  holder     text NOT NULL,
  taken_at   timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
