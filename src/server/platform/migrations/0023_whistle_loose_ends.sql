-- Issue 14, the whistle's loose ends.
-- A whistle may carry the time and place of the meeting it calls (协商会 on 7 月 9 日 at 社区议事厅):
-- shown on the whistle and put into every summons text.
ALTER TABLE whistles ADD COLUMN meeting_at timestamptz;
ALTER TABLE whistles ADD COLUMN meeting_place text NOT NULL DEFAULT '';

-- A department with no receiver account (接哨员) in the system is still told: by SMS to its phone on
-- record and to the street officers above the place. The summons keeps who was told, so the whistle
-- shows it ("本部门无接哨账号，已短信通知 …") instead of a summons nobody will ever see.
ALTER TABLE summonses ADD COLUMN no_receiver boolean NOT NULL DEFAULT false;
ALTER TABLE summonses ADD COLUMN told jsonb NOT NULL DEFAULT '[]'::jsonb;

-- A summons lets its department read the whistle's case while it runs: found by the case.
CREATE INDEX whistles_case_idx ON whistles (case_id) WHERE case_id IS NOT NULL;
