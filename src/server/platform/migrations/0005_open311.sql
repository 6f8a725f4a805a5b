-- Open311 GeoReport v2: API keys for other systems (city hotline, apps) and media links on cases.
CREATE TABLE api_keys (
  id         uuid PRIMARY KEY,
  tenant_id  text NOT NULL,
  name       text NOT NULL,
  prefix     text NOT NULL,          -- first characters, shown in the console to tell keys apart
  key_hash   text NOT NULL UNIQUE,   -- sha256 of the key; the key itself is shown once
  created_by uuid,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

ALTER TABLE cases ADD COLUMN media_url text;
ALTER TABLE cases ADD COLUMN external_account text;
