-- Community life (issue 16): the shared kernel — the points ledger, a person's home community and
-- the link between co-building units and the people who act for them. Each area of community life
-- (volunteers, wishes, the points shop, rooms, stewards, units, canteens) adds its own migration.

-- 积分账户: one per person (a user) or per co-building unit (an organisation) in a county. The
-- row is what a spend locks (FOR UPDATE), so two spends of one account queue and neither overdraws.
CREATE TABLE points_accounts (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  holder_kind     text NOT NULL CHECK (holder_kind IN ('user','organisation')),
  user_id         uuid REFERENCES users(id),
  organisation_id uuid REFERENCES organisations(id),
  created_at      timestamptz NOT NULL,
  CHECK ((holder_kind = 'user') = (user_id IS NOT NULL) AND (holder_kind = 'organisation') = (organisation_id IS NOT NULL))
);
CREATE UNIQUE INDEX points_accounts_user_uq ON points_accounts (tenant_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX points_accounts_org_uq ON points_accounts (tenant_id, organisation_id) WHERE organisation_id IS NOT NULL;

-- 积分流水: append-only. The balance is the sum of an account's entries; a correction is a new
-- entry naming the one it corrects. Every entry names its rule and its source (what earned or
-- spent it) and the community it counts for; one source earns once per rule and account.
CREATE TABLE points_entries (
  id                uuid PRIMARY KEY,
  tenant_id         text NOT NULL,
  account_id        uuid NOT NULL REFERENCES points_accounts(id),
  community_id      uuid NOT NULL REFERENCES places(id),
  points            integer NOT NULL CHECK (points <> 0),
  rule              text NOT NULL,
  source_kind       text NOT NULL,
  source_id         uuid NOT NULL,
  note              text NOT NULL DEFAULT '',
  corrects_entry_id uuid REFERENCES points_entries(id),
  created_by        uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL
);
CREATE INDEX points_entries_account_idx ON points_entries (account_id, created_at);
CREATE INDEX points_entries_community_idx ON points_entries (community_id, created_at);
CREATE UNIQUE INDEX points_entries_source_uq ON points_entries (account_id, rule, source_kind, source_id)
  WHERE rule <> 'correction';

-- The ledger is never edited: UPDATE and DELETE are refused by the database itself.
CREATE FUNCTION points_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points_entries is append-only';
END;
$$;
CREATE TRIGGER points_entries_no_change BEFORE UPDATE OR DELETE ON points_entries
  FOR EACH ROW EXECUTE FUNCTION points_entries_append_only();

-- 积分规则: a community's own rate for an earning rule (points per unit); absent: the default.
CREATE TABLE points_rules (
  community_id uuid NOT NULL REFERENCES places(id),
  rule         text NOT NULL,
  tenant_id    text NOT NULL,
  points       integer NOT NULL CHECK (points >= 0 AND points <= 10000),
  updated_by   uuid REFERENCES users(id),
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, rule)
);

-- 我的社区: where a resident who logged in by phone lives, as they chose it (or as the registry
-- record carrying their phone says). Staff take theirs from their memberships.
ALTER TABLE users ADD COLUMN home_community_id uuid REFERENCES places(id);

-- 双报到: the in-service member's work unit as a registered organisation (the free text stays).
ALTER TABLE in_service_members ADD COLUMN organisation_id uuid REFERENCES organisations(id);
CREATE INDEX in_service_members_org_idx ON in_service_members (organisation_id);

-- The people who act for an organisation (a co-building unit's liaison, a property company's
-- manager): they see the unit's own records, never residents' data.
CREATE TABLE organisation_liaisons (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id         uuid NOT NULL REFERENCES users(id),
  tenant_id       text NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_liaisons_user_idx ON organisation_liaisons (user_id);
