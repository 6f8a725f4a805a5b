-- 办件 (issue 15, applications): what the contract of 0027 left out.
-- Every file an application attaches (form file fields and materials) in one plain column: the
-- answers are encrypted, so neither the orphan sweep nor the file-access check could see them there.
ALTER TABLE service_applications ADD COLUMN file_ids uuid[] NOT NULL DEFAULT '{}';
-- A part whose deadline was missed is reported to the level above once (督办); when, for the list.
ALTER TABLE service_application_parts ADD COLUMN escalated_at timestamptz;
CREATE INDEX service_applications_file_ids_idx ON service_applications USING gin (file_ids);
