-- The case inbox under load (issue 19).
-- 1. Newest first from an index: the first page (and each keyset page after it) reads ~20 rows
--    instead of sorting every case in scope.
CREATE INDEX cases_created_id_idx ON cases (created_at, id);

-- 2. Cases by place, state and overdue (sla_level = 'red'), kept by triggers on cases in the
--    transaction of every change: the inbox's counts by state read a few rows per place instead of
--    every case of a county. One statement's changes are summed and written in key order (no deadlock
--    between two statements touching the same keys).
CREATE TABLE case_state_counts (
  tenant_id  text NOT NULL,
  place_path text NOT NULL,
  state      text NOT NULL,
  red        boolean NOT NULL,
  n          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, place_path, state, red)
);
CREATE INDEX case_state_counts_path_idx ON case_state_counts (place_path text_pattern_ops);

INSERT INTO case_state_counts (tenant_id, place_path, state, red, n)
SELECT tenant_id, place_path, state, sla_level = 'red', count(*)::int FROM cases GROUP BY 1, 2, 3, 4;

CREATE FUNCTION case_state_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_state_counts AS k (tenant_id, place_path, state, red, n)
    SELECT tenant_id, place_path, state, sla_level = 'red', count(*)::int FROM new_rows
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, place_path, state, red) DO UPDATE SET n = k.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_state_counts AS k (tenant_id, place_path, state, red, n)
    SELECT tenant_id, place_path, state, sla_level = 'red', -count(*)::int FROM old_rows
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, place_path, state, red) DO UPDATE SET n = k.n + EXCLUDED.n;
  ELSE
    -- Most updates keep the key: their -1 and +1 cancel and nothing is written.
    INSERT INTO case_state_counts AS k (tenant_id, place_path, state, red, n)
    SELECT tenant_id, place_path, state, red, sum(d)::int FROM (
      SELECT tenant_id, place_path, state, sla_level = 'red' AS red, -1 AS d FROM old_rows
      UNION ALL
      SELECT tenant_id, place_path, state, sla_level = 'red', 1 FROM new_rows
    ) AS changes
    GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, place_path, state, red) DO UPDATE SET n = k.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER case_state_counts_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_state_counts_track();
CREATE TRIGGER case_state_counts_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_state_counts_track();
CREATE TRIGGER case_state_counts_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_state_counts_track();
