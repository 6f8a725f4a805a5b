-- 表决 (issue 17): one phone ballot per user per vote, also when several registry records carry the
-- user's phone — the database's own guard behind the kernel's check (a race answers 409, never two ballots).
CREATE UNIQUE INDEX vote_electors_voter_uq ON vote_electors (vote_id, voter_user_id) WHERE voter_user_id IS NOT NULL;
