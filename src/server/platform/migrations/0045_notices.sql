-- 五公开 (issue 17): public notices of the five kinds (党务, 财务, 政务, 事务, 服务) for a community, a
-- grid or a building; drafted by staff, approved by another (four eyes), published, withdrawn with a
-- reason. Finance notices carry their lines; the totals are computed by the server and checked here.
-- Reads: one row per logged-in reader; anonymous public views are a bare counter (no IP, no device).

CREATE TABLE public_notices (
  id               uuid PRIMARY KEY,
  tenant_id        text NOT NULL,
  community_id     uuid NOT NULL REFERENCES places(id),
  place_id         uuid NOT NULL REFERENCES places(id),
  place_path       text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('party','finance','government','affairs','service')),
  title            text NOT NULL,
  body             text NOT NULL,
  attachment_ids   uuid[] NOT NULL DEFAULT '{}',
  -- [{direction: income|expense, item, amountFen}] in the order written; empty unless finance.
  finance_lines    jsonb NOT NULL DEFAULT '[]',
  income_fen       bigint NOT NULL DEFAULT 0 CHECK (income_fen >= 0),
  expense_fen      bigint NOT NULL DEFAULT 0 CHECK (expense_fen >= 0),
  balance_fen      bigint NOT NULL DEFAULT 0,
  state            text NOT NULL CHECK (state IN ('draft','pending','published','returned','withdrawn')),
  author_id        uuid NOT NULL REFERENCES users(id),
  last_edited_by   uuid NOT NULL REFERENCES users(id),
  submitted_at     timestamptz,
  approved_by      uuid REFERENCES users(id),
  published_at     timestamptz,
  -- The year (China time) it was published: the archive's shelf.
  published_year   integer,
  return_reason    text,
  withdraw_reason  text,
  withdrawn_at     timestamptz,
  anonymous_views  bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (balance_fen = income_fen - expense_fen),
  CHECK (state NOT IN ('published','withdrawn') OR published_at IS NOT NULL),
  -- Four eyes: whoever approved it neither drafted nor last edited it.
  CHECK (approved_by IS NULL OR (approved_by <> author_id AND approved_by <> last_edited_by))
);
CREATE INDEX public_notices_place_idx ON public_notices (place_path text_pattern_ops, state);
CREATE INDEX public_notices_community_idx ON public_notices (community_id, state, published_at DESC);

-- 流转记录: every step, with its reason, kept (a withdrawal stays in the history).
CREATE TABLE public_notice_events (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  notice_id   uuid NOT NULL REFERENCES public_notices(id),
  action      text NOT NULL CHECK (action IN ('create','edit','submit','approve','return','withdraw')),
  from_state  text,
  to_state    text NOT NULL,
  actor_id    uuid NOT NULL REFERENCES users(id),
  reason      text,
  at          timestamptz NOT NULL
);
CREATE INDEX public_notice_events_notice_idx ON public_notice_events (notice_id, at);

-- 已读: one row per logged-in reader of a notice.
CREATE TABLE public_notice_reads (
  notice_id  uuid NOT NULL REFERENCES public_notices(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  tenant_id  text NOT NULL,
  read_at    timestamptz NOT NULL,
  PRIMARY KEY (notice_id, user_id)
);
CREATE INDEX public_notice_reads_user_idx ON public_notice_reads (user_id);
