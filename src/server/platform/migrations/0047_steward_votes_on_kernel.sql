-- 楼门管家选举 on the one vote kernel (issue 17: "supervisor elections and steward elections use the
-- same votes"). Steward elections become secret kernel votes (subject steward_election, the building
-- as subject and scope); steward_votes and steward_ballots go. Ids are kept, so the nominations and
-- terms that named a steward vote now name the same vote in `votes`.
--
-- What the old tables could not tell, and how it is filled:
-- - closes_on (a China-time day) becomes closes_at = the start of the next day in China time.
-- - The roll: an open vote's roll is built now, as the kernel would at opening (active adult registry
--   residents of the building); electors whose phone matches a user who already voted are marked as
--   having voted by phone. A closed or cancelled vote gets no roll (it was never frozen); its
--   `eligible_count` is the building's residents now, and never fewer than the ballots cast.
-- - Ballots were named (voter, choice). They become secret ballots: a random id, no elector, and a
--   receipt hash nobody holds (the voters were never given a receipt). The voters' names are dropped.
-- - A closed vote's frozen result is rebuilt from its ballots; the old close always had one winner.

-- the candidates: the nominations a vote was opened over, and any nomination a ballot marked (a
-- cancelled vote had released its nominations)
CREATE TABLE steward_vote_options_map AS
SELECT s.vote_id, s.nomination_id, gen_random_uuid() AS option_id,
       row_number() OVER (PARTITION BY s.vote_id ORDER BY n.created_at, n.id)::integer AS position,
       u.display_name AS label
FROM (
  SELECT vote_id, id AS nomination_id FROM steward_nominations WHERE vote_id IS NOT NULL
  UNION
  SELECT vote_id, nomination_id FROM steward_ballots
) s
JOIN steward_nominations n ON n.id = s.nomination_id
JOIN users u ON u.id = n.nominee_user_id;

-- the building's adult registry residents now (the kernel's roll rules, China-time today)
CREATE TABLE steward_vote_roll_map AS
SELECT v.id AS vote_id, r.id AS elector_id, r.household_id, r.phone_hash, v.tenant_id
FROM steward_votes v
JOIN places h ON h.path LIKE v.building_path || '%' AND h.status = 'active'
JOIN residents r ON r.household_id = h.id AND r.status = 'active' AND r.tenant_id = v.tenant_id
WHERE r.birth_date IS NULL
   OR r.birth_date <= ((now() AT TIME ZONE 'Asia/Shanghai')::date - interval '18 years')::date;

INSERT INTO votes (id, tenant_id, community_id, scope_place_id, scope_path, subject_kind, subject_id, title,
                   description, method, max_choices, seats, secret, electorate, allow_phone, allow_paper,
                   quorum_percent, majority, state, opens_at, closes_at, eligible_count, result, created_by,
                   created_at, opened_at, closed_at, closed_by, cancel_reason)
