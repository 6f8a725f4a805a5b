-- An outbox row carries the place it is about (the case's, the whistle's, the legal question's), so
-- staff read the messages of their own places only, like every list. Messages about no place (a
-- resident's login code) keep NULL and are shown to county administrators only.
ALTER TABLE sms_outbox ADD COLUMN place_path text;
UPDATE sms_outbox o SET place_path = c.place_path FROM cases c WHERE c.id = o.case_id;
-- Before this column, a whistle on a place or a legal question named no case: their own id is the
-- second part of the dedupe key (whistle:SUMMONS:... and legal:QUESTION:...).
UPDATE sms_outbox o SET place_path = w.place_path FROM summonses s JOIN whistles w ON w.id = s.whistle_id
  WHERE o.place_path IS NULL AND o.dedupe_key LIKE 'whistle:%' AND split_part(o.dedupe_key, ':', 2) = s.id::text;
UPDATE sms_outbox o SET place_path = q.place_path FROM legal_questions q
  WHERE o.place_path IS NULL AND o.dedupe_key LIKE 'legal:%' AND split_part(o.dedupe_key, ':', 2) = q.id::text;
CREATE INDEX sms_outbox_place_idx ON sms_outbox (place_path text_pattern_ops, created_at);
