-- Whether the reporter allowed others to see the problem's description, place and photos on public
-- lists (Open311 reads). Off unless the resident said yes: every case stored before now stays private.
ALTER TABLE cases ADD COLUMN is_public boolean NOT NULL DEFAULT false;

-- The public Open311 list: one county's public cases by date.
CREATE INDEX cases_public_created_idx ON cases (tenant_id, created_at) WHERE is_public;
