-- 小律服务: legal questions from residents, answered by the community legal adviser within 24 hours.
CREATE TABLE legal_questions (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL,
  community_id  uuid NOT NULL REFERENCES places(id),
  place_path    text NOT NULL,
  asker_id      uuid REFERENCES users(id),
  asker_name    text NOT NULL,
  question      text NOT NULL,
  text_tokens   text[] NOT NULL DEFAULT '{}',
  is_public     boolean NOT NULL,
  state         text NOT NULL DEFAULT 'open' CHECK (state IN ('open','answered')),
  due_at        timestamptz NOT NULL,
  sla_level     text NOT NULL DEFAULT 'ok' CHECK (sla_level IN ('ok','yellow','red')),
  answer        text,
  answered_by   text,
  answered_at   timestamptz,
  created_at    timestamptz NOT NULL
);
CREATE INDEX legal_questions_path_idx ON legal_questions (place_path text_pattern_ops, created_at);
CREATE INDEX legal_questions_tokens_idx ON legal_questions USING gin (text_tokens);