SELECT v.id, v.tenant_id,
       (SELECT c.id FROM places c WHERE c.kind = 'community' AND v.building_path LIKE c.path || '%'
        ORDER BY length(c.path) DESC LIMIT 1),
       v.building_id, v.building_path, 'steward_election', v.building_id, v.title,
       '', 'options', 1, 1, true, 'residents', true, false, 0, 'simple', v.state, v.opened_at,
       CASE WHEN v.closes_on IS NOT NULL
             AND ((v.closes_on::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') > v.opened_at
            THEN (v.closes_on::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
       CASE WHEN v.state = 'open'
            THEN (SELECT count(*) FROM steward_vote_roll_map m WHERE m.vote_id = v.id)
            ELSE greatest((SELECT count(*) FROM steward_vote_roll_map m WHERE m.vote_id = v.id),
                          (SELECT count(*) FROM steward_ballots b WHERE b.vote_id = v.id)) END,
       NULL, v.opened_by, v.opened_at, v.opened_at, v.closed_at, v.closed_by,
       CASE WHEN v.state = 'cancelled' THEN '楼门管家选举已取消' ELSE '' END
FROM steward_votes v;

INSERT INTO vote_options (id, tenant_id, vote_id, position, label, ref_id)
SELECT o.option_id, v.tenant_id, o.vote_id, o.position, o.label, o.nomination_id
FROM steward_vote_options_map o JOIN steward_votes v ON v.id = o.vote_id;

-- open votes: the roll, with those who voted marked (one elector per voter, the first of their records)
INSERT INTO vote_electors (vote_id, tenant_id, elector_id, household_id)
SELECT m.vote_id, m.tenant_id, m.elector_id, m.household_id
FROM steward_vote_roll_map m JOIN steward_votes v ON v.id = m.vote_id
WHERE v.state = 'open';

UPDATE vote_electors e
SET voted_at = b.cast_at, channel = 'phone', voter_user_id = b.voter_user_id
FROM steward_ballots b
JOIN users u ON u.id = b.voter_user_id
WHERE e.vote_id = b.vote_id
  AND e.elector_id = (
    SELECT min(m.elector_id::text)::uuid FROM steward_vote_roll_map m
    WHERE m.vote_id = b.vote_id AND m.phone_hash = u.phone_hash AND u.phone_hash IS NOT NULL);

-- the ballots, made secret: a random id, no elector, no time; a receipt hash nobody holds
CREATE TABLE steward_ballot_map AS
SELECT gen_random_uuid() AS ballot_id, b.vote_id, b.nomination_id, b.tenant_id FROM steward_ballots b;

INSERT INTO vote_ballots (id, tenant_id, vote_id, elector_id, receipt_hash)
SELECT ballot_id, tenant_id, vote_id, NULL, 'migrated:' || ballot_id::text FROM steward_ballot_map;

INSERT INTO vote_marks (ballot_id, option_id)
SELECT m.ballot_id, o.option_id
FROM steward_ballot_map m
JOIN steward_vote_options_map o ON o.vote_id = m.vote_id AND o.nomination_id = m.nomination_id;

-- closed votes: the frozen result (the old close appointed exactly one winner)
UPDATE votes t
SET result = jsonb_build_object(
  'eligible', t.eligible_count,
  'cast', c.cast_n,
  'turnoutPercent', CASE WHEN t.eligible_count > 0 THEN round(c.cast_n * 1000.0 / t.eligible_count) / 10 ELSE 0 END,
  'quorumMet', c.cast_n > 0,
  'counts', c.counts,
  'passed', w.option_id IS NOT NULL,
  'winners', CASE WHEN w.option_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(w.option_id::text) END,
  'failure', CASE WHEN w.option_id IS NOT NULL THEN NULL WHEN c.cast_n = 0 THEN 'no_quorum' ELSE 'tie' END)
FROM steward_votes v
CROSS JOIN LATERAL (
  SELECT (SELECT count(*) FROM steward_ballots b WHERE b.vote_id = v.id)::integer AS cast_n,
         coalesce((SELECT jsonb_agg(jsonb_build_object('optionId', o.option_id::text, 'label', o.label,
                     'votes', (SELECT count(*) FROM steward_ballots b
                               WHERE b.vote_id = v.id AND b.nomination_id = o.nomination_id)::integer)
                     ORDER BY o.position)
                   FROM steward_vote_options_map o WHERE o.vote_id = v.id), '[]'::jsonb) AS counts
) c
LEFT JOIN steward_vote_options_map w ON w.vote_id = v.id AND w.nomination_id = v.winner_nomination_id
WHERE t.id = v.id AND v.state = 'closed';

-- open votes with a closing time close by the kernel's job, as if opened by the kernel
INSERT INTO jobs (id, kind, payload, run_at, dedupe_key, created_at)
SELECT gen_random_uuid(), 'vote.close',
       jsonb_build_object('voteId', t.id::text,
                          'due', to_char(t.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       t.closes_at,
       'vote.close:' || t.id::text || ':' || to_char(t.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       now()
FROM votes t JOIN steward_votes v ON v.id = t.id
WHERE t.state = 'open' AND t.closes_at IS NOT NULL;

-- nominations and terms name the kernel's vote (same ids)
ALTER TABLE steward_nominations DROP CONSTRAINT steward_nominations_vote_fk;
ALTER TABLE steward_nominations ADD CONSTRAINT steward_nominations_vote_fk FOREIGN KEY (vote_id) REFERENCES votes(id);
ALTER TABLE steward_terms DROP CONSTRAINT steward_terms_vote_id_fkey;
ALTER TABLE steward_terms ADD CONSTRAINT steward_terms_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES votes(id);

DROP TABLE steward_ballot_map;
DROP TABLE steward_vote_roll_map;
DROP TABLE steward_vote_options_map;
DROP TABLE steward_ballots;
DROP TABLE steward_votes;

-- one election in progress per building (drafts included), as steward_votes_open_uq kept before
CREATE UNIQUE INDEX votes_steward_open_uq ON votes (subject_id)
  WHERE subject_kind = 'steward_election' AND state IN ('draft', 'open');
