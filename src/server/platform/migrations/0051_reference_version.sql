-- A version of the reference data every intake reads (case categories, the holiday calendar,
-- business hours), bumped by the database itself on any change of those tables, whoever makes it
-- (a service, the CLI, a seed): each process keeps a copy and compares this counter at most once a
-- second (platform/reference-cache.ts; issue 19).
INSERT INTO system_counters (name, value) VALUES ('reference', 1) ON CONFLICT (name) DO NOTHING;

CREATE FUNCTION bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE system_counters SET value = value + 1 WHERE name = 'reference';
  RETURN NULL;
END;
$$;

CREATE TRIGGER case_categories_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_categories
  FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER calendar_days_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER business_hours_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business_hours
  FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
