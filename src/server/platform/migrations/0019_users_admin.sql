-- User administration by the county itself (issue 14): an administrator who sets or resets a
-- password hands it over in person, so the user must choose their own at the next login; until then
-- the API answers only the change-password call and logout (AUTH_PASSWORD_CHANGE_REQUIRED).
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
