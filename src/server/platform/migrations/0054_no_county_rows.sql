-- The last tenant tables whose rows could lack a county (issue 19). A distributed PostgreSQL (Citus)
-- refuses a row without its distribution column, so a row of the audit trail, of the files or of the
-- SMS outbox that belongs to no county (a resident's login, a photo sent before its community is
-- known, a login code) now carries the county code 000000, which no real county has (GB/T 2260 codes
-- start at 11): one tenant of its own, "no county". Then tenant_id is NOT NULL and in every key, as
-- 0053 did for the other tenant tables; the keys of other tables to files gain it too.
--
-- places and users keep rows without a county (regions above the county, residents' accounts): they
-- are shared by every county and become reference tables (platform/db/table-kinds.ts).
--
-- Every statement may run again (IF EXISTS), like 0053.

-- 1. The tenant guard's policies for rows without a county read "tenant_id IS NULL": taken off here,
-- so that installing the guard again writes them for 000000 (it redoes a table with too few).
DROP POLICY IF EXISTS tenant_guard_read ON audit_log;
DROP POLICY IF EXISTS tenant_guard_add ON audit_log;
DROP POLICY IF EXISTS tenant_guard_read ON files;
DROP POLICY IF EXISTS tenant_guard_add ON files;
DROP POLICY IF EXISTS tenant_guard_read ON sms_outbox;
DROP POLICY IF EXISTS tenant_guard_add ON sms_outbox;

-- 2. A message about a case belongs to the case's county; the rest to no county.
UPDATE sms_outbox s SET tenant_id = c.tenant_id FROM cases c WHERE s.tenant_id IS NULL AND c.id = s.case_id;
UPDATE sms_outbox SET tenant_id = '000000' WHERE tenant_id IS NULL;
UPDATE audit_log SET tenant_id = '000000' WHERE tenant_id IS NULL;
-- A file a county's row shows lives in that county (a photo of goods, a signed agreement, a report).
UPDATE files f SET tenant_id = r.tenant_id FROM monthly_reports r WHERE r.file_id = f.id AND f.tenant_id IS DISTINCT FROM r.tenant_id;
UPDATE files f SET tenant_id = g.tenant_id FROM shop_goods g WHERE g.photo_file_id = f.id AND f.tenant_id IS DISTINCT FROM g.tenant_id;
UPDATE files f SET tenant_id = a.tenant_id FROM unit_agreements a WHERE a.file_id = f.id AND f.tenant_id IS DISTINCT FROM a.tenant_id;
UPDATE files SET tenant_id = '000000' WHERE tenant_id IS NULL;

ALTER TABLE audit_log ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE files ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE sms_outbox ALTER COLUMN tenant_id SET NOT NULL;

-- 3. The keys.
ALTER TABLE monthly_reports DROP CONSTRAINT IF EXISTS monthly_reports_file_id_fkey;
ALTER TABLE shop_goods DROP CONSTRAINT IF EXISTS shop_goods_photo_file_id_fkey;
ALTER TABLE unit_agreements DROP CONSTRAINT IF EXISTS unit_agreements_file_id_fkey;

ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_pkey;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id, tenant_id);
ALTER TABLE files DROP CONSTRAINT IF EXISTS files_pkey;
ALTER TABLE files ADD CONSTRAINT files_pkey PRIMARY KEY (id, tenant_id);
ALTER TABLE sms_outbox DROP CONSTRAINT IF EXISTS sms_outbox_pkey;
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_pkey PRIMARY KEY (id, tenant_id);
ALTER TABLE sms_outbox DROP CONSTRAINT IF EXISTS sms_outbox_dedupe_key_key;
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_dedupe_key_key UNIQUE (dedupe_key, tenant_id);

-- A file that rows of two counties showed (a worker with memberships in both could attach one photo to
-- goods of each) is kept once more for each other county: the same object, a row in that county.
INSERT INTO files (id, tenant_id, mime, size_bytes, sha256, storage_key, uploaded_by, created_at)
SELECT DISTINCT f.id, g.tenant_id, f.mime, f.size_bytes, f.sha256, f.storage_key, f.uploaded_by, f.created_at
FROM shop_goods g JOIN files f ON f.id = g.photo_file_id WHERE f.tenant_id <> g.tenant_id
ON CONFLICT DO NOTHING;
INSERT INTO files (id, tenant_id, mime, size_bytes, sha256, storage_key, uploaded_by, created_at)
SELECT DISTINCT f.id, a.tenant_id, f.mime, f.size_bytes, f.sha256, f.storage_key, f.uploaded_by, f.created_at
FROM unit_agreements a JOIN files f ON f.id = a.file_id WHERE f.tenant_id <> a.tenant_id
ON CONFLICT DO NOTHING;
INSERT INTO files (id, tenant_id, mime, size_bytes, sha256, storage_key, uploaded_by, created_at)
SELECT DISTINCT f.id, r.tenant_id, f.mime, f.size_bytes, f.sha256, f.storage_key, f.uploaded_by, f.created_at
FROM monthly_reports r JOIN files f ON f.id = r.file_id WHERE f.tenant_id <> r.tenant_id
ON CONFLICT DO NOTHING;

ALTER TABLE monthly_reports ADD CONSTRAINT monthly_reports_file_id_fkey FOREIGN KEY (file_id, tenant_id) REFERENCES files (id, tenant_id);
ALTER TABLE shop_goods ADD CONSTRAINT shop_goods_photo_file_id_fkey FOREIGN KEY (photo_file_id, tenant_id) REFERENCES files (id, tenant_id);
ALTER TABLE unit_agreements ADD CONSTRAINT unit_agreements_file_id_fkey FOREIGN KEY (file_id, tenant_id) REFERENCES files (id, tenant_id);
