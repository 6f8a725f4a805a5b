-- 督办 (supervision): a late case climbs one level per overdue period, community (0) → street (1)
-- → county (2). The case keeps when it climbed to its level, when that level's supervision period
-- ends (if it is still late then, it climbs again), and since when it has been late (the first
-- deadline it missed), which the 督办 queue shows as "how late".
ALTER TABLE cases ADD COLUMN escalated_at timestamptz;
ALTER TABLE cases ADD COLUMN supervision_due_at timestamptz;
ALTER TABLE cases ADD COLUMN overdue_since timestamptz;

-- The 督办 queue reads the escalated or late open cases of a place subtree.
CREATE INDEX cases_supervision_idx ON cases (tenant_id, escalation_level, place_path)
  WHERE escalation_level > 0 OR sla_level = 'red';
